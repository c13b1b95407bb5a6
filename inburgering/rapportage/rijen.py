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
    """`waarden` per column; `basis` is the number of persons behind each cell: the noemer of a percentage, the
    persons behind a median or a sum of hours, and behind a count of something other than persons.

    `sleutel` names a row that is the whole of other rows; a part row names it in `deel_van`, and the parts add up
    to the whole in every column (afgerond = afgerond per reden), so suppression reads them as one more line.
    `cellen` is set by `onderdrukking.onderdruk`.
    """

    naam: str
    soort: str
    waarden: dict
    basis: dict = field(default_factory=dict)
    toelichting: str = ""
    onderwerp: str = ""
    sleutel: str = ""
    deel_van: str = ""
    cellen: list | None = None


def _kolom(data, sleutel):
    return {kolom: (data.get(kolom) or {}).get(sleutel) or 0 for kolom, _label in KOLOMMEN}


def aantal(naam, data, sleutel, toelichting="", *, personen=None, geheel="", deel_van="") -> Rij:
    """A count of persons; `personen` names the persons behind it when it counts something else (afrondingen).
    `geheel` makes it a whole that rows with `deel_van` set to the same name add up to."""
    basis = _kolom(data, personen) if personen else {}
    return Rij(str(naam), AANTAL, _kolom(data, sleutel), basis, str(toelichting), sleutel=geheel, deel_van=deel_van)


def percentage(naam, data, teller, noemer, toelichting="") -> Rij:
    """The share `teller`/`noemer`; `waarden` holds the teller, `basis` the noemer."""
    return Rij(str(naam), PERCENTAGE, _kolom(data, teller), _kolom(data, noemer), str(toelichting))


def mediaan(naam, data, sleutel, basis, toelichting="") -> Rij:
    waarden = {kolom: (data.get(kolom) or {}).get(sleutel) for kolom, _label in KOLOMMEN}
    return Rij(str(naam), DAGEN, waarden, _kolom(data, basis), str(toelichting))


def uren(naam, data, sleutel, basis, toelichting="") -> Rij:
    return Rij(str(naam), UREN, _kolom(data, sleutel), _kolom(data, basis), str(toelichting))
