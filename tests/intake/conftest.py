"""Intake fixtures: a regisseur with the health right, a colleague without it, a dossier to interview."""

import pytest

from django.contrib.auth.models import Group

from inburgering.rollen import GEZONDHEIDSGEGEVENS
from intake import services


@pytest.fixture(autouse=True)
def _vaste_tijd(klok):
    """Every test in this folder runs at tests.conftest.NU."""
    return klok


@pytest.fixture
def regisseur(wereld):
    """Sanne holds the extra right for health data; her colleague Youssef does not."""
    wereld.regisseur.groups.add(Group.objects.get(name=GEZONDHEIDSGEGEVENS))
    return wereld.regisseur


@pytest.fixture
def intake(wereld, regisseur):
    return services.start_intake(door=regisseur, inburgeraar=wereld.dossier_bladel)
