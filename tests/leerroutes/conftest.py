"""Leerroute fixtures: time pinned, the Bladel dossier in uitvoering with a vastgesteld PIP, an aanbieder."""

import datetime

import pytest

from inburgering import services as dossier_services
from inburgering.fasen import Fase
from leerroutes.models import Aanbieder
from pip import services as pip_services

DAGTEKENING = datetime.date(2025, 3, 3)  # the termijn runs from 4 March 2025 to 3 March 2028


@pytest.fixture(autouse=True)
def _vaste_tijd(klok):
    """Every test in this folder runs at tests.conftest.NU."""
    return klok


@pytest.fixture(autouse=True)
def _media(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The beschikking's PDF is tests/pip's business: here it is a stand-in.
    monkeypatch.setattr(pip_services, "render_pdf", lambda template, context: ("", b"%PDF-1.7 stand-in"))


def geef_pip(inburgeraar, *, leerroute="B", door=None, dagtekening=DAGTEKENING, **inhoud):
    """Walk the dossier to uitvoering with a vastgesteld PIP on `leerroute`."""
    dossier_services.wijzig_dossier(
        door=door,
        inburgeraar=inburgeraar,
        wijzigingen={"datum_kennisgeving": datetime.date(2025, 1, 6), "datum_vestiging": datetime.date(2025, 1, 6)},
    )
    inburgeraar.refresh_from_db()
    if inburgeraar.fase == Fase.AANGEMELD:
        dossier_services.wijzig_fase(door=door, inburgeraar=inburgeraar, fase=Fase.INTAKE)
    dossier_services.wijzig_fase(door=door, inburgeraar=inburgeraar, fase=Fase.PIP)
    concept = pip_services.start_concept(door=door, inburgeraar=inburgeraar)
    pip_services.wijzig_concept(door=door, pip=concept, gegevens={"leerroute": leerroute, "niveau": "", **inhoud})
    pip_services.stel_vast(door=door, pip=concept, dagtekening=dagtekening)
    inburgeraar.refresh_from_db()
    return inburgeraar


@pytest.fixture
def regisseur(wereld):
    return wereld.regisseur


@pytest.fixture
def dossier(wereld, regisseur):
    """The Bladel dossier (an asielstatushouder) on the B1-route, PIP of 3 March 2025."""
    return geef_pip(wereld.dossier_bladel, door=regisseur)


@pytest.fixture
def aanbieder(wereld):
    taalschool = Aanbieder.objects.create(
        naam="Taalschool De Kempen",
        instellingsnummer="12AB345678",
        keurmerk_nummer="4711",
        keurmerk_geldig_van=datetime.date(2024, 1, 1),
        biedt_b1_route=True,
        biedt_z_route=True,
        biedt_map=True,
        biedt_pvt=True,
    )
    taalschool.gemeenten.set([wereld.bladel, wereld.bergeijk])
    return taalschool
