"""Small numbers are never shown, and no sign says more than is true: the same cells on screen, in CSV and in
XLSX (docs/rapportage.md).

Primary suppression, cell by cell:
- a count whose persons number 1 to 4 shows "<5" (the sign says what the cell holds); 0 stays 0;
- a percentage whose teller or noemer is 1 to 4, and a median or a sum of hours with 1 to 4 persons behind it,
  shows "×": the value itself may be 758 hours, so "<5" would be untrue; with nobody behind it, it shows "–".

Secondary suppression: the figures are additive in lines. Each row's three doelgroepen add up to its total, a
percentage's tellers too (a shown percentage gives its teller away, as its noemer is on the page), and part
rows (`deel_van`, of any indicator) add up to their whole row (`sleutel`) in every column. A line with hidden
cells must keep every one of them undetermined: it hides one more cell ("×", never "<5") while a single hidden
cell is left, or while what the line's margin minus its visible cells leaves can be split in one way only, given
that a "<5" is 1 to 4 and a hidden count "×" is 0 or at least 5. It hides the smallest other non-zero cell, else
the margin; lines are revisited until none changes, as a cell hidden for one line may open another.
"""

from dataclasses import dataclass
from decimal import Decimal

from .rijen import AANTAL, DAGEN, KOLOMMEN, PERCENTAGE, TOTAAL, UREN

DREMPEL = 5
ONDERDRUKT = "<5"  # a count of 1 to 4 persons
AFGESCHERMD = "×"  # hidden: rests on fewer than 5 persons, or would let another hidden cell be worked out
GEEN = "–"
ONEINDIG = float("inf")

_GROEPEN = [kolom for kolom, _label in KOLOMMEN if kolom != TOTAAL]
_ADDITIEF = (AANTAL, PERCENTAGE, UREN)


@dataclass(frozen=True)
class Cel:
    """One shown value: `tekst` for screen and CSV, `getal` for XLSX (None when suppressed or empty)."""

    tekst: str
    getal: float | int | None = None
    onderdrukt: bool = False


def klein(n) -> bool:
    return 0 < (n or 0) < DREMPEL


def personen(rij, kolom) -> int:
    """The number of persons behind a cell: a count counts persons unless the indicator says otherwise."""
    if rij.soort == AANTAL and kolom not in rij.basis:
        return rij.waarden.get(kolom) or 0
    return rij.basis.get(kolom) or 0


def cellen(rij) -> list[Cel]:
    """One row on its own (its doelgroepen against its total); a report suppresses all its rows with `onderdruk`."""
    onderdruk([rij])
    return rij.cellen


def onderdruk(rijen) -> None:
    """Set `cellen` on every row, in the order of KOLOMMEN, with the rows' lines suppressed together."""
    rijen = list(rijen)
    verborgen = {(i, kolom) for i, rij in enumerate(rijen) for kolom, _label in KOLOMMEN if _primair(rij, kolom)}
    lijnen = _lijnen(rijen)
    gewijzigd = True
    while gewijzigd:
        gewijzigd = False
        for delen, marge in lijnen:
            extra = _aanvulling(rijen, delen, marge, verborgen)
            if extra:
                verborgen.add(extra)
                gewijzigd = True
    for i, rij in enumerate(rijen):
        rij.cellen = [_cel(rij, kolom, (i, kolom) in verborgen) for kolom, _label in KOLOMMEN]


def _primair(rij, kolom) -> bool:
    if rij.soort == PERCENTAGE:
        return klein(rij.waarden.get(kolom)) or klein(rij.basis.get(kolom))
    return klein(personen(rij, kolom))


def _lijnen(rijen) -> list[tuple[list, tuple]]:
    """(parts, margin) of every additive line: each row across the doelgroepen, each whole down its parts."""
    lijnen = [
        ([(i, kolom) for kolom in _GROEPEN], (i, TOTAAL)) for i, rij in enumerate(rijen) if rij.soort in _ADDITIEF
    ]
    for i, geheel in enumerate(rijen):
        delen = [j for j, rij in enumerate(rijen) if geheel.sleutel and rij.deel_van == geheel.sleutel]
        if delen:
            lijnen += [([(j, kolom) for j in delen], (i, kolom)) for kolom, _label in KOLOMMEN]
    return lijnen


def _waarde(rijen, cel):
    i, kolom = cel
    return Decimal(str(rijen[i].waarden.get(kolom) or 0))


def _aanvulling(rijen, delen, marge, verborgen):
    """The cell to hide next so that this line gives no hidden cell away; None when it gives nothing away."""
    verborgen_delen = [cel for cel in delen if cel in verborgen]
    if not verborgen_delen and marge not in verborgen:
        return None
    if marge in verborgen:
        if verborgen_delen:
            return None  # two unknowns at least, one of them the margin: no hidden cell follows
    elif len(verborgen_delen) > 1:
        rest = _waarde(rijen, marge) - sum((_waarde(rijen, cel) for cel in delen if cel not in verborgen), Decimal(0))
        if not any(_vastgelegd(rijen, cel, verborgen_delen, rest) for cel in verborgen_delen):
            return None
    zichtbaar = sorted((_waarde(rijen, cel), n) for n, cel in enumerate(delen) if cel not in verborgen)
    niet_nul = [delen[n] for waarde, n in zichtbaar if waarde]
    if niet_nul:
        return niet_nul[0]
    if marge not in verborgen:
        return marge
    return delen[zichtbaar[0][1]] if zichtbaar else None


def _domein(rijen, cel) -> list[tuple]:
    """What a reader knows of a hidden cell's value, as intervals: a "<5" is 1 to 4, a hidden count "×" is 0 or
    at least 5; a hidden teller lies between 0 and its noemer (shown elsewhere); hours are not negative."""
    i, kolom = cel
    rij = rijen[i]
    if rij.soort == AANTAL:
        if klein(rij.waarden.get(kolom)):
            return [(1, 4)]
        return [(0, 0), (DREMPEL, ONEINDIG)]
    if rij.soort == PERCENTAGE:
        noemer = rij.basis.get(kolom) or 0
        return [(0, min(noemer, DREMPEL - 1) if klein(noemer) else noemer)]
    return [(0, ONEINDIG)]


def _vastgelegd(rijen, cel, verborgen_delen, rest) -> bool:
    """Whether `rest` (the margin minus the visible parts) leaves this hidden cell one value only."""
    anderen = [(0, 0)]
    for ander in verborgen_delen:
        if ander != cel:
            anderen = _som(anderen, _domein(rijen, ander))
    rest = float(rest)
    mogelijk = _snijpunt(_domein(rijen, cel), [(rest - hoog, rest - laag) for laag, hoog in anderen])
    return len(mogelijk) == 1 and mogelijk[0][0] == mogelijk[0][1]


def _som(a, b) -> list[tuple]:
    return _samenvoegen([(x[0] + y[0], x[1] + y[1]) for x in a for y in b])


def _snijpunt(a, b) -> list[tuple]:
    paren = [(max(x[0], y[0]), min(x[1], y[1])) for x in a for y in b]
    return _samenvoegen([(laag, hoog) for laag, hoog in paren if laag <= hoog])


def _samenvoegen(intervallen) -> list[tuple]:
    uit = []
    for laag, hoog in sorted(intervallen):
        if uit and laag <= uit[-1][1] + 1:
            uit[-1] = (uit[-1][0], max(uit[-1][1], hoog))
        else:
            uit.append((laag, hoog))
    return uit


def _cel(rij, kolom, verborgen: bool) -> Cel:
    waarde = rij.waarden.get(kolom)
    if rij.soort == AANTAL:
        if verborgen:
            return Cel(ONDERDRUKT if klein(waarde) else AFGESCHERMD, None, True)
        return Cel(str(waarde or 0), waarde or 0)
    if verborgen:
        return Cel(AFGESCHERMD, None, True)
    basis = rij.basis.get(kolom) or 0
    if not basis:
        return Cel(GEEN)
    if rij.soort == PERCENTAGE:
        fractie = waarde / basis
        return Cel(f"{fractie * 100:.0f}%", fractie)
    if rij.soort in (DAGEN, UREN):
        return Cel(_getal(waarde), float(waarde))
    raise ValueError(rij.soort)


def _getal(waarde) -> str:
    """Dutch notation: 12 or 12,5."""
    waarde = Decimal(str(waarde)).quantize(Decimal("0.1"))
    return f"{waarde:f}".removesuffix(".0").replace(".", ",")
