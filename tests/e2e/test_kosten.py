"""A regisseur books an interpreter for a voortgangsgesprek; a beleidsmedewerker reads the cost report and
downloads it as XLSX. In a real browser; all data is made before the browser starts (see conftest)."""

import datetime

import openpyxl
import pytest
from playwright.sync_api import expect

from django.utils import timezone

from kosten.models import Eenheid, Voorziening
from leerroutes.models import Aanbieder
from tests.factories import InburgeraarFactory
from tests.kosten import registratie
from tests.kosten.conftest import prijs

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def contracten(wereld):
    kempen = wereld.bladel.regio
    begin = datetime.date(2022, 1, 1)
    wereld.tolkbureau = Aanbieder.objects.create(naam="Tolkbureau Brabant")
    wereld.taalschool = Aanbieder.objects.create(naam="Taalschool De Kempen", biedt_b1_route=True)
    prijs(Voorziening.TOLK, Eenheid.INZET, "75", aanbieder=wereld.tolkbureau, regio=kempen, van=begin)
    prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "12", aanbieder=wereld.taalschool, regio=kempen, van=begin)
    return wereld


def _inloggen(pagina, url, gebruiker):
    pagina.goto(url)
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()


def test_a_regisseur_books_an_interpreter_for_a_voortgangsgesprek(contracten, live_server, pagina):
    wereld = contracten
    dossier = wereld.dossier_bladel
    _inloggen(pagina, f"{live_server.url}/dossiers/{dossier.pk}/", wereld.regisseur)
    pagina.get_by_role("link", name="Tolken en kosten").click()
    expect(pagina.get_by_text("Er is nog geen tolk geboekt.")).to_be_visible()
    pagina.get_by_role("link", name="Tolk boeken").click()

    pagina.get_by_label("Voor welk gesprek").select_option(label="Voortgangsgesprek")
    pagina.get_by_label("Datum gesprek").fill((timezone.localdate() + datetime.timedelta(days=7)).isoformat())
    pagina.get_by_label("Taal", exact=True).fill("Tigrinya")
    pagina.get_by_label("Hoe").select_option(label="Video")
    pagina.get_by_label("Tolkaanbieder").select_option(label="Tolkbureau Brabant")
    pagina.locator("main").get_by_role("button", name="Tolk boeken").click()

    expect(pagina.get_by_text("De tolk is geboekt.")).to_be_visible()
    rij = pagina.get_by_role("row").filter(has_text="Tigrinya")
    expect(rij).to_contain_text("Voortgangsgesprek")
    expect(rij).to_contain_text("Video")
    expect(rij).to_contain_text("€ 75,00")
    pagina.get_by_role("link", name="Tijdlijn").click()  # the dossier's tab with every event
    expect(pagina.get_by_text("Tolk Tigrinya (video) geboekt voor het voortgangsgesprek")).to_be_visible()


def test_a_beleidsmedewerker_reads_the_cost_report_and_downloads_it(contracten, live_server, pagina, tmp_path):
    wereld = contracten
    jaar = timezone.localdate().year
    for _ in range(5):
        dossier = InburgeraarFactory(gemeente=wereld.bladel)
        registratie.aanbod(dossier, wereld.taalschool, datum=datetime.date(jaar, 1, 10))
        registratie.deelname(dossier, datetime.date(jaar, 3, 7), 10)
    _inloggen(pagina, f"{live_server.url}/", wereld.beleidsmedewerker)
    pagina.get_by_role("link", name="Kosten (SPUK)").click()
    pagina.get_by_label("Gemeente", exact=True).select_option(label="Bladel")
    pagina.get_by_label("Jaar", exact=True).select_option(str(jaar))
    pagina.get_by_role("button", name="Tonen").click()

    expect(pagina.get_by_role("heading", name=f"Bladel, {jaar}")).to_be_visible()
    rij = pagina.get_by_role("row").filter(has_text="Taalonderwijs B1-route")
    expect(rij).to_contain_text("€ 600,00")
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Download Excel (XLSX)").click()
    pad = tmp_path / download.value.suggested_filename
    download.value.save_as(pad)
    rijen = {rij[0]: rij for rij in openpyxl.load_workbook(pad).active.iter_rows(values_only=True) if rij and rij[0]}
    assert rijen["Taalonderwijs B1-route"][2:5] == (50, 5, 600)
