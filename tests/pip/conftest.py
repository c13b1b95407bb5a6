"""PIP fixtures: time pinned, media in a temporary folder, a dossier in fase pip after a brede intake."""

import datetime

import pytest

from inburgering import services as dossier_services
from inburgering.fasen import Fase
from pip import services


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
    """The Bladel dossier, its intake advised the B1-route, now in fase pip."""
    from intake import services as intake_services

    inburgeraar = wereld.dossier_bladel
    dossier_services.wijzig_dossier(
        door=regisseur,
        inburgeraar=inburgeraar,
        wijzigingen={
            "datum_kennisgeving": datetime.date(2026, 9, 1),
            "datum_vestiging": datetime.date(2026, 9, 15),
            "adres": "Markt 1, 5531 BC Bladel",
        },
    )
    intake = intake_services.start_intake(door=regisseur, inburgeraar=inburgeraar)
    intake.advies_leerroute = "B"
    intake.advies_niveau = "B1"
    intake.save()
    return dossier_services.wijzig_fase(door=regisseur, inburgeraar=inburgeraar, fase=Fase.PIP)


@pytest.fixture
def concept(dossier, regisseur):
    return services.start_concept(door=regisseur, inburgeraar=dossier)


@pytest.fixture
def vastgesteld(concept, regisseur):
    return services.stel_vast(door=regisseur, pip=concept, dagtekening=datetime.date(2026, 11, 2))
