"""Table tests of the deadline rules (inburgering/termijnen.py): no database, no clock."""

import datetime

import pytest

from inburgering.termijnen import Deadline, Feiten, Normen, Soort, bereken, onbekend

D = datetime.date
ASIEL = "Asielstatushouder"
GEZIN = "Gezinsvormer"


def feiten(**kwargs) -> Feiten:
    return Feiten(**{"fase": "intake", "doelgroep": ASIEL, **kwargs})


def een(soort, f, normen=None) -> Deadline | None:
    gevonden = [d for d in bereken(f, normen) if d.soort == soort]
    assert len(gevonden) <= 1
    return gevonden[0] if gevonden else None


@pytest.mark.parametrize(
    ("kwargs", "start", "uiterste", "voldaan", "opgeschort"),
    [
        # the later of kennisgeving and vestiging; 10 weeks = 70 days
        (
            {"datum_kennisgeving": D(2026, 1, 5), "datum_vestiging": D(2026, 2, 1)},
            D(2026, 2, 1),
            D(2026, 4, 13),  # 10 weeks end on Sunday 12 April: the Atw runs them on to Monday
            None,
            False,
        ),
        (
            {"datum_kennisgeving": D(2026, 3, 1), "datum_vestiging": D(2026, 2, 1)},
            D(2026, 3, 1),
            D(2026, 5, 11),  # Sunday 10 May, so Monday
            None,
            False,
        ),
        # across a leap day
        (
            {"datum_kennisgeving": D(2028, 2, 1), "datum_vestiging": D(2028, 1, 1)},
            D(2028, 2, 1),
            D(2028, 4, 11),
            None,
            False,
        ),
        # across the year end
        (
            {"datum_kennisgeving": D(2026, 12, 1), "datum_vestiging": D(2026, 11, 1)},
            D(2026, 12, 1),
            D(2027, 2, 9),
            None,
            False,
        ),
        # DUO's SS139 restart moves the start when it is later
        (
            {
                "datum_kennisgeving": D(2026, 1, 5),
                "datum_vestiging": D(2026, 1, 5),
                "datum_pip_termijn_herstart": D(2026, 6, 1),
            },
            D(2026, 6, 1),
            D(2026, 8, 10),
            None,
            False,
        ),
        # the restart alone is enough (e.g. left COA, kennisgeving not yet recorded)
        ({"datum_pip_termijn_herstart": D(2026, 6, 1)}, D(2026, 6, 1), D(2026, 8, 10), None, False),
        # met by the first PIP
        (
            {"datum_kennisgeving": D(2026, 1, 5), "datum_vestiging": D(2026, 1, 5), "datum_eerste_pip": D(2026, 3, 2)},
            D(2026, 1, 5),
            D(2026, 3, 16),
            D(2026, 3, 2),
            False,
        ),
        # waiting for third parties, information not yet in: suspended, normal date shown
        (
            {
                "datum_kennisgeving": D(2026, 1, 5),
                "datum_vestiging": D(2026, 1, 5),
                "wacht_op_derden_sinds": D(2026, 2, 1),
            },
            D(2026, 1, 5),
            D(2026, 3, 16),
            None,
            True,
        ),
        # information arrived late: 2 weeks after it arrived
        (
            {
                "datum_kennisgeving": D(2026, 1, 5),
                "datum_vestiging": D(2026, 1, 5),
                "wacht_op_derden_sinds": D(2026, 2, 1),
                "informatie_derden_ontvangen_op": D(2026, 3, 10),
            },
            D(2026, 1, 5),
            D(2026, 3, 24),
            None,
            False,
        ),
        # information arrived early: the normal deadline stays (the later of the two)
        (
            {
                "datum_kennisgeving": D(2026, 1, 5),
                "datum_vestiging": D(2026, 1, 5),
                "wacht_op_derden_sinds": D(2026, 1, 10),
                "informatie_derden_ontvangen_op": D(2026, 1, 20),
            },
            D(2026, 1, 5),
            D(2026, 3, 16),
            None,
            False,
        ),
        # waiting that started after the deadline had passed extends nothing
        (
            {
                "datum_kennisgeving": D(2026, 1, 5),
                "datum_vestiging": D(2026, 1, 5),
                "wacht_op_derden_sinds": D(2026, 4, 1),
            },
            D(2026, 1, 5),
            D(2026, 3, 16),
            None,
            False,
        ),
        # once the PIP is there, waiting no longer suspends it
        (
            {
                "datum_kennisgeving": D(2026, 1, 5),
                "datum_vestiging": D(2026, 1, 5),
                "wacht_op_derden_sinds": D(2026, 2, 1),
                "datum_eerste_pip": D(2026, 3, 1),
            },
            D(2026, 1, 5),
            D(2026, 3, 16),
            D(2026, 3, 1),
            False,
        ),
    ],
)
def test_pip_vaststelling(kwargs, start, uiterste, voldaan, opgeschort):
    assert een(Soort.PIP_VASTSTELLING, feiten(**kwargs)) == Deadline(
        Soort.PIP_VASTSTELLING, start, uiterste, voldaan, opgeschort
    )


@pytest.mark.parametrize(
    ("kwargs", "ontbreekt"),
    [
        ({}, ("datum_kennisgeving", "datum_vestiging")),
        ({"datum_kennisgeving": D(2026, 1, 5)}, ("datum_vestiging",)),  # not yet settled in the gemeente
        ({"datum_vestiging": D(2026, 1, 5)}, ("datum_kennisgeving",)),  # no kennisgeving yet
    ],
)
def test_pip_vaststelling_is_unknown_and_names_what_is_missing_while_the_gemeente_works_the_case(kwargs, ontbreekt):
    for fase in ("intake", "pip"):
        assert een(Soort.PIP_VASTSTELLING, feiten(fase=fase, **kwargs)) == onbekend(Soort.PIP_VASTSTELLING, *ontbreekt)


@pytest.mark.parametrize("fase", ["aangemeld", "uitvoering"])
def test_pip_vaststelling_is_absent_before_the_intake_and_once_the_pip_is_fixed(fase):
    assert een(Soort.PIP_VASTSTELLING, feiten(fase=fase, datum_kennisgeving=D(2026, 1, 5))) is None


@pytest.mark.parametrize(
    ("eerste_pip", "duo", "start", "einde", "schakelen"),
    [
        # three years from the day after the dagtekening: the last day is the dagtekening three years on
        (D(2026, 3, 1), None, D(2026, 3, 2), D(2029, 3, 1), D(2027, 9, 1)),
        # a start on 29 February keeps its full three years: 29-2-2028 up to and including 28-2-2031
        (D(2028, 2, 28), None, D(2028, 2, 29), D(2031, 2, 28), D(2029, 8, 28)),
        # the first PIP dated on the last day of the year; 18 months on is clamped to 30 June
        (D(2026, 12, 31), None, D(2027, 1, 1), D(2029, 12, 31), D(2028, 6, 30)),
        # 18 months from 30 August lands in February of a leap year
        (D(2026, 8, 30), None, D(2026, 8, 31), D(2029, 8, 30), D(2028, 2, 29)),
        # DUO's end date (with an extension) wins as is, also on a Saturday; schakelen stays computed
        (D(2026, 3, 1), D(2029, 6, 2), D(2026, 3, 2), D(2029, 6, 2), D(2027, 9, 1)),
        # Three years is longer than the Algemene termijnenwet reaches (art. 4): a computed last day on a
        # Saturday stays there, as DUO's own dates do ...
        (D(2026, 6, 2), None, D(2026, 6, 3), D(2029, 6, 2), D(2027, 12, 2)),
        # ... and so does one on eerste Kerstdag; 18 months for schakelen likewise (a Sunday)
        (D(2026, 12, 25), None, D(2026, 12, 26), D(2029, 12, 25), D(2028, 6, 25)),
    ],
)
def test_inburgeringstermijn_schakelen_map_and_pvt(eerste_pip, duo, start, einde, schakelen):
    f = feiten(datum_eerste_pip=eerste_pip, datum_huidige_pip=eerste_pip, datum_einde_termijn_duo=duo)
    assert een(Soort.INBURGERINGSTERMIJN, f) == Deadline(Soort.INBURGERINGSTERMIJN, start, einde)
    assert een(Soort.SCHAKELEN, f) == Deadline(Soort.SCHAKELEN, start, schakelen)
    assert een(Soort.MAP_AFRONDING, f) == Deadline(Soort.MAP_AFRONDING, start, einde)
    assert een(Soort.PVT_AFRONDING, f) == Deadline(Soort.PVT_AFRONDING, start, einde)


def test_a_later_pip_never_moves_the_inburgeringstermijn():
    eerste = feiten(datum_eerste_pip=D(2026, 3, 1), datum_huidige_pip=D(2026, 3, 1))
    gewijzigd = feiten(datum_eerste_pip=D(2026, 3, 1), datum_huidige_pip=D(2027, 5, 20))
    for soort in (Soort.INBURGERINGSTERMIJN, Soort.SCHAKELEN, Soort.MAP_AFRONDING, Soort.PVT_AFRONDING):
        assert een(soort, eerste) == een(soort, gewijzigd)
    # but the voortgangsgesprek follows the current PIP
    assert een(Soort.VOORTGANGSGESPREK, gewijzigd).uiterste_datum == D(2027, 8, 20)


def test_map_and_pvt_are_met_when_done():
    f = feiten(datum_eerste_pip=D(2026, 3, 1), datum_map_afgerond=D(2027, 1, 10), datum_pvt_afgerond=D(2026, 9, 1))
    assert een(Soort.MAP_AFRONDING, f).voldaan_op == D(2027, 1, 10)
    assert een(Soort.PVT_AFRONDING, f).voldaan_op == D(2026, 9, 1)


def test_without_a_first_pip_there_is_no_inburgeringstermijn():
    f = feiten()
    for soort in (Soort.INBURGERINGSTERMIJN, Soort.SCHAKELEN, Soort.MAP_AFRONDING, Soort.PVT_AFRONDING):
        assert een(soort, f) is None


@pytest.mark.parametrize(
    ("huidige_pip", "laatste_gesprek", "maanden", "start", "uiterste"),
    [
        (D(2026, 3, 1), None, 3, D(2026, 3, 1), D(2026, 6, 1)),
        # a proposed date on Saturday 15 August moves back to Friday 14 August
        (D(2026, 3, 1), D(2026, 5, 15), 3, D(2026, 5, 15), D(2026, 8, 14)),
        # a gesprek before the current PIP: the PIP counts
        (D(2026, 3, 1), D(2026, 2, 1), 3, D(2026, 3, 1), D(2026, 6, 1)),
        # month end clamped: 30 Nov + 3 months = 28 Feb (not a leap year), 29 Feb in a leap year
        (D(2026, 11, 30), None, 3, D(2026, 11, 30), D(2027, 2, 26)),  # 28 Feb is a Sunday: Friday before
        (D(2027, 11, 30), None, 3, D(2027, 11, 30), D(2028, 2, 29)),
        # another gemeente norm
        (D(2026, 3, 31), None, 2, D(2026, 3, 31), D(2026, 5, 29)),  # Sunday 31 May: Friday 29 May
        (D(2026, 3, 31), None, 6, D(2026, 3, 31), D(2026, 9, 30)),
    ],
)
def test_voortgangsgesprek(huidige_pip, laatste_gesprek, maanden, start, uiterste):
    f = feiten(
        datum_eerste_pip=D(2026, 1, 1), datum_huidige_pip=huidige_pip, datum_laatste_voortgangsgesprek=laatste_gesprek
    )
    assert een(Soort.VOORTGANGSGESPREK, f, Normen(voortgangsgesprek_maanden=maanden)) == Deadline(
        Soort.VOORTGANGSGESPREK, start, uiterste
    )


def test_the_onderwijsroute_has_no_map_deadline_but_keeps_the_pvt():
    f = feiten(datum_eerste_pip=D(2026, 3, 1), datum_huidige_pip=D(2026, 3, 1), leerroute="O")
    soorten = {d.soort for d in bereken(f, Normen(), D(2026, 4, 1))}
    assert Soort.PVT_AFRONDING in soorten and Soort.MAP_AFRONDING not in soorten


def test_the_pips_own_frequency_wins_over_the_gemeentes_norm():
    f = feiten(datum_eerste_pip=D(2026, 1, 1), datum_huidige_pip=D(2026, 3, 1), voortgangsgesprek_maanden=2)
    assert een(Soort.VOORTGANGSGESPREK, f, Normen(voortgangsgesprek_maanden=3)).uiterste_datum == D(2026, 5, 1)


@pytest.mark.parametrize(
    ("bekendmaking", "start", "uiterste"),
    [
        (D(2026, 3, 2), D(2026, 3, 3), D(2026, 4, 13)),
        (D(2028, 2, 28), D(2028, 2, 29), D(2028, 4, 10)),
        (D(2026, 12, 31), D(2027, 1, 1), D(2027, 2, 11)),
    ],
)
def test_bezwaartermijn_is_six_weeks_from_the_day_after(bekendmaking, start, uiterste):
    d = een(Soort.BEZWAARTERMIJN, feiten(datum_laatste_bekendmaking=bekendmaking))
    assert d == Deadline(Soort.BEZWAARTERMIJN, start, uiterste)
    assert not d.te_laat_signaal


@pytest.mark.parametrize(
    ("bekendmaking", "uiterste"),
    [
        (D(2026, 3, 1), D(2026, 4, 13)),  # six weeks end on Sunday 12 April
        (D(2025, 3, 15), D(2025, 4, 28)),  # Saturday 26 April 2025 is Koningsdag, then Sunday
        (D(2026, 11, 13), D(2026, 12, 28)),  # Christmas on a Friday: Sat, Sun, then Monday
    ],
)
def test_bezwaartermijn_ending_on_a_weekend_or_holiday_runs_to_the_next_working_day(bekendmaking, uiterste):
    assert een(Soort.BEZWAARTERMIJN, feiten(datum_laatste_bekendmaking=bekendmaking)).uiterste_datum == uiterste


@pytest.mark.parametrize(
    ("kwargs", "weken", "verwacht"),
    [
        (
            {"doelgroep": ASIEL, "datum_koppeling": D(2026, 9, 1)},
            4,
            Deadline(Soort.BREDE_INTAKE_START, D(2026, 9, 1), D(2026, 9, 29)),
        ),
        (
            {"doelgroep": ASIEL, "datum_koppeling": D(2026, 9, 1), "datum_eerste_intakegesprek": D(2026, 9, 10)},
            4,
            Deadline(Soort.BREDE_INTAKE_START, D(2026, 9, 1), D(2026, 9, 29), D(2026, 9, 10)),
        ),
        (
            {"doelgroep": ASIEL, "datum_koppeling": D(2026, 9, 1)},
            6,
            Deadline(Soort.BREDE_INTAKE_START, D(2026, 9, 1), D(2026, 10, 13)),
        ),
        # others start at DUO's kennisgeving, not the koppeling
        (
            {"doelgroep": GEZIN, "datum_koppeling": D(2026, 9, 1), "datum_kennisgeving": D(2026, 10, 1)},
            4,
            Deadline(Soort.BREDE_INTAKE_START, D(2026, 10, 1), D(2026, 10, 29)),
        ),
        # Never silent: without DUO's kennisgeving the gezinsmigrant's deadline is unknown, and says why.
        (
            {"doelgroep": GEZIN, "datum_koppeling": D(2026, 9, 1)},
            4,
            onbekend(Soort.BREDE_INTAKE_START, "datum_kennisgeving"),
        ),
        # Held already: nothing to warn about.
        ({"doelgroep": GEZIN, "datum_eerste_intakegesprek": D(2026, 9, 10), "datum_koppeling": D(2026, 9, 1)}, 4, None),
    ],
)
def test_brede_intake_start(kwargs, weken, verwacht):
    assert een(Soort.BREDE_INTAKE_START, feiten(**kwargs), Normen(brede_intake_weken=weken)) == verwacht


@pytest.mark.parametrize(
    ("kwargs", "verwacht"),
    [
        ({}, None),
        (
            {"datum_start_ontzorgen": D(2026, 8, 31), "datum_gepland_einde_ontzorgen": D(2027, 2, 28)},
            Deadline(Soort.ONTZORGEN_EINDE, D(2026, 8, 31), D(2027, 2, 28)),
        ),
        (
            {
                "datum_start_ontzorgen": D(2026, 8, 31),
                "datum_gepland_einde_ontzorgen": D(2027, 2, 28),
                "datum_einde_ontzorgen": D(2027, 1, 15),
            },
            Deadline(Soort.ONTZORGEN_EINDE, D(2026, 8, 31), D(2027, 2, 28), D(2027, 1, 15)),
        ),
    ],
)
def test_ontzorgen_einde(kwargs, verwacht):
    assert een(Soort.ONTZORGEN_EINDE, feiten(**kwargs)) == verwacht


VOL = {
    "datum_koppeling": D(2026, 1, 1),
    "datum_kennisgeving": D(2026, 1, 2),
    "datum_vestiging": D(2026, 1, 3),
    "datum_eerste_pip": D(2026, 3, 1),
    "datum_huidige_pip": D(2026, 3, 1),
    "datum_laatste_bekendmaking": D(2026, 3, 1),
    "datum_start_ontzorgen": D(2026, 1, 3),
    "datum_gepland_einde_ontzorgen": D(2026, 7, 3),
}


def test_a_dossier_with_all_facts_has_one_deadline_of_each_soort():
    assert [d.soort for d in bereken(feiten(**VOL))] == [
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
    ]


@pytest.mark.parametrize("fase", ["afgerond", "uitgeschreven"])
def test_an_ended_dossier_has_no_deadlines(fase):
    assert bereken(feiten(fase=fase, **VOL)) == []


def test_facts_are_read_from_a_dossier_without_a_query():
    class Dossier:
        pass

    dossier = Dossier()
    for naam in Feiten.velden():
        setattr(dossier, naam, None)
    dossier.fase, dossier.doelgroep, dossier.datum_koppeling = "intake", ASIEL, D(2026, 9, 1)
    dossier.regime = "wi2021"
    assert Feiten.van(dossier) == feiten(fase="intake", datum_koppeling=D(2026, 9, 1))


@pytest.mark.parametrize(
    ("vandaag", "bezwaar_voldaan", "schakelen_voldaan"),
    [
        (D(2026, 4, 13), None, None),  # the last day of the bezwaartermijn (Sunday 12 April moves on): still open
        (D(2026, 4, 14), D(2026, 4, 13), None),  # passed without bezwaar
        (D(2027, 9, 2), D(2026, 4, 13), D(2027, 9, 1)),  # and schakelen is no longer possible
    ],
)
def test_deadlines_whose_passing_is_no_failure_are_met_once_passed(vandaag, bezwaar_voldaan, schakelen_voldaan):
    f = feiten(datum_eerste_pip=D(2026, 3, 1), datum_laatste_bekendmaking=D(2026, 3, 1))
    deadlines = {d.soort: d for d in bereken(f, vandaag=vandaag)}
    assert deadlines[Soort.BEZWAARTERMIJN].voldaan_op == bezwaar_voldaan
    assert deadlines[Soort.SCHAKELEN].voldaan_op == schakelen_voldaan
    assert deadlines[Soort.INBURGERINGSTERMIJN].voldaan_op is None  # a failure when passed: never met by time


@pytest.mark.parametrize(
    ("fase", "intake", "pip"),
    [("aangemeld", True, True), ("intake", True, True), ("pip", False, True), ("uitvoering", False, False)],
)
def test_a_dossier_past_a_fact_without_its_date_gets_no_false_overdue_deadline(fase, intake, pip):
    f = feiten(
        fase=fase, datum_koppeling=D(2024, 1, 1), datum_kennisgeving=D(2024, 1, 2), datum_vestiging=D(2024, 1, 3)
    )
    assert (een(Soort.BREDE_INTAKE_START, f) is not None) == intake
    assert (een(Soort.PIP_VASTSTELLING, f) is not None) == pip


# Wi2021 art. 12: DUO extends the termijn on a request made from 2.5 years into it, so the gemeente is
# reminded six months before its end.
@pytest.mark.parametrize(
    ("kwargs", "vandaag", "uiterste", "voldaan"),
    [
        ({"datum_eerste_pip": D(2025, 3, 3)}, D(2026, 11, 23), D(2027, 9, 3), None),
        # the termijn ends 31 August 2028; six months before is clamped to the end of February
        ({"datum_eerste_pip": D(2025, 8, 31)}, D(2026, 11, 23), D(2028, 2, 29), None),
        # DUO's end date (with its extensions) wins
        (
            {"datum_eerste_pip": D(2025, 3, 3), "datum_einde_termijn_duo": D(2028, 9, 3)},
            D(2026, 11, 23),
            D(2028, 3, 3),
            None,
        ),
        # passing it is no failure: met on its date
        ({"datum_eerste_pip": D(2025, 3, 3)}, D(2027, 9, 4), D(2027, 9, 3), D(2027, 9, 3)),
    ],
)
def test_verlenging_termijn_is_due_six_months_before_the_termijn_ends(kwargs, vandaag, uiterste, voldaan):
    (deadline,) = [
        d for d in bereken(feiten(fase="uitvoering", **kwargs), vandaag=vandaag) if d.soort == Soort.VERLENGING_TERMIJN
    ]
    assert (deadline.startdatum, deadline.uiterste_datum, deadline.voldaan_op) == (
        kwargs["datum_eerste_pip"] + datetime.timedelta(days=1),
        uiterste,
        voldaan,
    )
    assert not deadline.te_laat_signaal


def test_verlenging_termijn_goes_when_the_dossier_is_afgerond():
    assert een(Soort.VERLENGING_TERMIJN, feiten(fase="afgerond", datum_eerste_pip=D(2025, 3, 3))) is None


# DUO's tijdelijke vrijstelling from 1 December 2026 to 1 June 2027, both inclusive: 183 days.
PAUZE = {
    "fase": "uitvoering",
    "datum_eerste_pip": D(2025, 3, 3),  # termijn to 3 March 2028, verlenging due 3 September 2027
    "datum_huidige_pip": D(2025, 3, 3),
    "datum_laatste_voortgangsgesprek": D(2026, 11, 1),  # next one due 1 February 2027
    "datum_laatste_bekendmaking": D(2026, 11, 20),  # bezwaartermijn to 4 January 2027 (Atw)
    "duo_opschorting_van": D(2026, 12, 1),
    "duo_opschorting_tot": D(2027, 6, 1),
}


@pytest.mark.parametrize(
    ("soort", "extra", "vandaag", "uiterste", "opgeschort"),
    [
        # before the pause: the new date is known already, reminders still run
        (Soort.INBURGERINGSTERMIJN, {}, D(2026, 11, 23), D(2028, 9, 2), False),
        # within the pause (its first and last day included): suspended
        (Soort.INBURGERINGSTERMIJN, {}, D(2026, 12, 1), D(2028, 9, 2), True),
        (Soort.INBURGERINGSTERMIJN, {}, D(2027, 6, 1), D(2028, 9, 2), True),
        # after it: running again, 183 days later
        (Soort.INBURGERINGSTERMIJN, {}, D(2027, 6, 2), D(2028, 9, 2), False),
        (Soort.VOORTGANGSGESPREK, {}, D(2027, 3, 1), D(2027, 8, 3), True),
        # 3 September 2027 + 183 days is Saturday 4 March 2028: a reminder, so the Friday before
        (Soort.VERLENGING_TERMIJN, {}, D(2027, 3, 1), D(2028, 3, 3), True),
        (Soort.MAP_AFRONDING, {}, D(2027, 7, 1), D(2028, 9, 2), False),
        # the bezwaartermijn of the Awb runs on
        (Soort.BEZWAARTERMIJN, {}, D(2026, 12, 15), D(2027, 1, 4), False),
        # schakelen had passed before the pause (3 September 2026): not moved
        (Soort.SCHAKELEN, {}, D(2026, 11, 23), D(2026, 9, 3), False),
        # DUO's own end date holds its decision: suspended, not moved again
        (Soort.INBURGERINGSTERMIJN, {"datum_einde_termijn_duo": D(2028, 3, 3)}, D(2027, 1, 1), D(2028, 3, 3), True),
        (Soort.PVT_AFRONDING, {"datum_einde_termijn_duo": D(2028, 3, 3)}, D(2027, 7, 1), D(2028, 3, 3), False),
        # a pause without an end date: suspended from its first day on, no new date yet
        (Soort.INBURGERINGSTERMIJN, {"duo_opschorting_tot": None}, D(2027, 7, 1), D(2028, 3, 3), True),
    ],
)
def test_duos_temporary_exemption_pauses_the_running_deadlines(soort, extra, vandaag, uiterste, opgeschort):
    (deadline,) = [
        d for d in bereken(Feiten(**{"doelgroep": ASIEL, **PAUZE, **extra}), vandaag=vandaag) if d.soort == soort
    ]
    assert (deadline.uiterste_datum, deadline.opgeschort) == (uiterste, opgeschort)


def test_a_deadline_met_before_the_pause_stays_as_it_was():
    f = Feiten(
        **{**PAUZE, "doelgroep": ASIEL, "datum_map_afgerond": D(2026, 6, 1)},
    )
    (deadline,) = [d for d in bereken(f, vandaag=D(2027, 1, 1)) if d.soort == Soort.MAP_AFRONDING]
    assert (deadline.uiterste_datum, deadline.voldaan_op, deadline.opgeschort) == (D(2028, 3, 3), D(2026, 6, 1), False)
