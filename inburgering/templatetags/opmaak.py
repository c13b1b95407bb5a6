"""Template filters for the one Dutch notation: `{{ x|datum }}`, `{{ x|getal }}`, `{{ x|bedrag }}`."""

from django import template

from inburgering import opmaak

register = template.Library()


@register.filter
def datum(waarde, vorm: str = ""):
    """`{{ x|datum }}`; `{{ moment|datum:"dag" }}` leaves out the time of a moment."""
    return opmaak.datum(waarde, met_tijd=vorm != "dag")


@register.filter
def getal(waarde, decimalen=None):
    return opmaak.getal(waarde, None if decimalen in (None, "") else int(decimalen))


@register.filter
def bedrag(waarde):
    return opmaak.bedrag(waarde)
