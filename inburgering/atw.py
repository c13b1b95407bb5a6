"""The Algemene termijnenwet: a period set for a person that ends on a non-working day runs on.

Atw art. 1 lid 1: a period set by law that ends on a Saturday, a Sunday or a general public holiday
is extended to the next day that is none of these. Art. 3 lid 1 names the holidays: Nieuwjaarsdag,
tweede Paasdag, Hemelvaartsdag, tweede Pinksterdag, both Kerstdagen, the day the King's birthday is
celebrated (Koningsdag: 27 April, or 26 April when the 27th is a Sunday) and 5 May every year.
Goede Vrijdag is not one of them. Pure functions: no database, no clock.
"""

import datetime
from functools import cache

from dateutil.easter import easter

ZATERDAG, ZONDAG = 5, 6


@cache
def feestdagen(jaar: int) -> frozenset[datetime.date]:
    """The general public holidays of Atw art. 3 in `jaar`."""
    pasen = easter(jaar)
    koningsdag = datetime.date(jaar, 4, 27)
    if koningsdag.weekday() == ZONDAG:
        koningsdag = datetime.date(jaar, 4, 26)
    return frozenset(
        {
            datetime.date(jaar, 1, 1),  # Nieuwjaarsdag
            pasen + datetime.timedelta(days=1),  # tweede Paasdag
            koningsdag,
            datetime.date(jaar, 5, 5),  # Bevrijdingsdag: every year under the Atw
            pasen + datetime.timedelta(days=39),  # Hemelvaartsdag
            pasen + datetime.timedelta(days=50),  # tweede Pinksterdag
            datetime.date(jaar, 12, 25),
            datetime.date(jaar, 12, 26),
        }
    )


def is_werkdag(datum: datetime.date) -> bool:
    return datum.weekday() not in (ZATERDAG, ZONDAG) and datum not in feestdagen(datum.year)


def eerstvolgende_werkdag(datum: datetime.date) -> datetime.date:
    """`datum` itself when it is a working day, else the first working day after it."""
    while not is_werkdag(datum):
        datum += datetime.timedelta(days=1)
    return datum


def termijn_einde(laatste_dag: datetime.date) -> datetime.date:
    """The last day of a period for a person, as the Atw moves it off a weekend or holiday."""
    return eerstvolgende_werkdag(laatste_dag)
