"""Hours as people write them: 2, 1,5, 0,75 (no trailing zeros, a decimal comma)."""

from django import template

from ..services import uren_tekst

register = template.Library()


@register.filter
def uren(waarde) -> str:
    return "" if waarde is None else uren_tekst(waarde)
