"""What typed input may mean, one rule for the web forms and the partner API alike.

Python reads more than a person means: int(), Decimal() and the date parsers take any Unicode digit
("١٢" is 12), and a date field takes the year 1 or 9999. These checks refuse such input with a Dutch
message that names the field, before a service sees it.
"""

import datetime
import enum

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from . import opmaak


def heeft_andere_cijfers(tekst) -> bool:
    """True when a text holds a digit other than 0-9 (Arabic-Indic, Devanagari, fullwidth...)."""
    return isinstance(tekst, str) and any(teken.isdigit() and not teken.isascii() for teken in tekst)


def controleer_cijfers(tekst, *, veld: str) -> None:
    """Numbers, BSNs and dates are typed with the digits 0-9 only."""
    if heeft_andere_cijfers(tekst):
        raise ValidationError(
            _("%(veld)s: gebruik alleen de cijfers 0 tot en met 9.") % {"veld": veld},
            code="cijfers",
        )


class Datumsoort(enum.Enum):
    """How far from today a date of this kind can plausibly lie."""

    # Periods, appointments, overleg dates, deadlines: what a user plans or records in the running work.
    PLAN = "plan"
    # A person's date of birth: not before 1900, not in the future.
    GEBOORTE = "geboorte"
    # Any other date (facts from a dossier's history): from 1900 to the end of the plan window.
    OVERIG = "overig"


PLAN_JAREN = 5
EERSTE_DATUM = datetime.date(1900, 1, 1)


def _jaren_verschoven(datum: datetime.date, jaren: int) -> datetime.date:
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:  # 29 February
        return datum.replace(year=datum.year + jaren, day=28)


def datumbereik(soort: Datumsoort) -> tuple[datetime.date, datetime.date]:
    """The first and the last plausible date of a kind, today in Europe/Amsterdam."""
    vandaag = timezone.localdate()
    if soort is Datumsoort.PLAN:
        return _jaren_verschoven(vandaag, -PLAN_JAREN), _jaren_verschoven(vandaag, PLAN_JAREN)
    if soort is Datumsoort.GEBOORTE:
        return EERSTE_DATUM, vandaag
    return EERSTE_DATUM, _jaren_verschoven(vandaag, PLAN_JAREN)


def controleer_datum(datum: datetime.date | None, *, veld: str, soort: Datumsoort = Datumsoort.PLAN) -> None:
    """Refuse a date outside the plausible range of its kind, naming the field and the range."""
    if datum is None:
        return
    eerste, laatste = datumbereik(soort)
    if eerste <= datum <= laatste:
        return
    if soort is Datumsoort.GEBOORTE and datum > laatste:
        bericht = _("%(veld)s kan niet in de toekomst liggen.")
    elif soort is Datumsoort.GEBOORTE:
        bericht = _("%(veld)s: kies een datum vanaf %(eerste)s.")
    else:
        bericht = _("%(veld)s: kies een datum tussen %(eerste)s en %(laatste)s.")
    raise ValidationError(
        bericht
        % {
            "veld": veld,
            "eerste": opmaak.datum(eerste, met_tijd=False),
            "laatste": opmaak.datum(laatste, met_tijd=False),
        },
        code="buiten_bereik",
    )


def veldnaam(label) -> str:
    """A field's label as the subject of a sentence: "Periode van" for "periode van"."""
    tekst = str(label or "")
    return tekst[:1].upper() + tekst[1:]
