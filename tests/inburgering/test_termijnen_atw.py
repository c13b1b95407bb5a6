"""Each period of the product against the table in docs/wet-inburgering.md, column "Atw": a period set by law of
at most three months runs on to the next working day (Atw art. 1, 4), a date the product proposes moves back to
the working day before, and every other last day stays where it falls."""

import datetime

import pytest

from inburgering.termijnen import ATW_VERLENGT, NAAR_WERKDAG_ERVOOR, Feiten, Normen, Soort, bereken

D = datetime.date
ASIEL = "Asielstatushouder"
ZATERDAG, ZONDAG = 5, 6


def uiterste(soort, vandaag=None, **feiten):
    f = Feiten(**{"fase": "uitvoering", "doelgroep": ASIEL, **feiten})
    (deadline,) = [d for d in bereken(f, Normen(), vandaag) if d.soort == soort]
    return deadline.uiterste_datum


def test_pip_vaststelling_runs_on_past_goede_vrijdag_easter_and_tweede_paasdag():
    # 10 weeks from Friday 23 January 2026 end on Goede Vrijdag, 3 April 2026 (Atw art. 3 lid 2)
    feiten = {"fase": "pip", "datum_kennisgeving": D(2026, 1, 23), "datum_vestiging": D(2026, 1, 23)}
    assert uiterste(Soort.PIP_VASTSTELLING, **feiten) == D(2026, 4, 7)


def test_pip_vaststelling_two_weeks_after_the_information_run_on_past_koningsdag():
    feiten = {
        "fase": "pip",
        "datum_kennisgeving": D(2026, 1, 23),
        "datum_vestiging": D(2026, 1, 23),
        "wacht_op_derden_sinds": D(2026, 4, 7),  # on the last day, after the Atw moved it: still in time
        "informatie_derden_ontvangen_op": D(2026, 4, 13),  # + 2 weeks: Koningsdag, Monday 27 April 2026
    }
    assert uiterste(Soort.PIP_VASTSTELLING, **feiten) == D(2026, 4, 28)


@pytest.mark.parametrize(
    ("bekendmaking", "verwacht", "waarom"),
    [
        (D(2026, 2, 20), D(2026, 4, 7), "Goede Vrijdag 2026, the weekend and tweede Paasdag"),
        (D(2027, 3, 26), D(2027, 5, 10), "7 May 2027, a day of the decree in force, then the weekend"),
        (D(2026, 11, 14), D(2026, 12, 28), "Saturday 26 December, tweede Kerstdag, then Sunday"),
    ],
)
def test_the_bezwaartermijn_runs_on_to_the_next_working_day(bekendmaking, verwacht, waarom):
    assert uiterste(Soort.BEZWAARTERMIJN, datum_laatste_bekendmaking=bekendmaking) == verwacht, waarom


def test_a_pause_moves_the_pip_deadline_first_and_the_atw_then_moves_the_new_last_day():
    # 10 weeks from 5 January 2026 end on Monday 16 March; DUO pauses 9-13 March (5 days): Saturday 21 March,
    # so Monday 23 March
    feiten = {
        "fase": "pip",
        "datum_kennisgeving": D(2026, 1, 5),
        "datum_vestiging": D(2026, 1, 5),
        "duo_opschorting_van": D(2026, 3, 9),
        "duo_opschorting_tot": D(2026, 3, 13),
    }
    assert uiterste(Soort.PIP_VASTSTELLING, vandaag=D(2026, 3, 1), **feiten) == D(2026, 3, 23)


def test_the_inburgeringstermijn_schakelen_map_and_pvt_stay_where_they_fall():
    # longer than three months: the Atw leaves them alone (art. 4), as DUO does with its own dates
    assert D(2029, 6, 2).weekday() == ZATERDAG and D(2027, 12, 5).weekday() == ZONDAG
    assert uiterste(Soort.INBURGERINGSTERMIJN, datum_eerste_pip=D(2026, 6, 2)) == D(2029, 6, 2)
    assert uiterste(Soort.MAP_AFRONDING, datum_eerste_pip=D(2026, 6, 2)) == D(2029, 6, 2)
    assert uiterste(Soort.PVT_AFRONDING, datum_eerste_pip=D(2026, 6, 2)) == D(2029, 6, 2)
    assert uiterste(Soort.SCHAKELEN, datum_eerste_pip=D(2026, 6, 5)) == D(2027, 12, 5)


def test_duos_own_dates_and_the_teams_own_dates_stay_as_given():
    assert D(2029, 6, 3).weekday() == ZONDAG
    wi2013 = {"regime": "wi2013", "datum_einde_termijn_duo": D(2029, 6, 3)}
    assert uiterste(Soort.INBURGERINGSTERMIJN, **wi2013) == D(2029, 6, 3)
    ontzorgen = {"datum_start_ontzorgen": D(2026, 9, 5), "datum_gepland_einde_ontzorgen": D(2027, 3, 6)}
    assert uiterste(Soort.ONTZORGEN_EINDE, **ontzorgen) == D(2027, 3, 6)  # a Saturday, as planned
    afspraak = {"datum_afspraak_overleg": D(2026, 12, 1), "datum_afspraak_uiterlijk": D(2026, 12, 26)}
    assert uiterste(Soort.AFSPRAAK_OVERLEG, **afspraak) == D(2026, 12, 26)  # as the team agreed (with a warning)


def test_the_next_voortgangsgesprek_is_proposed_on_the_working_day_before():
    # three months after the PIP of 7 December 2026: Sunday 7 March 2027, so Friday 5 March
    feiten = {"datum_eerste_pip": D(2026, 12, 7), "datum_huidige_pip": D(2026, 12, 7)}
    assert uiterste(Soort.VOORTGANGSGESPREK, **feiten) == D(2027, 3, 5)


def test_the_brede_intake_norm_is_proposed_before_christmas():
    # 4 weeks after the koppeling of Saturday 28 November 2026: tweede Kerstdag; eerste Kerstdag before it
    feiten = {"fase": "aangemeld", "datum_koppeling": D(2026, 11, 28)}
    assert uiterste(Soort.BREDE_INTAKE_START, **feiten) == D(2026, 12, 24)


def test_the_verlenging_reminder_is_proposed_on_the_working_day_before():
    # the termijn ends on Friday 9 March 2029; six months before is Saturday 9 September 2028
    assert uiterste(Soort.VERLENGING_TERMIJN, datum_eerste_pip=D(2026, 3, 9)) == D(2028, 9, 8)


def test_every_kind_of_deadline_has_its_place_in_the_table():
    # the docs' table names each; these two sets are the ones the code moves, the rest stay
    assert {Soort.PIP_VASTSTELLING, Soort.BEZWAARTERMIJN} == ATW_VERLENGT
    assert {Soort.VOORTGANGSGESPREK, Soort.BREDE_INTAKE_START, Soort.VERLENGING_TERMIJN} == NAAR_WERKDAG_ERVOOR
    assert not ATW_VERLENGT & NAAR_WERKDAG_ERVOOR
