"""A regisseur records an exam result on the leerroute tab and a PVT group's attendance in a real browser.

The data fixtures run before the browser starts (see conftest); after that only the browser acts."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from leerroutes import groepen
from tests.factories import InburgeraarFactory, geef_pip

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def pvt_groep(wereld, settings, tmp_path):
    """Two Bladel dossiers with a B1-route PIP in a PVT group, with a 3-hour workshop two days ago."""
    settings.MEDIA_ROOT = tmp_path / "media"
    door = wereld.regisseur
    haile = geef_pip(wereld.dossier_bladel, door=door)
    tweede = InburgeraarFactory(gemeente=wereld.bladel, achternaam="Zerihun", door=door, met_pip=True)
    groep = groepen.maak_groep(door=door, naam="PVT Bladel najaar", onderdeel="pvt", gemeenten=[wereld.bladel])
    groepen.voeg_leden_toe(door=door, groep=groep, inburgeraars=[haile, tweede])
    groepen.plan_sessie(
        door=door,
        groep=groep,
        gegevens={
            "datum": timezone.localdate() - datetime.timedelta(days=2),
            "soort": "pvt_workshop",
            "onderwerp": "Vrijheid en gelijkwaardigheid",
            "uren": Decimal(3),
        },
    )
    return haile, tweede


def test_a_regisseur_records_an_exam_and_a_pvt_sessions_attendance(wereld, pvt_groep, live_server, pagina):
    haile, tweede = pvt_groep
    pagina.goto(f"{live_server.url}/dossiers/{haile.pk}/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    pagina.get_by_role("link", name="Naar de leerroute").click()
    examens = pagina.locator("#examens")
    examens.get_by_text("Examenresultaat vastleggen").click()
    examens.get_by_label("Onderdeel").select_option(label="Lezen")
    examens.get_by_label("Examendatum").fill((timezone.localdate() - datetime.timedelta(days=7)).isoformat())
    examens.get_by_label("Niveau").select_option("B1")
    examens.get_by_label("Resultaat", exact=True).select_option("Geslaagd")
    examens.get_by_role("button", name="Resultaat vastleggen").click()
    expect(pagina.get_by_text("Het examenresultaat is vastgelegd.")).to_be_visible()
    expect(pagina.locator("#examenlijst")).to_contain_text("Lezen (B1) · Geslaagd")
    expect(pagina.locator("#examenstand")).to_contain_text("Geslaagd B1")

    pagina.get_by_role("link", name="Groepen PVT en MAP").click()
    pagina.get_by_role("link", name="PVT Bladel najaar").click()
    pagina.get_by_role("link", name="Aanwezigheid").click()

    # Keyboard only: both rows start as present for the whole sessie; the second was absent.
    uren_haile = pagina.get_by_label(f"Uren {haile.naam}")
    expect(uren_haile).to_have_value("3.00")
    uren_haile.focus()
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Tab")
    expect(pagina.get_by_label(f"Aanwezig {tweede.naam}")).to_be_focused()
    pagina.keyboard.press("Space")
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Control+A")
    pagina.keyboard.press("Delete")
    pagina.keyboard.press("Tab")
    pagina.keyboard.type("Ziek")
    pagina.get_by_role("button", name="Aanwezigheid opslaan").click()
    expect(pagina.get_by_text("Aanwezigheid vastgelegd voor 2 deelnemers.")).to_be_visible()

    pagina.goto(f"{live_server.url}/dossiers/{haile.pk}/leerroute/")
    expect(pagina.locator("#voortgang")).to_contain_text("3 van 12 uur")
    expect(pagina.get_by_role("progressbar", name="PVT: workshops")).to_be_visible()
    pagina.goto(f"{live_server.url}/dossiers/{tweede.pk}/leerroute/")
    expect(pagina.locator("#map-pvt")).to_contain_text("afwezig: Ziek")
