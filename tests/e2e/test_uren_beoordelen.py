"""Uren beoordelen in a real browser: nothing is ticked beforehand; "Alle uren op deze pagina kiezen"
ticks this page's rows only, and only those are approved.

All data is made before the browser starts (see conftest)."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from inburgering.models import Organisatie, Team
from ontzorgen import services
from ontzorgen.models import Dienst, Urenregistratie, Urensoort

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def uren(wereld):
    """51 pending quarters on the regisseur's own dossier: a page of 50 and one on the next."""
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    vandaag = timezone.localdate()
    services.verwijs(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        team=Team.objects.get(organisatie__naam="VluchtelingenWerk"),
        dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
        startdatum=vandaag - datetime.timedelta(days=30),
    )
    regel = {
        "inburgeraar": wereld.dossier_bladel,
        "datum": vandaag - datetime.timedelta(days=1),
        "uren": Decimal("0.25"),
        "soort": Urensoort.PRAKTISCHE_ZAKEN,
    }
    services.registreer_uren(door=wereld.begeleider, regels=[dict(regel) for _ in range(51)])
    return wereld


def test_the_regisseur_ticks_a_whole_page_on_purpose_and_approves_only_that(uren, live_server, pagina):
    meldingen = []
    pagina.on("console", lambda bericht: meldingen.append(bericht.text))
    pagina.on("pageerror", lambda fout: meldingen.append(str(fout)))
    pagina.goto(f"{live_server.url}/inloggen/?next=/uren/beoordelen/%3Fvan%3Dmijn")
    pagina.get_by_label("Gebruikersnaam").fill(uren.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    expect(pagina.get_by_text("51 urenregistraties wachten op beoordeling.")).to_be_visible()
    expect(pagina.get_by_text("Uren van de dossiers waarvan u casusregisseur bent.")).to_be_visible()
    rijen = pagina.locator('tbody input[name="registraties"]')
    expect(rijen).to_have_count(50)
    expect(pagina.locator('tbody input[name="registraties"]:checked')).to_have_count(0)

    alle = pagina.get_by_role("checkbox", name="Alle uren op deze pagina kiezen")
    alle.check()
    expect(pagina.locator('tbody input[name="registraties"]:checked')).to_have_count(50)
    rijen.first.uncheck()  # the header follows the rows: no longer "all"
    expect(alle).not_to_be_checked()
    alle.check()
    pagina.get_by_role("button", name="Gekozen uren goedkeuren").click()

    expect(pagina.get_by_text("50 urenregistratie(s) goedgekeurd.")).to_be_visible()
    expect(pagina.get_by_text("1 urenregistratie wacht op beoordeling.")).to_be_visible()
    expect(pagina.locator('tbody input[name="registraties"]')).to_have_count(1)
    expect(pagina.locator('tbody input[name="registraties"]:checked')).to_have_count(0)
    assert "van=mijn" in pagina.url  # the filter stays after approving
    assert Urenregistratie.objects.filter(status=Urenregistratie.Status.INGEDIEND).count() == 1
    assert [m for m in meldingen if "Content Security Policy" in m or "Refused to" in m] == []
