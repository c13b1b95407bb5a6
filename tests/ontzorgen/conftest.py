"""A referral world: the fixture `wereld` plus VluchtelingenWerk as a partner organisation."""

import datetime

import pytest
import time_machine

from inburgering.models import Organisatie, Team

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)  # a Monday
VANDAAG = datetime.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def _nu():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def partner(wereld):
    """VluchtelingenWerk's team, the begeleider's; the fixture makes its organisation a partner."""
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    return Team.objects.select_related("organisatie").get(organisatie__naam="VluchtelingenWerk")
