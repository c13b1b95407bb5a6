"""Deadlines that are always current: every change of a fact recomputes the dossier's termijnen and
signalen at once; a legal deadline that cannot be computed says which fact is missing; the nightly
run touches only what changed; the caseload sorts on the deadline kept in the dossier's row."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inburgering import services, signalering, tasks
from inburgering.fasen import Fase
from inburgering.models import Inburgeraar, Signaal, Termijn
from inburgering.termijnen import Soort
from intake import services as intake_services
from ontzorgen import services as ontzorgen
from tests.conftest import vereist
from tests.factories import InburgeraarFactory, geef_pip
from tests.ontzorgen.factories import met_bijstand

NU = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)
D = datetime.date

pytestmark = pytest.mark.usefixtures("_vaste_tijd")


@pytest.fixture
def _vaste_tijd():
    with time_machine.travel(NU, tick=False):
        yield


def open_signalen(dossier) -> dict[str, Signaal]:
    return {
        s.termijn.soort: s
        for s in Signaal.objects.filter(termijn__inburgeraar=dossier, status=Signaal.Status.OPEN).select_related(
            "termijn"
        )
    }


def ververs(dossier) -> Inburgeraar:
    return Inburgeraar.objects.get(pk=dossier.pk)


# Always current ------------------------------------------------------------------------------------


def test_a_late_brede_intake_is_in_the_inbox_the_moment_the_dossier_is_registered(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1))
    signaal = open_signalen(dossier)[Soort.BREDE_INTAKE_START]
    assert (signaal.uiterste_datum, signaal.niveau) == (D(2026, 9, 29), 0)
    assert ververs(dossier).volgende_termijn == D(2026, 9, 29)


def test_the_first_intake_gesprek_resolves_the_signaal_without_waiting_for_the_night(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1))
    intake = intake_services.start_intake(door=wereld.regisseur, inburgeraar=dossier)
    intake_services.leg_gesprek_vast(
        door=wereld.regisseur, intake=intake, gegevens={"datum": D(2026, 11, 20), "plaats": "gemeentehuis"}
    )
    assert Soort.BREDE_INTAKE_START not in open_signalen(dossier)
    assert Signaal.objects.get(termijn__soort=Soort.BREDE_INTAKE_START, termijn__inburgeraar=dossier).status == (
        Signaal.Status.VERVALLEN
    )


def test_changing_a_dossier_fact_moves_the_deadline_and_its_signaal(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 11, 2))
    assert open_signalen(dossier)[Soort.BREDE_INTAKE_START].niveau == 7  # due 30 November
    services.wijzig_dossier(door=wereld.regisseur, inburgeraar=dossier, wijzigingen={"datum_koppeling": D(2026, 9, 1)})
    assert open_signalen(dossier)[Soort.BREDE_INTAKE_START].niveau == 0


def test_a_bulk_load_syncs_its_dossiers_once_at_its_end_with_the_same_result(wereld):
    """seed_demo walks hundreds of dossiers through their fasen inside gebundeld(): one computation."""
    gewoon = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1))
    with services.gebundeld():
        gebundeld = InburgeraarFactory(
            gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1)
        )
        assert not Termijn.objects.filter(inburgeraar=gebundeld).exists()  # nothing computed yet
    termijnen = [
        list(Termijn.objects.filter(inburgeraar=d).order_by("soort").values_list("soort", "uiterste_datum"))
        for d in (gewoon, gebundeld)
    ]
    assert termijnen[0] and termijnen[0] == termijnen[1]
    assert open_signalen(gebundeld).keys() == open_signalen(gewoon).keys()


def test_closing_a_dossier_clears_its_signalen_and_next_deadline(wereld):
    dossier = InburgeraarFactory(
        gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1), fase=Fase.INTAKE
    )
    assert open_signalen(dossier)
    services.wijzig_fase(
        door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITGESCHREVEN, reden_uitschrijving="verhuisd"
    )
    dossier = ververs(dossier)
    assert (dossier.volgende_termijn, dossier.termijn_onbekend, open_signalen(dossier)) == (None, False, {})


def test_fixing_the_pip_meets_its_deadline_and_starts_the_termijn(wereld):
    dossier = InburgeraarFactory(
        gemeente=wereld.bladel,
        regisseur=wereld.regisseur,
        datum_koppeling=D(2026, 8, 1),
        datum_kennisgeving=D(2026, 8, 3),
        datum_vestiging=D(2026, 8, 20),
        fase=Fase.PIP,
    )
    assert open_signalen(dossier)[Soort.PIP_VASTSTELLING].niveau == 0  # due 29 October
    dossier = ververs(
        geef_pip(dossier, door=wereld.regisseur, leerroute=None, kennisgeving=None, dagtekening=D(2026, 11, 20))
    )
    assert Soort.PIP_VASTSTELLING not in open_signalen(dossier)
    assert dossier.volgende_termijn_soort != Soort.PIP_VASTSTELLING


def test_starting_ontzorgen_shows_its_end_as_the_next_deadline(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 11, 10))
    met_bijstand(door=wereld.regisseur, inburgeraar=dossier, startdatum=D(2026, 5, 1))
    ontzorgen.start_ontzorging(
        door=wereld.regisseur, inburgeraar=dossier, startdatum=D(2026, 6, 1), leefgeld=Decimal(60)
    )
    dossier = ververs(dossier)
    assert (dossier.volgende_termijn, dossier.volgende_termijn_soort) == (D(2026, 12, 1), Soort.ONTZORGEN_EINDE)
    assert open_signalen(dossier)[Soort.ONTZORGEN_EINDE].niveau == 28


# Never silent -----------------------------------------------------------------------------------


def zonder_vestiging(wereld) -> Inburgeraar:
    """A dossier in the brede intake whose vestiging in the gemeente is not recorded."""
    return InburgeraarFactory(
        gemeente=wereld.bladel,
        regisseur=wereld.regisseur,
        datum_koppeling=D(2026, 10, 1),
        datum_kennisgeving=D(2026, 10, 5),
        fase=Fase.INTAKE,
    )


def test_a_missing_vestiging_gives_a_termijn_onbekend_signaal_that_names_the_field(wereld):
    dossier = zonder_vestiging(wereld)
    signaal = open_signalen(dossier)[Soort.PIP_VASTSTELLING]
    assert (signaal.is_onbekend, signaal.ernst, signaal.termijn.ontbrekende_velden) == (
        True,
        "Termijn onbekend",
        [("datum_vestiging", "datum vestiging in gemeente")],
    )
    assert ververs(dossier).termijn_onbekend


def test_the_termijn_onbekend_signaal_resolves_itself_when_the_fact_arrives(wereld):
    dossier = zonder_vestiging(wereld)
    services.wijzig_dossier(
        door=wereld.regisseur, inburgeraar=dossier, wijzigingen={"datum_vestiging": D(2026, 10, 20)}
    )
    dossier = ververs(dossier)
    assert not dossier.termijn_onbekend
    assert Termijn.objects.get(inburgeraar=dossier, soort=Soort.PIP_VASTSTELLING).uiterste_datum == D(2026, 12, 29)
    assert not Signaal.objects.filter(termijn__inburgeraar=dossier, uiterste_datum__isnull=True, status="open").exists()


def test_the_caseload_and_the_inbox_show_the_missing_fact_with_a_link_to_fill_it_in(client, wereld):
    dossier = zonder_vestiging(wereld)
    client.force_login(wereld.regisseur)
    link = reverse("inburgering:dossier_wijzigen", args=[dossier.pk]) + "#id_datum_vestiging"
    caseload = client.get(reverse("inburgering:caseload"), {"sorteer": "termijn"}).content.decode()
    inbox = client.get(reverse("inburgering:signalen")).content.decode()
    for pagina in (caseload, inbox):
        assert "Termijn onbekend" in pagina
        assert f'href="{link}"' in pagina
        assert "datum vestiging in gemeente ontbreekt" in pagina
    # Sorted by deadline, the unknown deadline comes first: nothing tells how close it is.
    assert caseload.index("Termijn onbekend") < caseload.index("Te laat")


# The nightly run ----------------------------------------------------------------------------------


def test_the_nightly_run_recomputes_only_dossiers_changed_behind_the_services_back(wereld):
    InburgeraarFactory.create_batch(3, gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    veranderd = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    # A bulk import writes the fact without the services: only the nightly run can notice.
    Inburgeraar.objects.filter(pk=veranderd.pk).update(
        datum_koppeling=D(2026, 9, 1), updated_at=NU + datetime.timedelta(minutes=5)
    )
    voor = dict(Inburgeraar.objects.values_list("pk", "termijnen_bijgewerkt_op"))
    with time_machine.travel(NU + datetime.timedelta(hours=20), tick=False):
        resultaat = services.nachtelijke_run()
    na = dict(Inburgeraar.objects.values_list("pk", "termijnen_bijgewerkt_op"))
    assert [pk for pk in na if na[pk] != voor[pk]] == [veranderd.pk]
    assert resultaat["termijnen_bijgewerkt"] == 1
    assert open_signalen(veranderd)[Soort.BREDE_INTAKE_START].niveau == 0


def test_the_nightly_run_makes_signalen_for_deadlines_that_become_due_by_the_passing_of_a_date(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 11, 4))
    assert open_signalen(dossier)[Soort.BREDE_INTAKE_START].niveau == 28  # due 2 December
    with time_machine.travel(datetime.datetime(2026, 11, 25, 5, 30, tzinfo=datetime.UTC), tick=False):
        tasks.scan_termijnen()
    assert open_signalen(dossier)[Soort.BREDE_INTAKE_START].niveau == 7


def test_a_passed_bezwaartermijn_counts_as_met_after_the_nightly_run(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 9, 1))
    Inburgeraar.objects.filter(pk=dossier.pk).update(datum_laatste_bekendmaking=D(2026, 10, 20))
    services.synchroniseer_termijnen([dossier.pk])
    assert Termijn.objects.get(inburgeraar=dossier, soort=Soort.BEZWAARTERMIJN).voldaan_op is None
    with time_machine.travel(datetime.datetime(2026, 12, 3, 5, 30, tzinfo=datetime.UTC), tick=False):
        services.nachtelijke_run()
    assert Termijn.objects.get(inburgeraar=dossier, soort=Soort.BEZWAARTERMIJN).voldaan_op == D(2026, 12, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("kopieer_vanaf", [1, 10**9], ids=["copy", "values"])
def test_the_syncs_query_count_does_not_grow_with_the_number_of_dossiers(wereld, monkeypatch, kopieer_vanaf):
    # Large batches COPY their rows, small ones send them as VALUES: each way, the same count at any size.
    monkeypatch.setattr(signalering, "KOPIEER_VANAF", kopieer_vanaf)

    def queries_voor(aantal: int) -> int:
        Inburgeraar.objects.all().delete()
        Inburgeraar.objects.bulk_create(
            InburgeraarFactory.build(gemeente=wereld.bladel, datum_koppeling=D(2026, 9, 1)) for _ in range(aantal)
        )
        with CaptureQueriesContext(connection) as queries:
            services.nachtelijke_run()
        assert Termijn.objects.count() >= aantal
        return len(queries)

    assert queries_voor(100) == queries_voor(1000)


# Fast at scale ----------------------------------------------------------------------------------


def test_the_caseload_sorts_on_the_deadline_kept_in_the_dossiers_row(client, wereld):
    InburgeraarFactory.create_batch(3, gemeente=wereld.bladel, datum_koppeling=D(2026, 9, 1))
    client.force_login(wereld.regisseur)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("inburgering:caseload"), {"sorteer": "termijn"})
    assert response.status_code == 200
    [lijst] = [
        q["sql"]
        for q in queries
        if 'FROM "inburgering_inburgeraar"' in q["sql"] and "LIMIT" in q["sql"] and "COUNT(" not in q["sql"]
    ]
    assert "volgende_termijn" in lijst.split("ORDER BY")[1]
    assert "inburgering_termijn" not in lijst.split("FROM", 1)[1].split("ORDER BY")[0]


def test_the_page_count_stops_at_a_thousand(client, wereld, settings):
    settings.CASELOAD_PAGINA_GROOTTE = 5
    Inburgeraar.objects.bulk_create(
        InburgeraarFactory.build(gemeente=wereld.bladel, datum_koppeling=D(2026, 9, 1)) for _ in range(1001)
    )
    client.force_login(wereld.regisseur)
    with CaptureQueriesContext(connection) as queries:
        pagina = client.get(reverse("inburgering:caseload")).content.decode()
    assert "Meer dan 1.000 dossiers gevonden" in pagina
    [telling] = [q["sql"] for q in queries if "COUNT(" in q["sql"]]
    assert "LIMIT 1001" in telling


def test_the_digest_lists_the_25_most_urgent_with_the_total_and_a_link_to_the_inbox(wereld):
    wereld.regisseur.email = "sanne@example.org"
    wereld.regisseur.save()
    dossiers = Inburgeraar.objects.bulk_create(
        InburgeraarFactory.build(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1))
        for _ in range(40)
    )
    services.nachtelijke_run()
    mail.outbox.clear()
    totaal = Signaal.objects.filter(termijn__inburgeraar__regisseur=wereld.regisseur, status="open").count()
    assert signalering.mail_signaaldigest(regisseur_id=wereld.regisseur.pk) == totaal
    [bericht] = mail.outbox
    assert bericht.body.count("Dossier ") == signalering.DIGEST_MAXIMUM
    assert f"de 25 dringendste van {totaal} nieuwe signalen" in bericht.body
    assert "https://inburgering.test/signalen/" in bericht.body
    assert not Signaal.objects.filter(termijn__inburgeraar__in=dossiers, gemaild_op__isnull=True).exists()


def test_jit_is_off_for_the_apps_database_connections(db):
    vereist(connection.vendor == "postgresql", "JIT is een instelling van PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)


def test_a_new_norm_of_the_gemeente_moves_its_deadlines_at_once(client, wereld, django_capture_on_commit_callbacks):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 11, 2))
    assert ververs(dossier).volgende_termijn == D(2026, 11, 30)
    client.force_login(wereld.beheerder)
    url = reverse("admin:inburgering_gemeente_change", args=[wereld.bladel.pk])
    formulier = client.get(url).context["adminform"].form
    gegevens = {naam: waarde for naam, waarde in formulier.initial.items() if waarde is not None and naam != "logo"}
    gegevens["regio"] = wereld.bladel.regio_id
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**gegevens, "norm_brede_intake_weken": 6})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert ververs(dossier).volgende_termijn == D(2026, 12, 14)


def test_copied_and_inlined_rows_write_the_same_termijnen(wereld, monkeypatch):
    dossiers = [
        InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 9, 1) + datetime.timedelta(days=i * 9))
        for i in range(12)
    ]
    ids = [d.pk for d in dossiers]

    def geschreven(kopieer_vanaf):
        monkeypatch.setattr(signalering, "KOPIEER_VANAF", kopieer_vanaf)
        Termijn.objects.filter(inburgeraar_id__in=ids).delete()
        Inburgeraar.objects.filter(pk__in=ids).update(volgende_termijn=None, termijnen_bijgewerkt_op=None)
        services.synchroniseer_alle_termijnen()
        termijnen = set(
            Termijn.objects.filter(inburgeraar_id__in=ids).values_list(
                "inburgeraar_id", "soort", "uiterste_datum", "ontbreekt"
            )
        )
        volgende = set(
            Inburgeraar.objects.filter(pk__in=ids).values_list(
                "pk", "volgende_termijn", "volgende_termijn_soort", "termijn_onbekend"
            )
        )
        return termijnen, volgende

    assert geschreven(1) == geschreven(10**9)
    assert all(datum for _pk, datum, _soort, _onbekend in geschreven(1)[1])
