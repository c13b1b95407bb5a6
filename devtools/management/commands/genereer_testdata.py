from django.core.management.base import BaseCommand, CommandError

from devtools.benchmark import genereer


class Command(BaseCommand):
    help = (
        "Maakt N synthetische dossiers (standaard 50.000) in gemeente 'Benchmark' voor belastingtests. "
        "BSN's voldoen aan de elfproef in de reeks 88xxxxxxx. Niet voor productie."
    )

    def add_arguments(self, parser):
        parser.add_argument("aantal", nargs="?", type=int, default=50_000)
        parser.add_argument("--seed", type=int, default=2021)

    def handle(self, *args, aantal, seed, **options):
        if aantal < 1:
            raise CommandError("Het aantal moet minstens 1 zijn.")
        gemaakt = genereer(aantal, seed=seed)
        self.stdout.write(self.style.SUCCESS(f"{gemaakt} synthetische dossiers gemaakt in gemeente Benchmark."))
