"""The dashboard and its exports. Figures only: no names, no BSNs, no links to dossiers, no Inzage."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from inburgering.toegang import recht_nodig

from ..permissions import rapportage_gemeenten
from . import export
from .forms import RapportageFilterForm
from .grafiek import diagram
from .onderdrukking import onderdruk
from .register import Onderwerp, indicatoren
from .rijen import KOLOMMEN
from .selectie import Selectie

MAG_RAPPORTEREN = "inburgering.rapportages_inzien"


@dataclass
class Sectie:
    titel: str
    rijen: list
    diagram: object


def _filter(request) -> RapportageFilterForm:
    gemeenten = list(rapportage_gemeenten(request.user).select_related("regio").order_by("regio__naam", "naam"))
    return RapportageFilterForm(request.GET, gemeenten=gemeenten)


def selectie_uit(form) -> Selectie:
    data = form.cleaned_data
    return Selectie(
        gemeente_ids=form.gemeente_ids(),
        van=data["van"],
        tot=data["tot"],
        cohort=data["cohort"],
        peildatum=min(data["tot"], timezone.localdate()),
    )


def rijen(selectie) -> list:
    """Every registered indicator's rows, each with its onderwerp and its suppressed `cellen` filled in.

    All at once: a part row and its whole may come from different indicators (onderdrukking.py)."""
    alle = []
    for indicator in indicatoren():
        for rij in indicator.bereken(selectie):
            rij.onderwerp = str(indicator.onderwerp.label)
            alle.append(rij)
    onderdruk(alle)
    return alle


def secties(selectie) -> list[Sectie]:
    per_onderwerp: dict[str, list] = {}
    for rij in rijen(selectie):
        per_onderwerp.setdefault(rij.onderwerp, []).append(rij)
    titels = [str(o.label) for o in Onderwerp]
    return [
        Sectie(titel, lijst, diagram(titel, lijst))
        for titel, lijst in sorted(per_onderwerp.items(), key=lambda paar: titels.index(paar[0]))
    ]


@login_required
@recht_nodig(MAG_RAPPORTEREN)
def rapportage(request):
    form = _filter(request)
    context = {"form": form, "kolommen": [label for _kolom, label in KOLOMMEN], "legenda": export.legenda()}
    if form.gemeenten and form.is_valid():
        context["secties"] = secties(selectie_uit(form))
        context["gebied"] = form.gebied_naam()
        context["query"] = request.GET.urlencode() or _standaard_query(form)
    return render(request, "inburgering/rapportage/dashboard.html", context)


def _standaard_query(form) -> str:
    return urlencode({k: v for k, v in form.data.items() if v})


def _export(request, schrijf):
    form = _filter(request)
    if not (form.gemeenten and form.is_valid()):
        return render(request, "inburgering/rapportage/dashboard.html", {"form": form, "kolommen": []}, status=400)
    selectie = selectie_uit(form)
    return schrijf(form, lambda: rijen(selectie))


@login_required
@recht_nodig(MAG_RAPPORTEREN)
def rapportage_csv(request):
    return _export(request, export.csv_response)


@login_required
@recht_nodig(MAG_RAPPORTEREN)
def rapportage_xlsx(request):
    return _export(request, export.xlsx_response)
