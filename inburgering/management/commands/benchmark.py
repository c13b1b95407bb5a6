from django.core.management.base import BaseCommand

from inburgering.benchmark import meet
from inburgering.models import Inburgeraar


class Command(BaseCommand):
    help = (
        "Meet sync, scan, caseload, signalen en dossierpagina, elk ook als verhouding tot een minimale "
        "ingelogde pagina in dezelfde run. Draai eerst genereer_testdata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--herhalingen", type=int, default=5, help="metingen per pagina (mediaan)")

    def handle(self, *args, herhalingen, **options):
        resultaten = meet(herhalingen=herhalingen)
        basis = dict(resultaten)["minimale pagina (ingelogd)"]
        breedte = max(len(naam) for naam, _ in resultaten)
        self.stdout.write(f"Dossiers in de database: {Inburgeraar.objects.count()}")
        self.stdout.write(f"{'onderdeel'.ljust(breedte)}  {'tijd (ms)':>11}  {'× minimaal':>11}")
        for naam, seconden in resultaten:
            self.stdout.write(f"{naam.ljust(breedte)}  {seconden * 1000:11.1f}  {seconden / basis:11.1f}")
