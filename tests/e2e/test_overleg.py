"""A regisseur plans the PIP-team's casuïstiekoverleg, records an agreement and marks it done, in a real browser.

The data fixtures run before the browser starts (see conftest); after that only the browser acts."""

import datetime

import pytest
from playwright.sync_api import expect

from django.utils import timezone

from inburgering.models import Organisatie, Team
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def namen(wereld):
    """The partner's team has a verwijzing for the Bladel dossier, so its begeleider may join."""
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    ontzorgen.verwijs(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        team=Team.objects.get(organisatie__naam="VluchtelingenWerk"),
        dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
        startdatum=timezone.localdate(),
    )
    dossier = wereld.dossier_bladel
    return {
        "partner": wereld.begeleider.get_full_name(),
        "dossier": f"{dossier.naam} (dossier {dossier.pk}, Bladel)",
        "naam": dossier.naam,
    }


def test_a_regisseur_plans_an_overleg_and_follows_an_agreement_to_done(wereld, namen, live_server, pagina):
    pagina.goto(f"{live_server.url}/overleggen/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    pagina.get_by_role("link", name="Overleg plannen").click()
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    pagina.get_by_label("Datum").fill(morgen.isoformat())
    pagina.get_by_label("Locatie").fill("Gemeentehuis Bladel")
    pagina.get_by_label(namen["partner"]).check()
    pagina.get_by_role("button", name="Overleg plannen").click()
    expect(pagina.get_by_text("Het overleg is gepland")).to_be_visible()
    overleg_url = pagina.url.split("#")[0]

    pagina.get_by_label("Dossier", exact=True).select_option(label=namen["dossier"])
    pagina.get_by_label("Bespreekpunt").fill("Schulden bij de zorgverzekeraar")
    pagina.get_by_role("button", name="Op de agenda zetten").click()
    expect(pagina.get_by_text("Het dossier staat op de agenda.")).to_be_visible()

    punt = pagina.locator("article.app-agendapunt")
    punt.get_by_text("Verslag en afspraken vastleggen").click()
    # an agreement without an owner is refused beside the field, with what was typed kept
    punt.get_by_label("Afspraak", exact=True).fill("Aanmelden bij schuldhulpverlening")
    punt.get_by_label("Uiterlijk").fill((morgen + datetime.timedelta(days=14)).isoformat())
    punt.get_by_role("button", name="Afspraak vastleggen").click()
    punt = pagina.locator("article.app-agendapunt")
    expect(punt.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    assert punt.get_by_label("Afspraak", exact=True).input_value() == "Aanmelden bij schuldhulpverlening"
    punt.get_by_label("Eigenaar").select_option(label=namen["partner"])
    punt.get_by_role("button", name="Afspraak vastleggen").click()
    expect(pagina.get_by_text("De afspraak is vastgelegd")).to_be_visible()

    # the agreement is a deadline of the dossier, with a signaal in the inbox
    pagina.get_by_role("link", name="Signalen").click()
    expect(pagina.locator("main")).to_contain_text("Afspraak uit casuïstiekoverleg")

    pagina.get_by_role("link", name="Casuïstiekoverleg", exact=True).click()
    expect(pagina.locator("#kop-afspraken + *")).not_to_contain_text("Aanmelden")  # the partner's, not mine
    pagina.goto(overleg_url)
    pagina.get_by_role("button", name="Afgerond").click()
    expect(pagina.get_by_text("De afspraak is afgerond; het signaal ervan is gesloten.")).to_be_visible()

    verslag = pagina.request.get(overleg_url + "verslag.pdf")
    assert verslag.headers["content-type"] == "application/pdf"
    assert verslag.body().startswith(b"%PDF")
