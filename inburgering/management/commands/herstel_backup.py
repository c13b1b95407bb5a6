from pathlib import Path

from django.core.management.base import BaseCommand

from inburgering.backup import herstel_backup


class Command(BaseCommand):
    help = (
        "Zet een backup-map terug in een lege database en een lege mediamap, en controleert daarna elke "
        "opgeslagen PDF tegen de SHA-256 in de herstelde database."
    )

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path, help="De backup-map (backup-JJJJMMDD-UUMMSS).")
        parser.add_argument(
            "--database-url", default=None, help="Doeldatabase (standaard DATABASE_URL); moet leeg zijn."
        )
        parser.add_argument(
            "--media", type=Path, default=None, help="Doelmap voor de documenten (standaard MEDIA_ROOT)."
        )

    def handle(self, *args, map, database_url, media, **options):  # noqa: A002 - the argument's name on the CLI
        aantal = herstel_backup(map, database_url=database_url, media=media)
        self.stdout.write(
            self.style.SUCCESS(f"Backup hersteld; {aantal} documenten gecontroleerd, alle SHA-256 kloppen.")
        )
