import json
from pathlib import Path

from django.core.management.base import BaseCommand

from devtools.benchmark import CPU_DUO, CPU_HEALTH, meet
from inburgering.models import Inburgeraar

KOPPEN = ("onderdeel", "tijd (ms)", "× minimaal", "SQL-grens (ms)", "admin (ms)")


def _ms(seconden: float | None) -> str:
    return "—" if seconden is None else f"{seconden * 1000:.1f}"


class Command(BaseCommand):
    help = (
        "Meet sync, scan, caseload, zoeken, signalen, werkvoorraad, de teller in het menu, dossierpagina en het "
        "aannemen van een DUO-notificatie, elk ook als verhouding tot een minimale ingelogde pagina in dezelfde "
        "run; waar ze er zijn ook de grens (één handgeschreven SQL-query, HTML met string joins) en de "
        "Django-admin. Met --bewaar en --vergelijk de groei tussen twee aantallen dossiers. "
        "Draai eerst genereer_testdata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--herhalingen", type=int, default=5, help="metingen per pagina (mediaan)")
        parser.add_argument("--bewaar", type=Path, help="schrijf de tijden naar dit JSON-bestand")
        parser.add_argument(
            "--vergelijk", type=Path, help="zet de groei ten opzichte van een met --bewaar geschreven run erbij"
        )

    def handle(self, *args, herhalingen, bewaar=None, vergelijk=None, **options):
        dossiers = Inburgeraar.objects.count()
        resultaten = meet(herhalingen=herhalingen)
        basis = next(m.seconden for m in resultaten if m.naam == "minimale pagina (ingelogd)")
        koppen, eerder = KOPPEN, {}
        if vergelijk:
            vorige = json.loads(vergelijk.read_text())
            eerder = vorige["metingen"]
            koppen = (*KOPPEN, f"groei × (t.o.v. {vorige['dossiers']} dossiers)")
        regels = [
            (
                m.naam,
                _ms(m.seconden),
                f"{m.seconden / basis:.1f}",
                _ms(m.sql_grens),
                _ms(m.admin),
                *([f"{m.seconden / eerder[m.naam]:.1f}" if eerder.get(m.naam) else "—"] if vergelijk else []),
            )
            for m in resultaten
        ]
        breedtes = [max(len(regel[i]) for regel in [koppen, *regels]) for i in range(len(koppen))]
        self.stdout.write(f"Dossiers in de database: {dossiers}")
        for regel in [koppen, *regels]:
            naam, *getallen = (
                waarde.rjust(b) if i else waarde.ljust(b)
                for i, (waarde, b) in enumerate(zip(regel, breedtes, strict=True))
            )
            self.stdout.write("  ".join([naam, *getallen]).rstrip())
        metingen = {m.naam: m.seconden for m in resultaten}
        self.stdout.write(
            f"DUO-notificatie: {metingen[CPU_DUO] / metingen[CPU_HEALTH]:.2f}× de CPU-tijd van een health check "
            "(doel: ≤ 1,3×)"
        )
        if bewaar:
            bewaar.write_text(json.dumps({"dossiers": dossiers, "metingen": metingen}, indent=2))
