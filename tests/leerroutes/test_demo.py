"""The demo has aanbieders, deelname, exams and a PVT group with attendance; loading twice changes nothing."""

import pytest

from django.core.management import call_command

from inburgering.models import Gebeurtenis
from leerroutes.models import Aanbieder, Activiteit, Deelname, Examen, Groep, Inburgeringsaanbod, Sessie

pytestmark = pytest.mark.django_db

MODELLEN = (Aanbieder, Inburgeringsaanbod, Deelname, Examen, Groep, Sessie, Activiteit, Gebeurtenis)


def _tel():
    return tuple(m.objects.count() for m in MODELLEN)


def test_the_demo_has_leerroutes_with_hours_exams_and_a_pvt_group_and_loads_idempotently():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert Aanbieder.objects.exclude(naam="Tolkcentrum Zuid").count() == 2  # and the kosten demo's tolkcentrum
    assert Inburgeringsaanbod.objects.exists()
    assert Deelname.objects.filter(afwezig_uren__gt=0).exclude(reden_afwezigheid="").exists()
    assert Examen.objects.filter(resultaat="Geslaagd").exists()
    groep = Groep.objects.get()
    assert groep.leden.count() >= 2
    assert Activiteit.objects.filter(sessie__groep=groep, aanwezig=False).exists()
    assert Sessie.objects.filter(groep=groep, aanwezigheid__isnull=True).exists()  # still to be entered
    voor = _tel()

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert _tel() == voor
