"""The intake page: sections saved with htmx, typed input kept on errors, advice warnings, letters, queries."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inburgering.fasen import Fase
from intake import services
from intake.leefgebieden import PER_SLUG
from intake.models import Leerbaarheidstoets

pytestmark = pytest.mark.django_db


@pytest.fixture
def ingelogd(client, regisseur):
    client.force_login(regisseur)
    return client


def _url(naam, dossier, *args):
    return reverse(naam, args=[dossier.pk, *args])


def test_the_dossier_page_leads_to_the_intake_and_starting_it_moves_the_fase(ingelogd, wereld):
    dossier = wereld.dossier_bladel
    assert (
        _url("intake:intake", dossier)
        in ingelogd.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    )
    assert "Brede intake starten" in ingelogd.get(_url("intake:intake", dossier)).content.decode()

    response = ingelogd.post(_url("intake:intake_starten", dossier), follow=True)

    assert "De brede intake is gestart." in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.fase == Fase.INTAKE


def test_the_dossier_page_shows_where_the_intake_stands(ingelogd, wereld, intake):
    def stand(dossier):
        return ingelogd.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    assert "Nog niet gestart." in stand(wereld.dossier_bergeijk)
    bezig = stand(wereld.dossier_bladel)
    assert "Gestart op 23 november 2026." in bezig
    assert "onderdelen nodig om af te ronden" in bezig
    assert "Leg ten minste één intakegesprek vast." in bezig

    intake.advies_leerroute = "B"
    intake.afgerond_op = datetime.date(2026, 11, 20)
    intake.save()
    assert "Afgerond op 20 november 2026, advies: B1-route." in stand(wereld.dossier_bladel)


def test_a_section_saved_with_htmx_comes_back_with_the_progress_overview(ingelogd, wereld, intake):
    response = ingelogd.post(
        _url("intake:intake_leefgebied", wereld.dossier_bladel, "opleiding"),
        {"opleiding-score": "4", "opleiding-jaren_onderwijs": "12", "opleiding-land_diploma": "Eritrea"},
        HTTP_HX_REQUEST="true",
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert '<section id="opleiding"' in html
    assert "Opgeslagen." in html
    assert 'id="voortgang" hx-swap-oob="true"' in html
    assert "Opleiding: kies een score" not in html  # the overview no longer lists it as missing
    assert "Werkervaring: kies een score" in html
    assert PER_SLUG["opleiding"].model.objects.get(intake=intake).land_diploma == "Eritrea"


@pytest.mark.parametrize("htmx", [True, False])
def test_an_error_is_shown_beside_the_field_and_nothing_typed_is_lost(ingelogd, wereld, intake, htmx):
    extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = ingelogd.post(
        _url("intake:intake_gesprek", wereld.dossier_bladel),
        {
            "gesprek-datum": "2026-12-01",
            "gesprek-plaats": "azc",
            "gesprek-aanwezigen": "Partner en een maatschappelijk begeleider",
            "gesprek-tolk_ingezet": "on",
            "gesprek-notities": "Vertelde uitgebreid over de opleiding in Asmara.",
        },
        **extra,
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "De datum van het gesprek kan niet in de toekomst liggen." in html
    assert "Vul de taal van de tolk in." in html
    assert 'id="id_gesprek-datum_fout"' in html
    assert "Vertelde uitgebreid over de opleiding in Asmara." in html
    assert 'value="Partner en een maatschappelijk begeleider"' in html
    assert not intake.gesprekken.exists()


def test_an_advice_against_the_rules_asks_for_acknowledgement_first(ingelogd, wereld, intake):
    url = _url("intake:intake_advies", wereld.dossier_bladel)
    gegevens = {"advies-advies_leerroute": "Z", "advies-advies_motivatie": "Kan moeilijk leren."}

    eerst = ingelogd.post(url, gegevens, HTTP_HX_REQUEST="true").content.decode()

    assert "Er is geen uitslag van de leerbaarheidstoets die een Z-route onderbouwt." in eerst
    assert 'name="advies-erkend" value="z_route_zonder_lbt"' in eerst
    assert "Kan moeilijk leren." in eerst
    intake.refresh_from_db()
    assert intake.advies_leerroute == ""

    ingelogd.post(url, {**gegevens, "advies-erkend": "z_route_zonder_lbt"}, HTTP_HX_REQUEST="true")

    intake.refresh_from_db()
    assert (intake.advies_leerroute, intake.advies_niveau) == ("Z", "A1")


def test_finishing_too_early_says_what_is_missing(ingelogd, wereld, intake):
    response = ingelogd.post(_url("intake:intake_afronden", wereld.dossier_bladel), follow=True)

    html = response.content.decode()
    assert "De intake is nog niet af:" in html
    assert "Leg ten minste één intakegesprek vast." in html
    intake.refresh_from_db()
    assert intake.afgerond_op is None


def test_the_letter_for_a_second_no_show_proposes_the_fine_from_the_settings(
    ingelogd, wereld, intake, regisseur, settings
):
    settings.INTAKE_BOETE_BEDRAG = 275
    for dag in (5, 12):
        gemist = services.registreer_niet_verschenen(
            door=regisseur, intake=intake, datum=datetime.date(2026, 10, dag), geldige_reden=False
        )

    html = ingelogd.get(_url("intake:intake_brief", wereld.dossier_bladel, gemist.pk)).content.decode()

    assert "Wij zijn van plan u een boete te geven van € 275,00." in html
    assert "Dit is een voorstel. Er is nog niets besloten" in html


def test_choosing_a_step_records_it_and_offers_its_letter(ingelogd, wereld, intake, regisseur):
    gemist = services.registreer_niet_verschenen(
        door=regisseur, intake=intake, datum=datetime.date(2026, 10, 5), geldige_reden=False
    )

    ingelogd.post(
        _url("intake:intake_vervolgstap", wereld.dossier_bladel, gemist.pk), {"vervolgstap-stap": "waarschuwing"}
    )

    gemist.refresh_from_db()
    assert gemist.vervolgstap == "waarschuwing"
    brief = ingelogd.get(_url("intake:intake_brief", wereld.dossier_bladel, gemist.pk)).content.decode()
    assert "Dit is een schriftelijke waarschuwing." in brief


def test_the_intake_page_needs_the_same_number_of_queries_however_full_it_is(ingelogd, wereld, regisseur, intake):
    url = _url("intake:intake", wereld.dossier_bladel)
    ingelogd.get(url)  # warm up the session and permission caches
    with CaptureQueriesContext(connection) as leeg:
        ingelogd.get(url)

    for dag in range(1, 8):
        datum = datetime.date(2026, 10, dag)
        services.leg_gesprek_vast(door=regisseur, intake=intake, gegevens={"datum": datum, "plaats": "thuis"})
        services.registreer_niet_verschenen(door=regisseur, intake=intake, datum=datum, geldige_reden=dag % 2 == 0)
    for sectie in PER_SLUG.values():
        services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=sectie, gegevens={"score": 3})
    with CaptureQueriesContext(connection) as vol:
        response = ingelogd.get(url)

    assert response.status_code == 200
    assert len(vol) == len(leeg)
    assert len(vol) <= 15


def test_a_finished_intake_is_shown_read_only(ingelogd, wereld, regisseur, intake):
    intake.afgerond_op = datetime.date(2026, 11, 20)
    intake.save()

    html = ingelogd.get(_url("intake:intake", wereld.dossier_bladel)).content.decode()

    assert "De brede intake is afgerond op 20 november 2026." in html
    assert "<form" not in html.split('id="inhoud"')[1]


def test_lbt_scores_are_typed_the_dutch_way(ingelogd, wereld, intake):
    response = ingelogd.post(
        _url("intake:intake_leerbaarheidstoets", wereld.dossier_bladel),
        {
            "lbt-resultaat": "B1-route niet haalbaar",
            "lbt-datum_afname": "2026-11-10",
            "lbt-behaalde_score": "41,25",
            "lbt-benodigde_score": "55,00",
        },
    )

    assert response.status_code == 302
    lbt = Leerbaarheidstoets.objects.get(intake=intake)
    assert (str(lbt.behaalde_score), str(lbt.benodigde_score)) == ("41.25", "55.00")
