"""A regisseur conducts a brede intake end to end in a real browser and finishes it with an advice.

A page per step: each step is saved with htmx, the progress panel beside it follows along, and the
regisseur goes on by the "next step" link or by the panel.
The data fixtures run before the browser starts (see conftest); after that only the browser acts."""

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from inburgering.rollen import GEZONDHEIDSGEGEVENS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def regisseur(wereld):
    wereld.regisseur.groups.add(Group.objects.get(name=GEZONDHEIDSGEGEVENS))
    return wereld.regisseur


def _opslaan(sectie, knop):
    sectie.get_by_role("button", name=knop).click()
    # focus moves to the confirmation, so a keyboard user goes on from the section just saved
    expect(sectie.get_by_role("status")).to_have_text("Opgeslagen.")
    expect(sectie.get_by_role("status")).to_be_focused()


def test_a_regisseur_conducts_an_intake_and_finishes_it_with_an_advice(wereld, regisseur, live_server, pagina):
    dossier_url = f"{live_server.url}/dossiers/{wereld.dossier_bladel.pk}/"
    pagina.goto(dossier_url)
    pagina.get_by_label("Gebruikersnaam").fill(regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    expect(pagina.locator("#kop-intake + p")).to_have_text("Nog niet gestart.")
    pagina.get_by_role("navigation", name="Onderdelen van het dossier").get_by_role("link", name="Brede intake").click()
    pagina.get_by_role("button", name="Brede intake starten").click()
    expect(pagina.get_by_text("De brede intake is gestart.")).to_be_visible()
    voortgang = pagina.locator("#voortgang")
    expect(voortgang).to_contain_text("Leg ten minste één intakegesprek vast.")

    # A date in the future is explained beside the field, and what was typed stays
    gesprekken = pagina.locator("#gesprekken")
    gesprekken.get_by_label("Datum", exact=True).fill("2030-01-01")
    gesprekken.get_by_label("Plaats").select_option(label="AZC")
    gesprekken.get_by_label("Tolk ingezet").check()
    gesprekken.get_by_label("Taal van de tolk").fill("Tigrinya")
    gesprekken.get_by_label("Notities").fill("Kennismaking, wil graag verpleegkundige worden.")
    gesprekken.get_by_role("button", name="Gesprek vastleggen").click()
    expect(pagina.locator("#gesprekken").get_by_text("kan niet in de toekomst liggen").first).to_be_visible()
    expect(pagina.locator("#gesprekken").get_by_role("alert").first).to_be_focused()
    gesprekken = pagina.locator("#gesprekken")
    assert gesprekken.get_by_label("Notities").input_value() == "Kennismaking, wil graag verpleegkundige worden."
    gesprekken.get_by_label("Datum", exact=True).fill("2026-11-02")
    _opslaan(gesprekken, "Gesprek vastleggen")
    expect(pagina.locator("#gesprekken tbody tr")).to_have_count(1)
    expect(voortgang).not_to_contain_text("Leg ten minste één intakegesprek vast.")

    pagina.get_by_role("link", name="Volgende stap: Leerbaarheidstoets").first.click()
    lbt = pagina.locator("#leerbaarheidstoets")
    lbt.get_by_label("Resultaat").select_option(label="B1-route haalbaar")
    lbt.get_by_label("Datum uitslag").fill("2026-11-10")
    lbt.get_by_label("Behaalde score").fill("61,50")
    lbt.get_by_label("Benodigde score").fill("55,00")
    _opslaan(lbt, "Leerbaarheidstoets opslaan")

    lbt.get_by_role("link", name="Volgende stap: Opleiding").click()
    opleiding = pagina.locator("#opleiding")
    opleiding.get_by_label("Score").select_option("4")
    opleiding.get_by_label("Jaren onderwijs").fill("12")
    opleiding.get_by_label("Land van het diploma").fill("Eritrea")
    _opslaan(opleiding, "Opleiding opslaan")

    voortgang.get_by_role("link", name="Werkervaring", exact=True).click()
    expect(voortgang.get_by_role("link", name="Werkervaring", exact=True)).to_have_attribute("aria-current", "step")
    werk = pagina.locator("#werkervaring")
    werk.get_by_label("Score").select_option("3")
    werk.get_by_label("Beroepen en sectoren").fill("Verzorgende in een ziekenhuis")
    werk.get_by_label("Beroepen en sectoren").press("Enter")  # saving works from the keyboard too
    expect(werk.get_by_role("status")).to_be_focused()

    voortgang.get_by_role("link", name="Gezondheid", exact=True).click()
    gezondheid = pagina.locator("#gezondheid")
    expect(gezondheid).to_contain_text("Bijzondere persoonsgegevens")
    gezondheid.get_by_label("Score").select_option("4")
    gezondheid.get_by_label("Psychische gezondheid").fill("Slaapt slecht, huisarts weet ervan.")
    _opslaan(gezondheid, "Gezondheid opslaan")

    voortgang.get_by_role("link", name="Gezin en kinderopvang", exact=True).click()
    gezin = pagina.locator("#gezin")
    gezin.get_by_label("Score").select_option("4")
    gezin.get_by_label("Kinderen tot 6 jaar").fill("1")
    gezin.get_by_label("Informatie over voor- en vroegschoolse educatie gegeven").check()
    _opslaan(gezin, "Gezin en kinderopvang opslaan")

    voortgang.get_by_role("link", name="Advies leerroute").click()
    advies = pagina.locator("#advies")
    advies.get_by_label("Advies leerroute").select_option(label="B1-route")
    advies.get_by_label("Motivatie van het advies").fill("Twaalf jaar onderwijs en een ruime LBT-score.")
    _opslaan(advies, "Advies vastleggen")

    expect(voortgang).to_contain_text("Alles wat de wet vraagt is vastgelegd.")
    voortgang.get_by_role("button", name="Intake afronden").click()

    expect(pagina.get_by_text("De brede intake is afgerond. Het dossier is klaar voor het PIP.")).to_be_visible()
    expect(pagina.locator(".app-fase").first).to_have_text("PIP in voorbereiding")
    pagina.get_by_role("navigation", name="Onderdelen van het dossier").get_by_role("link", name="Tijdlijn").click()
    tijdlijn = pagina.locator("#kop-tijdlijn + ol").inner_text()
    assert "Brede intake afgerond met advies B1-route (B1)." in tijdlijn
    assert "Slaapt slecht" not in tijdlijn
