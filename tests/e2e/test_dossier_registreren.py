"""A regisseur logs in, registers a dossier, and finds it in the caseload: in a real browser.

The tests check what the browser shows; no ORM calls after the browser starts (see conftest)."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_regisseur_registers_a_dossier_and_sees_it_in_the_caseload(wereld, live_server, pagina):
    pagina.goto(f"{live_server.url}/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()
    pagina.get_by_role("heading", name="Werkvoorraad").wait_for()  # where a regisseur's day starts

    pagina.get_by_role("link", name="Nieuw dossier").click()
    pagina.get_by_label("BSN", exact=True).fill("9999.00.006")
    pagina.get_by_label("Voornamen").fill("Semhar")
    pagina.get_by_label("Achternaam").fill("Tesfamariam")
    pagina.get_by_label("Geboortedatum").fill("1993-06-30")
    pagina.get_by_label("Gemeente", exact=True).select_option(label="Bladel")
    pagina.get_by_label("Doelgroep").select_option(label="Asielstatushouder")
    pagina.get_by_label("Datum koppeling").fill("2026-11-02")
    pagina.get_by_label("Voorkeurstaal").fill("Tigrinya")
    pagina.get_by_label("Tolk nodig").check()
    pagina.get_by_role("button", name="Dossier registreren").click()

    pagina.get_by_role("heading", name="Semhar Tesfamariam").wait_for()
    assert "Dossier van Semhar Tesfamariam is geregistreerd." in pagina.content()
    assert "Dossier geregistreerd bij gemeente Bladel" in pagina.locator("#kop-tijdlijn + ol").inner_text()

    pagina.get_by_role("link", name="Caseload").first.click()
    pagina.get_by_label("Naam, BSN of de laatste drie cijfers van het BSN").fill("Tesfamariam")
    # htmx filters while typing; the result count is announced in the live region
    expect(pagina.get_by_text("1 dossier gevonden")).to_be_visible()
    rij = pagina.locator("tbody tr")
    expect(rij).to_have_count(1)
    assert "Tesfamariam, Semhar" in rij.inner_text()
    assert "******006" in rij.inner_text()
    assert "Bladel" in rij.inner_text()


def test_a_wrong_bsn_is_explained_and_nothing_typed_is_lost(wereld, live_server, pagina):
    pagina.goto(f"{live_server.url}/dossiers/nieuw/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    pagina.get_by_label("BSN", exact=True).fill("123456789")
    pagina.get_by_label("Voornamen").fill("Yonas")
    pagina.get_by_label("Achternaam").fill("Haile")
    pagina.get_by_role("button", name="Dossier registreren").click()

    assert pagina.get_by_role("alert").first.is_visible()
    assert "het voldoet niet aan de elfproef" in pagina.content()
    assert pagina.get_by_label("Voornamen").input_value() == "Yonas"
    assert pagina.get_by_label("Achternaam").input_value() == "Haile"
