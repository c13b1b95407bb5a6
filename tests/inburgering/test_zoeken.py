"""The caseload's search on PostgreSQL's trigram indexes: the same dossiers in the same order as the plain
lookups, the indexes in place and used, and nothing of it on other databases."""

from unittest import mock

import pytest

from django.db import connection
from django.db.models import Q
from django.urls import reverse

from inburgering.forms import CaseloadFilterForm, _zoek
from inburgering.migration_operations import OnPostgreSQL
from inburgering.models import Inburgeraar
from tests.factories import InburgeraarFactory

ALLEEN_POSTGRESQL = pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL's")

NAMEN = [
    ("Zoë", "", "Öztürk"),
    ("Zoe", "", "Ozturk"),
    ("Çağrı", "", "ÇELİK"),
    ("Amal", "van der", "Berg"),
    ("Amal", "van", "Dijk"),
    ("Yonas", "", "Vanderbilt"),
    ("Amal", "", "Ben_Ali"),
    ("Amal", "", "Ben Ali"),
    ("Sara", "el", "Amrani"),
    ("Lina", "", "100%-Haile"),
]
ZOEKTERMEN = [
    "zoë",
    "ÖZTÜRK",
    "zoe",
    "çelik",
    "van",
    "van der",
    "amal van",
    "ben_ali",
    "100%",
    "el",
    "Amal",
    "am",
    "haile",
    "nobody",
]


def _oude_zoekopdracht(queryset, zoekterm):
    """The search before the indexes (inburgering.forms._zoek for names) and the order it returned."""
    for woord in zoekterm.split():
        queryset = queryset.filter(
            Q(voornamen__icontains=woord) | Q(achternaam__icontains=woord) | Q(tussenvoegsel__iexact=woord)
        )
    return queryset.order_by("achternaam", "voornamen", "pk")


@pytest.fixture
def zoekbare_dossiers(client, wereld):
    client.force_login(wereld.regisseur)
    for voornamen, tussenvoegsel, achternaam in NAMEN:
        InburgeraarFactory(
            gemeente=wereld.bladel, voornamen=voornamen, tussenvoegsel=tussenvoegsel, achternaam=achternaam
        )
    return Inburgeraar.objects.zichtbaar_voor(wereld.regisseur)


@pytest.mark.parametrize("zoekterm", ZOEKTERMEN)
def test_it_finds_the_same_dossiers_in_the_same_order_as_the_plain_lookups(client, zoekbare_dossiers, zoekterm):
    verwacht = list(_oude_zoekopdracht(zoekbare_dossiers, zoekterm).values_list("pk", flat=True))

    oplopend = client.get(reverse("inburgering:caseload"), {"q": zoekterm}).context["pagina"]
    aflopend = client.get(reverse("inburgering:caseload"), {"q": zoekterm, "sorteer": "-naam"}).context["pagina"]

    assert [d.pk for d in oplopend.object_list] == verwacht
    assert oplopend.paginator.count == len(verwacht)
    assert [d.pk for d in aflopend.object_list] == list(
        _oude_zoekopdracht(zoekbare_dossiers, zoekterm)
        .order_by("-achternaam", "-voornamen", "-pk")
        .values_list("pk", flat=True)
    )


@pytest.mark.parametrize(("zoekterm", "sortering"), [("amal", "naam"), ("amal", "-naam"), ("", "naam"), ("a", "fase")])
def test_its_pages_together_hold_the_plain_lookups_rows_in_order(
    client, zoekbare_dossiers, settings, zoekterm, sortering
):
    settings.CASELOAD_PAGINA_GROOTTE = 2
    verwacht = _oude_zoekopdracht(zoekbare_dossiers, zoekterm).order_by(*CaseloadFilterForm.SORTERINGEN[sortering])

    gevonden = []
    for nummer in range(1, 20):
        pagina = client.get(
            reverse("inburgering:caseload"), {"q": zoekterm, "sorteer": sortering, "pagina": nummer}
        ).context["pagina"]
        gevonden += [d.pk for d in pagina.object_list]
        if not pagina.has_next():
            break

    assert gevonden == list(verwacht.values_list("pk", flat=True))


def test_accents_and_case_count_as_they_did(client, zoekbare_dossiers):
    def achternamen(zoekterm):
        pagina = client.get(reverse("inburgering:caseload"), {"q": zoekterm}).context["pagina"]
        return {d.achternaam for d in pagina.object_list}

    # Case does not matter, accents do: "zoe" does not find Zoë.
    assert "Öztürk" in achternamen("ZOË") and "Ozturk" not in achternamen("ZOË")
    assert "Ozturk" in achternamen("zoe") and "Öztürk" not in achternamen("zoe")
    assert {"Ben_Ali"} == achternamen("ben_ali")  # "_" is a letter here, no LIKE wildcard
    assert {"Dijk"} == achternamen("amal van")  # a tussenvoegsel counts whole: "van der" is no "van"


@ALLEEN_POSTGRESQL
@pytest.mark.django_db
def test_the_migration_put_the_trigram_indexes_in_place():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'dossier_zoek_%%'")
        indexen = dict(cursor.fetchall())
    assert set(indexen) == {
        "dossier_zoek_voornamen",
        "dossier_zoek_achternaam",
        "dossier_zoek_tussenvoegsel",
        "dossier_zoek_bsn",
    }
    assert "gin" in indexen["dossier_zoek_bsn"] and "gin_trgm_ops" in indexen["dossier_zoek_bsn"]


@ALLEEN_POSTGRESQL
@pytest.mark.django_db
@pytest.mark.parametrize(
    ("zoekterm", "indexen"),
    [
        ("Amal", {"dossier_zoek_voornamen", "dossier_zoek_achternaam", "dossier_zoek_tussenvoegsel"}),
        ("amal berg", {"dossier_zoek_voornamen", "dossier_zoek_achternaam", "dossier_zoek_tussenvoegsel"}),
        ("******123", {"dossier_zoek_bsn"}),
    ],
)
def test_the_searchs_sql_can_read_the_indexes(zoekterm, indexen):
    """The index expressions are the very SQL Django writes for the lookups: with scans forbidden, the search
    reads the indexes (on a few rows the planner would rightly scan; docs/load-test.md has the plans at scale)."""
    sql, params = _zoek(Inburgeraar.objects.order_by(), zoekterm).query.sql_with_params()
    with connection.cursor() as cursor:
        # Bitmap scans only: each arm of the OR needs an index on its very expression.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(regel for (regel,) in cursor.fetchall())

    assert all(f"Bitmap Index Scan on {index}" in plan for index in indexen), plan


@pytest.mark.parametrize("vendor", ["sqlite", "postgresql"])
def test_the_postgresql_operations_touch_other_databases_not_at_all(vendor):
    operatie = mock.Mock()
    schema_editor = mock.Mock()
    schema_editor.connection.vendor = vendor
    alleen = OnPostgreSQL(operatie)
    staat = mock.Mock()

    alleen.state_forwards("inburgering", staat)
    alleen.database_forwards("inburgering", schema_editor, staat, staat)
    alleen.database_backwards("inburgering", schema_editor, staat, staat)

    assert not staat.mock_calls and not operatie.state_forwards.called
    assert operatie.database_forwards.called == operatie.database_backwards.called == (vendor == "postgresql")
