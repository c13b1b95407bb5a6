"""Suppression of small numbers, without a database: the rules in inburgering/rapportage/onderdrukking.py."""

from inburgering.rapportage.onderdrukking import cellen
from inburgering.rapportage.rijen import AANTAL, DAGEN, PERCENTAGE, UREN, Rij


def _tekst(soort, waarden, basis=None):
    rij = Rij("x", soort, dict(zip(["asiel", "gezin", "overig", "totaal"], waarden, strict=True)))
    if basis:
        rij.basis = dict(zip(["asiel", "gezin", "overig", "totaal"], basis, strict=True))
    return [cel.tekst for cel in cellen(rij)]


def test_it_shows_counts_of_1_to_4_as_less_than_five_and_keeps_0_and_5():
    assert _tekst(AANTAL, [5, 0, 5, 10]) == ["5", "0", "5", "10"]
    assert _tekst(AANTAL, [4, 3, 0, 7]) == ["<5", "<5", "0", "7"]
    assert _tekst(AANTAL, [0, 0, 1, 1]) == ["0", "0", "<5", "<5"]


def test_it_hides_a_second_cell_so_the_total_does_not_give_a_small_one_away():
    # 12 - 10 would reveal gezin's 2: the smallest other non-zero cell goes too.
    assert _tekst(AANTAL, [10, 2, 0, 12]) == ["<5", "<5", "0", "12"]
    assert _tekst(AANTAL, [10, 2, 7, 19]) == ["10", "<5", "<5", "19"]


def test_percentages_and_medians_on_fewer_than_five_persons_are_hidden():
    assert _tekst(PERCENTAGE, [4, 0, 5, 9], basis=[4, 0, 10, 14]) == ["<5", "–", "50%", "64%"]
    assert _tekst(PERCENTAGE, [2, 0, 0, 2], basis=[6, 0, 0, 6]) == ["<5", "–", "–", "<5"]
    assert _tekst(DAGEN, [12.5, None, 30, 20], basis=[6, 0, 3, 9]) == ["12,5", "–", "<5", "20"]
    assert _tekst(UREN, [100, 3, 0, 103], basis=[5, 1, 0, 6]) == ["100", "<5", "–", "103"]
