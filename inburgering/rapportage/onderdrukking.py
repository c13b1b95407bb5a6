"""Small numbers are never shown: the same cells on screen, in CSV and in XLSX (docs/rapportage.md).

Rules (CBS-style):
- a count of 1 to 4 shows as "<5"; 0 stays 0: nobody can be picked out of an empty cell;
- a percentage shows only when both its teller and its noemer are 0 or at least 5, a median or a sum of
  hours only when at least 5 persons are behind it; with nobody behind it, it shows "–";
- secondary suppression: when exactly one doelgroep cell of a count is suppressed, the smallest other
  non-zero doelgroep cell is suppressed too, or the total when there is none, so that no suppressed
  cell can be worked out by subtracting from the total.
"""

from dataclasses import dataclass
from decimal import Decimal

from .rijen import AANTAL, DAGEN, KOLOMMEN, PERCENTAGE, TOTAAL, UREN

DREMPEL = 5
ONDERDRUKT = "<5"
GEEN = "–"


@dataclass(frozen=True)
class Cel:
    """One shown value: `tekst` for screen and CSV, `getal` for XLSX (None when suppressed or empty)."""

    tekst: str
    getal: float | int | None = None
    onderdrukt: bool = False


def klein(n) -> bool:
    return 0 < (n or 0) < DREMPEL


def cellen(rij) -> list[Cel]:
    """The row's cells in the order of KOLOMMEN."""
    if rij.soort == AANTAL:
        return _aantallen(rij.waarden)
    return [_afgeleid(rij, kolom) for kolom, _label in KOLOMMEN]


def _aantallen(waarden) -> list[Cel]:
    groepen = [kolom for kolom, _label in KOLOMMEN if kolom != TOTAAL]
    verborgen = {kolom for kolom in groepen if klein(waarden[kolom])}
    if klein(waarden[TOTAAL]):
        verborgen.add(TOTAAL)
    if len(verborgen - {TOTAAL}) == 1:
        anderen = sorted((waarden[k], k) for k in groepen if k not in verborgen and waarden[k])
        verborgen.add(anderen[0][1] if anderen else TOTAAL)
    return [
        Cel(ONDERDRUKT, None, True) if kolom in verborgen else Cel(str(waarden[kolom]), waarden[kolom])
        for kolom, _label in KOLOMMEN
    ]


def _afgeleid(rij, kolom) -> Cel:
    basis = rij.basis.get(kolom) or 0
    waarde = rij.waarden.get(kolom)
    if not basis:
        return Cel(GEEN)
    if klein(basis) or (rij.soort == PERCENTAGE and klein(waarde)):
        return Cel(ONDERDRUKT, None, True)
    if rij.soort == PERCENTAGE:
        fractie = waarde / basis
        return Cel(f"{fractie * 100:.0f}%", fractie)
    if rij.soort == DAGEN:
        return Cel(_getal(waarde), float(waarde))
    if rij.soort == UREN:
        return Cel(_getal(waarde), float(waarde))
    raise ValueError(rij.soort)


def _getal(waarde) -> str:
    """Dutch notation: 12 or 12,5."""
    waarde = Decimal(str(waarde)).quantize(Decimal("0.1"))
    return f"{waarde:f}".removesuffix(".0").replace(".", ",")
