"""Reports for beleidsmedewerkers: figures per gemeente or regio, never a person (docs/rapportage.md).

The core owns the framework: the selection (which gemeenten, which period, which cohort), the
registry of indicators, suppression of small counts, charts and exports. Each indicator is a
function that takes a `Selectie` and returns `Rij`en, computed with a bounded number of SQL queries
whatever the number of dossiers. The core registers the indicators its own milestone fields answer
(`kern.py`); a domain app registers its own in its AppConfig.ready():

    from inburgering.rapportage import Onderwerp, registreer, uren

    @registreer("z_route_uren", onderwerp=Onderwerp.LEERROUTES, volgorde=30)
    def z_route_uren(selectie):
        data = selectie.per_groep(
            Deelname.objects.filter(selectie.in_periode("datum"), inburgeraar__in=selectie.dossiers()),
            prefix="inburgeraar__",  # the path to the dossier, for the doelgroep columns
            z_uren=Sum("uren"),  # aggregate names must differ from field names
            personen=Count("inburgeraar", distinct=True),
        )
        return [uren(_("Participatie-uren Z-route"), data, "z_uren", "personen")]

and imports that module in `ready()`. The rows of a registered key appear on the dashboard, in the
CSV and XLSX, suppressed by the same rules, and the isolation matrix needs no new row.
"""

from .register import Onderwerp, indicatoren, registreer
from .rijen import KOLOMMEN, TOTAAL, Rij, aantal, mediaan, percentage, uren
from .selectie import Selectie

__all__ = [
    "KOLOMMEN",
    "TOTAAL",
    "Onderwerp",
    "Rij",
    "Selectie",
    "aantal",
    "indicatoren",
    "mediaan",
    "percentage",
    "registreer",
    "uren",
]
