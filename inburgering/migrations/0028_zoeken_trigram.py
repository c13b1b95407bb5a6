"""Trigram indexes for the caseload's search (CaseloadFilterForm, `_zoek`), on PostgreSQL only.

Each index holds exactly the expression the search's lookups compare, so PostgreSQL reads matches
from it instead of scanning every dossier: `icontains` is `UPPER(col::text) LIKE UPPER('%word%')`,
`iexact` is `UPPER(col::text) = UPPER('word')` and `endswith` is `col::text LIKE '%123'`. A trigram
index serves the suffix too: pg_trgm takes a pattern's end without wildcard as a word's end, so
`%123` asks for the trigrams "123" and "23 " and the heap check keeps the exact matches. SQLite
keeps its scans: see inburgering.migration_operations.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models
from django.db.models.functions import Upper

from inburgering.migration_operations import OnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("inburgering", "0027_signaal_werkvoorraad_index"),
    ]

    operations = [
        OnPostgreSQL(TrigramExtension()),
        OnPostgreSQL(
            migrations.AddIndex(
                "inburgeraar",
                GinIndex(OpClass(Upper("voornamen"), name="gin_trgm_ops"), name="dossier_zoek_voornamen"),
            )
        ),
        OnPostgreSQL(
            migrations.AddIndex(
                "inburgeraar",
                GinIndex(OpClass(Upper("achternaam"), name="gin_trgm_ops"), name="dossier_zoek_achternaam"),
            )
        ),
        # Each word is also compared to the tussenvoegsel as a whole: a B-tree on the same expression.
        OnPostgreSQL(
            migrations.AddIndex("inburgeraar", models.Index(Upper("tussenvoegsel"), name="dossier_zoek_tussenvoegsel"))
        ),
        OnPostgreSQL(
            migrations.AddIndex(
                "inburgeraar", GinIndex(fields=["bsn"], opclasses=["gin_trgm_ops"], name="dossier_zoek_bsn")
            )
        ),
    ]
