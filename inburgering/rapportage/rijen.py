"""One line of the dashboard: an indicator's value per doelgroep and in total, before suppression."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TOTAAL = "totaal"
# Columns: the reports' three doelgroepen (DUO's detailed values grouped in selectie.GROEP) and the total.
KOLOMMEN = [
    ("asiel", _("Asielstatushouder")),
    ("gezin", _("Gezinsmigrant")),
    ("overig", _("Overige migrant")),
    (TOTAAL, _("Totaal")),
]

AANTAL = "aantal"
PERCENTAGE = "percentage"
DAGEN = "dagen"
UREN = "uren"


@dataclass
class Rij:
    """`waarden` per column; `basis` is the number of persons behind a percentage, median or sum of hours."""

    naam: str
    soort: str
    waarden: dict
    basis: dict = field(default_factory=dict)
    toelichting: str = ""
    onderwerp: str = ""


def _kolom(data, sleutel):
    return {kolom: (data.get(kolom) or {}).get(sleutel) or 0 for kolom, _label in KOLOMMEN}


def aantal(naam, data, sleutel, toelichting="") -> Rij:
    return Rij(str(naam), AANTAL, _kolom(data, sleutel), toelichting=str(toelichting))


def percentage(naam, data, teller, noemer, toelichting="") -> Rij:
    """The share `teller`/`noemer`; `waarden` holds the teller, `basis` the noemer."""
    return Rij(str(naam), PERCENTAGE, _kolom(data, teller), _kolom(data, noemer), str(toelichting))


def mediaan(naam, data, sleutel, basis, toelichting="") -> Rij:
    waarden = {kolom: (data.get(kolom) or {}).get(sleutel) for kolom, _label in KOLOMMEN}
    return Rij(str(naam), DAGEN, waarden, _kolom(data, basis), str(toelichting))


def uren(naam, data, sleutel, basis, toelichting="") -> Rij:
    return Rij(str(naam), UREN, _kolom(data, sleutel), _kolom(data, basis), str(toelichting))
