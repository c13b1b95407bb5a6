"""The PIP's entries in the regisseur's werkvoorraad: concepts to finish and voortgangsgesprekken due."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak, werkvoorraad
from inburgering.models import Inburgeraar
from inburgering.termijnen import Soort

from .models import Pip

# A voortgangsgesprek counts as due this long before its deadline: time to plan it.
VOORTGANG_VOORUIT = datetime.timedelta(days=14)


def concepten(user):
    """Concepts to finish, apart from those whose dated PIP deadline already stands in a deadline block:
    finishing the concept is that deadline's work, and a piece of work stands in one block. (An unknown PIP
    deadline asks for a missing fact, other work.)"""
    pip_termijn = {
        "soort": Soort.PIP_VASTSTELLING,
        "uiterste_datum__isnull": False,
        "inburgeraar": OuterRef("inburgeraar"),
    }
    in_termijnblok = [
        Exists(werkvoorraad.signalen_in_blok(blok).filter(**pip_termijn))
        for blok in ("termijnen_vandaag", "termijnen_week")
    ]
    return (
        Pip.objects.filter(inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user), status=Pip.Status.CONCEPT)
        .exclude(in_termijnblok[0])
        .exclude(in_termijnblok[1])
        .order_by("created_at", "pk")
    )


def voortgangsgesprek_te_houden() -> Q:
    """Its own block, before the blocks by date: where the gesprek is planned and recorded."""
    return Q(soort=Soort.VOORTGANGSGESPREK, uiterste_datum__lte=timezone.localdate() + VOORTGANG_VOORUIT)


def registreer() -> None:
    werkvoorraad.registreer(
        "concept_pips",
        _("Concept-PIP's"),
        concepten,
        "pip:pip",
        pad="inburgeraar__",
        volgorde=60,
        detail=lambda pip: _("versie %(versie)s") % {"versie": pip.versie},
    )
    werkvoorraad.registreer_signaalblok(
        "voortgangsgesprekken",
        _("Voortgangsgesprekken te houden"),
        voortgangsgesprek_te_houden,
        "pip:pip",
        voorrang=10,
        volgorde=70,
        detail=lambda signaal: _("uiterlijk %(datum)s") % {"datum": opmaak.datum(signaal.uiterste_datum)},
    )
