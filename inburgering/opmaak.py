"""The one Dutch notation for dates, numbers and amounts, in pages, PDFs, e-mails and messages alike:
`30 november 2026`, `30 november 2026, 22:56` (Europe/Amsterdam), `1.234,56` and `€ 1.234,56`."""

import datetime
from decimal import Decimal

from django.utils import numberformat, timezone

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum(waarde, *, met_tijd: bool = True) -> str:
    """A date as `30 november 2026`; a moment as `30 november 2026, 22:56` in Amsterdam's time."""
    if waarde in (None, ""):
        return ""
    if isinstance(waarde, datetime.datetime):
        moment = timezone.localtime(waarde) if timezone.is_aware(waarde) else waarde
        dag = f"{moment.day} {MAANDEN[moment.month - 1]} {moment.year}"
        return f"{dag}, {moment:%H:%M}" if met_tijd else dag
    return f"{waarde.day} {MAANDEN[waarde.month - 1]} {waarde.year}"


def getal(waarde, decimalen: int | None = None) -> str:
    """`1234.5` as `1.234,5`; with `decimalen` rounded to that many places (`1.234,50`)."""
    if waarde in (None, ""):
        return ""
    if decimalen is None and isinstance(waarde, Decimal):
        waarde = waarde.normalize() if waarde == waarde.to_integral() else waarde
    return numberformat.format(
        waarde, ",", decimal_pos=decimalen, grouping=3, thousand_sep=".", force_grouping=True, use_l10n=False
    )


def bedrag(waarde) -> str:
    """An amount in euro: `€ 1.234,56`."""
    if waarde in (None, ""):
        return ""
    return f"€ {getal(waarde, 2)}"
