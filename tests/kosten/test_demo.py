"""The demo has contract prices, interpreter bookings and costs in the report; loading twice changes nothing."""

import pytest

from django.core.management import call_command

from inburgering.models import Gemeente
from kosten.berekening import totalen
from kosten.models import Contractprijs, Kostenpost, Tolkinzet, Voorziening

pytestmark = pytest.mark.django_db


def _tel():
    return (Contractprijs.objects.count(), Tolkinzet.objects.count(), Kostenpost.objects.count())


def test_the_demo_shows_costs_per_voorziening_and_loads_idempotently():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Tolkinzet.objects.count() >= 3
    assert Kostenpost.objects.filter(soort=Kostenpost.Soort.HANDMATIG).exists()
    jaar = Tolkinzet.objects.latest("datum").datum.year
    bedragen = {}
    for gemeente in Gemeente.objects.filter(naam__in=["Bergeijk", "Bladel", "Reusel-De Mierden"]):
        for totaal in totalen(gemeente, jaar):
            bedragen[totaal.voorziening] = bedragen.get(totaal.voorziening, 0) + totaal.bedrag
    assert bedragen[Voorziening.TOLK] > 0 and bedragen[Voorziening.TAAL_B1] > 0
    voor = _tel()

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert _tel() == voor
