"""BSN validation with python-stdnum (elfproef) and masking for display."""

from stdnum import exceptions as stdnum_exceptions
from stdnum.nl import bsn as stdnum_bsn

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def valideer_bsn(waarde: str) -> None:
    """Refuse anything that is not nine digits 0-9 passing the elfproef."""
    if isinstance(waarde, str) and any(teken.isdigit() and not teken.isascii() for teken in waarde):
        raise ValidationError(_("Een BSN bestaat uit de cijfers 0 tot en met 9."), code="cijfers")
    if not (isinstance(waarde, str) and len(waarde) == 9 and waarde.isdigit()):
        raise ValidationError(_("Een BSN bestaat uit precies 9 cijfers."), code="bsn_formaat")
    try:
        stdnum_bsn.validate(waarde)
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _("Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."),
            code="bsn_elfproef",
        ) from None


def normaliseer_bsn(waarde: str) -> str:
    """Drop spaces, dots and dashes that people type; pad 8-digit BSNs with a leading zero."""
    waarde = (waarde or "").strip()
    return stdnum_bsn.compact(waarde) if waarde else ""


ZICHTBARE_BSN_CIJFERS = 3


def maskeer_bsn(waarde: str) -> str:
    """Show only the last three digits, as the caseload does: ******123."""
    return "*" * (9 - ZICHTBARE_BSN_CIJFERS) + waarde[-ZICHTBARE_BSN_CIJFERS:] if waarde else ""
