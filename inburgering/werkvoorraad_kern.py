"""The core's own entries of the werkvoorraad: deadlines, signalen and DUO's requests to act."""

import datetime

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import werkvoorraad
from .duo.queries import duo_acties_query
from .models import Inburgeraar, Signaal, Termijn


def _open_termijnen(user):
    return Termijn.objects.filter(
        inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user),
        voldaan_op__isnull=True,
        opgeschort=False,
        uiterste_datum__isnull=False,
    ).order_by("uiterste_datum", "pk")


def termijnen_vandaag(user):
    """Deadlines of today, and those already passed: both ask for action today."""
    return _open_termijnen(user).filter(uiterste_datum__lte=timezone.localdate())


def termijnen_deze_week(user):
    """Deadlines after today up to and including this week's Sunday."""
    vandaag = timezone.localdate()
    zondag = vandaag + datetime.timedelta(days=6 - vandaag.weekday())
    return _open_termijnen(user).filter(uiterste_datum__gt=vandaag, uiterste_datum__lte=zondag)


def open_signalen(user):
    return (
        Signaal.objects.filter(
            termijn__inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user), status=Signaal.Status.OPEN
        )
        .exclude(gesnoozed_tot__gt=timezone.localdate())
        .select_related("termijn")
        .order_by(F("uiterste_datum").asc(nulls_first=True), "niveau", "pk")
    )


def duo_acties(user):
    return duo_acties_query(Inburgeraar.objects.zichtbaar_voor(user))["notificaties"]


def duo_geweigerd(user):
    return duo_acties_query(Inburgeraar.objects.zichtbaar_voor(user))["berichten"]


def registreer_kern() -> None:
    werkvoorraad.registreer(
        "termijnen_vandaag",
        _("Termijnen vandaag of verstreken"),
        termijnen_vandaag,
        "inburgering:dossier",
        pad="inburgeraar__",
        volgorde=10,
        detail=str,
    )
    werkvoorraad.registreer(
        "termijnen_week",
        _("Termijnen deze week"),
        termijnen_deze_week,
        "inburgering:dossier",
        pad="inburgeraar__",
        volgorde=20,
        detail=str,
    )
    werkvoorraad.registreer(
        "inburgering:signalen",
        _("Open signalen"),
        open_signalen,
        "inburgering:signalen",
        pad="termijn__inburgeraar__",
        per_dossier=False,
        volgorde=30,
        detail=lambda signaal: signaal.termijn,
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
