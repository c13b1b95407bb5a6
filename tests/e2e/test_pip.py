"""A regisseur fixes a PIP in a real browser and downloads its beschikking.

The data fixtures run before the browser starts (see conftest); after that only the browser acts."""

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from inburgering import services as dossier_services
from inburgering.fasen import Fase
from intake import services as intake_services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def dossier(wereld, settings, tmp_path):
    """The Bladel dossier after its brede intake advised the B1-route: fase pip."""
    settings.MEDIA_ROOT = tmp_path / "media"
    inburgeraar = wereld.dossier_bladel
    intake = intake_services.start_intake(door=wereld.regisseur, inburgeraar=inburgeraar)
    intake.advies_leerroute = "B"
    intake.advies_niveau = "B1"
    intake.save()
    return dossier_services.wijzig_fase(door=wereld.regisseur, inburgeraar=inburgeraar, fase=Fase.PIP)


def test_a_regisseur_fixes_a_pip_and_downloads_its_pdf(wereld, dossier, live_server, pagina, tmp_path):
    pagina.goto(f"{live_server.url}/dossiers/{dossier.pk}/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    pagina.get_by_role("link", name="Naar het PIP (nog niet vastgesteld)").click()
    pagina.get_by_role("button", name="Concept-PIP starten").click()
    expect(pagina.get_by_text("Het concept-PIP is klaar om in te vullen")).to_be_visible()
    concept = pagina.locator("#concept")
    expect(concept.get_by_label("Leerroute", exact=True)).to_have_value("B")

    # DUO's rule beside the field, and what was typed stays
    concept.get_by_label("Leerroute", exact=True).select_option(label="Z-route")
    concept.get_by_label("Niveau (niet verplicht)").select_option("B1")
    concept.get_by_label("Intensiteit MAP").fill("64 uur les en 40 uur praktijk")
    concept.get_by_role("button", name="Concept opslaan").click()
    expect(pagina.get_by_text("De Z-route heeft geen niveau").first).to_be_visible()
    concept = pagina.locator("#concept")
    assert concept.get_by_label("Intensiteit MAP").input_value() == "64 uur les en 40 uur praktijk"

    concept.get_by_label("Leerroute", exact=True).select_option(label="B1-route")
    concept.get_by_label("Dagtekening").fill(timezone.localdate().isoformat())
    concept.get_by_role("button", name="Opslaan en vaststellen").click()
    expect(pagina.get_by_text("Het PIP is vastgesteld")).to_be_visible()

    huidig = pagina.locator("section", has=pagina.locator("#kop-huidig"))
    expect(huidig).to_contain_text("64 uur les en 40 uur praktijk")
    # no ORM after the browser started (see conftest): the kenmerk is known from the dossier
    kenmerk = f"PIP-{dossier.gemeente.gemeentecode}-{dossier.pk}-1"
    expect(pagina.locator("#versies")).to_contain_text(kenmerk)

    with pagina.expect_download() as gedownload:
        pagina.get_by_role("link", name="Beschikking downloaden (PDF)").click()
    pad = tmp_path / "beschikking.pdf"
    gedownload.value.save_as(pad)
    assert gedownload.value.suggested_filename == f"{kenmerk}.pdf"
    assert pad.read_bytes().startswith(b"%PDF")
