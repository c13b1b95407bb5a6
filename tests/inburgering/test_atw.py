"""The Algemene termijnenwet: its holidays over 2022–2031, the days of the decree in force, and the copy of
those days that each process keeps (Atw art. 1 and 3)."""

import datetime
import importlib

import pytest

from django.apps import apps
from django.urls import reverse

from inburgering import atw, services
from inburgering.models import GelijkgesteldeDag, Inburgeraar
from tests.conftest import BESLUIT_2026_2028, GELIJKGESTELDE_DAGEN

D = datetime.date

_MIGRATIE = importlib.import_module("inburgering.migrations.0025_gelijkgestelde_dagen")


@pytest.fixture
def besluit_in_tabel(db):
    """The decree's rows as the data migration leaves them. A transactional test on the same worker empties
    every table (Django's flush), data migrations' rows included, so the tests that read the table load them."""
    _MIGRATIE.laad_besluit(apps, None)


# Per year, written out by hand (not computed): Goede Vrijdag, tweede Paasdag, Koningsdag, Hemelvaartsdag and
# tweede Pinksterdag move with Easter and the weekday; Nieuwjaarsdag, 5 mei and the Kerstdagen do not.
BEWEEGLIJK = {
    2022: (D(2022, 4, 15), D(2022, 4, 18), D(2022, 4, 27), D(2022, 5, 26), D(2022, 6, 6)),
    2023: (D(2023, 4, 7), D(2023, 4, 10), D(2023, 4, 27), D(2023, 5, 18), D(2023, 5, 29)),
    2024: (D(2024, 3, 29), D(2024, 4, 1), D(2024, 4, 27), D(2024, 5, 9), D(2024, 5, 20)),
    2025: (D(2025, 4, 18), D(2025, 4, 21), D(2025, 4, 26), D(2025, 5, 29), D(2025, 6, 9)),
    2026: (D(2026, 4, 3), D(2026, 4, 6), D(2026, 4, 27), D(2026, 5, 14), D(2026, 5, 25)),
    2027: (D(2027, 3, 26), D(2027, 3, 29), D(2027, 4, 27), D(2027, 5, 6), D(2027, 5, 17)),
    2028: (D(2028, 4, 14), D(2028, 4, 17), D(2028, 4, 27), D(2028, 5, 25), D(2028, 6, 5)),
    2029: (D(2029, 3, 30), D(2029, 4, 2), D(2029, 4, 27), D(2029, 5, 10), D(2029, 5, 21)),
    2030: (D(2030, 4, 19), D(2030, 4, 22), D(2030, 4, 27), D(2030, 5, 30), D(2030, 6, 10)),
    2031: (D(2031, 4, 11), D(2031, 4, 14), D(2031, 4, 26), D(2031, 5, 22), D(2031, 6, 2)),
}


@pytest.mark.parametrize("jaar", sorted(BEWEEGLIJK))
def test_each_year_has_the_holidays_of_art_3_and_goede_vrijdag(jaar):
    goede_vrijdag, paasmaandag, koningsdag, hemelvaart, pinkstermaandag = BEWEEGLIJK[jaar]
    assert dict(atw.feestdagen(jaar)) == {
        D(jaar, 1, 1): "Nieuwjaarsdag",
        goede_vrijdag: "Goede Vrijdag",
        paasmaandag: "Tweede Paasdag",
        koningsdag: "Koningsdag",
        D(jaar, 5, 5): "Bevrijdingsdag",
        hemelvaart: "Hemelvaartsdag",
        pinkstermaandag: "Tweede Pinksterdag",
        D(jaar, 12, 25): "Eerste Kerstdag",
        D(jaar, 12, 26): "Tweede Kerstdag",
    }
    assert goede_vrijdag.weekday() == 4 and paasmaandag.weekday() == 0 and hemelvaart.weekday() == 3
    assert all(not atw.Kalender().is_werkdag(dag) for dag in atw.feestdagen(jaar))


def test_koningsdag_is_27_april_unless_that_is_a_sunday():
    assert D(2025, 4, 26) in atw.feestdagen(2025) and D(2025, 4, 27) not in atw.feestdagen(2025)
    assert D(2031, 4, 26) in atw.feestdagen(2031) and D(2031, 4, 27) not in atw.feestdagen(2031)
    assert D(2030, 4, 27) in atw.feestdagen(2030)


@pytest.mark.parametrize(
    ("laatste_dag", "verwacht", "waarom"),
    [
        (D(2026, 3, 4), D(2026, 3, 4), "a Wednesday stays"),
        (D(2026, 3, 7), D(2026, 3, 9), "Saturday to Monday"),
        (D(2026, 3, 8), D(2026, 3, 9), "Sunday to Monday"),
        (D(2022, 1, 1), D(2022, 1, 3), "Nieuwjaarsdag on a Saturday, then Sunday"),
        (D(2025, 4, 18), D(2025, 4, 22), "Goede Vrijdag (lid 2), the weekend, tweede Paasdag: Tuesday"),
        (D(2026, 4, 3), D(2026, 4, 7), "Goede Vrijdag 2026 to the Tuesday after Easter"),
        (D(2024, 4, 1), D(2024, 4, 2), "tweede Paasdag 2024"),
        (D(2025, 4, 26), D(2025, 4, 28), "Koningsdag on 26 April because the 27th is a Sunday, then Sunday"),
        (D(2025, 4, 25), D(2025, 4, 25), "the Friday before that Koningsdag is a working day"),
        (D(2026, 4, 26), D(2026, 4, 28), "26 April 2026 is a plain Sunday, 27 April Koningsdag"),
        (D(2026, 5, 5), D(2026, 5, 6), "5 mei 2026 (Tuesday)"),
        (D(2025, 6, 9), D(2025, 6, 10), "tweede Pinksterdag 2025"),
        (D(2026, 5, 23), D(2026, 5, 26), "Saturday, Sunday, tweede Pinksterdag 2026, then Tuesday"),
        (D(2026, 12, 25), D(2026, 12, 28), "Christmas on a Friday: Saturday and Sunday too, then Monday"),
        (D(2024, 12, 24), D(2024, 12, 24), "Christmas Eve is a working day"),
        # the decree in force (art. 3 lid 3)
        (D(2026, 1, 1), D(2026, 1, 5), "Nieuwjaarsdag, the decree's 2 January, the weekend: Monday"),
        (D(2026, 5, 14), D(2026, 5, 18), "Hemelvaartsdag 2026 and the decree's Friday: Monday"),
        (D(2027, 5, 5), D(2027, 5, 10), "5 mei, Hemelvaartsdag, the decree's Friday, the weekend: Monday"),
        (D(2028, 4, 27), D(2028, 5, 1), "Koningsdag 2028 and the decree's Friday: Monday"),
        (D(2028, 5, 25), D(2028, 5, 29), "Hemelvaartsdag 2028 and the decree's Friday: Monday"),
        # a Friday after Hemelvaartsdag that no decree equates stays a working day
        (D(2029, 5, 11), D(2029, 5, 11), "no decree for 2029 yet"),
    ],
)
def test_a_last_day_on_a_weekend_or_holiday_moves_to_the_next_working_day(laatste_dag, verwacht, waarom):
    assert atw.termijn_einde(laatste_dag) == verwacht, waarom


@pytest.mark.parametrize("dag", sorted(GELIJKGESTELDE_DAGEN))
def test_every_day_of_the_decree_in_force_is_no_working_day(dag):
    assert dag.weekday() == 4  # each is a Friday after a Thursday holiday
    assert not atw.is_werkdag(dag)
    assert atw.Kalender().is_werkdag(dag)  # a rule of the decree, not of the law itself
    assert atw.eerstvolgende_werkdag(dag) == dag + datetime.timedelta(days=3)
    # the holiday's Wednesday; in 2027 5 mei is that Wednesday, so the Tuesday
    assert atw.werkdag_ervoor(dag) == dag - datetime.timedelta(days=3 if dag == D(2027, 5, 7) else 2)
    assert atw.waarschuwing(dag) == (
        f"Let op: {dag.day} {('januari', 'april', 'mei')[(1, 4, 5).index(dag.month)]} {dag.year} is een dag die "
        f"met een feestdag is gelijkgesteld ({BESLUIT_2026_2028})."
    )


@pytest.mark.parametrize(
    ("voorgesteld", "verwacht"),
    [
        (D(2027, 3, 7), D(2027, 3, 5)),  # a Sunday: the Friday before
        (D(2026, 12, 26), D(2026, 12, 24)),  # tweede Kerstdag on a Saturday: before eerste Kerstdag
        (D(2026, 4, 6), D(2026, 4, 2)),  # tweede Paasdag: past the weekend and Goede Vrijdag to Thursday
        (D(2026, 1, 2), D(2025, 12, 31)),  # the decree's 2 January, Nieuwjaarsdag: into the old year
        (D(2026, 3, 4), D(2026, 3, 4)),  # a working day stays
    ],
)
def test_a_proposed_date_moves_back_to_the_working_day_before(voorgesteld, verwacht):
    assert atw.werkdag_ervoor(voorgesteld) == verwacht


@pytest.mark.parametrize(
    ("datum", "tekst"),
    [
        (D(2026, 12, 26), "Let op: 26 december 2026 is een feestdag (Tweede Kerstdag)."),
        (D(2027, 3, 7), "Let op: 7 maart 2027 is een zondag."),
        (D(2027, 3, 6), "Let op: 6 maart 2027 is een zaterdag."),
        (D(2026, 4, 3), "Let op: 3 april 2026 is een feestdag (Goede Vrijdag)."),
        (D(2027, 3, 5), None),
        (None, None),
    ],
)
def test_the_warning_names_the_day_and_why(datum, tekst):
    assert atw.waarschuwing(datum) == tekst


# The equated days as data ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_data_migration_loads_the_decree_in_force():
    GelijkgesteldeDag.objects.all().delete()
    _MIGRATIE.laad_besluit(apps, None)
    _MIGRATIE.laad_besluit(apps, None)  # once only, also when run again
    assert dict(GelijkgesteldeDag.objects.values_list("datum", "besluit")) == GELIJKGESTELDE_DAGEN


@pytest.mark.django_db
def test_a_day_added_in_beheer_counts_at_once_in_this_process_and_with_one_query(django_assert_num_queries):
    vrijdag = D(2029, 5, 11)  # the Friday after Hemelvaartsdag 2029, for a decree to come
    assert atw.is_werkdag(vrijdag)
    GelijkgesteldeDag.objects.create(datum=vrijdag, besluit="Besluit gelijkstelling 2029")
    with django_assert_num_queries(1):  # the table, read once for every day that follows
        assert not atw.is_werkdag(vrijdag)
        assert atw.termijn_einde(D(2029, 5, 10)) == D(2029, 5, 14)
        assert [atw.is_werkdag(D(2029, 1, 1) + datetime.timedelta(days=n)) for n in range(365)].count(True) > 200
    GelijkgesteldeDag.objects.filter(datum=vrijdag).delete()  # a queryset delete sends post_delete per row
    assert atw.is_werkdag(vrijdag)


@pytest.mark.django_db
def test_another_process_reads_the_table_again_once_its_copy_is_old(monkeypatch, django_assert_num_queries):
    klok = [1000.0]
    monkeypatch.setattr(atw.time, "monotonic", lambda: klok[0])
    atw.kalender(vers=True)
    # Another process added a day: no signal reaches this one, so its copy holds until it is old.
    GelijkgesteldeDag.objects.bulk_create([GelijkgesteldeDag(datum=D(2029, 5, 11), besluit="Besluit 2029")])
    with django_assert_num_queries(0):
        assert atw.is_werkdag(D(2029, 5, 11))
    klok[0] += atw.GELDIG_SECONDEN + 1
    with django_assert_num_queries(1):
        assert not atw.is_werkdag(D(2029, 5, 11))
        assert not atw.is_werkdag(D(2029, 5, 11))


@pytest.mark.django_db
def test_the_nightly_run_and_the_full_rebuild_read_the_days_afresh_once(wereld, django_assert_max_num_queries):
    GelijkgesteldeDag.objects.bulk_create([GelijkgesteldeDag(datum=D(2029, 5, 11), besluit="Besluit 2029")])
    services.synchroniseer_alle_termijnen()
    assert not atw.is_werkdag(D(2029, 5, 11))
    GelijkgesteldeDag.objects.filter(datum=D(2029, 5, 11)).update(datum=D(2029, 5, 9))
    services.nachtelijke_run()
    assert atw.is_werkdag(D(2029, 5, 11)) and not atw.is_werkdag(D(2029, 5, 9))


def test_the_applicatiebeheerder_keeps_the_equated_days_in_beheer(
    client, wereld, besluit_in_tabel, django_capture_on_commit_callbacks
):
    client.force_login(wereld.applicatiebeheerder)
    lijst = client.get(reverse("admin:inburgering_gelijkgesteldedag_changelist"))
    assert lijst.status_code == 200
    assert "15 mei 2026" in lijst.content.decode() and "vrijdag" in lijst.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:inburgering_gelijkgesteldedag_add"),
            {"datum": "11-05-2029", "besluit": "Besluit gelijkstelling 2029"},
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not atw.is_werkdag(D(2029, 5, 11))
    # The decree holds for every gemeente: no functioneel beheerder of one organisatie changes it.
    client.force_login(wereld.beheerder)
    assert client.get(reverse("admin:inburgering_gelijkgesteldedag_changelist")).status_code == 403


def test_a_change_in_beheer_recomputes_the_deadlines_near_the_day(client, wereld, django_capture_on_commit_callbacks):
    from tests.factories import InburgeraarFactory

    # A bekendmaking on Thursday 29 March 2029: six weeks end on Thursday 10 May 2029, Hemelvaartsdag, so the
    # bezwaartermijn runs to Friday 11 May, until a decree equates that Friday: then to Monday 14 May.
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    Inburgeraar.objects.filter(pk=dossier.pk).update(datum_laatste_bekendmaking=D(2029, 3, 29))
    services.synchroniseer_termijnen([dossier.pk])
    assert dossier.termijnen.get(soort="bezwaartermijn").uiterste_datum == D(2029, 5, 11)
    client.force_login(wereld.applicatiebeheerder)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:inburgering_gelijkgesteldedag_add"),
            {"datum": "11-05-2029", "besluit": "Besluit gelijkstelling 2029"},
        )
    assert dossier.termijnen.get(soort="bezwaartermijn").uiterste_datum == D(2029, 5, 14)
    dag = GelijkgesteldeDag.objects.get(datum=D(2029, 5, 11))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:inburgering_gelijkgesteldedag_delete", args=[dag.pk]), {"post": "yes"})
    assert dossier.termijnen.get(soort="bezwaartermijn").uiterste_datum == D(2029, 5, 11)


@pytest.mark.django_db
@pytest.mark.parametrize("aantal", [3, 30])
def test_a_rebuild_reads_the_equated_days_once_whatever_the_number_of_dossiers(wereld, besluit_in_tabel, aantal):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import InburgeraarFactory

    ids = [InburgeraarFactory(gemeente=wereld.bladel).pk for _ in range(aantal)]
    Inburgeraar.objects.filter(pk__in=ids).update(datum_laatste_bekendmaking=D(2027, 3, 26))
    with CaptureQueriesContext(connection) as queries:
        services.synchroniseer_alle_termijnen()
    gelezen = [q["sql"] for q in queries if "inburgering_gelijkgesteldedag" in q["sql"]]
    assert len(gelezen) == 1
    # 26 March 2027 + 6 weeks is 7 May 2027, a day of the decree in force: every dossier to Monday 10 May
    assert set(Inburgeraar.objects.get(pk=ids[0]).termijnen.values_list("soort", flat=True)) >= {"bezwaartermijn"}
    assert {d.termijnen.get(soort="bezwaartermijn").uiterste_datum for d in Inburgeraar.objects.filter(pk__in=ids)} == {
        D(2027, 5, 10)
    }
