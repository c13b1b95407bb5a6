"""Read-only display of intake records: each field's label with its value as a person reads it."""

from django import template
from django.utils.formats import localize
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from intake import queries

register = template.Library()


@register.simple_tag
def gegevens(obj, *velden) -> list[tuple[str, str]]:
    """(label, value) for `velden` of `obj`; choices by their label, booleans as ja/nee, empty as a dash."""
    if obj is None:
        return []
    if len(velden) == 1 and isinstance(velden[0], list | tuple):
        velden = velden[0]
    regels = []
    for naam in velden:
        veld = obj._meta.get_field(naam)
        waarde = getattr(obj, naam)
        if veld.choices and waarde not in (None, ""):
            tekst = str(getattr(obj, f"get_{naam}_display")())
        elif isinstance(waarde, bool):
            tekst = _("ja") if waarde else _("nee")
        elif waarde in (None, ""):
            tekst = "—"
        else:
            tekst = localize(waarde)
        regels.append((capfirst(veld.verbose_name), tekst))
    return regels


@register.filter
def sectievelden(sectie) -> list[str]:
    return ["score", *sectie.velden, "toelichting", "niet_mogelijk_reden"]


@register.inclusion_tag("intake/_stand.html")
def intake_stand(inburgeraar) -> dict:
    """Where the brede intake stands, for the dossier page: started, what is still needed, or done."""
    intake = queries.laad_intake(inburgeraar, met_gezondheid=False)
    if intake is None or intake.is_afgerond:
        return {"inburgeraar": inburgeraar, "intake": intake, "ontbrekend": []}
    return {"inburgeraar": inburgeraar, "intake": intake, "ontbrekend": queries.ontbrekend_voor_afronden(intake)}
