"""Financieel ontzorgen: asielstatushouders only, at least the minimum months, each step on the tijdlijn."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering.models import Doelgroep
from ontzorgen import services
from ontzorgen.models import Aanbieder, Dienst, Ondersteuningsniveau, VasteLast
from tests.factories import InburgeraarFactory
from tests.ontzorgen.factories import met_bijstand

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
    gegevens.update(kwargs)
    if gegevens["inburgeraar"].is_asielstatushouder:
        met_bijstand(
            door=gegevens["door"], inburgeraar=gegevens["inburgeraar"], startdatum=min(START, gegevens["startdatum"])
        )
    return services.start_ontzorging(**gegevens)


def test_it_plans_the_end_six_months_after_the_start_by_default(wereld):
    ontzorging = _start(wereld)
    assert ontzorging.geplande_einddatum == datetime.date(2027, 5, 1)
    assert [last.begunstigde for last in ontzorging.vaste_lasten.all()] == ["Woonstichting De Zaligheden", "CZ"]
    assert "Financieel ontzorgen gestart op 1 november 2026" in wereld.dossier_bladel.tijdlijn.first().omschrijving


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


def test_ontzorgen_starts_only_when_bijstand_is_registered(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    with pytest.raises(ValidationError) as fout:
        services.start_ontzorging(door=wereld.regisseur, inburgeraar=dossier, startdatum=START, leefgeld=Decimal(60))
    assert [e.code for e in fout.value.error_dict["startdatum"]] == ["geen_bijstand"]
    services.registreer_bijstand(door=wereld.regisseur, inburgeraar=dossier, startdatum=START)
    with pytest.raises(ValidationError) as fout:
        services.start_ontzorging(
            door=wereld.regisseur, inburgeraar=dossier, startdatum=datetime.date(2026, 10, 31), leefgeld=Decimal(60)
        )
    assert "niet vóór de bijstand (sinds 1 november 2026)" in fout.value.messages[0]
    services.start_ontzorging(door=wereld.regisseur, inburgeraar=dossier, startdatum=START, leefgeld=Decimal(60))


def test_registering_the_end_of_bijstand_proposes_ending_ontzorgen_with_its_afbouw(client, wereld):
    ontzorging = _start(wereld)
    services.registreer_einde_bijstand(
        door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, einddatum=datetime.date(2027, 2, 28)
    )
    gebeurtenis = wereld.dossier_bladel.tijdlijn.first()
    assert gebeurtenis.soort == services.BIJSTAND_BEEINDIGD
    assert "Voorstel: beëindig het financieel ontzorgen met een afbouwplan" in gebeurtenis.omschrijving
    ontzorging.refresh_from_db()
    assert ontzorging.is_lopend  # a proposal: the regisseur decides and writes the afbouwplan
    client.force_login(wereld.regisseur)
    html = client.get(reverse("ontzorgen:ontzorgen_dossier", args=[wereld.dossier_bladel.pk])).content.decode()
    assert "De bijstand is beëindigd op 28 februari 2027" in html
    formulier = client.get(reverse("ontzorgen:ontzorging_beeindigen", args=[wereld.dossier_bladel.pk])).content.decode()
    assert 'value="2027-02-28"' in formulier


def test_the_regisseur_registers_bijstand_and_its_end_in_the_browser(client, wereld):
    client.force_login(wereld.regisseur)
    url = reverse("ontzorgen:bijstand", args=[wereld.dossier_bladel.pk])
    assert client.post(url, {"startdatum": "2026-11-01"}).status_code == 302
    response = client.post(url, {"einddatum": "2026-10-01"})
    assert "Het einde van de bijstand ligt vóór de start (1 november 2026)." in response.content.decode()
    assert client.post(url, {"einddatum": "2026-12-31"}).status_code == 302
    wereld.dossier_bladel.refresh_from_db()
    assert (wereld.dossier_bladel.datum_start_bijstand, wereld.dossier_bladel.datum_einde_bijstand) == (
        START,
        datetime.date(2026, 12, 31),
    )


@pytest.mark.parametrize("dienst", [Dienst.MAATSCHAPPELIJKE_BEGELEIDING, Dienst.FINANCIELE_ZELFREDZAAMHEID])
def test_begeleiding_is_referred_only_for_asielstatushouders(wereld, partner, dienst):
    gezinsvormer = InburgeraarFactory(gemeente=wereld.bladel, doelgroep=Doelgroep.GEZINSVORMER)
    with pytest.raises(ValidationError) as fout:
        services.verwijs(door=wereld.regisseur, inburgeraar=gezinsvormer, team=partner, dienst=dienst, startdatum=START)
    assert "alleen voor asielstatushouders" in fout.value.error_dict["dienst"][0].messages[0]
    services.verwijs(
        door=wereld.regisseur, inburgeraar=gezinsvormer, team=partner, dienst=Dienst.TAALMAATJE, startdatum=START
    )
