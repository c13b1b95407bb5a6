"""The dossier's fasen and which moves between them the law's process allows (DESIGN.md).

    aangemeld -> intake -> pip -> uitvoering -> afgerond (voldaan)
          \\_______________________________/ -> afgerond (ontheffing, vrijstelling) or uitgeschreven

Pure data and functions: no database, so the machine is tested exhaustively.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fase(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    INTAKE = "intake", _("Brede intake")
    PIP = "pip", _("PIP in voorbereiding")
    UITVOERING = "uitvoering", _("Uitvoering")
    AFGEROND = "afgerond", _("Afgerond")
    UITGESCHREVEN = "uitgeschreven", _("Uitgeschreven")


class RedenUitschrijving(models.TextChoices):
    VERHUISD = "verhuisd", _("Verhuisd naar een gemeente buiten dit systeem")
    VERTROKKEN = "vertrokken", _("Vertrokken uit Nederland")
    OVERLEDEN = "overleden", _("Overleden")


class RedenAfronding(models.TextChoices):
    """Why the plicht ended while the dossier stayed here (Wi2021 art. 7, 8 and 9)."""

    VOLDAAN = "voldaan", _("Voldaan aan de inburgeringsplicht")
    ONTHEFFING = "ontheffing", _("Ontheffing")
    VRIJSTELLING = "vrijstelling", _("Vrijstelling")
    VERVALLEN = "vervallen", _("Inburgeringsplicht vervallen")


class Uitstroom(models.TextChoices):
    """Where the person went when the dossier ended: Emmen monitors paid work and regular education."""

    WERK = "werk", _("Betaald werk")
    OPLEIDING = "opleiding", _("Reguliere opleiding")
    GEEN = "geen", _("Geen werk of opleiding")


# An ontheffing or vrijstelling (Wi2021 art. 8 and 9) can end the plicht in any fase, so every running
# fase may move to afgerond; only the uitvoering ends as voldaan (REDENEN_AFRONDING).
TRANSITIES: dict[str, frozenset[str]] = {
    Fase.AANGEMELD: frozenset({Fase.INTAKE, Fase.AFGEROND, Fase.UITGESCHREVEN}),
    Fase.INTAKE: frozenset({Fase.PIP, Fase.AFGEROND, Fase.UITGESCHREVEN}),
    Fase.PIP: frozenset({Fase.UITVOERING, Fase.AFGEROND, Fase.UITGESCHREVEN}),
    Fase.UITVOERING: frozenset({Fase.AFGEROND, Fase.UITGESCHREVEN}),
    Fase.AFGEROND: frozenset(),
    Fase.UITGESCHREVEN: frozenset(),
}


def redenen_afronding(huidig: str) -> list[RedenAfronding]:
    """Why a dossier in `huidig` may be afgerond: voldaan needs the uitvoering of a leerroute."""
    return [r for r in RedenAfronding if huidig == Fase.UITVOERING or r != RedenAfronding.VOLDAAN]


# Fasen in which the dossier has ended; the retention period counts from then.
EINDFASEN = frozenset({Fase.AFGEROND, Fase.UITGESCHREVEN})

# Fasen in which the dossier is still active work for the regisseur.
LOPEND = frozenset({Fase.AANGEMELD, Fase.INTAKE, Fase.PIP, Fase.UITVOERING})


# The fasen a regisseur picks by hand. The others follow from the work itself: the brede intake's
# start and afronding and the vaststelling of the PIP move the dossier through their services.
HANDMATIG = frozenset({Fase.AFGEROND, Fase.UITGESCHREVEN})


def handmatige_fasen(huidig: str) -> list[Fase]:
    """The fasen the fase form offers for a dossier in `huidig`."""
    return [fase for fase in volgende_fasen(huidig) if fase in HANDMATIG]


def volgende_fasen(huidig: str) -> list[Fase]:
    """The fasen a dossier in `huidig` may move to, in process order."""
    return [fase for fase in Fase if fase in TRANSITIES[huidig]]


def mag_naar(huidig: str, nieuw: str) -> bool:
    return nieuw in TRANSITIES[huidig]
