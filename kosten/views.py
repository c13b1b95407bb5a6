"""Browser views: a dossier's interpreters and costs (regisseur), the cost report (beleidsmedewerker)."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from inburgering.forms import zet_fouten_op_form
from inburgering.models import Gemeente
from inburgering.permissions import WIJZIGEN, mag_dossier_wijzigen, rapportage_gemeenten
from inburgering.toegang import open_dossier, recht_nodig

from . import export, services
from .berekening import kostenregels, totalen
from .forms import KostenpostForm, KostenrapportForm, TolkForm
from .models import Gesprek
from .onderdrukking import rapportregels

MAG_RAPPORTEREN = "inburgering.rapportages_inzien"


@login_required
@recht_nodig("kosten.view_kostenpost")
def kosten_dossier(request, pk):
    """The dossier's interpreters and every cost line, with the gemeente that pays for it."""
    inburgeraar = open_dossier(request, pk)
    regels = kostenregels([inburgeraar.pk], datetime.date(1900, 1, 1), datetime.date(2999, 12, 31))
    gemeenten = {inburgeraar.gemeente_id: inburgeraar.gemeente}
    for gemeente in _gemeenten({regel.gemeente_id for regel in regels} - set(gemeenten)):
        gemeenten[gemeente.pk] = gemeente
    for regel in regels:
        regel.gemeente = gemeenten[regel.gemeente_id]
    context = {
        "inburgeraar": inburgeraar,
        "mag_wijzigen": mag_dossier_wijzigen(request.user, inburgeraar),
        "tolkinzetten": list(inburgeraar.tolkinzetten.select_related("aanbieder")),
        "regels": regels,
        "totaal": sum(regel.bedrag for regel in regels if regel.bedrag is not None),
    }
    return render(request, "kosten/dossier.html", context)


def _gemeenten(ids):
    return Gemeente.objects.filter(pk__in=ids) if ids else []


@login_required
@recht_nodig("kosten.add_tolkinzet")
def tolk_boeken(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    gesprek = request.GET.get("gesprek")
    initial = {"gesprek": gesprek if gesprek in Gesprek.values else None, "duur_minuten": 60, "taal": inburgeraar.taal}
    return _boekformulier(
        request,
        inburgeraar,
        TolkForm(request.POST or None, inburgeraar=inburgeraar, initial=initial),
        boek=services.boek_tolk,
        gelukt=_("De tolk is geboekt."),
        titel=_("Tolk boeken"),
        knop=_("Tolk boeken"),
        uitleg=_(
            "De kosten volgen uit de contractprijs van de aanbieder op de dag van het gesprek en tellen mee in de "
            "kosten van de gemeente (SPUK)."
        ),
    )


@login_required
@recht_nodig("kosten.add_kostenpost")
def kostenpost_nieuw(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    return _boekformulier(
        request,
        inburgeraar,
        KostenpostForm(request.POST or None),
        boek=services.boek_kosten,
        gelukt=_("De kosten zijn geboekt."),
        titel=_("Kosten met de hand boeken"),
        knop=_("Kosten boeken"),
        uitleg=_(
            "Alleen voor kosten die niet uit de registratie volgen. De kosten horen bij de gemeente die op de "
            "datum verantwoordelijk was."
        ),
    )


def _boekformulier(request, inburgeraar, form, *, boek, gelukt, **teksten):
    """A booking on the dossier's Tolken en kosten: the service `boek` writes; what it refuses goes back
    to the form, and the page's titel, knop and uitleg come as `teksten`."""
    if request.method == "POST" and form.is_valid():
        try:
            boek(door=request.user, inburgeraar=inburgeraar, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, gelukt)
            return redirect("kosten:kosten_dossier", pk=inburgeraar.pk)
    terug = reverse("kosten:kosten_dossier", args=[inburgeraar.pk])
    context = {"form": form, "inburgeraar": inburgeraar, "terug": terug, **teksten}
    return render(request, "forms/dossier_formulier.html", context)


def _rapportform(request):
    gemeenten = list(rapportage_gemeenten(request.user).order_by("naam"))
    return KostenrapportForm(request.GET, gemeenten=gemeenten)


@login_required
@recht_nodig(MAG_RAPPORTEREN)
def kostenrapport(request):
    """Costs per voorziening for one gemeente and year: figures only, never a person, no Inzage."""
    form = _rapportform(request)
    context = {"form": form}
    if form.gemeenten and form.is_valid():
        gemeente, jaar = form.gekozen_gemeente, form.cleaned_data["jaar"]
        regels = rapportregels(totalen(gemeente, jaar))
        context.update(
            gemeente=gemeente,
            jaar=jaar,
            regels=regels,
            totaal=sum(regel.bedrag for regel in regels),
            totaal_contract=sum(regel.contractbedrag for regel in regels),
            totaal_handmatig=sum(regel.handmatig for regel in regels),
            query=f"gemeente={gemeente.pk}&jaar={jaar}",
        )
    return render(request, "kosten/rapport.html", context)


@login_required
@recht_nodig(MAG_RAPPORTEREN)
def kostenrapport_xlsx(request):
    form = _rapportform(request)
    if not (form.gemeenten and form.is_valid()):
        return render(request, "kosten/rapport.html", {"form": form}, status=400)
    gemeente, jaar = form.gekozen_gemeente, form.cleaned_data["jaar"]
    return export.xlsx_response(gemeente, jaar, rapportregels(totalen(gemeente, jaar)))
