"""Termijnen materialised per dossier, the daily scan into signalen, the digest and the inbox."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from auditlog.models import LogEntry

from django.core import mail
from django.urls import reverse

from inburgering import services, tasks
from inburgering.fasen import Fase, RedenAfronding
from inburgering.models import Inburgeraar, Signaal, Termijn
from inburgering.termijnen import Soort
from intake import services as intake_services
from ontzorgen import services as ontzorgen
from tests.factories import InburgeraarFactory
from tests.ontzorgen.factories import met_bijstand

NU = datetime.datetime(2026, 11, 23, 5, 30, tzinfo=datetime.UTC)  # 06:30 in Amsterdam
VANDAAG = datetime.date(2026, 11, 23)
D = datetime.date

pytestmark = pytest.mark.usefixtures("_vaste_tijd")


@pytest.fixture
def _vaste_tijd():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def wereld(wereld):
    """The shared world, with the brede intake of its dossiers started, so they give no signalen."""
    Inburgeraar.objects.update(datum_eerste_intakegesprek=D(2026, 9, 2))
    services.synchroniseer_alle_termijnen()
    return wereld


def termijnen_van(dossier) -> dict[str, Termijn]:
    return {t.soort: t for t in Termijn.objects.filter(inburgeraar=dossier)}


def zet_feiten(dossier, **feiten):
    """Set the facts directly rather than through the PIP and DUO services, so a test names only what it needs."""
    Inburgeraar.objects.filter(pk=dossier.pk).update(**feiten)
    services.synchroniseer_termijnen([dossier.pk])


# Sync -------------------------------------------------------------------------------------------


def test_registering_a_dossier_materialises_its_deadlines(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    [termijn] = Termijn.objects.filter(inburgeraar=dossier)
    assert (termijn.soort, termijn.startdatum, termijn.uiterste_datum) == (
        Soort.BREDE_INTAKE_START,
        D(2026, 11, 2),
        D(2026, 11, 30),
    )


def test_the_gemeentes_norm_decides_the_brede_intake_deadline(wereld):
    wereld.bladel.norm_brede_intake_weken = 6
    wereld.bladel.save()
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    assert termijnen_van(dossier)[Soort.BREDE_INTAKE_START].uiterste_datum == D(2026, 12, 14)


def test_the_first_intake_gesprek_meets_the_brede_intake_deadline(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    intake = intake_services.start_intake(door=wereld.regisseur, inburgeraar=dossier)
    intake_services.leg_gesprek_vast(
        door=wereld.regisseur, intake=intake, gegevens={"datum": D(2026, 11, 20), "plaats": "gemeentehuis"}
    )
    assert termijnen_van(dossier)[Soort.BREDE_INTAKE_START].voldaan_op == D(2026, 11, 20)


def test_starting_ontzorgen_adds_its_end_as_a_deadline(wereld):
    dossier = met_bijstand(door=wereld.regisseur, inburgeraar=InburgeraarFactory(gemeente=wereld.bladel))
    ontzorgen.start_ontzorging(
        door=wereld.regisseur, inburgeraar=dossier, startdatum=D(2026, 11, 1), leefgeld=Decimal(60)
    )
    termijn = termijnen_van(dossier)[Soort.ONTZORGEN_EINDE]
    assert (termijn.startdatum, termijn.uiterste_datum, termijn.voldaan_op) == (D(2026, 11, 1), D(2027, 5, 1), None)


def test_sync_is_idempotent_and_keeps_the_rows(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    zet_feiten(dossier, datum_eerste_pip=D(2026, 3, 1), datum_huidige_pip=D(2026, 3, 1))
    voor = {t.pk: (t.soort, t.uiterste_datum) for t in Termijn.objects.filter(inburgeraar=dossier)}
    services.synchroniseer_termijnen([dossier.pk, dossier.pk])
    services.synchroniseer_alle_termijnen()
    na = {t.pk: (t.soort, t.uiterste_datum) for t in Termijn.objects.filter(inburgeraar=dossier)}
    assert voor == na
    assert len(na) == 7  # brede intake, inburgeringstermijn, schakelen, MAP, PVT, verlenging, voortgangsgesprek


def test_sync_deletes_deadlines_whose_facts_are_gone_and_an_ended_dossier_has_none(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.UITVOERING)
    zet_feiten(
        dossier,
        datum_eerste_intakegesprek=D(2026, 2, 1),
        datum_eerste_pip=D(2026, 3, 1),
        datum_huidige_pip=D(2026, 3, 1),
    )
    zet_feiten(dossier, datum_eerste_pip=None, datum_huidige_pip=None)  # e.g. a correction
    assert set(termijnen_van(dossier)) == {Soort.BREDE_INTAKE_START}

    services.wijzig_fase(
        door=wereld.regisseur, inburgeraar=dossier, fase=Fase.AFGEROND, reden_afronding=RedenAfronding.VOLDAAN
    )
    assert termijnen_van(dossier) == {}


@pytest.mark.parametrize("aantal", [3, 30])
def test_sync_uses_a_constant_number_of_queries(wereld, aantal, django_assert_num_queries):
    ids = [InburgeraarFactory(gemeente=wereld.bladel).pk for _ in range(aantal)]
    Termijn.objects.filter(inburgeraar_id__in=ids[1:]).delete()
    Termijn.objects.filter(inburgeraar_id=ids[0]).update(uiterste_datum=D(2000, 1, 1))
    Inburgeraar.objects.filter(pk=ids[0]).update(datum_eerste_intakegesprek=None, datum_koppeling=D(2026, 1, 1))
    Termijn.objects.create(inburgeraar_id=ids[0], soort=Soort.SCHAKELEN, startdatum=VANDAAG, uiterste_datum=VANDAAG)
    # savepoint; read the facts, read the termijnen; lock the dossiers, upsert new and changed, delete
    # stale (Django's collector: their signalen, then the rows, in a savepoint of its own), write the
    # next deadline, mark the rest computed; then the signalen of these dossiers (two inserts, two
    # closes, the regisseur carried along); releases. The same for 3 dossiers as for 30.
    with django_assert_num_queries(20):
        services.synchroniseer_termijnen(ids)
    assert Termijn.objects.filter(inburgeraar_id__in=ids).count() == aantal
    assert termijnen_van(Inburgeraar.objects.get(pk=ids[0]))[Soort.BREDE_INTAKE_START].uiterste_datum == D(2026, 1, 29)
    # nothing changed: the two reads, no write, and the signal statements (finding nothing)
    with django_assert_num_queries(11):
        services.synchroniseer_termijnen(ids)


# Scan -------------------------------------------------------------------------------------------


def signalen_van(dossier):
    return Signaal.objects.filter(termijn__inburgeraar=dossier).order_by("niveau")


@pytest.mark.parametrize(
    ("koppeling", "niveau"),
    [
        (D(2026, 11, 23), 28),  # due 21 Dec: 28 days ahead, the announcement
        (D(2026, 11, 10), 28),  # due 8 Dec: 15 days ahead
        (D(2026, 11, 2), 7),  # due 30 Nov: 7 days ahead, urgent
        (D(2026, 10, 26), 0),  # due 23 Nov: today
        (D(2026, 9, 1), 0),  # due 29 Sep: long passed
    ],
)
def test_the_scan_makes_one_signal_at_the_most_severe_level_reached(wereld, koppeling, niveau):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=koppeling)
    services.maak_signalen()
    assert [(s.niveau, s.status) for s in signalen_van(dossier)] == [(niveau, Signaal.Status.OPEN)]


def test_no_signal_before_the_first_level(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 22))  # due 20 Dec: 27 days
    dossier_later = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 12, 1))
    services.maak_signalen()
    assert signalen_van(dossier).count() == 1
    assert not signalen_van(dossier_later).exists()


def test_a_rerun_or_a_second_process_never_duplicates_a_signal(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    assert signalen_van(dossier).count() == 1  # made at once, when the dossier was registered
    assert services.maak_signalen() == 0
    assert services.maak_signalen() == 0
    tasks.scan_termijnen()
    assert signalen_van(dossier).count() == 1


def test_a_signal_closes_by_itself_when_its_deadline_is_met(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    services.maak_signalen()
    zet_feiten(dossier, datum_eerste_intakegesprek=D(2026, 11, 23))
    services.maak_signalen()
    [signaal] = signalen_van(dossier)
    assert signaal.status == Signaal.Status.VERVALLEN
    assert signaal.gesloten_op is not None


def test_a_more_severe_signal_replaces_the_announcement(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 16))  # due 14 Dec
    services.maak_signalen()
    with time_machine.travel(datetime.datetime(2026, 12, 8, 6, 0, tzinfo=datetime.UTC), tick=False):
        services.maak_signalen()
    assert [(s.niveau, s.status) for s in signalen_van(dossier)] == [
        (7, Signaal.Status.OPEN),
        (28, Signaal.Status.VERVALLEN),
    ]


def test_a_moved_deadline_gets_signals_of_its_own(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    zet_feiten(dossier, datum_eerste_pip=D(2026, 1, 1), datum_huidige_pip=D(2026, 8, 30))  # gesprek due 30 Nov
    services.maak_signalen()
    zet_feiten(dossier, datum_laatste_voortgangsgesprek=D(2026, 11, 20))  # next one due 20 Feb
    services.maak_signalen()
    gesprek = signalen_van(dossier).filter(termijn__soort=Soort.VOORTGANGSGESPREK)
    assert [(s.uiterste_datum, s.status) for s in gesprek] == [(D(2026, 11, 30), Signaal.Status.VERVALLEN)]


def test_no_signals_while_waiting_for_third_parties(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    zet_feiten(
        dossier,
        datum_eerste_intakegesprek=D(2026, 9, 2),
        datum_kennisgeving=D(2026, 9, 1),
        datum_vestiging=D(2026, 9, 20),  # PIP due 29 Nov
        wacht_op_derden_sinds=D(2026, 11, 1),
    )
    services.maak_signalen()
    assert not signalen_van(dossier).filter(status=Signaal.Status.OPEN).exists()


def test_a_passed_bezwaartermijn_gives_no_overdue_signal(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    zet_feiten(dossier, datum_eerste_intakegesprek=D(2026, 9, 2), datum_laatste_bekendmaking=D(2026, 10, 1))
    services.maak_signalen()
    assert termijnen_van(dossier)[Soort.BEZWAARTERMIJN].voldaan_op == D(2026, 11, 12)
    assert not signalen_van(dossier).filter(status=Signaal.Status.OPEN).exists()


def test_six_months_before_the_termijns_end_the_regisseur_is_reminded_of_verlenging(wereld, client):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur)
    # Termijn to 1 June 2027: the reminder is due on 1 December 2026, 8 days from now (level 28).
    zet_feiten(dossier, datum_eerste_intakegesprek=D(2026, 9, 2), datum_eerste_pip=D(2024, 6, 1))
    services.maak_signalen()
    open_ = signalen_van(dossier).filter(status=Signaal.Status.OPEN)
    assert [(s.termijn.soort, s.uiterste_datum, s.niveau) for s in open_] == [
        (Soort.VERLENGING_TERMIJN, D(2026, 12, 1), 28)
    ]
    client.force_login(wereld.regisseur)
    pagina = client.get(reverse("inburgering:signalen")).content.decode()
    assert "Verlenging inburgeringstermijn bespreken" in pagina
    assert "DUO kan de inburgeringstermijn verlengen (Wi2021 art. 12)" in pagina
    assert "ziekte of beperking langer dan drie maanden" in pagina

    with time_machine.travel(datetime.datetime(2026, 12, 2, 5, 0, tzinfo=datetime.UTC), tick=False):
        services.nachtelijke_run()
    # passing it is no failure: met on its date, no "te laat"
    assert termijnen_van(dossier)[Soort.VERLENGING_TERMIJN].voldaan_op == D(2026, 12, 1)
    assert not signalen_van(dossier).filter(status=Signaal.Status.OPEN).exists()


@pytest.mark.parametrize("aantal", [3, 40])
def test_the_scan_query_count_does_not_depend_on_the_number_of_dossiers(wereld, aantal, django_assert_num_queries):
    for i in range(aantal):
        InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 9, 1) + datetime.timedelta(days=i * 3))
    Signaal.objects.all().delete()  # made at registration already; the scan makes them again
    # savepoint, insert … select (dated), insert … select (unknown), close met/moved, close replaced, the
    # dossiers' regisseur on their open signalen, release
    with django_assert_num_queries(7):
        nieuw = services.maak_signalen()
    assert nieuw > 0


# Digest -----------------------------------------------------------------------------------------


def test_each_regisseur_gets_one_digest_with_links_and_no_bsn(wereld):
    eerste = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 11, 2))
    tweede = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1))
    InburgeraarFactory(gemeente=wereld.bergeijk, regisseur=wereld.collega, datum_koppeling=D(2026, 9, 1))
    mail.outbox.clear()

    tasks.scan_termijnen()

    assert sorted(m.to[0] for m in mail.outbox) == sorted([wereld.regisseur.email, wereld.collega.email])
    [bericht] = [m for m in mail.outbox if m.to == [wereld.regisseur.email]]
    assert bericht.subject == "2 nieuwe signalen over termijnen in uw caseload"
    html = bericht.alternatives[0][0]
    for body in (bericht.body, html):
        assert "Brede intake starten" in body
        assert "30 november 2026" in body
        assert "Uiterste datum bereikt" in body and "Urgent" in body
        assert f"https://inburgering.test/dossiers/{eerste.pk}/" in body
        assert f"https://inburgering.test/dossiers/{tweede.pk}/" in body
        assert "https://inburgering.test/signalen/" in body
        for persoonsgegeven in (eerste.bsn, tweede.bsn, eerste.achternaam, tweede.achternaam):
            assert persoonsgegeven not in body
    assert "<table>" in html and "&" not in bericht.subject


def test_a_rerun_mails_nothing_twice(wereld):
    InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 11, 2))
    tasks.scan_termijnen()
    mail.outbox.clear()
    tasks.scan_termijnen()
    assert services.mail_signaaldigest(regisseur_id=wereld.regisseur.pk) == 0
    assert mail.outbox == []


def test_a_dossier_without_regisseur_has_signals_but_no_mail(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    mail.outbox.clear()
    tasks.scan_termijnen()
    assert signalen_van(dossier).count() == 1
    assert mail.outbox == []


# Inbox ------------------------------------------------------------------------------------------


@pytest.fixture
def signalen(wereld):
    """Open signalen for Bladel (regisseur's), Bergeijk (collega's) and Eersel (another team)."""
    wereld.eigen = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, achternaam="Eigen")
    wereld.van_collega = InburgeraarFactory(gemeente=wereld.bergeijk, regisseur=wereld.collega, achternaam="Collega")
    wereld.andere = InburgeraarFactory(gemeente=wereld.eersel, regisseur=wereld.regisseur_eersel, achternaam="Ander")
    zet_feiten(wereld.van_collega, datum_koppeling=D(2026, 11, 2))  # urgent, not overdue
    services.maak_signalen()
    return wereld


def namen(response) -> set[str]:
    return {s.termijn.inburgeraar.achternaam for s in response.context["pagina"].object_list}


def test_a_regisseur_sees_their_own_signals_and_can_filter_for_the_team(client, signalen):
    client.force_login(signalen.regisseur)
    assert namen(client.get(reverse("inburgering:signalen"))) == {"Eigen"}
    assert namen(client.get(reverse("inburgering:signalen"), {"van": "team"})) == {"Eigen", "Collega"}


def test_a_teamleider_sees_the_teams_overdue_signals(client, signalen):
    client.force_login(signalen.teamleider)
    assert namen(client.get(reverse("inburgering:signalen"))) == {"Eigen", "Collega"}
    response = client.get(reverse("inburgering:signalen"), {"alleen_verlopen": "on"})
    assert namen(response) == {"Eigen"}
    assert "Uiterste datum bereikt" in response.content.decode()


def test_handling_a_signal_asks_a_reason_and_closes_it(client, signalen):
    client.force_login(signalen.regisseur)
    signaal = signalen_van(signalen.eigen).get()
    url = reverse("inburgering:signaal_afhandelen", args=[signaal.pk])

    zonder_reden = client.post(url, {"reden": " "})
    assert zonder_reden.status_code == 200
    assert "Dit veld is verplicht." in zonder_reden.content.decode()

    response = client.post(url, {"reden": "PIP is verstuurd"})
    assert response.status_code == 302
    signaal.refresh_from_db()
    assert (signaal.status, signaal.afgehandeld_door, signaal.afhandel_reden) == (
        Signaal.Status.AFGEHANDELD,
        signalen.regisseur,
        "PIP is verstuurd",
    )
    assert namen(client.get(reverse("inburgering:signalen"))) == set()
    tijdlijn = client.get(reverse("inburgering:dossier", args=[signalen.eigen.pk])).content.decode()
    assert "PIP is verstuurd" in tijdlijn


def test_a_closed_signal_can_be_reopened_and_both_steps_are_audited(client, signalen):
    client.force_login(signalen.regisseur)
    signaal = signalen_van(signalen.eigen).get()
    client.post(reverse("inburgering:signaal_afhandelen", args=[signaal.pk]), {"reden": "Vergissing"})

    lijst = client.get(reverse("inburgering:signalen")).content.decode()
    assert "Vergissing" in lijst and reverse("inburgering:signaal_heropenen", args=[signaal.pk]) in lijst
    assert client.post(reverse("inburgering:signaal_heropenen", args=[signaal.pk])).status_code == 302

    signaal.refresh_from_db()
    assert (signaal.status, signaal.afgehandeld_door, signaal.afhandel_reden) == (Signaal.Status.OPEN, None, "")
    assert namen(client.get(reverse("inburgering:signalen"))) == {"Eigen"}
    assert LogEntry.objects.get_for_object(signaal).count() == 2
    assert signalen.eigen.tijdlijn.filter(soort="signaal_heropend").exists()


def test_snoozing_needs_a_reason_and_hides_the_signal_until_then(client, signalen):
    client.force_login(signalen.regisseur)
    signaal = signalen_van(signalen.eigen).get()
    url = reverse("inburgering:signaal_uitstellen", args=[signaal.pk])

    zonder_reden = client.post(url, {"tot": "2026-11-30", "reden": " "})
    assert zonder_reden.status_code == 200
    assert "Dit veld is verplicht." in zonder_reden.content.decode() or zonder_reden.context["form"].errors["reden"]

    assert client.post(url, {"tot": "2026-11-30", "reden": "Wacht op reactie van de inburgeraar"}).status_code == 302
    signaal.refresh_from_db()
    assert (signaal.gesnoozed_tot, signaal.snooze_reden) == (D(2026, 11, 30), "Wacht op reactie van de inburgeraar")
    assert namen(client.get(reverse("inburgering:signalen"))) == set()
    with time_machine.travel(datetime.datetime(2026, 11, 30, 8, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(signalen.regisseur)
        assert namen(client.get(reverse("inburgering:signalen"))) == {"Eigen"}


def test_snoozing_into_the_past_is_refused(client, signalen):
    client.force_login(signalen.regisseur)
    signaal = signalen_van(signalen.eigen).get()
    response = client.post(
        reverse("inburgering:signaal_uitstellen", args=[signaal.pk]), {"tot": "2026-11-23", "reden": "x"}
    )
    assert response.status_code == 200
    assert "Kies een datum na vandaag." in response.content.decode()


def test_another_teams_signal_answers_404(client, signalen):
    client.force_login(signalen.regisseur)
    vreemd = signalen_van(signalen.andere).get()
    assert client.post(reverse("inburgering:signaal_afhandelen", args=[vreemd.pk]), {"reden": "x"}).status_code == 404
    assert client.post(reverse("inburgering:signaal_heropenen", args=[vreemd.pk])).status_code == 404
    assert client.get(reverse("inburgering:signaal_uitstellen", args=[vreemd.pk])).status_code == 404
    vreemd.refresh_from_db()
    assert vreemd.status == Signaal.Status.OPEN


@pytest.mark.parametrize("aantal", [2, 30])
def test_the_inbox_query_count_is_constant(client, wereld, aantal, django_assert_num_queries):
    for _ in range(aantal):
        InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, datum_koppeling=D(2026, 9, 1))
    services.maak_signalen()
    client.force_login(wereld.regisseur)
    # session, user, role check, permissions (user, group) for the menu and the views, count, page,
    # renewing the idle timeout (savepoint, update, release), the DUO actions and refused DUO messages,
    # the unknown deadlines listed apart, the signals this user closed lately (to reopen)
    with django_assert_num_queries(14):
        response = client.get(reverse("inburgering:signalen"))
    assert len(response.context["pagina"].object_list) == aantal


# Caseload and dossier page ----------------------------------------------------------------------


def test_the_caseload_sorts_by_next_deadline_and_marks_it_in_words(client, wereld):
    te_laat = InburgeraarFactory(gemeente=wereld.bladel, achternaam="Laat", datum_koppeling=D(2026, 9, 1))
    binnenkort = InburgeraarFactory(gemeente=wereld.bladel, achternaam="Straks", datum_koppeling=D(2026, 11, 2))
    op_schema = InburgeraarFactory(gemeente=wereld.bladel, achternaam="Ruim", datum_koppeling=D(2026, 11, 20))
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:caseload"), {"sorteer": "termijn", "gemeente": wereld.bladel.pk})

    rijen = list(response.context["pagina"].object_list)
    assert [d.pk for d in rijen[:3]] == [te_laat.pk, binnenkort.pk, op_schema.pk]
    assert rijen[-1].volgende_termijn is None  # Haile: intake started, no open deadline, last
    html = response.content.decode()
    for tekst in (
        "29 september 2026",
        "Te laat",
        "30 november 2026",
        "Binnenkort",
        "18 december 2026",
        "Op schema",
        "Geen open termijn",
    ):
        assert tekst in html
    assert "app-signaal--rood" in html and "app-signaal--oranje" in html and "app-signaal--groen" in html

    omgekeerd = client.get(reverse("inburgering:caseload"), {"sorteer": "-termijn", "gemeente": wereld.bladel.pk})
    # Descending, dossiers without an open deadline come first (as NULL sorts in PostgreSQL's index).
    rijen = list(omgekeerd.context["pagina"].object_list)
    assert rijen[0].volgende_termijn is None
    assert [d.pk for d in rijen if d.volgende_termijn][:3] == [op_schema.pk, binnenkort.pk, te_laat.pk]


def test_the_dossier_page_lists_its_deadlines(client, wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, datum_koppeling=D(2026, 11, 2))
    zet_feiten(dossier, datum_eerste_pip=D(2026, 3, 1), datum_pvt_afgerond=D(2026, 10, 1))
    client.force_login(wereld.regisseur)
    html = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    for tekst in ("Termijnen", "Brede intake starten", "30 november 2026", "Binnenkort", "Einde inburgeringstermijn",
                  "1 maart 2029", "PVT afronden", "Voldaan op 1 oktober 2026"):  # fmt: skip
        assert tekst in html
