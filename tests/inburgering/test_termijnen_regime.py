"""Table tests of the deadlines per regime and of the PIP-team's agreements (inburgering/termijnen.py)."""

import datetime

import pytest

from inburgering.termijnen import Feiten, Soort, bereken

D = datetime.date
ASIEL = "Asielstatushouder"

# A dossier's facts before the PIP (kennisgeving, vestiging, koppeling, ontzorgen); PIP adds a fixed one.
VOL = {
    "doelgroep": ASIEL,
    "datum_koppeling": D(2026, 1, 5),
    "datum_kennisgeving": D(2026, 1, 5),
    "datum_vestiging": D(2026, 1, 12),
    "datum_start_ontzorgen": D(2026, 2, 1),
    "datum_gepland_einde_ontzorgen": D(2026, 8, 1),
}
PIP = {
    "datum_eerste_pip": D(2026, 3, 2),
    "datum_huidige_pip": D(2026, 3, 2),
    "datum_laatste_bekendmaking": D(2026, 3, 2),
}
DUO = {"duo_startdatum_termijn": D(2021, 10, 1), "datum_einde_termijn_duo": D(2024, 10, 1)}


def soorten(**kwargs) -> set[Soort]:
    return {d.soort for d in bereken(Feiten(**kwargs))}


@pytest.mark.parametrize(
    ("regime", "fase", "extra", "verwacht"),
    [
        # Wi2021 in intake: the PIP's 10 weeks and the brede intake's norm run
        ("wi2021", "intake", {}, {Soort.PIP_VASTSTELLING, Soort.BREDE_INTAKE_START, Soort.ONTZORGEN_EINDE}),
        # Wi2013 in intake: neither; only what does not hang on a PIP, and DUO's termijn (unknown yet)
        ("wi2013", "intake", {}, {Soort.INBURGERINGSTERMIJN, Soort.ONTZORGEN_EINDE}),
        # Wi2021 in uitvoering: the termijn and everything derived from the PIP
        (
            "wi2021",
            "uitvoering",
            {"datum_eerste_intakegesprek": D(2026, 1, 20), **PIP},
            {
                Soort.PIP_VASTSTELLING,
                Soort.INBURGERINGSTERMIJN,
                Soort.SCHAKELEN,
                Soort.MAP_AFRONDING,
                Soort.PVT_AFRONDING,
                Soort.VERLENGING_TERMIJN,
                Soort.ONTZORGEN_EINDE,
                Soort.VOORTGANGSGESPREK,
                Soort.BEZWAARTERMIJN,
                Soort.BREDE_INTAKE_START,
            },
        ),
        # Wi2013 with DUO's termijn: only that termijn beside ontzorgen (no schakelen, MAP, PVT, verlenging)
        (
            "wi2013",
            "uitvoering",
            DUO,
            {Soort.INBURGERINGSTERMIJN, Soort.ONTZORGEN_EINDE},
        ),
        # a closed Wi2013 dossier has no deadlines, as under Wi2021
        ("wi2013", "afgerond", DUO, set()),
    ],
)
def test_the_regime_decides_which_deadlines_run(regime, fase, extra, verwacht):
    assert soorten(**{**VOL, "regime": regime, "fase": fase, **extra}) == verwacht


@pytest.mark.parametrize(
    ("extra", "start", "uiterste", "ontbreekt"),
    [
        # DUO's dates as given: its start of the termijn, its end
        (DUO, D(2021, 10, 1), D(2024, 10, 1), ()),
        # without DUO's start of the termijn: its start of the plicht
        (
            {"duo_begindatum_plicht": D(2021, 9, 1), "datum_einde_termijn_duo": D(2024, 9, 1)},
            D(2021, 9, 1),
            D(2024, 9, 1),
            (),
        ),
        # without either: the kennisgeving; DUO's end date is never computed by us
        ({"datum_einde_termijn_duo": D(2027, 1, 5)}, D(2026, 1, 5), D(2027, 1, 5), ()),
        # an end on a Sunday stays as DUO gave it (no Algemene termijnenwet on DUO's date)
        ({"datum_einde_termijn_duo": D(2027, 1, 3)}, D(2026, 1, 5), D(2027, 1, 3), ()),
        # DUO has not given its end date: the termijn runs, onbekend, naming what is missing
        ({}, None, None, ("datum_einde_termijn_duo",)),
    ],
)
def test_a_wi2013_dossier_follows_duos_inburgeringstermijn(extra, start, uiterste, ontbreekt):
    f = Feiten(**{**VOL, "regime": "wi2013", "fase": "uitvoering", **extra})
    (termijn,) = [d for d in bereken(f) if d.soort == Soort.INBURGERINGSTERMIJN]
    assert (termijn.startdatum, termijn.uiterste_datum, termijn.ontbreekt) == (start, uiterste, ontbreekt)


@pytest.mark.parametrize(
    ("regime", "afspraak", "verwacht"),
    [
        # no agreement with a due date: no deadline
        ("wi2021", {}, None),
        ("wi2021", {"datum_afspraak_overleg": D(2026, 11, 24)}, None),
        # the earliest open agreement: from the overleg to its due date
        (
            "wi2021",
            {"datum_afspraak_overleg": D(2026, 11, 24), "datum_afspraak_uiterlijk": D(2026, 12, 8)},
            (D(2026, 11, 24), D(2026, 12, 8), None),
        ),
        # every agreement done: met on the day the last was done
        (
            "wi2013",
            {
                "datum_afspraak_overleg": D(2026, 11, 24),
                "datum_afspraak_uiterlijk": D(2026, 12, 8),
                "datum_afspraak_nagekomen": D(2026, 12, 1),
            },
            (D(2026, 11, 24), D(2026, 12, 8), D(2026, 12, 1)),
        ),
    ],
)
def test_an_agreement_of_the_pip_team_is_a_deadline_under_both_regimes(regime, afspraak, verwacht):
    gevonden = [
        (d.startdatum, d.uiterste_datum, d.voldaan_op)
        for d in bereken(Feiten(fase="uitvoering", doelgroep=ASIEL, regime=regime, **afspraak))
        if d.soort == Soort.AFSPRAAK_OVERLEG
    ]
    assert gevonden == ([verwacht] if verwacht else [])


def test_duos_exemption_does_not_pause_an_agreement_of_the_pip_team():
    f = Feiten(
        fase="uitvoering",
        doelgroep=ASIEL,
        datum_afspraak_overleg=D(2026, 11, 24),
        datum_afspraak_uiterlijk=D(2026, 12, 8),
        duo_opschorting_van=D(2026, 11, 30),
        duo_opschorting_tot=D(2026, 12, 31),
    )
    (afspraak,) = [d for d in bereken(f, vandaag=D(2026, 12, 1)) if d.soort == Soort.AFSPRAAK_OVERLEG]
    assert (afspraak.uiterste_datum, afspraak.opgeschort) == (D(2026, 12, 8), False)
