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
