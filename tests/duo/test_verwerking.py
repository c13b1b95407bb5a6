"""Processing per event (the table in DUO's README, inburgering/duo/m2m): DUO's details read, the dossier
changed by services."""

import datetime
import uuid

import pytest
import time_machine

from django.urls import reverse

from inburgering import services, signalering
from inburgering.duo import verwerking
from inburgering.duo.gebeurtenissen import handler_voor
from inburgering.duo.models import Notificatie
from inburgering.fasen import Fase
from inburgering.models import Inburgeraar
from intake import services as intake_services
from intake.models import Leerbaarheidstoets
from tests.factories import geef_pip

from .conftest import BSN


def _notificatie(wereld, gebeurtenis, *, bsn=BSN, moment="2026-11-20T09:15:00+01:00"):
    return Notificatie.objects.create(
        bericht_id=uuid.uuid4(),
        bron="00000001800866472000",
        doel=wereld.bladel.oin,
        gemeente=wereld.bladel,
        gebeurtenis_id=gebeurtenis,
        bsn=bsn,
        registratie_datum_tijd=moment,
        inhoud={"gebeurtenisId": gebeurtenis, "bsn": bsn, "registratieDatumTijd": moment},
    )


def _verwerk(notificatie):
    status = verwerking.verwerk(notificatie.pk)
    notificatie.refresh_from_db()
    return status


def test_ss139_restarts_the_pip_deadline_from_the_event(duo_wereld):
    dossier = duo_wereld.dossier_bladel
    notificatie = _notificatie(duo_wereld, "SS139")

    assert _verwerk(notificatie) == "verwerkt"

    dossier.refresh_from_db()
    assert dossier.datum_pip_termijn_herstart == datetime.date(2026, 11, 20)
    termijn = dossier.termijnen.get(soort="pip_vaststelling")
    assert termijn.uiterste_datum == datetime.date(2026, 11, 20) + datetime.timedelta(weeks=10)
    assert "29 januari 2027" in notificatie.actie
    assert dossier.tijdlijn.filter(soort="duo", omschrijving__contains="SS139").exists()


def test_ss102_and_ss104_take_duos_termijn_dates(duo_wereld):
    dossier = geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur)
    duo_wereld.duo.zet(
        "GET",
        "/inburgeringstermijn",
        (200, {"startdatum": "2025-03-04", "einddatum": "2028-03-03"}),
        (
            200,
            {
                "startdatum": "2025-03-04",
                "einddatum": "2028-09-03",
                "verlengingsgrondcode": "OV",
                "verlengingsgrondomschrijving": "Op verzoek",
            },
        ),
    )

    _verwerk(_notificatie(duo_wereld, "SS102"))
    dossier.refresh_from_db()
    assert dossier.datum_einde_termijn_duo == datetime.date(2028, 3, 3)

    verlenging = _notificatie(duo_wereld, "SS104")
    _verwerk(verlenging)
    dossier.refresh_from_db()
    assert dossier.datum_einde_termijn_duo == datetime.date(2028, 9, 3)
    assert dossier.termijnen.get(soort="inburgeringstermijn").uiterste_datum == datetime.date(2028, 9, 3)
    assert "Op verzoek" in verlenging.actie


def test_ss106_closes_a_dossier_in_uitvoering_as_met(duo_wereld):
    dossier = geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur)
    assert dossier.fase == Fase.UITVOERING

    _verwerk(_notificatie(duo_wereld, "SS106"))

    dossier.refresh_from_db()
    assert (dossier.fase, dossier.reden_afronding) == (Fase.AFGEROND, "voldaan")


@pytest.mark.parametrize(
    ("gebeurtenis", "reden"), [("SS107", "vrijstelling"), ("SS108", "ontheffing"), ("SS110", "vervallen")]
)
def test_an_exemption_or_a_withdrawn_plicht_closes_the_dossier_in_any_fase(duo_wereld, gebeurtenis, reden):
    assert duo_wereld.dossier_bladel.fase == Fase.AANGEMELD
    notificatie = _notificatie(duo_wereld, gebeurtenis)
    _verwerk(notificatie)
    dossier = Inburgeraar.objects.get(pk=duo_wereld.dossier_bladel.pk)
    assert (dossier.fase, dossier.reden_afronding) == (Fase.AFGEROND, reden)
    assert notificatie.actie == ""


def test_ss108_reads_the_ground_of_the_ontheffing_into_the_tijdlijn(duo_wereld):
    duo_wereld.duo.zet(
        "GET",
        "/ontheffingen",
        (200, [{"GeheleOntheffing": {"oordeel": "Toekenning", "datumOordeel": "2026-11-12", "grond": "MED"}}]),
    )
    _verwerk(_notificatie(duo_wereld, "SS108"))
    assert duo_wereld.dossier_bladel.tijdlijn.filter(
        soort="duo",
        omschrijving="DUO meldde SS108: volledige ontheffing. Besluit van DUO van 12 november 2026, grond MED.",
    ).exists()


def test_a_diploma_before_the_uitvoering_asks_the_regisseur(duo_wereld):
    notificatie = _notificatie(duo_wereld, "SS106")
    _verwerk(notificatie)
    assert Inburgeraar.objects.get(pk=duo_wereld.dossier_bladel.pk).fase == Fase.AANGEMELD
    assert notificatie.actie.startswith("Rond het dossier af")
    assert notificatie.inburgeraar == duo_wereld.dossier_bladel


TIJDELIJK = [
    {
        "TijdelijkeVrijstelling": {
            "oordeel": "Toekenning",
            "reden": "DOC",
            "datumOordeel": "2026-11-18",
            "startdatum": "2026-12-01",
            "einddatum": "2027-06-01",
        }
    },
    {"TijdelijkeVrijstelling": {"oordeel": "Afwijzing", "reden": "DOC", "startdatum": "2027-01-01"}},
]


def _termijn(dossier):
    return dossier.termijnen.values_list("uiterste_datum", "opgeschort").get(soort="inburgeringstermijn")


def test_ss109_pauses_the_running_deadlines_for_duos_dates_and_resumes_them_after(duo_wereld, client):
    dossier = geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur)  # termijn to 3 March 2028
    duo_wereld.duo.zet("GET", "/vrijstellingen", (200, TIJDELIJK))
    notificatie = _notificatie(duo_wereld, "SS109")

    _verwerk(notificatie)

    dossier.refresh_from_db()
    assert (dossier.duo_opschorting_van, dossier.duo_opschorting_tot) == (
        datetime.date(2026, 12, 1),
        datetime.date(2027, 6, 1),
    )
    assert notificatie.actie == ""  # nothing left for the regisseur to do by hand
    assert dossier.tijdlijn.filter(
        omschrijving__contains="Tijdelijke vrijstelling van 1 december 2026 tot en met 1 juni 2027"
    ).exists()
    # 1 December 2026 to 1 June 2027 is 183 days: the termijn ends 183 days later, not yet suspended.
    assert _termijn(dossier) == (datetime.date(2028, 9, 2), False)
    with time_machine.travel(datetime.datetime(2026, 12, 1, 8, 0, tzinfo=datetime.UTC), tick=False):
        signalering.nachtelijke_run()
        client.force_login(duo_wereld.regisseur)
        pagina = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    assert _termijn(dossier) == (datetime.date(2028, 9, 2), True)
    assert "Opgeschort: tijdelijke vrijstelling van DUO van 1 december 2026 tot en met 1 juni 2027" in pagina
    with time_machine.travel(datetime.datetime(2027, 6, 2, 8, 0, tzinfo=datetime.UTC), tick=False):
        signalering.nachtelijke_run()
    assert _termijn(dossier) == (datetime.date(2028, 9, 2), False)


def test_ss130_ends_the_pause_the_day_before_duo_withdrew_it(duo_wereld):
    dossier = geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur)
    duo_wereld.duo.zet("GET", "/vrijstellingen", (200, TIJDELIJK))
    _verwerk(_notificatie(duo_wereld, "SS109"))
    duo_wereld.duo.zet("GET", "/inburgeringstermijn", (200, {"startdatum": "2025-03-04", "einddatum": "2028-03-03"}))
    with time_machine.travel(datetime.datetime(2027, 2, 1, 8, 0, tzinfo=datetime.UTC), tick=False):
        ingetrokken = _notificatie(duo_wereld, "SS130", moment="2027-02-01T09:00:00+01:00")
        _verwerk(ingetrokken)

    dossier.refresh_from_db()
    assert dossier.duo_opschorting_tot == datetime.date(2027, 1, 31)
    assert dossier.duo_startdatum_termijn == datetime.date(2025, 3, 4)
    assert ingetrokken.actie.startswith("Hervat de begeleiding")
    # DUO's own end date holds its decision: suspended while paused, never moved a second time.
    assert _termijn(dossier) == (datetime.date(2028, 3, 3), False)


@pytest.mark.parametrize(
    ("gebeurtenis", "tijdlijn", "actie"),
    [
        ("SS113", "verzoek om verlenging van de inburgeringstermijn afgewezen", "De inburgeringstermijn blijft"),
        ("SS114", "verzoek om volledige vrijstelling afgewezen. De inburgeringsplicht blijft gelden.", ""),
        ("SS115", "verzoek om tijdelijke vrijstelling afgewezen", "De inburgeringsplicht en de termijnen lopen"),
        ("SS116", "verzoek om gedeeltelijke vrijstelling afgewezen. Alle examenonderdelen blijven nodig.", ""),
        ("SS118", "verzoek om ontheffing afgewezen. De inburgeringsplicht blijft volledig gelden.", ""),
    ],
)
def test_a_refused_request_is_on_the_tijdlijn_and_asks_action_where_needed(duo_wereld, gebeurtenis, tijdlijn, actie):
    notificatie = _notificatie(duo_wereld, gebeurtenis)

    assert _verwerk(notificatie) == "verwerkt"

    assert notificatie.actie.startswith(actie)
    assert bool(notificatie.actie) == bool(actie)
    assert duo_wereld.dossier_bladel.tijdlijn.filter(
        soort="duo", omschrijving__startswith=f"DUO meldde {gebeurtenis}: {tijdlijn}"
    ).exists()


@pytest.mark.parametrize(
    ("gebeurtenis", "resource", "besluit", "getoond"),
    [
        (
            "SS117",
            "/vrijstellingen",
            {"GedeeltelijkeVrijstelling": {"oordeel": "Toekenning", "reden": "DIP", "examenonderdeel": "LE"}},
            "Lezen",
        ),
        (
            "SS119",
            "/ontheffingen",
            {
                "GedeeltelijkeOntheffing": {
                    "oordeel": "Toekenning",
                    "datumOordeel": "2026-11-12",
                    "grond": "MED",
                    "examenonderdeel": "KNM",
                }
            },
            "Kennis van de Nederlandse Maatschappij",
        ),
    ],
)
def test_a_partial_exemption_shows_what_is_no_longer_required(
    duo_wereld, client, gebeurtenis, resource, besluit, getoond
):
    from django.urls import reverse

    duo_wereld.duo.zet("GET", resource, (200, [besluit]))
    notificatie = _notificatie(duo_wereld, gebeurtenis)

    _verwerk(notificatie)

    assert notificatie.actie == f"Pas het PIP en het aanbod aan: niet meer nodig is {getoond}."
    client.force_login(duo_wereld.regisseur)
    pagina = client.get(reverse("inburgering:dossier", args=[duo_wereld.dossier_bladel.pk])).content.decode()
    assert f'Vrijgesteld of ontheven voor: {getoond} <span class="utrecht-status-badge app-bron">bron: DUO' in pagina


def test_every_event_in_duos_list_has_a_handler():
    import openpyxl

    from django.conf import settings

    blad = openpyxl.load_workbook(settings.DUO_SPEC_DIR / "gebeurtenissen-overzicht.xlsx")["Overzicht "]
    ids = [rij[0] for rij in blad.iter_rows(min_row=2, values_only=True) if rij[0]]
    assert len(ids) == 27
    assert [i for i in ids if handler_voor(i) is None] == []


def test_duos_dates_are_stored_and_shown_as_duos(duo_wereld, client):
    from django.urls import reverse

    duo_wereld.duo.zet(
        "GET",
        "/inburgeringsplicht",
        (
            200,
            {
                "indicatorInburgeringsplicht": True,
                "begindatum": "2026-10-01",
                "datumKennisgevingInburgeringsplicht": "2026-10-05",
            },
        ),
    )
    duo_wereld.duo.zet("GET", "/inburgeringstermijn", (200, {"startdatum": "2026-11-03", "einddatum": "2029-11-02"}))
    _verwerk(_notificatie(duo_wereld, "SS101", bsn="111222333"))
    dossier = Inburgeraar.objects.get(bsn="111222333")
    _verwerk(_notificatie(duo_wereld, "SS102", bsn="111222333"))

    dossier.refresh_from_db()
    assert (dossier.duo_begindatum_plicht, dossier.duo_startdatum_termijn, dossier.datum_einde_termijn_duo) == (
        datetime.date(2026, 10, 1),
        datetime.date(2026, 11, 3),
        datetime.date(2029, 11, 2),
    )
    services.wijs_regisseur_toe(door=None, inburgeraar=dossier, regisseur=duo_wereld.regisseur)
    client.force_login(duo_wereld.regisseur)
    pagina = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    assert '1 oktober 2026 <span class="utrecht-status-badge app-bron">bron: DUO</span>' in pagina
    assert '3 november 2026 – 2 november 2029 <span class="utrecht-status-badge app-bron">bron: DUO</span>' in pagina


def test_ss111_writes_the_dossier_out(duo_wereld):
    _verwerk(_notificatie(duo_wereld, "SS111"))

    dossier = Inburgeraar.objects.get(pk=duo_wereld.dossier_bladel.pk)
    assert (dossier.fase, dossier.reden_uitschrijving) == (Fase.UITGESCHREVEN, "overleden")


def test_ss124_changes_the_doelgroep(duo_wereld):
    duo_wereld.duo.zet("GET", "/doelgroep", (200, {"gedetailleerdeDoelgroep": "Gezinsvormer"}))

    _verwerk(_notificatie(duo_wereld, "SS124"))

    assert Inburgeraar.objects.get(pk=duo_wereld.dossier_bladel.pk).doelgroep == "Gezinsvormer"


def test_ss121_opens_with_the_previous_gemeentes_pip(duo_wereld):
    bsn = "111222333"
    duo = duo_wereld.duo
    duo.zet("GET", "/inburgeringsplicht", (200, {"indicatorInburgeringsplicht": True}))
    duo.zet("GET", "/doelgroep", (200, {"gedetailleerdeDoelgroep": "Asielstatushouder"}))
    duo.zet("GET", "/PIP", (200, {"gemeentecode": "0363", "pip": {"dagtekeningPip": "2025-06-02", "leerroute": "Z"}}))
    duo.zet("GET", "/inburgeringstermijn", (200, {"startdatum": "2025-06-03", "einddatum": "2028-06-02"}))
    notificatie = _notificatie(duo_wereld, "SS121", bsn=bsn)

    _verwerk(notificatie)

    dossier = Inburgeraar.objects.get(bsn=bsn)
    assert (dossier.gemeente, dossier.leerroute) == (duo_wereld.bladel, "Z")
    assert dossier.datum_eerste_pip == datetime.date(2025, 6, 2)
    assert dossier.datum_einde_termijn_duo == datetime.date(2028, 6, 2)
    assert "0363" in notificatie.actie


def test_ss120_for_a_dossier_of_another_gemeente_hands_it_over(duo_wereld):
    dossier = duo_wereld.dossier_bergeijk
    notificatie = _notificatie(duo_wereld, "SS120", bsn=dossier.bsn)

    _verwerk(notificatie)

    dossier.refresh_from_db()
    assert dossier.gemeente == duo_wereld.bladel
    assert dossier.tijdlijn.filter(soort="ontvangen").exists()


@pytest.mark.parametrize("gebeurtenis", ["SS129", "SS120", "SS101"])
def test_an_event_about_the_plicht_of_a_running_dossier_takes_duos_begindatum(duo_wereld, gebeurtenis):
    dossier = duo_wereld.dossier_bladel
    duo_wereld.duo.zet(
        "GET",
        "/inburgeringsplicht",
        (
            200,
            {
                "indicatorInburgeringsplicht": True,
                "begindatum": "2026-10-12",
                "datumKennisgevingInburgeringsplicht": "2026-10-14",
            },
        ),
    )

    _verwerk(_notificatie(duo_wereld, gebeurtenis, bsn=dossier.bsn))

    dossier.refresh_from_db()
    assert dossier.duo_begindatum_plicht == datetime.date(2026, 10, 12)
    assert dossier.datum_kennisgeving == datetime.date(2026, 10, 14)  # filled in where it was missing


def test_a_processed_notification_is_not_processed_again(duo_wereld):
    notificatie = _notificatie(duo_wereld, "SS139")
    _verwerk(notificatie)

    assert verwerking.verwerk(notificatie.pk) is None
    assert duo_wereld.dossier_bladel.tijdlijn.filter(soort="duo").count() == 1


def test_duo_unreachable_keeps_the_notification_for_a_retry(duo_wereld):
    import httpx

    duo_wereld.duo.zet("GET", "/inburgeringstermijn", httpx.ConnectTimeout("weg"))
    notificatie = _notificatie(duo_wereld, "SS102")

    assert _verwerk(notificatie) == "ontvangen"
    assert "ConnectTimeout" in notificatie.laatste_fout
    duo_wereld.duo.zet("GET", "/inburgeringstermijn", (200, {"startdatum": "2025-03-04", "einddatum": "2028-03-03"}))
    assert _verwerk(notificatie) == "verwerkt"


def test_ss131_puts_duos_lbt_result_in_the_running_intake(duo_wereld):

    intake = intake_services.start_intake(door=duo_wereld.regisseur, inburgeraar=duo_wereld.dossier_bladel)
    duo_wereld.duo.zet(
        "GET",
        "/lbt/resultaten",
        (
            200,
            [
                {
                    "resultaat": "B1-route niet haalbaar",
                    "behaaldeScore": 40,
                    "benodigdeScore": 55,
                    "datumAfname": "2026-10-01",
                },
                {
                    "resultaat": "B1-route haalbaar",
                    "behaaldeScore": 61.5,
                    "benodigdeScore": 55,
                    "datumAfname": "2026-11-18",
                },
            ],
        ),
    )
    notificatie = _notificatie(duo_wereld, "SS131")

    assert _verwerk(notificatie) == "verwerkt"

    lbt = Leerbaarheidstoets.objects.get(intake=intake)
    assert (lbt.resultaat, str(lbt.behaalde_score), lbt.datum_afname) == (
        "B1-route haalbaar",
        "61.50",
        datetime.date(2026, 11, 18),
    )
    assert "advies" in notificatie.actie


def test_ss199_records_new_exam_results_once(duo_wereld):
    dossier = geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur)
    duo_wereld.duo.zet(
        "GET",
        "/examens/resultaten",
        (200, [{"examendatum": "2026-11-10", "resultaat": "Geslaagd", "onderdeel": "KNM"}]),
    )

    _verwerk(_notificatie(duo_wereld, "SS199"))
    tweede = _notificatie(duo_wereld, "SS199")
    _verwerk(tweede)

    assert list(dossier.examens.values_list("onderdeel", "resultaat")) == [("KNM", "Geslaagd")]
    assert tweede.actie.startswith("0 nieuwe")


def test_the_regisseur_marks_a_duo_action_done_on_the_dossier(duo_wereld, client):
    from django.urls import reverse

    notificatie = _notificatie(duo_wereld, "SS115")
    _verwerk(notificatie)
    client.force_login(duo_wereld.regisseur)
    pagina = reverse("inburgering:dossier", args=[duo_wereld.dossier_bladel.pk])
    assert "hoe de begeleiding verdergaat" in client.get(pagina).content.decode()

    client.post(reverse("inburgering:duo_actie_afhandelen", args=[duo_wereld.dossier_bladel.pk, notificatie.pk]))

    notificatie.refresh_from_db()
    assert notificatie.actie_afgehandeld_op is not None
    assert "DUO: actie nodig" not in client.get(pagina).content.decode()
    assert duo_wereld.dossier_bladel.tijdlijn.filter(omschrijving__startswith="Actie na DUO-notificatie SS115").exists()


def test_the_beheerder_processes_a_failed_notification_again(duo_wereld, client, monkeypatch):
    from django.urls import reverse

    notificatie = _notificatie(duo_wereld, "SS139")
    monkeypatch.setattr(verwerking.services, "wijzig_dossier", lambda **kwargs: 1 / 0)
    assert _verwerk(notificatie) == "mislukt"
    assert "ZeroDivisionError" in notificatie.laatste_fout
    monkeypatch.undo()
    client.force_login(duo_wereld.beheerder)
    assert "Opnieuw verwerken" in client.get(reverse("inburgering:duo_berichten"), {"richting": "in"}).content.decode()

    client.post(reverse("inburgering:duo_notificatie_opnieuw", args=[notificatie.pk]))

    notificatie.refresh_from_db()
    assert (notificatie.status, notificatie.pogingen) == ("verwerkt", 2)


def test_a_failure_after_opening_a_dossier_leaves_no_dossier_and_no_dangling_link(duo_wereld, monkeypatch):
    duo_wereld.duo.zet("GET", "/inburgeringsplicht", (200, {"indicatorInburgeringsplicht": True}))
    monkeypatch.setattr(verwerking, "_schrijf", lambda notificatie, actie: 1 / 0)
    notificatie = _notificatie(duo_wereld, "SS101", bsn="111222333")

    assert _verwerk(notificatie) == "mislukt"

    assert notificatie.inburgeraar is None
    assert not Inburgeraar.objects.filter(bsn="111222333").exists()


def test_duo_unreachable_too_often_fails_the_notification(duo_wereld, settings):
    import httpx

    settings.DUO_MAX_POGINGEN = 2
    duo_wereld.duo.zet("GET", "/inburgeringstermijn", httpx.ConnectTimeout("weg"))
    notificatie = _notificatie(duo_wereld, "SS102")

    assert [_verwerk(notificatie), _verwerk(notificatie)] == ["ontvangen", "mislukt"]


def test_duo_actions_appear_in_the_regisseurs_signalen_inbox_only_for_visible_dossiers(duo_wereld, client):
    from django.urls import reverse

    _verwerk(_notificatie(duo_wereld, "SS113"))  # the Bladel dossier, regisseur sanne

    client.force_login(duo_wereld.regisseur)
    assert "hoe de plicht op tijd" in client.get(reverse("inburgering:signalen")).content.decode()
    client.force_login(duo_wereld.regisseur_eersel)
    assert "hoe de plicht op tijd" not in client.get(reverse("inburgering:signalen")).content.decode()
    client.force_login(duo_wereld.collega)  # same team, not their caseload: only when asking for the team's
    assert "hoe de plicht op tijd" not in client.get(reverse("inburgering:signalen")).content.decode()
    assert "hoe de plicht op tijd" in client.get(reverse("inburgering:signalen"), {"van": "team"}).content.decode()
