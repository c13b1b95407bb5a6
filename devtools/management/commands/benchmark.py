from django.core.management.base import BaseCommand

from devtools.benchmark import CPU_DUO, CPU_HEALTH, meet
from inburgering.models import Inburgeraar

KOPPEN = ("onderdeel", "tijd (ms)", "× minimaal", "SQL-grens (ms)", "admin (ms)")


def _ms(seconden: float | None) -> str:
    return "—" if seconden is None else f"{seconden * 1000:.1f}"


class Command(BaseCommand):
    help = (
        "Meet sync, scan, caseload, signalen, dossierpagina en het aannemen van een DUO-notificatie, elk ook "
        "als verhouding tot een minimale ingelogde pagina in dezelfde run; voor caseload en dossierpagina ook "
        "de grens (één handgeschreven SQL-query, HTML met string joins) en de Django-admin. "
        "Draai eerst genereer_testdata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--herhalingen", type=int, default=5, help="metingen per pagina (mediaan)")

    def handle(self, *args, herhalingen, **options):
        resultaten = meet(herhalingen=herhalingen)
        basis = next(m.seconden for m in resultaten if m.naam == "minimale pagina (ingelogd)")
        regels = [
            (m.naam, _ms(m.seconden), f"{m.seconden / basis:.1f}", _ms(m.sql_grens), _ms(m.admin)) for m in resultaten
        ]
        breedtes = [max(len(regel[i]) for regel in [KOPPEN, *regels]) for i in range(len(KOPPEN))]
        self.stdout.write(f"Dossiers in de database: {Inburgeraar.objects.count()}")
        for regel in [KOPPEN, *regels]:
            naam, *getallen = (
                waarde.rjust(b) if i else waarde.ljust(b)
                for i, (waarde, b) in enumerate(zip(regel, breedtes, strict=True))
            )
            self.stdout.write("  ".join([naam, *getallen]).rstrip())
        cpu = {m.naam: m.seconden for m in resultaten}
        self.stdout.write(
            f"DUO-notificatie: {cpu[CPU_DUO] / cpu[CPU_HEALTH]:.2f}× de CPU-tijd van een health check (doel: ≤ 1,3×)"
        )
