"""The intake's rules as pure functions: advice warnings, what blocks finishing, the no-show ladder.

No database here, so every rule is tested exhaustively. The norms that are policy rather than law
(the onderwijsroute's age of 28, the fine) come in as arguments from settings.
"""

import datetime
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Leerbaarheidstoets, Leerroute, NietVerschenen, Niveau

# Which niveau fits which route; the first is the default. The advice becomes the first PIP, and DUO
# refuses A2 on a first PIP (DUO's README, inburgering/duo/m2m): A2 comes only later, by afschalen. The onderwijsroute
# aims at B1 or higher; the Z-route at A1.
NIVEAUS_PER_ROUTE = {
    Leerroute.B1: (Niveau.B1,),
    Leerroute.ONDERWIJS: (Niveau.B1, Niveau.B2),
    Leerroute.Z: (Niveau.A1,),
}


@dataclass(frozen=True)
class Waarschuwing:
    code: str
    tekst: str


@dataclass(frozen=True)
class Ontbrekend:
    anker: str
    tekst: str


def leeftijd(geboortedatum: datetime.date, op: datetime.date) -> int:
    return op.year - geboortedatum.year - ((op.month, op.day) < (geboortedatum.month, geboortedatum.day))


def advies_waarschuwingen(
    *,
    leerroute: str,
    geboortedatum: datetime.date,
    op: datetime.date,
    lbt: Leerbaarheidstoets | None,
    leeftijd_tot: int,
) -> list[Waarschuwing]:
    """Warnings the regisseur must acknowledge before the advice is stored; they never block it."""
    jaren = leeftijd(geboortedatum, op)
    resultaat = lbt.resultaat if lbt is not None and lbt.heeft_uitslag else ""
    waarschuwingen = []
    if leerroute == Leerroute.ONDERWIJS and jaren < 18:
        waarschuwingen.append(
            Waarschuwing(
                "onderwijsroute_jonger_dan_18",
                _("De onderwijsroute is er voor inburgeraars van 18 jaar en ouder; deze inburgeraar is %(jaren)s.")
                % {"jaren": jaren},
            )
        )
    if leerroute == Leerroute.ONDERWIJS and jaren >= leeftijd_tot:
        waarschuwingen.append(
            Waarschuwing(
                "onderwijsroute_leeftijd",
                _(
                    "De onderwijsroute is bedoeld voor inburgeraars jonger dan %(grens)s jaar; "
                    "deze inburgeraar is %(jaren)s."
                )
                % {"grens": leeftijd_tot, "jaren": jaren},
            )
        )
    if leerroute == Leerroute.Z and resultaat != Leerbaarheidstoets.Resultaat.NIET_HAALBAAR:
        if resultaat == Leerbaarheidstoets.Resultaat.HAALBAAR:
            tekst = _("Volgens de leerbaarheidstoets is de B1-route haalbaar; een Z-route wijkt daarvan af.")
        else:
            tekst = _("Er is geen uitslag van de leerbaarheidstoets die een Z-route onderbouwt.")
        waarschuwingen.append(Waarschuwing("z_route_zonder_lbt", tekst))
    if leerroute == Leerroute.B1 and resultaat == Leerbaarheidstoets.Resultaat.NIET_HAALBAAR:
        waarschuwingen.append(
            Waarschuwing(
                "b1_route_niet_haalbaar",
                _("Volgens de leerbaarheidstoets is de B1-route niet haalbaar binnen de inburgeringstermijn."),
            )
        )
    return waarschuwingen


def ontbrekend_voor_afronden(
    *,
    aantal_gesprekken: int,
    lbt_klaar: bool,
    vereiste_secties: dict[str, tuple[str, bool]],
    vve_ontbreekt: bool,
    heeft_advies: bool,
) -> list[Ontbrekend]:
    """What the law still asks before the intake can end; `vereiste_secties` is slug -> (label, klaar)."""
    ontbrekend = []
    if aantal_gesprekken == 0:
        ontbrekend.append(Ontbrekend("gesprekken", _("Leg ten minste één intakegesprek vast.")))
    if not lbt_klaar:
        ontbrekend.append(
            Ontbrekend(
                "leerbaarheidstoets",
                _("Leerbaarheidstoets: vul de uitslag in, een vrijstelling met reden, of waarom de toets niet kon."),
            )
        )
    for slug, (label, klaar) in vereiste_secties.items():
        if not klaar:
            ontbrekend.append(
                Ontbrekend(
                    slug,
                    _("%(leefgebied)s: kies een score, of schrijf waarom dit niet in kaart te brengen is.")
                    % {"leefgebied": capfirst(label)},
                )
            )
    if vve_ontbreekt:
        ontbrekend.append(
            Ontbrekend(
                "gezin",
                _("Gezin en kinderopvang: informeer de ouders over voor- en vroegschoolse educatie en vink dat aan."),
            )
        )
    if not heeft_advies:
        ontbrekend.append(Ontbrekend("advies", _("Leg het advies voor de leerroute vast.")))
    return ontbrekend


def voorgestelde_vervolgstap(aantal_verwijtbaar: int) -> str:
    """The model policy: written warning, then a fine, then a fine again and the PIP without the person."""
    if aantal_verwijtbaar <= 0:
        return NietVerschenen.Vervolgstap.GEEN
    if aantal_verwijtbaar == 1:
        return NietVerschenen.Vervolgstap.WAARSCHUWING
    if aantal_verwijtbaar == 2:
        return NietVerschenen.Vervolgstap.BOETE
    return NietVerschenen.Vervolgstap.BOETE_EN_PIP
