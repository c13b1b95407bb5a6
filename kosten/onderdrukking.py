"""The report's rows with the core's small-number rule applied to the persons behind each voorziening.

Counts of persons 1 to 4 show as `<5`, as on the dashboard (inburgering.rapportage.onderdrukking). Amounts
and quantities are shown as they are: the SPUK must be accounted for to the euro and matched with the
aanbieders' invoices, and a total per gemeente, year and voorziening names nobody. Rows are voorzieningen,
not parts of one whole: one person can use several, so the persons have no total that a hidden count could be
worked out from, and no secondary suppression is needed.
"""

from dataclasses import dataclass
from decimal import Decimal

from inburgering.rapportage.onderdrukking import ONDERDRUKT, klein

from .models import EENHEDEN, Eenheid


@dataclass(frozen=True)
class Rapportregel:
    voorziening: str
    eenheid: str
    hoeveelheid: Decimal  # of the priced uses: it goes with `contractbedrag`
    personen: int | None  # None: suppressed
    contractbedrag: Decimal
    handmatig: Decimal  # booked by hand: no quantity of the unit behind it
    zonder_prijs: int

    @property
    def bedrag(self) -> Decimal:
        return self.contractbedrag + self.handmatig

    @property
    def personen_tekst(self) -> str:
        return ONDERDRUKT if self.personen is None else str(self.personen)


def rapportregels(totalen) -> list[Rapportregel]:
    return [
        Rapportregel(
            voorziening=totaal.label,
            eenheid=" / ".join(str(Eenheid(e).label) for e in EENHEDEN[totaal.voorziening]),
            hoeveelheid=totaal.hoeveelheid,
            personen=None if klein(totaal.aantal_personen) else totaal.aantal_personen,
            contractbedrag=totaal.contractbedrag,
            handmatig=totaal.handmatig,
            zonder_prijs=totaal.zonder_prijs,
        )
        for totaal in totalen
    ]
