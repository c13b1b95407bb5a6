"""The leerroutes' report figures on a hand-built dataset: lesuren and the Z-route's MAP and PVT hours."""

import datetime
from decimal import Decimal

import pytest

from inburgering.models import Doelgroep, Inburgeraar
from inburgering.rapportage import Selectie
from inburgering.rapportage.views import rijen
from leerroutes.models import Activiteit, Deelname
from tests.factories import InburgeraarFactory

D = datetime.date

pytestmark = pytest.mark.django_db


def _dossier(gemeente, doelgroep, leerroute):
    dossier = InburgeraarFactory(gemeente=gemeente, doelgroep=doelgroep, datum_koppeling=D(2026, 2, 1))
    Inburgeraar.objects.filter(pk=dossier.pk).update(leerroute=leerroute)
    return dossier


def test_lesuren_and_z_route_participation_hours_per_doelgroep(wereld):
    z_route = _dossier(wereld.emmen, Doelgroep.ASIELSTATUSHOUDER, "Z")
    b1_route = _dossier(wereld.emmen, Doelgroep.GEZINSVORMER, "B")
    for dossier, van, lesuren in [
        (b1_route, D(2026, 3, 1), 10),
        (b1_route, D(2025, 12, 1), 40),
        (z_route, D(2026, 4, 1), 6),
    ]:
        Deelname.objects.create(inburgeraar=dossier, periode_van=van, periode_tot=van, lesuren=lesuren)
    for dossier, uren, aanwezig in [(z_route, "3", True), (z_route, "2", False), (b1_route, "5", True)]:
        Activiteit.objects.create(
            inburgeraar=dossier, soort="pvt_workshop", datum=D(2026, 5, 1), uren=Decimal(uren), aanwezig=aanwezig
        )

    selectie = Selectie(
        gemeente_ids=(wereld.emmen.pk,), van=D(2026, 1, 1), tot=D(2026, 11, 23), peildatum=D(2026, 11, 23)
    )
    r = {rij.naam: rij for rij in rijen(selectie)}

    lessen = r["Gevolgde lesuren taal"]
    assert [lessen.waarden[k] for k in ("asiel", "gezin", "totaal")] == [6, 10, 16]
    participatie = r["Participatie-uren Z-route in MAP en PVT"]
    # only the Z-route's hours that were attended; the B1-route's PVT workshop does not count
    assert [participatie.waarden[k] for k in ("asiel", "gezin", "totaal")] == [3, 0, 3]
