"""Small template helpers for tables: sortable column headers and query strings."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag(takes_context=True)
def query_zonder(context, request, *namen) -> str:
    """The current query string without `namen`, ending in '&' when anything is left."""
    params = request.GET.copy()
    for naam in namen:
        params.pop(naam, None)
    tekst = params.urlencode()
    return f"{tekst}&" if tekst else ""


@register.simple_tag(takes_context=True)
def sorteer_kop(context, sleutel: str, label: str):
    """A <th> whose link toggles sorting on `sleutel`, with aria-sort for screen readers."""
    request, huidig = context["request"], context.get("sortering", "naam")
    oplopend = huidig == sleutel
    aflopend = huidig == f"-{sleutel}"
    params = request.GET.copy()
    params["sorteer"] = f"-{sleutel}" if oplopend else sleutel
    params.pop("pagina", None)
    aria = "ascending" if oplopend else "descending" if aflopend else "none"
    pijl = " ▲" if oplopend else " ▼" if aflopend else ""
    return format_html(
        '<th class="utrecht-table__header-cell" scope="col" aria-sort="{}">'
        '<a class="utrecht-link" href="?{}" title="{}">{}{}</a></th>',
        aria,
        params.urlencode(),
        _("Sorteer op %(kolom)s") % {"kolom": label.lower()},
        label,
        pijl,
    )


@register.inclusion_tag("inburgering/_termijnmarker.html")
def termijnmarker(datum):
    """Red, orange or green for a dossier's next open deadline, always with words (not colour alone)."""
    from django.utils import timezone

    from inburgering.services import urgentievenster

    vandaag = timezone.localdate()
    if datum is None:
        return {"kleur": "geen", "tekst": _("Geen open termijn")}
    if datum < vandaag:
        return {"kleur": "rood", "tekst": _("Te laat")}
    if datum == vandaag:
        return {"kleur": "rood", "tekst": _("Vandaag")}
    if (datum - vandaag).days <= urgentievenster():
        return {"kleur": "oranje", "tekst": _("Binnenkort")}
    return {"kleur": "groen", "tekst": _("Op schema")}
