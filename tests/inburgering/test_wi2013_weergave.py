"""A Wi2013 dossier (the ondertussen-groep) says the same in every tab, the stepper and the header."""

import datetime
import re

import pytest
import time_machine

from django.urls import reverse

from inburgering import services
from inburgering.fasen import Fase, pad
from inburgering.models import Regime
from tests.factories import InburgeraarFactory

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_klok")]


@pytest.fixture
def _klok():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def ingelogd(client, wereld):
    client.force_login(wereld.regisseur)
    return client


def _wi2013(wereld, **kwargs):
    return InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, regime=Regime.WI2013, **kwargs)


def _stappen(html: str) -> list[str]:
    stepper = re.search(r'<ol class="app-fasen".*?</ol>', html, re.S).group(0)
    return [re.sub(r"<[^>]+>", "", stap).strip() for stap in re.findall(r"<li[^>]*>(.*?)</li>", stepper, re.S)]


def test_a_wi2013_dossier_that_skipped_the_intake_does_not_show_it_as_done(ingelogd, wereld):
    dossier = _wi2013(wereld)
    services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITVOERING)

    html = ingelogd.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    assert _stappen(html) == ["Aangemeld (gedaan)", "Uitvoering", "Afgerond"]


def test_a_wi2013_dossier_after_its_intake_shows_the_intake_done(ingelogd, wereld):
    dossier = _wi2013(wereld, fase=Fase.UITVOERING)  # the factory walks it through the intake

    html = ingelogd.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    assert _stappen(html) == ["Aangemeld (gedaan)", "Brede intake (gedaan)", "Uitvoering", "Afgerond"]
    assert pad(Regime.WI2021, Fase.UITVOERING, zonder_intake=True)[1] == Fase.INTAKE  # the Wi2021 always has it


@pytest.mark.parametrize(
    "url_naam",
    ["inburgering:dossier_tijdlijn", "intake:intake", "pip:pip", "leerroutes:leerroute", "ontzorgen:ontzorgen_dossier"],
)
def test_the_header_of_every_tab_says_wi2013(ingelogd, wereld, url_naam):
    dossier = _wi2013(wereld)

    html = ingelogd.get(reverse(url_naam, args=[dossier.pk])).content.decode()

    assert 'id="kop-regime">Wet inburgering 2013 (ondertussen-groep)</span>' in html


def test_a_wi2021_header_names_no_regime(ingelogd, wereld):
    html = ingelogd.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk])).content.decode()
    assert 'id="kop-regime"' not in html


def test_the_leerroute_tab_explains_the_wi2013_instead_of_asking_for_a_pip(ingelogd, wereld):
    dossier = _wi2013(wereld)
    services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITVOERING)

    html = ingelogd.get(reverse("leerroutes:leerroute", args=[dossier.pk])).content.decode()

    assert "geen PIP en geen leerroute van de gemeente" in html
    assert "stel dat eerst vast" not in html


def test_the_intake_tab_of_a_wi2013_dossier_in_the_uitvoering_offers_no_start(ingelogd, wereld):
    dossier = _wi2013(wereld)
    services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITVOERING)

    html = ingelogd.get(reverse("intake:intake", args=[dossier.pk])).content.decode()
    overzicht = ingelogd.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    assert "Onder de Wet inburgering 2013 (ondertussen-groep) is die niet nodig" in html
    assert "Brede intake starten" not in html
    assert "Nog niet gestart." not in overzicht


def test_the_tijdlijn_of_a_wi2013_dossier_tells_its_own_path(ingelogd, wereld):
    dossier = _wi2013(wereld, datum_koppeling=datetime.date(2021, 9, 14))
    services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITVOERING)

    html = ingelogd.get(reverse("inburgering:dossier_tijdlijn", args=[dossier.pk])).content.decode()

    assert "(koppeling 14 september 2021)" in html
    assert "naar &#x27;Uitvoering&#x27;" in html
    assert "PIP in voorbereiding" not in html
