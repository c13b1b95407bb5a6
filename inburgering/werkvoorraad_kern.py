"""The core's own blocks of the werkvoorraad: deadlines (as their open signalen) and DUO's requests to act."""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import werkvoorraad
from .duo.queries import duo_acties_query
from .models import Inburgeraar


def zondag():
    """This week's Sunday: the end of the block *Termijnen deze week*."""
    vandaag = timezone.localdate()
    return vandaag + datetime.timedelta(days=6 - vandaag.weekday())


def onbekend() -> Q:
    """Deadlines that run without the facts to compute them: the work is to fill in the fact."""
    return Q(uiterste_datum__isnull=True)


def vandaag() -> Q:
    """Deadlines of today and those already passed: both ask for action today."""
    return Q(uiterste_datum__lte=timezone.localdate())


def deze_week() -> Q:
    """Deadlines after today up to and including this week's Sunday."""
    return Q(uiterste_datum__gt=timezone.localdate(), uiterste_datum__lte=zondag())


def later() -> Q:
    return Q(uiterste_datum__gt=zondag())


def duo_acties(user):
    return duo_acties_query(Inburgeraar.objects.zichtbaar_voor(user))["notificaties"]


def duo_geweigerd(user):
    return duo_acties_query(Inburgeraar.objects.zichtbaar_voor(user))["berichten"]


def registreer_kern() -> None:
    # The date blocks: disjoint by their rules, so each open signaal stands in one of them.
    for sleutel, titel, regel, volgorde in (
        ("termijnen_onbekend", _("Termijnen onbekend: een gegeven ontbreekt"), onbekend, 5),
        ("termijnen_vandaag", _("Termijnen vandaag of verstreken"), vandaag, 10),
        ("termijnen_week", _("Termijnen deze week"), deze_week, 20),
        ("signalen_later", _("Signalen van latere termijnen"), later, 90),
    ):
        werkvoorraad.registreer_signaalblok(
            sleutel, titel, regel, "inburgering:dossier", volgorde=volgorde, detail=lambda signaal: signaal.termijn
        )
    werkvoorraad.registreer(
        "duo_acties",
        _("DUO vraagt actie"),
        duo_acties,
        "inburgering:dossier",
        pad="inburgeraar__",
        volgorde=40,
        detail=lambda notificatie: notificatie.actie,
    )
    werkvoorraad.registreer(
        "duo_geweigerd",
        _("Berichten die DUO weigerde"),
        duo_geweigerd,
        "inburgering:dossier",
        pad="inburgeraar__",
        volgorde=45,
        detail=lambda bericht: bericht.get_soort_display(),
    )
