"""Kosten fixtures: time pinned, the Kempen contract prices of 2026, a taalschool and a tolkbureau."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from kosten.models import Contractprijs, Eenheid, Voorziening
from leerroutes.models import Aanbieder

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
JAAR_BEGIN = datetime.date(2026, 1, 1)


@pytest.fixture(autouse=True)
def _vaste_tijd():
    with time_machine.travel(NU, tick=False):
        yield


@pytest.fixture
def taalschool(wereld):
    return Aanbieder.objects.create(naam="Taalschool De Kempen", biedt_b1_route=True, biedt_z_route=True)


@pytest.fixture
def tolkbureau(wereld):
    return Aanbieder.objects.create(naam="Tolkbureau Brabant")


def prijs(voorziening, eenheid, bedrag, *, aanbieder=None, gemeente=None, regio=None, van=JAAR_BEGIN, tot=None):
    contract = Contractprijs(
        aanbieder=aanbieder,
        voorziening=voorziening,
        eenheid=eenheid,
        prijs=Decimal(bedrag),
        gemeente=gemeente,
        regio=regio,
        geldig_van=van,
        geldig_tot=tot,
    )
    contract.full_clean()
    contract.save()
    return contract


@pytest.fixture
def prijzen(wereld, taalschool, tolkbureau):
    """Regio Kempen's contracts; Bladel pays its own lesuur price."""
    kempen = wereld.bladel.regio
    return {
        "b1_kempen": prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "10.00", aanbieder=taalschool, regio=kempen),
        "b1_bladel": prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "12.00", aanbieder=taalschool, gemeente=wereld.bladel),
        "z": prijs(Voorziening.Z_ROUTE, Eenheid.LESUUR, "15.00", aanbieder=taalschool, regio=kempen),
        "map": prijs(Voorziening.MAP, Eenheid.MODULE, "900.00", regio=kempen),
        "pvt": prijs(Voorziening.PVT, Eenheid.MODULE, "400.00", regio=kempen),
        "ontzorgen": prijs(Voorziening.ONTZORGEN, Eenheid.MAAND, "50.00", regio=kempen),
        "begeleiding": prijs(Voorziening.BEGELEIDING, Eenheid.UUR, "60.00", regio=kempen),
        "tolk": prijs(Voorziening.TOLK, Eenheid.INZET, "75.00", aanbieder=tolkbureau, regio=kempen),
    }
