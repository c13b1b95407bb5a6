"""A Wi2013 dossier (the ondertussen-groep) says the same thing in every tab, the tijdlijn, the stepper and the
header: no PIP, no leerroute of the gemeente, no intake needed, DUO's dates; in a real browser.

The data fixtures run before the browser starts (see conftest); after that only the browser acts."""

import datetime

import pytest
from playwright.sync_api import expect

from inburgering import services as dossier_services
from inburgering.models import Inburgeraar, Regime
from tests.factories import InburgeraarFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ondertussen(wereld):
    dossier = InburgeraarFactory(
        gemeente=wereld.bladel,
        regisseur=wereld.regisseur,
        achternaam="Tesfay",
        regime=Regime.WI2013,
        datum_koppeling=datetime.date(2021, 9, 14),
    )
    Inburgeraar.objects.filter(pk=dossier.pk).update(
        duo_startdatum_termijn=datetime.date(2021, 12, 1), datum_einde_termijn_duo=datetime.date(2027, 6, 1)
    )
    dossier_services.synchroniseer_termijnen([dossier.pk])
    return {"pk": dossier.pk}


def test_a_wi2013_dossier_is_consistent_in_every_tab(wereld, ondertussen, live_server, pagina):
    pagina.goto(f"{live_server.url}/dossiers/{ondertussen['pk']}/")
    pagina.get_by_label("Gebruikersnaam").fill(wereld.regisseur.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()

    # The header says which law, on every tab
    kop = pagina.locator("header.app-dossierkop")
    expect(kop).to_contain_text("Wet inburgering 2013 (ondertussen-groep)")

    # Without a PIP the regisseur moves it from aangemeld to the uitvoering; the stepper shows what happened
    pagina.get_by_label("Nieuwe fase").select_option(label="Uitvoering")
    pagina.get_by_role("button", name="Fase wijzigen").click()
    stepper = pagina.get_by_role("list", name="Fase")
    expect(stepper.locator("[aria-current=step]")).to_have_text("Uitvoering")
    expect(stepper).not_to_contain_text("PIP in voorbereiding")
    expect(stepper).not_to_contain_text("Brede intake")  # no intake was held: not shown as done
    expect(pagina.locator("main")).to_contain_text("1 december 2021 – 1 juni 2027")  # DUO's termijn

    tabs = pagina.get_by_role("navigation", name="Onderdelen van het dossier")

    tabs.get_by_role("link", name="Brede intake").click()
    expect(pagina.locator("#intake-niet-gehouden")).to_contain_text("Onder de Wet inburgering 2013")
    expect(pagina.get_by_role("button", name="Brede intake starten")).to_have_count(0)
    expect(kop).to_contain_text("Wet inburgering 2013 (ondertussen-groep)")

    tabs.get_by_role("link", name="PIP").click()
    expect(pagina.get_by_text("valt onder de Wet inburgering 2013")).to_be_visible()
    expect(pagina.get_by_role("button", name="Concept-PIP starten")).to_have_count(0)

    tabs.get_by_role("link", name="Leerroute").click()
    expect(pagina.locator("#leerroute-wi2013")).to_contain_text("geen PIP en geen leerroute van de gemeente")
    expect(pagina.locator("main")).not_to_contain_text("stel dat eerst vast")

    tabs.get_by_role("link", name="Ontzorgen en begeleiding").click()
    expect(pagina.get_by_role("heading", name="Ontzorgen en begeleiding")).to_be_visible()
    expect(kop).to_contain_text("Wet inburgering 2013 (ondertussen-groep)")

    tabs.get_by_role("link", name="Documenten").click()
    expect(pagina.locator("main")).not_to_contain_text("Beschikking PIP")

    tabs.get_by_role("link", name="Tijdlijn").click()
    tijdlijn = pagina.locator("main")
    expect(tijdlijn).to_contain_text("(koppeling 14 september 2021)")  # the overview's koppeling
    expect(tijdlijn).to_contain_text("Fase gewijzigd van 'Aangemeld' naar 'Uitvoering'.")
    expect(tijdlijn).not_to_contain_text("PIP in voorbereiding")
    expect(kop).to_contain_text("Wet inburgering 2013 (ondertussen-groep)")

    tabs.get_by_role("link", name="Overzicht").click()
    expect(pagina.locator("main")).to_contain_text("14 september 2021")
