"""Destroying a dossier keeps its costs in the totals, anonymously: the SPUK is still accounted for."""

import datetime
from decimal import Decimal

import time_machine
from auditlog.models import LogEntry

from inburgering import tasks
from kosten import services
from kosten.berekening import totalen
from kosten.models import Eenheid, Kostenpost, Tolkinzet, Voorziening
from leerroutes.models import Aanbieder
from tests.inburgering.test_isolation import intakes, leerroute_objecten, pips, verwezen  # noqa: F401  (fixtures)
from tests.inburgering.test_vernietiging import VIJF_JAAR_LATER, _dossierrecords, _keur_goed, vol_dossier  # noqa: F401
from tests.kosten.conftest import prijs

REDEN = "Factuur tolk Haile, zonder boeking"


def _per_voorziening(gemeente):
    return {t.voorziening: (t.bedrag, t.aantal_personen) for t in totalen(gemeente, 2026) if t.bedrag}


def test_destruction_keeps_the_amounts_and_persons_per_voorziening_without_the_person(
    client,
    vol_dossier,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    wereld = vol_dossier
    dossier = wereld.dossier_bladel
    kempen = wereld.bladel.regio
    tolkbureau = Aanbieder.objects.create(naam="Tolkbureau Brabant")
    prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "10", regio=kempen)
    prijs(Voorziening.ONTZORGEN, Eenheid.MAAND, "50", regio=kempen)
    prijs(Voorziening.TOLK, Eenheid.INZET, "75", aanbieder=tolkbureau, regio=kempen)
    services.boek_tolk(
        door=wereld.regisseur,
        inburgeraar=dossier,
        gesprek="voortgangsgesprek",
        datum=datetime.date(2026, 11, 10),
        taal="Tigrinya",
        wijze="fysiek",
        aanbieder=tolkbureau,
    )
    services.boek_kosten(
        door=wereld.regisseur,
        inburgeraar=dossier,
        datum=datetime.date(2026, 11, 12),
        voorziening=Voorziening.TOLK,
        bedrag=Decimal(40),
        reden=REDEN,
    )
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        voor = _per_voorziening(wereld.bladel)
        assert {Voorziening.TAAL_B1, Voorziening.ONTZORGEN, Voorziening.TOLK} <= set(voor)
        assert voor[Voorziening.TOLK] == (Decimal(115), 1)
        tasks.bewaartermijnen()
        _keur_goed(client, django_capture_on_commit_callbacks, wereld.beheerder)
        assert _per_voorziening(wereld.bladel) == voor
        # The line booked by hand stays beside the quantity, not in it: one inzet at € 75, and € 40 by hand.
        tolk = next(t for t in totalen(wereld.bladel, 2026) if t.voorziening == Voorziening.TOLK)
        assert (tolk.hoeveelheid, tolk.contractbedrag, tolk.handmatig) == (1, Decimal(75), Decimal(40))

    assert _dossierrecords(dossier) == {}
    assert not Tolkinzet.objects.exists()
    assert not Kostenpost.objects.filter(soort=Kostenpost.Soort.HANDMATIG).exists()
    assert set(Kostenpost.objects.values_list("inburgeraar", "datum", "reden").distinct()) == {(None, None, "")}
    assert not any(REDEN in str(entry.changes) for entry in LogEntry.objects.all())
