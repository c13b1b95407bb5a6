"""A backup that has been restored: the dump and the stored beschikkingen go back into a fresh database and
media folder, and every PDF matches the SHA-256 on its record in the restored database."""

import uuid

import psycopg2
import pytest
from psycopg2.extensions import make_dsn

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from inburgering.backup import controleer_documenten, lees

pytestmark = pytest.mark.django_db(transaction=True)


def _beheer(conninfo, opdracht):
    verbinding = psycopg2.connect(conninfo)
    verbinding.autocommit = True
    try:
        with verbinding.cursor() as cursor:
            cursor.execute(opdracht)
    finally:
        verbinding.close()


@pytest.fixture
def lege_database():
    """A new, empty PostgreSQL database beside the test database, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.fail("de backup-test vraagt PostgreSQL (DATABASE_URL)")
    naam = f"herstel_{uuid.uuid4().hex[:12]}"
    beheer = {**settings.DATABASES["default"], "NAME": "postgres"}
    conninfo = make_dsn(
        dbname="postgres",
        user=beheer.get("USER") or None,
        host=beheer.get("HOST") or None,
        port=beheer.get("PORT") or None,
    )
    _beheer(conninfo, f'CREATE DATABASE "{naam}"')
    gebruiker = beheer.get("USER") or "postgres"
    yield f"postgres://{gebruiker}@{beheer.get('HOST') or '127.0.0.1'}:{beheer.get('PORT') or 5432}/{naam}"
    _beheer(conninfo, f'DROP DATABASE "{naam}" WITH (FORCE)')


def test_a_restored_backup_holds_every_beschikking_with_its_sha256(vastgesteld, lege_database, tmp_path):
    assert vastgesteld.pdf and vastgesteld.sha256

    call_command("maak_backup", doel=tmp_path / "backups")
    [map_] = (tmp_path / "backups").iterdir()
    assert {p.name for p in map_.iterdir()} == {"database.dump", "media.tar.gz", "manifest.json"}
    nieuw_media = tmp_path / "hersteld"
    call_command("herstel_backup", map_, database_url=lege_database, media=nieuw_media)

    conninfo = make_dsn(lege_database)
    [(pdf, sha256)] = lees(conninfo, "SELECT pdf, sha256 FROM pip_pip WHERE pdf <> ''")
    assert (pdf, sha256) == (vastgesteld.pdf.name, vastgesteld.sha256)
    assert controleer_documenten(conninfo, nieuw_media) == 1

    # A changed document is caught, and a restore never goes over stored data.
    (nieuw_media / pdf).write_bytes(b"%PDF-1.7 vervalst")
    with pytest.raises(CommandError, match="wijkt af van de SHA-256"):
        controleer_documenten(conninfo, nieuw_media)
    with pytest.raises(CommandError, match="is niet leeg"):
        call_command("herstel_backup", map_, database_url=lege_database, media=tmp_path / "leeg")


def test_on_sqlite_the_backup_refuses_in_dutch(settings, tmp_path):
    settings.DATABASES = {
        **settings.DATABASES,
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"},
    }
    with pytest.raises(CommandError, match="alleen van PostgreSQL"):
        call_command("maak_backup", doel=tmp_path)
