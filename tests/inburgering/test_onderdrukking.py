"""Suppression of small numbers: the rules in inburgering/rapportage/onderdrukking.py, cell by cell without a
database, and over every registered indicator's rows with a checker that tries to work hidden cells back."""

import datetime
import random
from decimal import Decimal

import pytest

from inburgering.rapportage import Selectie, indicatoren
from inburgering.rapportage.onderdrukking import AFGESCHERMD, ONDERDRUKT, cellen, onderdruk
from inburgering.rapportage.rijen import AANTAL, DAGEN, KOLOMMEN, PERCENTAGE, TOTAAL, UREN, Rij

KOLOMNAMEN = [kolom for kolom, _label in KOLOMMEN]
GROEPEN = [kolom for kolom in KOLOMNAMEN if kolom != TOTAAL]


def _rij(soort, waarden, basis=None, **kwargs):
    rij = Rij("x", soort, dict(zip(KOLOMNAMEN, waarden, strict=True)), **kwargs)
    if basis:
        rij.basis = dict(zip(KOLOMNAMEN, basis, strict=True))
    return rij


def _tekst(soort, waarden, basis=None):
    return [cel.tekst for cel in cellen(_rij(soort, waarden, basis))]


def test_it_shows_counts_of_1_to_4_as_less_than_five_and_keeps_0_and_5():
    assert _tekst(AANTAL, [5, 0, 5, 10]) == ["5", "0", "5", "10"]
    assert _tekst(AANTAL, [4, 3, 0, 7]) == ["<5", "<5", "0", "7"]
    assert _tekst(AANTAL, [0, 0, 1, 1]) == ["0", "0", "<5", "<5"]


def test_a_cell_hidden_so_that_the_total_does_not_give_a_small_one_away_shows_its_own_sign():
    # 12 - 10 would reveal gezin's 2: the smallest other non-zero cell goes too, as "×", not as an untrue "<5".
    assert _tekst(AANTAL, [10, 2, 0, 12]) == [AFGESCHERMD, "<5", "0", "12"]
    assert _tekst(AANTAL, [10, 2, 7, 19]) == ["10", "<5", AFGESCHERMD, "19"]
    # The row: 29 | 3 | 9 | 41 read "29 | <5 | <5 | 41", two cells of at most 4 adding up to 12.
    assert _tekst(AANTAL, [29, 3, 9, 41]) == ["29", "<5", AFGESCHERMD, "41"]


def test_two_hidden_cells_that_could_only_be_1_and_5_hide_a_third():
    # 35 - 29 = 6 = "<5" + "×" leaves only 1 + 5 (a "×" count is 0 or at least 5): the 29 goes too.
    assert _tekst(AANTAL, [29, 1, 5, 35]) == [AFGESCHERMD, "<5", AFGESCHERMD, "35"]
    # Two "<5" that add up to 2 can only be 1 and 1.
    assert _tekst(AANTAL, [1, 1, 10, 12]) == ["<5", "<5", AFGESCHERMD, "12"]


def test_sums_medians_and_percentages_on_fewer_than_five_persons_are_hidden_without_claiming_less_than_five():
    assert _tekst(PERCENTAGE, [4, 0, 5, 9], basis=[4, 0, 10, 14]) == [AFGESCHERMD, "–", AFGESCHERMD, "64%"]
    assert _tekst(PERCENTAGE, [2, 0, 0, 2], basis=[6, 0, 0, 6]) == [AFGESCHERMD, "–", "–", AFGESCHERMD]
    assert _tekst(DAGEN, [12.5, None, 30, 20], basis=[6, 0, 3, 9]) == ["12,5", "–", AFGESCHERMD, "20"]
    # 758 lesuren of three persons are not "<5"; and 861 - 100 would give them away.
    assert _tekst(UREN, [100, 758, 0, 858], basis=[5, 3, 0, 8]) == [AFGESCHERMD, AFGESCHERMD, "–", "858"]


def test_a_count_of_something_else_than_persons_is_hidden_by_its_persons():
    rij = _rij(AANTAL, [6, 0, 0, 6], basis=[3, 0, 0, 3])  # six afrondingen of three persons
    assert [cel.tekst for cel in cellen(rij)] == [AFGESCHERMD, "0", "0", AFGESCHERMD]


def test_parts_of_a_whole_are_suppressed_down_the_column_too():
    geheel = _rij(AANTAL, [12, 6, 0, 18], sleutel="afgerond")
    delen = [
        _rij(AANTAL, [10, 6, 0, 16], deel_van="afgerond"),
        _rij(AANTAL, [2, 0, 0, 2], deel_van="afgerond"),
        _rij(AANTAL, [0, 0, 0, 0], deel_van="afgerond"),
    ]
    onderdruk([geheel, *delen])
    # 12 - 10 would give the 2 away down the asiel column, so the 10 goes; then 16 - 6 would give that 10 away
    # across its row, so its total goes, which is also what keeps the total column's 2 hidden.
    teksten = [[cel.tekst for cel in rij.cellen] for rij in (geheel, *delen)]
    assert teksten == [
        ["12", "6", "0", "18"],
        [AFGESCHERMD, "6", "0", AFGESCHERMD],
        ["<5", "0", "0", "<5"],
        ["0", "0", "0", "0"],
    ]
    assert _afleidbaar([geheel, *delen]) == []


# The checker: works hidden cells back from what is shown, independently of the implementation.


def _persoonstelling(rij, kolom):
    if rij.soort == AANTAL:
        return rij.basis[kolom] if rij.basis else rij.waarden[kolom]
    return rij.basis.get(kolom) or 0


def _lijnen(rijen):
    lijnen = [([(i, k) for k in GROEPEN], (i, TOTAAL)) for i, rij in enumerate(rijen) if rij.soort != DAGEN]
    for i, geheel in enumerate(rijen):
        delen = [j for j, rij in enumerate(rijen) if geheel.sleutel and rij.deel_van == geheel.sleutel]
        if delen:
            lijnen += [([(j, k) for j in delen], (i, k)) for k in KOLOMNAMEN]
    return lijnen


def _afleidbaar(rijen) -> list:
    """Hidden cells a reader can work out: a line (parts and margin) with one unknown gives it, again and again as
    cells become known; and hidden "<5" parts whose sum is as small or as large as "<5" allows give themselves."""
    bekend = {
        (i, k)
        for i, rij in enumerate(rijen)
        for n, k in enumerate(KOLOMNAMEN)
        if not rij.cellen[n].onderdrukt  # a shown percentage gives its teller: its noemer is on the page
    }
    gevonden = []
    nieuw = True
    while nieuw:
        nieuw = False
        for delen, marge in _lijnen(rijen):
            onbekend = [cel for cel in [*delen, marge] if cel not in bekend]
            if len(onbekend) == 1:
                bekend.add(onbekend[0])
                gevonden.append(onbekend[0])
                nieuw = True
    for delen, marge in _lijnen(rijen):
        onbekend = [cel for cel in delen if cel not in bekend]
        teksten = {rijen[i].cellen[KOLOMNAMEN.index(k)].tekst for i, k in onbekend}
        if marge in bekend and len(onbekend) > 1 and teksten == {ONDERDRUKT}:
            rest = rijen[marge[0]].waarden[marge[1]] - sum(rijen[i].waarden[k] for i, k in delen if (i, k) in bekend)
            if rest in (len(onbekend), 4 * len(onbekend)):
                gevonden += onbekend
    return gevonden


def _controleer(rijen):
    for rij in rijen:
        for n, kolom in enumerate(KOLOMNAMEN):
            cel = rij.cellen[n]
            if cel.tekst == ONDERDRUKT:
                assert rij.soort == AANTAL and 1 <= _persoonstelling(rij, kolom) <= 4, (rij.naam, kolom, rij)
            if not cel.onderdrukt:
                assert not 1 <= _persoonstelling(rij, kolom) <= 4, (rij.naam, kolom, rij)
            if rij.soort == PERCENTAGE and not cel.onderdrukt and cel.tekst != "–":
                assert not 1 <= (rij.waarden[kolom] or 0) <= 4, (rij.naam, kolom, rij)
            if rij.soort == AANTAL and not cel.onderdrukt:
                assert cel.tekst == str(rij.waarden[kolom])
    assert _afleidbaar(rijen) == [], [(rijen[i].naam, k) for i, k in _afleidbaar(rijen)]


def _willekeurig(kans, rijen, met_personen):
    """Fill the report's rows with small and not so small numbers; a whole is the sum of its parts."""
    getallen = [0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 29]
    for rij in sorted(rijen, key=lambda r: bool(r.sleutel)):  # parts first, their wholes after
        delen = [r for r in rijen if rij.sleutel and r.deel_van == rij.sleutel]
        if delen:
            aantallen = {k: sum(r.waarden[k] for r in delen) for k in GROEPEN}
        else:
            aantallen = {k: kans.choice(getallen) for k in GROEPEN}
        waarden, basis = aantallen, {}
        if rij.soort == AANTAL and rij.naam in met_personen:
            basis = {k: kans.randint(min(v, 1), v) for k, v in aantallen.items()}
        elif rij.soort == PERCENTAGE:
            basis, waarden = aantallen, {k: kans.randint(0, v) for k, v in aantallen.items()}
        elif rij.soort == UREN:
            basis, waarden = aantallen, {k: Decimal(v * kans.choice([1, 3, 40, 151])) for k, v in aantallen.items()}
        elif rij.soort == DAGEN:
            basis, waarden = aantallen, {k: kans.choice([10, 59.5]) if v else None for k, v in aantallen.items()}
        rij.waarden = {**waarden, TOTAAL: sum(v or 0 for v in waarden.values())}
        rij.basis = {**basis, TOTAAL: sum(basis.values())} if basis else {}


@pytest.mark.django_db
def test_no_indicator_shows_less_than_five_for_more_nor_lets_a_hidden_cell_be_worked_out(wereld):
    """Every registered indicator's rows, as the dashboard, CSV and XLSX get them, filled with many tables of small
    numbers: "<5" only on a count of 1 to 4 persons, and no hidden cell follows from the totals."""
    selectie = Selectie((wereld.emmen.pk,), datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    rijen = []
    for indicator in indicatoren():
        eigen = indicator.bereken(selectie)
        assert eigen, indicator.sleutel
        rijen += eigen
    assert {rij.deel_van for rij in rijen} - {""} <= {rij.sleutel for rij in rijen}  # every part has its whole
    met_personen = {rij.naam for rij in rijen if rij.soort == AANTAL and rij.basis}
    kans = random.Random(30)  # noqa: S311  (test data, not a secret)
    for _ in range(300):
        _willekeurig(kans, rijen, met_personen)
        onderdruk(rijen)
        _controleer(rijen)
