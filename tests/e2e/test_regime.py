"""A regisseur finds the ondertussen-groep in the caseload and offers support instead of a PIP, in a browser.

The data fixtures run before the browser starts (see conftest); after that only the browser acts."""

import datetime

import pytest
from playwright.sync_api import expect

from inburgering import services as dossier_services
from inburgering.models import Inburgeraar, Regime
from tests.factories import InburgeraarFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def oud(wereld):
    dossier = InburgeraarFactory(
        gemeente=wereld.bladel, regisseur=wereld.regisseur, achternaam="Tesfay", regime=Regime.WI2013
    )
    Inburgeraar.objects.filter(pk=dossier.pk).update(
        duo_startdatum_termijn=datetime.date(2021, 12, 1), datum_einde_termijn_duo=datetime.date(2027, 6, 1)
    )
    dossier_services.synchroniseer_termijnen([dossier.pk])
    return {"pk": dossier.pk, "naam": f"Tesfay, {dossier.voornamen}"}


def test_a_regisseur_follows_a_wi2013_dossier_without_a_pip(wereld, oud, live_server, pagina):
    pagina.goto(f"{live_server.url}/dossiers/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    pagina.get_by_label("Regime").select_option(label="Wet inburgering 2013 (ondertussen-groep)")
    pagina.get_by_role("button", name="Zoeken").click()
    resultaten = pagina.locator("#resultaten")
    expect(resultaten).to_contain_text("1 dossier gevonden")
    expect(resultaten).to_contain_text("Wi2013")
    resultaten.get_by_role("link", name=oud["naam"]).click()

    expect(pagina.get_by_role("heading", name="Ondertussen-groep (Wet inburgering 2013)")).to_be_visible()
    expect(pagina.get_by_role("link", name="Naar het PIP (nog niet vastgesteld)")).to_have_count(0)
    expect(pagina.locator("main")).to_contain_text("1 december 2021 – 1 juni 2027")  # DUO's termijn

    # the PIP page, reached by its address, explains and offers no action
    pagina.goto(f"{live_server.url}/dossiers/{oud['pk']}/pip/")
    expect(pagina.get_by_text("valt onder de Wet inburgering 2013")).to_be_visible()
    expect(pagina.get_by_role("button", name="Concept-PIP starten")).to_have_count(0)

    pagina.go_back()
    pagina.get_by_role("link", name="Ontzorgen en begeleiding").click()  # the dossier's tab
    expect(pagina.get_by_role("heading", name="Ontzorgen en begeleiding")).to_be_visible()

    # With no PIP to fix, the regisseur moves the dossier to the uitvoering; the stepper has no PIP step.
    pagina.get_by_role("link", name="Overzicht").click()
    stepper = pagina.get_by_role("list", name="Fase")
    expect(stepper).not_to_contain_text("PIP in voorbereiding")
    pagina.get_by_label("Nieuwe fase").select_option(label="Uitvoering")
    pagina.get_by_role("button", name="Fase wijzigen").click()
    expect(stepper.locator("[aria-current=step]")).to_have_text("Uitvoering")
