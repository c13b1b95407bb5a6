"""A beleidsmedewerker opens the report for her regio and downloads the XLSX, which openpyxl reads back."""

import openpyxl
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_beleidsmedewerker_downloads_the_regio_report_as_xlsx(wereld, live_server, pagina, tmp_path):
    pagina.goto(f"{live_server.url}/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.beleidsmedewerker.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    pagina.get_by_role("link", name="Rapportage").click()
    pagina.get_by_label("Gemeente of regio").select_option(label="Regio Kempen")
    # The world's koppelingen are on 1 September 2026; the browser's clock is not pinned.
    pagina.get_by_label("Periode van").fill("2026-01-01")
    pagina.get_by_label("Periode tot en met").fill("2026-12-31")
    pagina.get_by_role("button", name="Tonen").click()
    expect(pagina.get_by_role("heading", name="Regio Kempen")).to_be_visible()
    expect(pagina.get_by_role("img", name="Instroom en brede intake (totaal)")).to_be_visible()
    with pagina.expect_download() as download:
        pagina.get_by_role("link", name="Download Excel (XLSX)").click()
    pad = tmp_path / download.value.suggested_filename
    download.value.save_as(pad)

    blad = openpyxl.load_workbook(pad).active
    rijen = {rij[1]: list(rij[2:]) for rij in blad.iter_rows(values_only=True) if len(rij) > 2 and rij[1]}
    assert blad["B1"].value == "Regio Kempen"
    # Four Kempen dossiers, all asielstatushouders: shown as <5, never as 4.
    assert rijen["Instroom (koppeling of aanmelding)"] == ["<5", 0, 0, "<5"]
    assert pad.suffix == ".xlsx"
