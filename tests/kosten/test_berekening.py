"""Costs follow from what is registered, at the price of the day, for the gemeente responsible that day."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from inburgering import services as dossier_services
from inburgering.models import Team
from kosten import services
from kosten.berekening import Prijzen, kostenregels, totalen
from kosten.bronnen import Gebruik
from kosten.models import Eenheid, Voorziening
from tests.kosten import registratie
from tests.kosten.conftest import prijs

D = datetime.date
ALTIJD = (D(2000, 1, 1), D(2100, 1, 1))


@pytest.mark.parametrize(
    ("gemeente", "aanbieder", "datum", "verwacht"),
    [
        ("bladel", "taalschool", D(2026, 3, 1), "12.00"),  # Bladel's own price goes before the regio's
        ("bergeijk", "taalschool", D(2026, 3, 1), "10.00"),  # the regio's price
        ("emmen", "taalschool", D(2026, 3, 1), None),  # another regio: no contract
        ("bergeijk", None, D(2026, 3, 1), "8.00"),  # no aanbieder (own begeleiders): the price for every aanbieder
        ("bergeijk", "taalschool", D(2025, 12, 31), None),  # before the contract
        ("bergeijk", "ander", D(2026, 3, 1), "8.00"),  # no own price: the price for every aanbieder
    ],
)
def test_the_price_of_the_day_for_the_gemeente_and_aanbieder_applies(
    wereld, prijzen, taalschool, gemeente, aanbieder, datum, verwacht
):
    prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "8.00", regio=wereld.bladel.regio)
    aanbieder_id = {"taalschool": taalschool.pk, "ander": taalschool.pk + 1000, None: None}[aanbieder]
    gebruik = Gebruik(0, datum, Voorziening.TAAL_B1, Eenheid.LESUUR, Decimal(1), aanbieder_id)
    gevonden = Prijzen().voor(gebruik, getattr(wereld, gemeente).pk)
    assert gevonden == (None if verwacht is None else Decimal(verwacht))


def test_a_new_price_applies_from_its_first_day(wereld, taalschool):
    prijs(Voorziening.Z_ROUTE, Eenheid.LESUUR, "15", aanbieder=taalschool, gemeente=wereld.bladel, tot=D(2026, 6, 30))
    prijs(Voorziening.Z_ROUTE, Eenheid.LESUUR, "16", aanbieder=taalschool, gemeente=wereld.bladel, van=D(2026, 7, 1))
    dossier = wereld.dossier_bladel
    registratie.aanbod(dossier, taalschool, leerroute="Z")
    registratie.deelname(dossier, D(2026, 6, 30), 10)
    registratie.deelname(dossier, D(2026, 7, 1), 10)
    assert [regel.bedrag for regel in kostenregels([dossier.pk], *ALTIJD)] == [Decimal(150), Decimal(160)]


def _bron(naam, wereld, taalschool):
    dossier = wereld.dossier_bladel
    if naam == "b1":
        registratie.aanbod(dossier, taalschool, leerroute="B")
        registratie.deelname(dossier, D(2026, 3, 7), 8, knm=2)
    elif naam == "z":
        registratie.aanbod(dossier, taalschool, leerroute="Z")
        registratie.deelname(dossier, D(2026, 3, 7), 8, aanbieder=taalschool)
    elif naam == "zonder_aanbod":
        registratie.deelname(dossier, D(2026, 3, 7), 5, aanbieder=taalschool)
    elif naam == "onderwijsroute":
        registratie.aanbod(dossier, taalschool, leerroute="O", start_taalschakeltraject=D(2026, 2, 1))
        registratie.deelname(dossier, D(2026, 3, 7), 20)  # paid per traject, not per lesuur
    elif naam == "map":
        registratie.activiteit(dossier, D(2026, 4, 2), "map_les", aanbieder=taalschool)
        registratie.activiteit(dossier, D(2026, 4, 9), "stage")  # the same module
    elif naam == "pvt":
        registratie.activiteit(dossier, D(2026, 5, 2), "pvt_workshop")
    elif naam == "ontzorgen":
        registratie.ontzorging(dossier, D(2026, 6, 1), D(2026, 12, 1), einde=D(2026, 9, 15))
    elif naam == "begeleiding":
        team = Team.objects.get(organisatie__naam="VluchtelingenWerk")
        registratie.uren(dossier, team, wereld.begeleider, D(2026, 11, 2), "2.5")
        registratie.uren(dossier, team, wereld.begeleider, D(2026, 11, 3), 4, status="ingediend")
    elif naam == "tolk":
        services.boek_tolk(
            door=wereld.regisseur,
            inburgeraar=dossier,
            gesprek="voortgangsgesprek",
            datum=D(2026, 11, 30),
            taal="Tigrinya",
            wijze="video",
            aanbieder=wereld.tolkbureau,
        )


@pytest.mark.parametrize(
    ("bron", "voorziening", "hoeveelheid", "bedrag"),
    [
        ("b1", Voorziening.TAAL_B1, "10", "120.00"),  # lesuren and KNM at Bladel's price
        ("z", Voorziening.Z_ROUTE, "8", "120.00"),
        ("zonder_aanbod", Voorziening.TAAL_B1, "5", "60.00"),  # no aanbod: the B1-route
        ("onderwijsroute", Voorziening.TAALSCHAKELTRAJECT, "1", None),  # no traject price in Kempen
        ("map", Voorziening.MAP, "1", "900.00"),  # one module however many activities
        ("pvt", Voorziening.PVT, "1", "400.00"),
        ("ontzorgen", Voorziening.ONTZORGEN, "4", "200.00"),  # June to 15 September: four months begun
        ("begeleiding", Voorziening.BEGELEIDING, "2.5", "150.00"),  # approved hours only
        ("tolk", Voorziening.TOLK, "1", "75.00"),  # the price fixed at booking
    ],
)
def test_each_registration_becomes_a_cost_of_its_voorziening(
    wereld, prijzen, taalschool, tolkbureau, bron, voorziening, hoeveelheid, bedrag
):
    wereld.tolkbureau = tolkbureau
    _bron(bron, wereld, taalschool)
    regels = kostenregels([wereld.dossier_bladel.pk], *ALTIJD)
    assert {regel.voorziening for regel in regels} == {voorziening}
    assert sum(regel.hoeveelheid for regel in regels) == Decimal(hoeveelheid)
    bedragen = [regel.bedrag for regel in regels]
    assert (None if None in bedragen else sum(bedragen)) == (None if bedrag is None else Decimal(bedrag))
    assert {regel.gemeente_id for regel in regels} == {wereld.bladel.pk}


def test_running_ontzorgen_counts_the_months_begun_until_today(wereld, prijzen):
    registratie.ontzorging(wereld.dossier_bladel, D(2026, 6, 1), D(2027, 6, 1))  # today is 23 November 2026
    regels = kostenregels([wereld.dossier_bladel.pk], *ALTIJD)
    assert [regel.datum for regel in regels] == [D(2026, m, 1) for m in range(6, 12)]


def test_costs_before_a_move_stay_with_the_old_gemeente_and_later_ones_go_to_the_new(wereld, prijzen, taalschool):
    dossier = wereld.dossier_bladel
    registratie.aanbod(dossier, taalschool)
    registratie.deelname(dossier, D(2026, 5, 31), 10)  # Bladel's price: 12
    registratie.deelname(dossier, D(2026, 6, 1), 10)  # the day of the move: Bergeijk, the regio's price: 10
    with time_machine.travel(datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        dossier_services.draag_over(door=wereld.regisseur, inburgeraar=dossier, naar=wereld.bergeijk)
    # Booked after the move, for a day before it: Bladel pays.
    services.boek_kosten(
        door=wereld.collega,
        inburgeraar=dossier,
        datum=D(2026, 5, 20),
        voorziening=Voorziening.MAP,
        bedrag=Decimal("35.50"),
        reden="Reiskosten bedrijfsbezoek",
    )

    def per_voorziening(gemeente):
        return {t.voorziening: (t.bedrag, t.aantal_personen) for t in totalen(gemeente, 2026) if t.bedrag}

    assert per_voorziening(wereld.bladel) == {
        Voorziening.TAAL_B1: (Decimal(120), 1),
        Voorziening.MAP: (Decimal("35.50"), 1),
    }
    assert per_voorziening(wereld.bergeijk) == {Voorziening.TAAL_B1: (Decimal(100), 1)}
    assert per_voorziening(wereld.bladel) == per_voorziening(wereld.bladel)  # reading changes nothing


def test_a_manual_cost_needs_a_reason_and_lands_on_the_tijdlijn(wereld):
    dossier = wereld.dossier_bladel
    with pytest.raises(Exception, match="Leg uit waarom"):
        services.boek_kosten(
            door=wereld.regisseur,
            inburgeraar=dossier,
            datum=D(2026, 11, 1),
            voorziening=Voorziening.TOLK,
            bedrag=Decimal(20),
            reden="  ",
        )
    services.boek_kosten(
        door=wereld.regisseur,
        inburgeraar=dossier,
        datum=D(2026, 11, 1),
        voorziening=Voorziening.TOLK,
        bedrag=Decimal(20),
        reden="Factuur telefoontolk zonder boeking",
    )
    assert dossier.tijdlijn.filter(soort="kosten_geboekt").get().omschrijving == (
        "Kosten Tolk van € 20,00 geboekt op 1 november 2026: Factuur telefoontolk zonder boeking"
    )
