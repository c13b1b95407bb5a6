"""Leerroute fixtures: time pinned, the Bladel dossier in uitvoering with a vastgesteld PIP, an aanbieder."""

import datetime

import pytest

from leerroutes.models import Aanbieder
from tests.factories import geef_pip


@pytest.fixture(autouse=True)
def _vaste_tijd(klok):
    """Every test in this folder runs at tests.conftest.NU."""
    return klok


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
