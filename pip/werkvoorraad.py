"""The PIP's entries in the regisseur's werkvoorraad: concepts to finish and voortgangsgesprekken due."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.models import Inburgeraar, Termijn
from inburgering.termijnen import Soort

from .models import Pip

# A voortgangsgesprek counts as due this long before its deadline: time to plan it.
VOORTGANG_VOORUIT = datetime.timedelta(days=14)


def concepten(user):
    return Pip.objects.filter(
        inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user), status=Pip.Status.CONCEPT
    ).order_by("created_at", "pk")


def voortgangsgesprekken(user):
    return Termijn.objects.filter(
        inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user),
        soort=Soort.VOORTGANGSGESPREK,
        voldaan_op__isnull=True,
        opgeschort=False,
        uiterste_datum__lte=timezone.localdate() + VOORTGANG_VOORUIT,
    ).order_by("uiterste_datum", "pk")


def registreer() -> None:
    from inburgering import werkvoorraad

    werkvoorraad.registreer(
        "concept_pips",
        _("Concept-PIP's"),
        concepten,
        "pip:pip",
        pad="inburgeraar__",
        volgorde=60,
        detail=lambda pip: _("versie %(versie)s") % {"versie": pip.versie},
    )
    werkvoorraad.registreer(
        "voortgangsgesprekken",
        _("Voortgangsgesprekken te houden"),
        voortgangsgesprekken,
        "pip:pip",
        pad="inburgeraar__",
        volgorde=70,
        detail=lambda termijn: _("uiterlijk %(datum)s") % {"datum": opmaak.datum(termijn.uiterste_datum)},
    )
