"""The intake's rules as tables: advice warnings, what blocks finishing, the no-show ladder, DUO's codes."""

import datetime

import pytest
import yaml

from django.conf import settings

from intake import regels
from intake.models import Alfabetisering, Leerbaarheidstoets, Leerroute, NietVerschenen

OP = datetime.date(2026, 11, 23)
HAALBAAR = Leerbaarheidstoets.Resultaat.HAALBAAR
NIET_HAALBAAR = Leerbaarheidstoets.Resultaat.NIET_HAALBAAR


def _lbt(resultaat="", vrijstelling=""):
    return Leerbaarheidstoets(
        resultaat=resultaat, datum_afname=datetime.date(2026, 10, 1) if resultaat else None, vrijstelling=vrijstelling
    )


def _codes(leerroute, geboren, lbt=None):
    waarschuwingen = regels.advies_waarschuwingen(
        leerroute=leerroute, geboortedatum=geboren, op=OP, lbt=lbt, leeftijd_tot=28
    )
    return [w.code for w in waarschuwingen]


@pytest.mark.parametrize(
    ("leerroute", "geboren", "lbt", "codes"),
    [
        # onderwijsroute: 18 or over (the day of the 18th birthday counts), aimed at under 28
        (Leerroute.ONDERWIJS, datetime.date(2008, 11, 24), _lbt(HAALBAAR), ["onderwijsroute_jonger_dan_18"]),
        (Leerroute.ONDERWIJS, datetime.date(2008, 11, 23), _lbt(HAALBAAR), []),
        (Leerroute.ONDERWIJS, datetime.date(1998, 11, 24), _lbt(HAALBAAR), []),
        (Leerroute.ONDERWIJS, datetime.date(1998, 11, 23), _lbt(HAALBAAR), ["onderwijsroute_leeftijd"]),
        # Z-route: supported only by an LBT that says B1 is out of reach
        (Leerroute.Z, datetime.date(1980, 1, 1), _lbt(NIET_HAALBAAR), []),
        (Leerroute.Z, datetime.date(1980, 1, 1), _lbt(HAALBAAR), ["z_route_zonder_lbt"]),
        (Leerroute.Z, datetime.date(1980, 1, 1), _lbt(vrijstelling="visueel"), ["z_route_zonder_lbt"]),
        (Leerroute.Z, datetime.date(1980, 1, 1), None, ["z_route_zonder_lbt"]),
        # B1-route: fine, unless the LBT says B1 is out of reach
        (Leerroute.B1, datetime.date(1980, 1, 1), None, []),
        (Leerroute.B1, datetime.date(1980, 1, 1), _lbt(HAALBAAR), []),
        (Leerroute.B1, datetime.date(1980, 1, 1), _lbt(NIET_HAALBAAR), ["b1_route_niet_haalbaar"]),
    ],
)
def test_it_warns_about_an_advice_against_the_rules_of_thumb(leerroute, geboren, lbt, codes):
    assert _codes(leerroute, geboren, lbt) == codes


def test_the_age_limit_of_the_onderwijsroute_is_a_setting():
    geboren = datetime.date(1996, 1, 1)  # 30 on OP
    assert (
        regels.advies_waarschuwingen(
            leerroute=Leerroute.ONDERWIJS, geboortedatum=geboren, op=OP, lbt=_lbt(HAALBAAR), leeftijd_tot=31
        )
        == []
    )
    assert settings.ONDERWIJSROUTE_LEEFTIJD_TOT == 28


@pytest.mark.parametrize(
    ("geboren", "op", "jaren"),
    [
        (datetime.date(2000, 2, 29), datetime.date(2018, 2, 28), 17),
        (datetime.date(2000, 2, 29), datetime.date(2018, 3, 1), 18),
        (datetime.date(1990, 12, 31), datetime.date(2026, 11, 23), 35),
    ],
)
def test_age_counts_whole_years_also_for_leap_day_birthdays(geboren, op, jaren):
    assert regels.leeftijd(geboren, op) == jaren


def _ontbrekend(**anders):
    feiten = {
        "aantal_gesprekken": 1,
        "lbt_klaar": True,
        "vereiste_secties": {"opleiding": ("opleiding", True), "gezondheid": ("gezondheid", True)},
        "vve_ontbreekt": False,
        "heeft_advies": True,
    }
    return [o.anker for o in regels.ontbrekend_voor_afronden(**{**feiten, **anders})]


def test_nothing_blocks_finishing_when_the_law_s_parts_are_there():
    assert _ontbrekend() == []


@pytest.mark.parametrize(
    ("anders", "ankers"),
    [
        ({"aantal_gesprekken": 0}, ["gesprekken"]),
        ({"lbt_klaar": False}, ["leerbaarheidstoets"]),
        (
            {"vereiste_secties": {"opleiding": ("opleiding", False), "gezondheid": ("gezondheid", False)}},
            ["opleiding", "gezondheid"],
        ),
        ({"vve_ontbreekt": True}, ["gezin"]),
        ({"heeft_advies": False}, ["advies"]),
    ],
)
def test_each_missing_part_blocks_finishing_and_says_where(anders, ankers):
    assert _ontbrekend(**anders) == ankers


@pytest.mark.parametrize(
    ("aantal", "stap"),
    [
        (0, NietVerschenen.Vervolgstap.GEEN),
        (1, NietVerschenen.Vervolgstap.WAARSCHUWING),
        (2, NietVerschenen.Vervolgstap.BOETE),
        (3, NietVerschenen.Vervolgstap.BOETE_EN_PIP),
        (4, NietVerschenen.Vervolgstap.BOETE_EN_PIP),
    ],
)
def test_the_no_show_ladder_follows_the_model_policy(aantal, stap):
    assert regels.voorgestelde_vervolgstap(aantal) == stap


def _spec(naam):
    with open(settings.DUO_SPEC_DIR / naam) as bestand:
        return yaml.safe_load(bestand)["components"]["schemas"]


def test_it_uses_duos_own_codes_for_leerroute_literacy_and_the_lbt_result():
    pip = _spec("PIP.openapi.yml")
    lbt = _spec("Leerbaarheidstoets.openapi.yml")
    assert Leerroute.values == pip["Leerroute"]["enum"]
    assert Alfabetisering.values == pip["Alfabetiseringsonderwijs"]["enum"]
    assert Leerbaarheidstoets.Resultaat.values == lbt["LeerbaarheidstoetsResultaat"]["enum"]
    # DUO's examennummer fits, and its scores (at most 3 digits and 2 decimals) too
    assert (
        Leerbaarheidstoets._meta.get_field("examennummer").max_length
        == lbt["Examennummer"]["properties"]["examennummer"]["maxLength"]
    )
    assert lbt["Resultaat"]["properties"]["behaaldeScore"]["pattern"] == r"^(\d{1,3}\,\d{2})$"
    assert Leerbaarheidstoets._meta.get_field("behaalde_score").max_digits == 5
