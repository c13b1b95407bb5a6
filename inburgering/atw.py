"""The Algemene termijnenwet (Atw): which days are no working days, and what that does to a date.

- Art. 1 lid 1: a period set by law that ends on a Saturday, a Sunday or a general public holiday
  runs on to the next day that is none of these (`termijn_einde`). Which periods of the product it
  applies to is a table in docs/wet-inburgering.md; art. 4 leaves out the long ones.
- Art. 3 lid 1 names the holidays: Nieuwjaarsdag, the Christian tweede Paas- and Pinksterdag, both
  Kerstdagen, Hemelvaartsdag, the day the King's birthday is celebrated (27 April, or 26 April when
  the 27th is a Sunday) and 5 May, every year. Lid 2 equates Goede Vrijdag with them. These are
  rules: `feestdagen(jaar)`.
- Art. 3 lid 3 lets a Royal Decree equate other days (in practice a decree every three years, e.g.
  the Friday after Hemelvaartsdag). Those are data, not rules: the `GelijkgesteldeDag` table, kept
  by the functioneel beheerder in /beheer/. This module keeps the process's copy of them
  (`kalender()`), loaded through the loader the app registers (`registreer_lader`), forgotten when a
  day is saved or deleted in this process and reloaded after GELDIG_SECONDEN in any other; a bulk
  rebuild asks for a fresh copy once (`kalender(vers=True)`), never a query per day.
- Dates the product proposes for planning (a voortgangsgesprek, the brede intake, a reminder) are
  never a non-working day either: they move to the working day *before* (`werkdag_ervoor`), so the
  date still lies within what was asked. A date a person types on such a day is accepted, with a
  warning (`waarschuwing`).

The rules are pure functions of their arguments; only `kalender()` reaches for the loader.
"""

import datetime
import time
from collections.abc import Callable, Mapping
from functools import cache

from dateutil.easter import easter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import opmaak

ZATERDAG, ZONDAG = 5, 6
GELDIG_SECONDEN = 300  # how long another process may use its copy of the equated days

NIEUWJAARSDAG = gettext_lazy("Nieuwjaarsdag")
GOEDE_VRIJDAG = gettext_lazy("Goede Vrijdag")
TWEEDE_PAASDAG = gettext_lazy("Tweede Paasdag")
KONINGSDAG = gettext_lazy("Koningsdag")
BEVRIJDINGSDAG = gettext_lazy("Bevrijdingsdag")
HEMELVAARTSDAG = gettext_lazy("Hemelvaartsdag")
TWEEDE_PINKSTERDAG = gettext_lazy("Tweede Pinksterdag")
EERSTE_KERSTDAG = gettext_lazy("Eerste Kerstdag")
TWEEDE_KERSTDAG = gettext_lazy("Tweede Kerstdag")


@cache
def feestdagen(jaar: int) -> Mapping[datetime.date, str]:
    """The general public holidays of Atw art. 3 lid 1 in `jaar`, and Goede Vrijdag (lid 2), by name."""
    pasen = easter(jaar)
    koningsdag = datetime.date(jaar, 4, 27)
    if koningsdag.weekday() == ZONDAG:
        koningsdag = datetime.date(jaar, 4, 26)
    return {
        datetime.date(jaar, 1, 1): NIEUWJAARSDAG,
        pasen - datetime.timedelta(days=2): GOEDE_VRIJDAG,
        pasen + datetime.timedelta(days=1): TWEEDE_PAASDAG,
        koningsdag: KONINGSDAG,
        datetime.date(jaar, 5, 5): BEVRIJDINGSDAG,  # every year under the Atw, not only in a lustrum year
        pasen + datetime.timedelta(days=39): HEMELVAARTSDAG,
        pasen + datetime.timedelta(days=50): TWEEDE_PINKSTERDAG,
        datetime.date(jaar, 12, 25): EERSTE_KERSTDAG,
        datetime.date(jaar, 12, 26): TWEEDE_KERSTDAG,
    }


class Kalender:
    """The non-working days: weekends, the holidays of art. 3 lid 1 and 2, and the days a decree equated
    with them (art. 3 lid 3), given as {date: the decree's title}."""

    def __init__(self, gelijkgesteld: Mapping[datetime.date, str] | None = None):
        self.gelijkgesteld: Mapping[datetime.date, str] = dict(gelijkgesteld or {})
        # A national rebuild asks for the same few thousand dates a million times: remember the answers.
        self._vooruit: dict[datetime.date, datetime.date] = {}
        self._terug: dict[datetime.date, datetime.date] = {}

    def __eq__(self, other):
        return isinstance(other, Kalender) and self.gelijkgesteld == other.gelijkgesteld

    __hash__ = None

    def is_werkdag(self, datum: datetime.date) -> bool:
        return (
            datum.weekday() not in (ZATERDAG, ZONDAG)
            and datum not in feestdagen(datum.year)
            and datum not in self.gelijkgesteld
        )

    def reden(self, datum: datetime.date) -> str | None:
        """Why `datum` is no working day, in Dutch ("een zondag", "een feestdag (Tweede Kerstdag)"), or None."""
        if datum in feestdagen(datum.year):
            return _("een feestdag (%(naam)s)") % {"naam": feestdagen(datum.year)[datum]}
        if datum in self.gelijkgesteld:
            return _("een dag die met een feestdag is gelijkgesteld (%(besluit)s)") % {
                "besluit": self.gelijkgesteld[datum]
            }
        if datum.weekday() == ZATERDAG:
            return _("een zaterdag")
        if datum.weekday() == ZONDAG:
            return _("een zondag")
        return None

    def eerstvolgende_werkdag(self, datum: datetime.date) -> datetime.date:
        """`datum` itself when it is a working day, else the first working day after it."""
        if datum not in self._vooruit:
            dag = datum
            while not self.is_werkdag(dag):
                dag += datetime.timedelta(days=1)
            self._vooruit[datum] = dag
        return self._vooruit[datum]

    def werkdag_ervoor(self, datum: datetime.date) -> datetime.date:
        """`datum` itself when it is a working day, else the last working day before it."""
        if datum not in self._terug:
            dag = datum
            while not self.is_werkdag(dag):
                dag -= datetime.timedelta(days=1)
            self._terug[datum] = dag
        return self._terug[datum]

    def waarschuwing(self, datum: datetime.date | None) -> str | None:
        """The notice shown when a person picks a non-working day: accepted, but said out loud."""
        reden = self.reden(datum) if datum else None
        if reden is None:
            return None
        return _("Let op: %(datum)s is %(reden)s.") % {"datum": opmaak.datum(datum), "reden": reden}


# The process's copy of the equated days (art. 3 lid 3) -----------------------------------------

_lader: Callable[[], Mapping[datetime.date, str]] | None = None
_kopie: Kalender | None = None
_geladen_op = 0.0


def registreer_lader(lader: Callable[[], Mapping[datetime.date, str]]) -> None:
    """The app's read of the GelijkgesteldeDag table (InburgeringConfig.ready)."""
    global _lader
    _lader = lader
    vergeet()


def vergeet() -> None:
    """A day was saved or deleted: the next computation reads the table again."""
    global _kopie
    _kopie = None


def gebruik(kalender: Kalender, *, seconden: float = GELDIG_SECONDEN) -> None:
    """Take `kalender` as this process's copy for `seconden` (what a load does; tests pin one too)."""
    global _kopie, _geladen_op
    _kopie, _geladen_op = kalender, time.monotonic() + seconden - GELDIG_SECONDEN


def kalender(*, vers: bool = False) -> Kalender:
    """The Atw calendar of this process: one query when its copy is missing, stale or `vers` is asked."""
    if vers or _kopie is None or time.monotonic() - _geladen_op > GELDIG_SECONDEN:
        gebruik(Kalender(_lader() if _lader else {}))
    return _kopie


def is_werkdag(datum: datetime.date) -> bool:
    return kalender().is_werkdag(datum)


def eerstvolgende_werkdag(datum: datetime.date) -> datetime.date:
    return kalender().eerstvolgende_werkdag(datum)


def termijn_einde(laatste_dag: datetime.date) -> datetime.date:
    """The last day of a period set by law, as Atw art. 1 moves it off a weekend or holiday."""
    return kalender().eerstvolgende_werkdag(laatste_dag)


def werkdag_ervoor(datum: datetime.date) -> datetime.date:
    """A date the product proposes for planning, moved back off a weekend or holiday."""
    return kalender().werkdag_ervoor(datum)


def waarschuwing(datum: datetime.date | None) -> str | None:
    return kalender().waarschuwing(datum)
