"""The demo's begeleider has three referred Kempen inburgeraars with hours; loading twice changes nothing."""

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from inburgering.models import Gebeurtenis, Inburgeraar
from ontzorgen.models import Melding, Ontzorging, Urenregistratie, Verwijzing

pytestmark = pytest.mark.django_db


def _tel():
    return tuple(m.objects.count() for m in (Verwijzing, Urenregistratie, Ontzorging, Melding, Gebeurtenis))


def test_the_demo_begeleider_has_referred_dossiers_with_hours_and_loads_idempotently():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    begeleider = get_user_model().objects.get(username="begeleider")
    zichtbaar = Inburgeraar.objects.zichtbaar_voor(begeleider)
    assert zichtbaar.count() == 3
    assert set(zichtbaar.values_list("gemeente__regio__naam", flat=True)) == {"Kempen"}
    assert Urenregistratie.objects.filter(status=Urenregistratie.Status.INGEDIEND).exists()
    assert Urenregistratie.objects.filter(status=Urenregistratie.Status.GOEDGEKEURD).exists()
    assert Ontzorging.objects.count() == 1
    voor = _tel()

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert _tel() == voor
