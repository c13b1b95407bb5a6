"""Horizontal bar charts as plain numbers for templates/inburgering/rapportage/_staafdiagram.svg.

Server-side SVG, no JavaScript: each bar has its label above it and its (suppressed) value beside it;
the table beside the chart carries the same numbers for screen readers.
"""

from dataclasses import dataclass

from .rijen import AANTAL, KOLOMMEN, TOTAAL

BREEDTE = 400
STAAF_MAX = 330
REGEL = 44
STAAF_HOOGTE = 18

_TOTAAL_INDEX = [kolom for kolom, _label in KOLOMMEN].index(TOTAAL)


@dataclass(frozen=True)
class Staaf:
    label: str
    tekst: str
    y_label: int
    y: int
    breedte: int
    x_tekst: int


@dataclass(frozen=True)
class Diagram:
    titel: str
    omschrijving: str
    staven: list
    hoogte: int
    breedte: int = BREEDTE


def diagram(titel, rijen) -> Diagram | None:
    """The totals of the count rows of one section (already suppressed); None when the section has no counts."""
    waarden = [(rij.naam, rij.cellen[_TOTAAL_INDEX]) for rij in rijen if rij.soort == AANTAL]
    if not waarden:
        return None
    grootste = max((cel.getal or 0 for _naam, cel in waarden), default=0) or 1
    staven = []
    for i, (naam, cel) in enumerate(waarden):
        breedte = round(STAAF_MAX * (cel.getal or 0) / grootste)
        y = i * REGEL + 20
        staven.append(Staaf(naam, cel.tekst, y - 4, y, breedte, breedte + 6))
    omschrijving = "; ".join(f"{naam}: {cel.tekst}" for naam, cel in waarden)
    return Diagram(str(titel), omschrijving, staven, len(waarden) * REGEL + 10)
