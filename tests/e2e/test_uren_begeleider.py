"""A begeleider logs a week of hours for two referred inburgeraars; the regisseur approves them.

In a real browser; all data is made before the browser starts (see conftest)."""

import datetime

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from inburgering.models import Organisatie, Team
from ontzorgen import services
from ontzorgen.models import Dienst

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def verwezen(wereld):
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
    start = timezone.localdate() - datetime.timedelta(days=60)
    for dossier in (wereld.dossier_bladel, wereld.dossier_bergeijk):
        services.verwijs(
            door=wereld.regisseur,
            inburgeraar=dossier,
            team=partner,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=start,
        )
    return wereld


def _inloggen(pagina, url, gebruiker):
    pagina.goto(url)
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()


def test_a_begeleider_logs_a_week_and_the_regisseur_approves_it(verwezen, live_server, pagina):
    _inloggen(pagina, f"{live_server.url}/", verwezen.begeleider)
    pagina.get_by_role("link", name="Uren invullen").first.click()
    pagina.get_by_role("link", name="Vorige week").click()  # a whole week in the past
    expect(pagina.get_by_role("heading", name="Uren van de week van")).to_be_visible()

    rij_haile = 0 if "Haile" in pagina.locator('[name="uren-0-inburgeraar"] option:checked').inner_text() else 1
    andere = 1 - rij_haile
    pagina.locator(f'[name="uren-{rij_haile}-dag_0"]').fill("2")
    pagina.locator(f'[name="uren-{rij_haile}-dag_2"]').fill("1,5")
    pagina.locator(f'[name="uren-{rij_haile}-soort"]').select_option(label="Praktische zaken")
    pagina.locator(f'[name="uren-{rij_haile}-telt_voor_z_route"]').check()
    pagina.locator(f'[name="uren-{andere}-dag_1"]').fill("-1")
    pagina.locator(f'[name="uren-{andere}-soort"]').select_option(label="Taalmaatje")
    pagina.get_by_role("button", name="Uren opslaan").click()

    # nothing saved, the error beside the cell, everything typed still there
    expect(pagina.get_by_text("Er is niets opgeslagen.")).to_be_visible()
    expect(pagina.locator(f"#id_uren-{andere}-dag_1_fout")).to_have_text("Uren kunnen niet negatief zijn.")
    expect(pagina.locator(f'[name="uren-{rij_haile}-dag_2"]')).to_have_value("1,5")
    expect(pagina.get_by_text("Nog niets.")).to_be_visible()

    pagina.locator(f'[name="uren-{andere}-dag_1"]').fill("0,75")
    pagina.get_by_role("button", name="Uren opslaan").click()
    expect(pagina.get_by_text("4,25 uur geregistreerd voor 2 inburgeraar(s)")).to_be_visible()
    expect(pagina.locator("table").last.locator("tbody tr")).to_have_count(3)

    pagina.get_by_role("button", name="Uitloggen").click()
    _inloggen(pagina, f"{live_server.url}/", verwezen.regisseur)
    pagina.get_by_role("link", name="Uren beoordelen").click()
    rijen = pagina.locator("tbody tr")
    expect(rijen).to_have_count(3)
    assert "Haile" in rijen.first.inner_text() or "Haile" in rijen.nth(1).inner_text()
    pagina.get_by_label("Alle uren op deze pagina kiezen").check()  # nothing is ticked beforehand
    pagina.get_by_role("button", name="Gekozen uren goedkeuren").click()

    expect(pagina.get_by_text("3 urenregistratie(s) goedgekeurd.")).to_be_visible()
    expect(pagina.get_by_text("Er wachten geen uren op beoordeling.")).to_be_visible()

    pagina.get_by_role("link", name="Caseload").first.click()
    pagina.get_by_role("link", name="Haile").first.click()
    pagina.get_by_role("link", name="Ontzorgen en begeleiding").click()  # the dossier's tab
    expect(pagina.get_by_text("Goedgekeurd: 3,5 uur")).to_be_visible()
