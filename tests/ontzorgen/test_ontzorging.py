"""Financieel ontzorgen: asielstatushouders only, at least the minimum months, each step on the tijdlijn."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError

from inburgering.models import Doelgroep
from ontzorgen import services
from ontzorgen.models import Aanbieder, Ondersteuningsniveau, VasteLast
from tests.factories import InburgeraarFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 11, 1)


def _start(wereld, **kwargs):
    gegevens = {
        "door": wereld.regisseur,
        "inburgeraar": wereld.dossier_bladel,
        "startdatum": START,
        "leefgeld": Decimal("65.00"),
        "datum_machtiging": datetime.date(2026, 10, 28),
        "vaste_lasten": [
            {"soort": VasteLast.Soort.HUUR, "begunstigde": "Woonstichting De Zaligheden", "bedrag": Decimal("612.40")},
            {"soort": VasteLast.Soort.ZORGVERZEKERING, "begunstigde": "CZ", "bedrag": Decimal("151.00")},
        ],
    }
    return services.start_ontzorging(**{**gegevens, **kwargs})


def test_it_plans_the_end_six_months_after_the_start_by_default(wereld):
    ontzorging = _start(wereld)
    assert ontzorging.geplande_einddatum == datetime.date(2027, 5, 1)
    assert [last.begunstigde for last in ontzorging.vaste_lasten.all()] == ["Woonstichting De Zaligheden", "CZ"]
    assert "Financieel ontzorgen gestart op 01-11-2026" in wereld.dossier_bladel.tijdlijn.first().omschrijving


def test_the_minimum_is_a_setting(wereld, settings):
    settings.ONTZORGEN_MINIMALE_MAANDEN = 9
    assert _start(wereld).geplande_einddatum == datetime.date(2027, 8, 1)


def test_it_refuses_a_planned_end_before_the_minimum(wereld):
    with pytest.raises(ValidationError) as fout:
        _start(wereld, geplande_einddatum=datetime.date(2027, 4, 30))
    assert "minstens 6 maanden" in fout.value.message_dict["geplande_einddatum"][0]


def test_it_refuses_anyone_but_an_asielstatushouder(wereld):
    gezinsvormer = InburgeraarFactory(gemeente=wereld.bladel, doelgroep=Doelgroep.GEZINSVORMER)
    with pytest.raises(ValidationError) as fout:
        _start(wereld, inburgeraar=gezinsvormer)
    assert "alleen voor asielstatushouders" in fout.value.messages[0]


def test_it_extends_with_a_reason_and_keeps_the_old_end(wereld):
    ontzorging = _start(wereld)
    services.verleng_ontzorging(
        door=wereld.regisseur, ontzorging=ontzorging, nieuwe_einddatum=datetime.date(2027, 8, 1), reden="Schulden."
    )
    ontzorging.refresh_from_db()
    assert ontzorging.geplande_einddatum == datetime.date(2027, 8, 1)
    assert ontzorging.verlengingen.get().oude_einddatum == datetime.date(2027, 5, 1)
    assert "verlengd" in wereld.dossier_bladel.tijdlijn.first().omschrijving


def test_it_ends_with_an_afbouw_plan_and_a_provider_that_offers_the_level(wereld):
    ontzorging = _start(wereld)
    with pytest.raises(ValidationError) as fout:
        services.beeindig_ontzorging(
            door=wereld.regisseur,
            ontzorging=ontzorging,
            einddatum=datetime.date(2027, 5, 1),
            afbouwplan="",
            ondersteuningsniveau=Ondersteuningsniveau.LICHT,
            aanbieder=Aanbieder.THUISADMINISTRATIE,
        )
    assert set(fout.value.message_dict) == {"afbouwplan", "aanbieder"}

    services.beeindig_ontzorging(
        door=wereld.regisseur,
        ontzorging=ontzorging,
        einddatum=datetime.date(2027, 5, 1),
        afbouwplan="Eerst de huur zelf, na twee maanden ook de zorgverzekering.",
        ondersteuningsniveau=Ondersteuningsniveau.INTENSIEF,
        aanbieder=Aanbieder.THUISADMINISTRATIE,
    )
    ontzorging.refresh_from_db()
    assert not ontzorging.is_lopend
    assert "Thuisadministratie Wèl" in wereld.dossier_bladel.tijdlijn.first().omschrijving


def test_it_refuses_a_second_running_ontzorging(wereld):
    _start(wereld)
    with pytest.raises(ValidationError, match="Er loopt al een ontzorging"):
        _start(wereld)


def _mijlpalen(inburgeraar):
    inburgeraar.refresh_from_db()
    return (
        inburgeraar.datum_start_ontzorgen,
        inburgeraar.datum_gepland_einde_ontzorgen,
        inburgeraar.datum_einde_ontzorgen,
    )


def test_each_step_writes_the_dossiers_milestones_for_the_deadlines(wereld):
    dossier = wereld.dossier_bladel
    ontzorging = _start(wereld)
    assert _mijlpalen(dossier) == (START, datetime.date(2027, 5, 1), None)

    services.verleng_ontzorging(
        door=wereld.regisseur, ontzorging=ontzorging, nieuwe_einddatum=datetime.date(2027, 8, 1), reden="Schulden."
    )
    assert _mijlpalen(dossier) == (START, datetime.date(2027, 8, 1), None)

    services.beeindig_ontzorging(
        door=wereld.regisseur,
        ontzorging=ontzorging,
        einddatum=datetime.date(2027, 7, 15),
        afbouwplan="Zelf de huur betalen.",
        ondersteuningsniveau=Ondersteuningsniveau.LICHT,
        aanbieder=Aanbieder.STARTPUNT_GELDZAKEN,
    )
    assert _mijlpalen(dossier) == (START, datetime.date(2027, 8, 1), datetime.date(2027, 7, 15))
