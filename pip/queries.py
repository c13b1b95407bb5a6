"""Reusable reads of the PIP, each starting from a dossier the caller already reached."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from inburgering.models import Inburgeraar

from . import regels
from .models import Pip, Voortgangsgesprek


@dataclass(frozen=True)
class Planning:
    volgende: datetime.date | None
    is_te_laat: bool


def versies(inburgeraar: Inburgeraar) -> list[Pip]:
    """Every version, newest first, with who fixed it: one query."""
    return list(
        Pip.objects.filter(inburgeraar=inburgeraar).select_related("vastgesteld_door", "vorige").order_by("-versie")
    )


# What a maatschappelijk begeleider needs of the PIP for participation work, no more:
# no leerroute details, no Participatiewet obligations (they reveal the bijstand).
PARTICIPATIEVELDEN = (
    "dualiteit",
    "dualiteit_uren_per_week",
    "dualiteit_afspraken",
    "maatschappelijke_begeleiding",
    "map_intensiteit",
    "pvt_intensiteit",
    "kinderopvang",
    "vervoer",
)


@dataclass(frozen=True)
class Participatieafspraken:
    versie: int
    dagtekening: datetime.date
    afspraken: list[tuple[str, str]]


def participatieafspraken(inburgeraar: Inburgeraar) -> Participatieafspraken | None:
    """The current vastgestelde PIP's participation agreements, as labelled texts: one query."""
    pip = (
        Pip.objects.vastgesteld()
        .filter(inburgeraar=inburgeraar)
        .only("versie", "dagtekening", *PARTICIPATIEVELDEN)
        .order_by("-versie")
        .first()
    )
    if pip is None:
        return None
    afspraken = []
    for veld in PARTICIPATIEVELDEN:
        waarde = getattr(pip, veld)
        if waarde not in ("", None):
            tekst = pip.get_dualiteit_display() if veld == "dualiteit" else str(waarde)
            afspraken.append((str(Pip._meta.get_field(veld).verbose_name), tekst))
    return Participatieafspraken(versie=pip.versie, dagtekening=pip.dagtekening, afspraken=afspraken)


def voortgangsgesprekken(inburgeraar: Inburgeraar) -> list[Voortgangsgesprek]:
    return list(Voortgangsgesprek.objects.filter(inburgeraar=inburgeraar).select_related("vastgelegd_door"))


def planning(
    inburgeraar: Inburgeraar, huidig: Pip | None, gesprekken: list[Voortgangsgesprek], vandaag=None
) -> Planning:
    """The next voortgangsgesprek from the PIP's frequency, and whether it is late."""
    if huidig is None:
        return Planning(None, False)
    laatste = gesprekken[0] if gesprekken else None
    volgende = regels.volgend_voortgangsgesprek(
        datum_huidige_pip=inburgeraar.datum_huidige_pip,
        laatste_gesprek=laatste.datum if laatste else None,
        afgesproken=laatste.volgende_datum if laatste else None,
        maanden=huidig.voortgangsgesprek_maanden,
    )
    vandaag = vandaag or timezone.localdate()
    return Planning(volgende, volgende is not None and volgende < vandaag)
