"""A referral world: the fixture `wereld` plus VluchtelingenWerk as a partner organisation."""

import pytest

from inburgering.models import Organisatie, Team


@pytest.fixture(autouse=True)
def _vaste_tijd(klok):
    """Every test in this folder runs at tests.conftest.NU."""
    return klok


@pytest.fixture
def partner(wereld):
    """VluchtelingenWerk's team, the begeleider's; the fixture makes its organisation a partner."""
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    return Team.objects.select_related("organisatie").get(organisatie__naam="VluchtelingenWerk")
