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


def _zonder_intake(inburgeraar) -> bool:
    """A Wi2013 dossier past the intake that never was in fase intake (moved on from aangemeld)."""
    from inburgering.fasen import Fase
    from inburgering.models import Gebeurtenis, Regime

    if inburgeraar.regime != Regime.WI2013 or inburgeraar.fase not in (Fase.UITVOERING, Fase.AFGEROND):
        return False
    return not inburgeraar.tijdlijn.filter(soort=Gebeurtenis.Soort.FASE, gegevens__naar=Fase.INTAKE).exists()


@register.inclusion_tag("inburgering/_dossier_kop.html", takes_context=True)
def dossier_kop(context, inburgeraar, naam_als_kop=False):
    """The dossier workspace's header: who, where, the fase, the next deadline, the main actions and
    the tabs of the sections the user may open (inburgering.dossier_secties)."""
    from inburgering import dossier_secties
    from inburgering.fasen import LOPEND, pad
    from inburgering.permissions import mag_dossier_wijzigen
    from inburgering.termijnen import WI2013

    request = context["request"]
    user = request.user
    mag_wijzigen = user.has_perm("inburgering.change_inburgeraar") and mag_dossier_wijzigen(user, inburgeraar)
    fasen = pad(inburgeraar.regime, inburgeraar.fase, zonder_intake=_zonder_intake(inburgeraar))
    huidig = fasen.index(inburgeraar.fase) if inburgeraar.fase in fasen else None
    return {
        "inburgeraar": inburgeraar,
        "wi2013": inburgeraar.regime == WI2013,
        "naam_als_kop": naam_als_kop,
        "fasen": [
            {"label": fase.label, "huidig": i == huidig, "klaar": huidig is not None and i < huidig}
            for i, fase in enumerate(fasen)
        ],
        "mag_wijzigen": mag_wijzigen,
        "is_lopend": inburgeraar.fase in LOPEND,
        "mag_historie": user.has_perm("inburgering.historie_inzien"),
        "tabs": dossier_secties.tabs(user, inburgeraar, request.resolver_match.view_name),
    }
