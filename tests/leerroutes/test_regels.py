"""DUO's rules for inburgeringsaanbod, MAP, PVT and exams, and when the plicht is complete, as tables."""

import datetime

import pytest
import yaml

from django.conf import settings

from leerroutes import regels
from leerroutes.models import Examenniveau, Examenonderdeel, Examenresultaat, RedenGeenResultaat, Verwijtbaar
from leerroutes.queries import Normen

D = datetime.date
PIP = D(2026, 3, 2)
EINDE = D(2029, 3, 2)


def _codes(fouten):
    return sorted(f.code for f in fouten)


def _aanbod(**anders):
    args = {
        "is_asielstatushouder": True,
        "datum_huidige_pip": PIP,
        "pip_leerroute": "B",
        "termijn_einde": EINDE,
        "leerroute": "B",
        "keurmerk_geldig_op_aanbod": True,
        "taalschakelinstelling": False,
        "data": {"datum_aanbod": D(2026, 4, 1), "verwachte_startdatum": D(2026, 4, 6), "verwachte_einddatum": None},
    }
    return _codes(regels.aanbod_overtredingen(**{**args, **anders}))


@pytest.mark.parametrize(
    ("anders", "codes"),
    [
        ({}, []),
        ({"is_asielstatushouder": False}, ["geen_asielstatushouder"]),
        ({"datum_huidige_pip": None, "pip_leerroute": None}, ["geen_pip"]),
        ({"leerroute": "Z"}, ["andere_leerroute"]),
        ({"data": {"datum_aanbod": D(2026, 3, 1)}}, ["voor_pip"]),
        ({"data": {"datum_aanbod": PIP}}, []),
        ({"data": {"datum_aanbod": D(2026, 4, 1), "verwachte_einddatum": D(2029, 3, 3)}}, ["na_termijn"]),
        ({"data": {"datum_aanbod": D(2026, 4, 1), "verwachte_einddatum": EINDE}}, []),
        (
            {
                "data": {
                    "datum_aanbod": D(2026, 4, 1),
                    "verwachte_startdatum": D(2026, 6, 1),
                    "verwachte_einddatum": D(2026, 5, 1),
                }
            },
            ["einde_voor_start"],
        ),
        (
            {"data": {"datum_aanbod": D(2026, 4, 1), "start_taalschakeltraject": D(2026, 5, 1)}},
            ["taalschakel_andere_route"],
        ),
        ({"keurmerk_geldig_op_aanbod": False}, ["geen_keurmerk"]),
        ({"keurmerk_geldig_op_aanbod": False, "taalschakelinstelling": True}, ["geen_keurmerk"]),
        (
            {"keurmerk_geldig_op_aanbod": False, "taalschakelinstelling": True, "leerroute": "O", "pip_leerroute": "O"},
            [],
        ),
    ],
)
def test_the_inburgeringsaanbod_follows_duos_rules(anders, codes):
    assert _aanbod(**anders) == codes


@pytest.mark.parametrize(
    ("van", "tot", "op", "geldig"),
    [
        (None, None, D(2026, 1, 1), False),
        (D(2025, 1, 1), None, D(2026, 1, 1), True),
        (D(2025, 1, 1), D(2025, 12, 31), D(2025, 12, 31), True),
        (D(2025, 1, 1), D(2025, 12, 31), D(2026, 1, 1), False),
        (D(2026, 1, 2), None, D(2026, 1, 1), False),
    ],
)
def test_a_keurmerk_counts_from_its_start_to_its_last_day(van, tot, op, geldig):
    assert regels.keurmerk_geldig(van, tot, op) is geldig


@pytest.mark.parametrize(
    ("datum", "verwijtbaar", "vandaag", "codes"),
    [
        (D(2028, 1, 1), "", D(2028, 1, 1), []),
        (D(2028, 1, 1), "Nee", D(2028, 1, 1), ["binnen_termijn"]),
        (EINDE, "Ja", D(2029, 4, 1), ["binnen_termijn"]),
        (D(2029, 3, 3), "", D(2029, 3, 3), ["verwijtbaar_ontbreekt"]),
        (D(2029, 3, 3), "Ja", D(2029, 3, 3), []),
        (None, "Ja", EINDE, ["ja_te_vroeg"]),
        (None, "Ja", D(2029, 3, 3), []),
        (None, "Nee", D(2029, 1, 1), ["nee_te_vroeg"]),
        (None, "Nee", D(2029, 1, 2), []),
        (None, "", D(2029, 6, 1), []),
    ],
)
def test_verwijtbaarheid_is_only_given_when_the_termijn_is_nearly_or_fully_overrun(datum, verwijtbaar, vandaag, codes):
    fouten = regels.verwijtbaarheid_overtredingen(
        datum=datum, verwijtbaar=verwijtbaar, termijn_einde=EINDE, vandaag=vandaag
    )
    assert _codes(fouten) == codes


def test_verwijtbaarheid_needs_a_termijn():
    fouten = regels.verwijtbaarheid_overtredingen(datum=None, verwijtbaar="Ja", termijn_einde=None, vandaag=EINDE)
    assert _codes(fouten) == ["geen_termijn"]


@pytest.mark.parametrize(
    ("datum", "pip", "z_route", "codes"),
    [
        (D(2026, 6, 1), True, None, []),
        (D(2026, 6, 1), False, None, ["geen_pip"]),
        (D(2026, 3, 2), True, None, ["voor_termijn"]),
        (D(2026, 3, 3), True, None, []),
        (D(2026, 12, 1), True, None, ["toekomst"]),
        (D(2026, 6, 1), True, D(2026, 5, 31), ["na_z_route"]),
        (D(2026, 5, 31), True, D(2026, 5, 31), []),
        (None, True, None, []),
    ],
)
def test_map_and_pvt_dates_follow_duos_rules(datum, pip, z_route, codes):
    fouten = regels.afronding_overtredingen(
        datum=datum,
        vandaag=D(2026, 11, 23),
        heeft_huidige_pip=pip,
        termijn_start=D(2026, 3, 3),
        z_route_afgerond_op=z_route,
    )
    assert _codes(fouten) == codes


@pytest.mark.parametrize(
    ("onderdeel", "datum", "niveau", "resultaat", "reden", "codes"),
    [
        ("LE", D(2026, 11, 1), "B1", "Geslaagd", "", []),
        ("LE", D(2026, 12, 1), "B1", "Geslaagd", "", ["toekomst"]),
        ("LE", D(2026, 11, 1), "", "Gezakt", "", ["niveau_ontbreekt"]),
        ("KNM", D(2026, 11, 1), "", "Geslaagd", "", []),
        ("KNM", D(2026, 11, 1), "B1", "Geslaagd", "", ["knm_niveau"]),
        ("SP", D(2026, 11, 1), "", "Geen", "", ["reden_ontbreekt"]),
        ("SP", D(2026, 11, 1), "", "Geen", "Absent", []),
        ("SP", D(2026, 11, 1), "A2", "Gezakt", "Absent", ["reden_bij_resultaat"]),
    ],
)
def test_an_exam_result_is_complete_and_after_the_exam(onderdeel, datum, niveau, resultaat, reden, codes):
    fouten = regels.examen_overtredingen(
        onderdeel=onderdeel, examendatum=datum, vandaag=D(2026, 11, 23), niveau=niveau, resultaat=resultaat, reden=reden
    )
    assert _codes(fouten) == codes


ALLE_B1 = {"LE": "B1", "LU": "B1", "SC": "B2", "SP": "B1", "KNM": ""}


@pytest.mark.parametrize(
    ("leerroute", "niveau", "knm", "behaald", "afgerond", "ontbreekt"),
    [
        ("B", "", True, ALLE_B1, {"map", "pvt"}, 0),
        ("B", "", True, ALLE_B1, {"pvt"}, 1),
        ("B", "", True, {**ALLE_B1, "LE": "A2"}, {"map", "pvt"}, 1),
        ("B", "A2", True, {**ALLE_B1, "LE": "A2"}, {"map", "pvt"}, 0),
        ("B", "", False, {k: v for k, v in ALLE_B1.items() if k != "KNM"}, {"map", "pvt"}, 0),
        ("B", "", True, {k: v for k, v in ALLE_B1.items() if k != "KNM"}, {"map", "pvt"}, 1),
        ("B", "", True, {}, set(), 7),
        ("Z", "", True, {}, {"map", "pvt", "z_route"}, 0),
        ("Z", "", True, {}, {"map", "pvt"}, 1),
        ("O", "", True, {}, {"pvt", "onderwijsroute"}, 0),
        ("O", "", True, {}, {"onderwijsroute"}, 1),
    ],
)
def test_the_plicht_is_met_when_the_route_results_and_map_and_pvt_are_in(
    leerroute, niveau, knm, behaald, afgerond, ontbreekt
):
    lijst = regels.wat_ontbreekt(leerroute=leerroute, niveau=niveau, met_knm=knm, behaald=behaald, afgerond=afgerond)
    assert len(lijst) == ontbreekt


NORMEN = Normen(z_taal=800, z_participatie=800, map_les=64, map_praktijk=40, pvt_workshops=12)


@pytest.mark.parametrize(
    ("onderdeel", "praktijk", "workshops", "excursie", "codes"),
    [
        ("map", 40, 0, False, []),
        ("map", 39, 0, False, ["map_te_weinig_praktijk"]),
        ("pvt", 0, 12, True, []),
        ("pvt", 0, 11, True, ["pvt_te_weinig_workshops"]),
        ("pvt", 0, 12, False, ["pvt_geen_excursie"]),
        ("z_route", 0, 0, False, []),
    ],
)
def test_map_and_pvt_are_passed_only_after_their_minimum_hours(onderdeel, praktijk, workshops, excursie, codes):
    fouten = regels.minimum_uren_overtredingen(
        onderdeel=onderdeel, praktijkuren=praktijk, workshopuren=workshops, excursie=excursie, normen=NORMEN
    )
    assert _codes(fouten) == codes


def _spec(naam):
    with open(settings.DUO_SPEC_DIR / naam) as bestand:
        return yaml.safe_load(bestand)["components"]["schemas"]


def test_it_uses_duos_own_codes_for_exams_and_verwijtbaarheid():
    examen = _spec("Examen.openapi.yml")
    assert Examenonderdeel.values == examen["ExamenonderdeelWI2021Inburgering"]["enum"]
    assert Examenniveau.values == examen["ExamenniveauWI2021"]["enum"]
    assert Examenresultaat.values == examen["ExamenresultaatWI2021"]["enum"]
    assert RedenGeenResultaat.values == examen["RedenGeenResultaatInburgeringsexamen"]["enum"]
    assert Verwijtbaar.values == _spec("MAP-PVT-Zroute.openapi.yml")["InburgeringJaNeeType"]["enum"]
