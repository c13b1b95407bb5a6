from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from inburgering.backup import maak_backup


class Command(BaseCommand):
    help = "Maakt een backup van de database (pg_dump) en de opgeslagen documenten (MEDIA_ROOT) in één gedateerde map."

    def add_arguments(self, parser):
        parser.add_argument("--doel", type=Path, default=None, help="Map voor de backups (standaard BACKUP_DIR).")

    def handle(self, *args, doel, **options):
        map_ = maak_backup(doel or settings.BACKUP_DIR)
        self.stdout.write(self.style.SUCCESS(f"Backup gemaakt: {map_}"))
