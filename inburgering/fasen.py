"""The dossier's fasen and which moves between them the law's process allows (docs/dossier.md).

    aangemeld -> intake -> pip -> uitvoering -> afgerond (voldaan)
          \\_______________________________/ -> afgerond (ontheffing, vrijstelling) or uitgeschreven

Pure data and functions: no database, so the machine is tested exhaustively.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .termijnen import WI2013


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

# Under the Wet inburgering 2013 (the ondertussen-groep, models.Regime's "wi2013") the gemeente fixes no
# PIP (Wi2021 art. 54, see docs/wet-inburgering.md). The dossier goes from aangemeld, or after an intake,
# to the uitvoering, in which the gemeente follows and supports; with no vaststelling to move it there,
# the regisseur does. From pip too: a dossier found to be Wi2013 before its PIP was fixed.
TRANSITIES_WI2013: dict[str, frozenset[str]] = {
    **TRANSITIES,
    Fase.AANGEMELD: frozenset({Fase.INTAKE, Fase.UITVOERING, Fase.AFGEROND, Fase.UITGESCHREVEN}),
    Fase.INTAKE: frozenset({Fase.UITVOERING, Fase.AFGEROND, Fase.UITGESCHREVEN}),
    Fase.PIP: frozenset({Fase.UITVOERING, Fase.AFGEROND, Fase.UITGESCHREVEN}),
}
HANDMATIG_WI2013 = HANDMATIG | {Fase.UITVOERING}


def _transities(regime: str) -> dict[str, frozenset[str]]:
    return TRANSITIES_WI2013 if regime == WI2013 else TRANSITIES


def handmatige_fasen(huidig: str, regime: str = "") -> list[Fase]:
    """The fasen the fase form offers for a dossier in `huidig` under `regime` (default the Wi2021)."""
    handmatig = HANDMATIG_WI2013 if regime == WI2013 else HANDMATIG
    return [fase for fase in volgende_fasen(huidig, regime) if fase in handmatig]


def volgende_fasen(huidig: str, regime: str = "") -> list[Fase]:
    """The fasen a dossier in `huidig` may move to, in process order."""
    return [fase for fase in Fase if fase in _transities(regime)[huidig]]


def mag_naar(huidig: str, nieuw: str, regime: str = "") -> bool:
    return nieuw in _transities(regime)[huidig]


def pad(regime: str = "", huidig: str = "", *, zonder_intake: bool = False) -> list[Fase]:
    """The fasen a dossier walks, in order, for the header's stepper; uitgeschreven leaves the path.
    Under the Wi2013 there is no PIP to prepare, unless the dossier (`huidig`) was found to be Wi2013
    while it was in that fase; and the intake is optional there (aangemeld goes straight to the
    uitvoering), so a dossier that went on without one (`zonder_intake`) does not show it as done."""
    stappen = [Fase.AANGEMELD, Fase.INTAKE, Fase.PIP, Fase.UITVOERING, Fase.AFGEROND]
    if regime == WI2013 and zonder_intake and huidig in (Fase.UITVOERING, Fase.AFGEROND):
        stappen.remove(Fase.INTAKE)
    return [fase for fase in stappen if not (regime == WI2013 and fase == Fase.PIP and huidig != Fase.PIP)]
