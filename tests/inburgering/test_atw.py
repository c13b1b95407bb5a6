"""The Algemene termijnenwet as a table over several years' holidays (Atw art. 1 and 3)."""

import datetime

import pytest

from inburgering.atw import eerstvolgende_werkdag, feestdagen, is_werkdag, termijn_einde

D = datetime.date


@pytest.mark.parametrize(
    ("laatste_dag", "verwacht", "waarom"),
    [
        (D(2026, 3, 4), D(2026, 3, 4), "a Wednesday stays"),
        (D(2026, 3, 7), D(2026, 3, 9), "Saturday to Monday"),
        (D(2026, 3, 8), D(2026, 3, 9), "Sunday to Monday"),
        (D(2026, 1, 1), D(2026, 1, 2), "Nieuwjaarsdag (Thursday) to Friday"),
        (D(2022, 1, 1), D(2022, 1, 3), "Nieuwjaarsdag on a Saturday, then Sunday"),
        (D(2024, 4, 1), D(2024, 4, 2), "tweede Paasdag 2024"),
        (D(2025, 4, 21), D(2025, 4, 22), "tweede Paasdag 2025"),
        (D(2026, 4, 6), D(2026, 4, 7), "tweede Paasdag 2026"),
        (D(2025, 4, 18), D(2025, 4, 18), "Goede Vrijdag is no Atw holiday"),
        (D(2025, 4, 26), D(2025, 4, 28), "Koningsdag on 26 April because the 27th is a Sunday, then Sunday"),
        (D(2025, 4, 25), D(2025, 4, 25), "the Friday before that Koningsdag is a working day"),
        (D(2026, 4, 27), D(2026, 4, 28), "Koningsdag 2026 on a Monday"),
        (D(2026, 4, 26), D(2026, 4, 28), "26 April 2026 is a plain Sunday, 27 April Koningsdag"),
        (D(2027, 5, 5), D(2027, 5, 7), "5 mei (not a lustrum year), then Hemelvaartsdag, then Friday"),
        (D(2026, 5, 5), D(2026, 5, 6), "5 mei 2026 (Tuesday)"),
        (D(2025, 5, 29), D(2025, 5, 30), "Hemelvaartsdag 2025"),
        (D(2026, 5, 14), D(2026, 5, 15), "Hemelvaartsdag 2026"),
        (D(2027, 5, 6), D(2027, 5, 7), "Hemelvaartsdag 2027, the day after 5 mei"),
        (D(2025, 6, 9), D(2025, 6, 10), "tweede Pinksterdag 2025"),
        (D(2026, 5, 23), D(2026, 5, 26), "Saturday, Sunday, tweede Pinksterdag 2026, then Tuesday"),
        (D(2026, 12, 25), D(2026, 12, 28), "Christmas on a Friday: Saturday and Sunday too, then Monday"),
        (D(2027, 12, 25), D(2027, 12, 27), "Christmas on a Saturday, tweede Kerstdag on Sunday: Monday"),
        (D(2024, 12, 24), D(2024, 12, 24), "Christmas Eve is a working day"),
        (D(2024, 12, 25), D(2024, 12, 27), "both Kerstdagen, then Friday"),
    ],
)
def test_a_last_day_on_a_weekend_or_holiday_moves_to_the_next_working_day(laatste_dag, verwacht, waarom):
    assert termijn_einde(laatste_dag) == verwacht, waarom
    assert eerstvolgende_werkdag(laatste_dag) == verwacht


def test_koningsdag_is_27_april_unless_that_is_a_sunday():
    assert D(2025, 4, 26) in feestdagen(2025) and D(2025, 4, 27) not in feestdagen(2025)
    assert D(2030, 4, 27) in feestdagen(2030)
    assert D(2031, 4, 26) in feestdagen(2031) and D(2031, 4, 27) not in feestdagen(2031)


def test_a_year_has_the_eight_holidays_of_the_atw():
    assert len(feestdagen(2026)) == 8
    assert all(not is_werkdag(dag) for dag in feestdagen(2026))
