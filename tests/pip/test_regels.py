"""DUO's rules for a PIP and the rules of a wijzigingsbeschikking, as tables."""

import datetime

import pytest

from pip import regels

D = datetime.date


@pytest.mark.parametrize(
    ("leerroute", "niveau", "eerste", "asiel", "intensiteit", "codes"),
    [
        ("B", "", True, True, None, []),
        ("B", "B1", True, True, 800, []),
        ("B", "A2", True, True, None, ["a2_eerste_pip"]),
        ("B", "A2", False, True, None, []),
        ("O", "", True, False, None, []),
        ("O", "B1", False, False, None, []),
        ("O", "A2", False, False, None, ["a2_onderwijsroute"]),
        ("Z", "", True, True, None, []),
        ("Z", "B1", True, True, None, ["niveau_z_route"]),
        ("Z", "A2", False, True, None, ["niveau_z_route"]),
        ("B", "", True, False, 600, ["intensiteit_geen_asielstatushouder"]),
        ("O", "", True, True, 600, ["intensiteit_andere_route"]),
        ("Z", "", True, True, 600, ["intensiteit_andere_route"]),
        ("B", "", True, True, 0, ["intensiteit_bereik"]),
        ("B", "", True, True, 10000, ["intensiteit_bereik"]),
    ],
)
def test_duo_route_niveau_and_intensiteit_rules(leerroute, niveau, eerste, asiel, intensiteit, codes):
    fouten = regels.inhoud_overtredingen(
        leerroute=leerroute,
        niveau=niveau,
        is_eerste_pip=eerste,
        is_asielstatushouder=asiel,
        geschatte_intensiteit_b1=intensiteit,
    )
    assert [f.code for f in fouten] == codes
    assert all(f.veld in ("niveau", "geschatte_intensiteit_b1") and f.tekst for f in fouten)


@pytest.mark.parametrize(
    ("leerroute", "niveau", "effectief"),
    [("B", "", "B1"), ("O", "", "B1"), ("B", "A2", "A2"), ("Z", "", "")],
)
def test_no_niveau_means_b1_except_on_the_z_route(leerroute, niveau, effectief):
    assert regels.effectief_niveau(leerroute, niveau) == effectief


@pytest.mark.parametrize(
    ("dagtekening", "kennisgeving", "vestiging", "eerste", "huidige", "codes", "begin_plicht"),
    [
        (D(2026, 11, 2), D(2026, 9, 1), D(2026, 9, 15), None, None, [], None),
        (D(2026, 11, 24), None, None, None, None, ["toekomst"], None),
        (D(2026, 8, 31), D(2026, 9, 1), None, None, None, ["voor_kennisgeving"], None),
        (D(2026, 9, 14), D(2026, 9, 1), D(2026, 9, 15), None, None, ["voor_vestiging"], None),
        (D(2026, 10, 1), None, None, D(2026, 10, 2), D(2026, 10, 2), ["voor_eerste_pip", "voor_huidige_pip"], None),
        (D(2026, 10, 5), None, None, D(2026, 10, 2), D(2026, 10, 10), ["voor_huidige_pip"], None),
        (D(2026, 10, 10), None, None, D(2026, 10, 2), D(2026, 10, 10), [], None),
        # DUO's begindatum of the plicht, when DUO gave one, is the start; the kennisgeving only without it
        (D(2026, 8, 31), D(2026, 9, 1), None, None, None, [], D(2026, 8, 20)),
        (D(2026, 8, 19), D(2026, 9, 1), None, None, None, ["voor_begin_plicht"], D(2026, 8, 20)),
        (D(2026, 9, 2), D(2026, 9, 1), None, None, None, ["voor_begin_plicht"], D(2026, 9, 10)),
        (D(2026, 8, 20), None, None, None, None, [], D(2026, 8, 20)),
    ],
)
def test_duo_dagtekening_rules(dagtekening, kennisgeving, vestiging, eerste, huidige, codes, begin_plicht):
    fouten = regels.dagtekening_overtredingen(
        dagtekening=dagtekening,
        vandaag=D(2026, 11, 23),
        datum_kennisgeving=kennisgeving,
        datum_vestiging=vestiging,
        datum_eerste_pip=eerste,
        datum_huidige_pip=huidige,
        duo_begindatum_plicht=begin_plicht,
    )
    assert [f.code for f in fouten] == codes
    assert {f.veld for f in fouten} <= {"dagtekening"}


GRONDEN = {"afschalen_gronden": (True, True)}


def _wijziging(**kwargs):
    args = {
        "reden": "omstandigheden",
        "vorige_leerroute": "B",
        "vorige_niveau": "",
        "leerroute": "B",
        "niveau": "",
        "datum_eerste_pip": D(2026, 1, 10),
        "dagtekening": D(2026, 11, 2),
        "schakelen_maanden": 18,
        "gevolgde_lesuren": None,
        "minimum_lesuren": 600,
        "afschalen_motivatie": "",
    }
    return [f.code for f in regels.wijziging_overtredingen(**{**args, **kwargs})]


@pytest.mark.parametrize(
    ("kwargs", "codes"),
    [
        ({}, []),
        ({"reden": ""}, ["reden_ontbreekt"]),
        ({"reden": "schakelen", "leerroute": "Z"}, []),
        # termijn starts 11-01-2026; 18 months later is 11-07-2027
        # termijn from 11-1-2026: 18 months up to and including 10-7-2027, as the deadlines count
        ({"reden": "schakelen", "leerroute": "Z", "dagtekening": D(2027, 7, 10)}, []),
        ({"reden": "schakelen", "leerroute": "Z", "dagtekening": D(2027, 7, 11)}, ["schakelen_te_laat"]),
        ({"reden": "schakelen"}, ["schakelen_zelfde_route"]),
        ({"reden": "verhuizing", "leerroute": "Z"}, ["route_zonder_schakelen"]),
        ({"reden": "verhuizing"}, []),
        ({"reden": "omstandigheden", "leerroute": "O"}, ["route_zonder_schakelen"]),
        # afschalen (Besluit art. 5.5): both grounds and a motivation, whatever the lesuren
        ({"reden": "afschalen", "niveau": "A2", **GRONDEN, "afschalen_motivatie": "Ruim 650 uur gevolgd."}, []),
        ({"reden": "afschalen", "niveau": "A2", **GRONDEN}, ["afschalen_motivatie_ontbreekt"]),
        (
            {"reden": "afschalen", "niveau": "A2", "gevolgde_lesuren": 900},
            ["afschalen_b1_haalbaar", "afschalen_geen_inspanning", "afschalen_motivatie_ontbreekt"],
        ),
        (
            {"reden": "afschalen", "niveau": "A2", "afschalen_gronden": (True, False), "afschalen_motivatie": "x"},
            ["afschalen_geen_inspanning"],
        ),
        (
            {"reden": "afschalen", "niveau": "A2", "afschalen_gronden": (False, True), "afschalen_motivatie": "x"},
            ["afschalen_b1_haalbaar"],
        ),
        (
            {"reden": "afschalen", "niveau": "A2", **GRONDEN, "afschalen_motivatie": "x", "gevolgde_lesuren": 599},
            ["afschalen_te_weinig_lesuren"],
        ),
        ({"reden": "afschalen", "niveau": "A2", **GRONDEN, "afschalen_motivatie": "x", "gevolgde_lesuren": 600}, []),
        ({"reden": "afschalen", "niveau": "B1", **GRONDEN, "afschalen_motivatie": "x"}, ["afschalen_niet_b1_naar_a2"]),
        ({"reden": "omstandigheden", "niveau": "A2"}, ["a2_zonder_afschalen"]),
    ],
)
def test_wijziging_rules(kwargs, codes):
    assert _wijziging(**kwargs) == codes


def test_the_termijn_starts_the_day_after_the_first_dagtekening():
    assert regels.termijn_start(D(2026, 12, 31)) == D(2027, 1, 1)
    assert regels.termijn_start(None) is None


@pytest.mark.parametrize(
    ("pip", "laatste", "afgesproken", "volgende"),
    [
        (D(2026, 1, 31), None, None, D(2026, 4, 30)),
        # a proposal: Saturday 1 August moves back to Friday 31 July ...
        (D(2026, 1, 31), D(2026, 5, 1), None, D(2026, 7, 31)),
        # ... and Sunday 7 March 2027 to Friday 5 March
        (D(2026, 12, 7), None, None, D(2027, 3, 5)),
        (D(2026, 1, 31), D(2026, 5, 1), D(2026, 6, 1), D(2026, 6, 1)),
        # a date agreed in the gesprek stays, a Saturday too (the form warned)
        (D(2026, 1, 31), D(2026, 5, 1), D(2026, 8, 1), D(2026, 8, 1)),
        (None, None, None, None),
    ],
)
def test_the_next_voortgangsgesprek(pip, laatste, afgesproken, volgende):
    assert (
        regels.volgend_voortgangsgesprek(
            datum_huidige_pip=pip, laatste_gesprek=laatste, afgesproken=afgesproken, maanden=3
        )
        == volgende
    )
