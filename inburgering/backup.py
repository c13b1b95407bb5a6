"""Backups of the database and the stored documents, in one dated folder, and their restore.

A backup folder holds `database.dump` (pg_dump's custom format), `media.tar.gz` (MEDIA_ROOT, with every
beschikking PDF) and `manifest.json`. A restore goes only into an empty database and an empty media folder,
so nothing stored is overwritten, and then checks every stored PDF against the SHA-256 on its record in
the restored database. Only PostgreSQL: on SQLite the commands refuse (copy db.sqlite3 and media/ instead).
"""

import hashlib
import json
import shutil
import subprocess  # noqa: S404 - pg_dump and pg_restore, with argument lists, never a shell
import tarfile
from pathlib import Path

import environ
import psycopg2
from psycopg2 import sql
from psycopg2.extensions import make_dsn

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _


def _postgres(database: dict) -> dict:
    if "postgresql" not in database["ENGINE"]:
        raise CommandError(
            _(
                "Een backup kan alleen van PostgreSQL (DATABASE_URL). Bij SQLite kopieert u zelf het bestand "
                "%(bestand)s en de map %(media)s terwijl de applicatie stilstaat."
            )
            % {"bestand": database["NAME"], "media": settings.MEDIA_ROOT}
        )
    return database


def _conninfo(database: dict) -> str:
    delen = {
        "dbname": database["NAME"],
        "user": database.get("USER"),
        "password": database.get("PASSWORD"),
        "host": database.get("HOST"),
        "port": database.get("PORT"),
    }
    return make_dsn(**{k: str(v) for k, v in delen.items() if v})


def _programma(naam: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        raise CommandError(_("%(naam)s is niet gevonden; installeer de PostgreSQL-clientprogramma's.") % {"naam": naam})
    return pad


def _sha256(pad: Path) -> str:
    digest = hashlib.sha256()
    with pad.open("rb") as bestand:
        for blok in iter(lambda: bestand.read(1 << 20), b""):
            digest.update(blok)
    return digest.hexdigest()


def maak_backup(doel: Path) -> Path:
    """Dump the database and MEDIA_ROOT into a new folder `backup-<date>-<time>` under `doel`."""
    database = _postgres(settings.DATABASES["default"])
    map_ = Path(doel) / f"backup-{timezone.localtime():%Y%m%d-%H%M%S}"
    map_.mkdir(parents=True, exist_ok=False)
    dump = map_ / "database.dump"
    subprocess.run(  # noqa: S603
        [_programma("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={_conninfo(database)}"],
        check=True,
    )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(map_ / "media.tar.gz", "w:gz") as tar:
        if media.exists():
            tar.add(media, arcname="media")
    manifest = {
        "gemaakt_op": timezone.now().isoformat(),
        "bestanden": {naam: _sha256(map_ / naam) for naam in ("database.dump", "media.tar.gz")},
    }
    (map_ / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return map_


def herstel_backup(bron: Path, *, database_url: str | None = None, media: Path | None = None) -> int:
    """Restore a backup folder into an empty database and media folder; returns the number of PDFs checked."""
    bron = Path(bron)
    manifest = json.loads((bron / "manifest.json").read_text())
    for naam, verwacht in manifest["bestanden"].items():
        if _sha256(bron / naam) != verwacht:
            raise CommandError(_("%(naam)s in de backup is beschadigd: de SHA-256 klopt niet.") % {"naam": naam})
    database = _postgres(environ.Env.db_url_config(database_url) if database_url else settings.DATABASES["default"])
    media = Path(media or settings.MEDIA_ROOT)
    conninfo = _conninfo(database)
    tabellen = lees(conninfo, sql.SQL("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))[0][0]
    if tabellen:
        raise CommandError(
            _("Database %(naam)s is niet leeg; herstel alleen in een nieuwe, lege database.")
            % {"naam": database["NAME"]}
        )
    if media.exists() and any(media.iterdir()):
        raise CommandError(_("Map %(map)s is niet leeg; herstel alleen in een nieuwe, lege map.") % {"map": media})
    subprocess.run(  # noqa: S603
        [
            _programma("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            f"--dbname={conninfo}",
            str(bron / "database.dump"),
        ],
        check=True,
    )
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(bron / "media.tar.gz", "r:gz") as tar:
        for lid in tar.getmembers():
            if lid.name == "media":
                continue
            lid.name = lid.name.removeprefix("media/")
            tar.extract(lid, media, filter="data")  # "data" refuses paths outside the folder
    return controleer_documenten(conninfo, media)


def opgeslagen_documenten():
    """Every stored document with its hash: (table, file column, hash column) for a `…pdf` FileField that has
    a `…sha256` field beside it on the same model (pdf/sha256, intrekking_pdf/intrekking_sha256)."""
    for model in apps.get_models():
        velden = {veld.name: veld for veld in model._meta.concrete_fields}
        for naam, veld in velden.items():
            hash_veld = velden.get(naam.removesuffix("pdf") + "sha256")
            if isinstance(veld, models.FileField) and naam.endswith("pdf") and hash_veld is not None:
                yield model._meta.db_table, veld.column, hash_veld.column


def lees(conninfo: str, query) -> list[tuple]:
    """Rows from the database at `conninfo` (not Django's connection: the restored database is another one)."""
    verbinding = psycopg2.connect(conninfo)
    try:
        with verbinding.cursor() as cursor:
            cursor.execute(query)
            return cursor.fetchall()
    finally:
        verbinding.close()


def controleer_documenten(conninfo: str, media: Path) -> int:
    """Check every stored PDF in `media` against the SHA-256 on its record in the database at `conninfo`."""
    fouten, geteld = [], 0
    for tabel, bestand_kolom, hash_kolom in opgeslagen_documenten():
        query = sql.SQL("SELECT {b}, {h} FROM {t} WHERE {b} <> ''").format(
            b=sql.Identifier(bestand_kolom), h=sql.Identifier(hash_kolom), t=sql.Identifier(tabel)
        )
        for naam, verwacht in lees(conninfo, query):
            geteld += 1
            pad = media / naam
            if not pad.is_file():
                fouten.append(_("%(naam)s ontbreekt") % {"naam": naam})
            elif _sha256(pad) != verwacht:
                fouten.append(_("%(naam)s wijkt af van de SHA-256 in de database") % {"naam": naam})
    if fouten:
        raise CommandError(_("Herstelde documenten kloppen niet: %(fouten)s.") % {"fouten": "; ".join(fouten)})
    return geteld
