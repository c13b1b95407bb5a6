"""The functioneel beheerder's view of the exchange with DUO: inbox and outbox, filters, retry;
and the regisseur's button that marks a DUO action on a dossier done."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from inburgering.toegang import recht_nodig

from ..forms import UtrechtFormMixin
from ..permissions import WIJZIGEN, gemeenten_van_organisatie, get_dossier_voor
from . import acties, outbox
from .models import DuoBericht, Notificatie
from .tasks import verwerk_notificatie

INZIEN = "inburgering.view_duobericht"
OPNIEUW = "inburgering.change_duobericht"


class FilterForm(UtrechtFormMixin, forms.Form):
    richting = forms.ChoiceField(
        label=gettext_lazy("Richting"),
        choices=[("uit", gettext_lazy("Berichten aan DUO")), ("in", gettext_lazy("Notificaties van DUO"))],
        required=False,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[
            ("", gettext_lazy("— alle —")),
            (gettext_lazy("Berichten aan DUO"), DuoBericht.Status.choices),
            (gettext_lazy("Notificaties van DUO"), Notificatie.Status.choices),
        ],
        required=False,
    )
    bsn = forms.CharField(label=gettext_lazy("BSN"), required=False, max_length=9)
    gebeurtenis = forms.CharField(label=gettext_lazy("Gebeurtenis of soort"), required=False, max_length=10)


def _filter(form: FilterForm, user):
    gegevens = form.cleaned_data if form.is_valid() else {}
    # A status belongs to one direction: choosing it picks that direction.
    inkomend = gegevens.get("richting") == "in" or gegevens.get("status") in Notificatie.Status.values
    rijen = (
        Notificatie.objects.select_related("gemeente")
        if inkomend
        else DuoBericht.objects.select_related("gemeente", "inburgeraar")
    ).filter(gemeente__in=gemeenten_van_organisatie(user))  # only the gemeenten the beheerder's organisatie serves
    if gegevens.get("status"):
        rijen = rijen.filter(status=gegevens["status"])
    if gegevens.get("bsn"):
        rijen = rijen.filter(bsn=gegevens["bsn"]) if inkomend else rijen.filter(inburgeraar__bsn=gegevens["bsn"])
    if gegevens.get("gebeurtenis"):
        veld = "gebeurtenis_id" if inkomend else "soort"
        rijen = rijen.filter(**{veld: gegevens["gebeurtenis"]})
    return inkomend, rijen


@login_required
@recht_nodig(INZIEN)
def berichten(request):
    form = FilterForm(request.GET or None)
    inkomend, rijen = _filter(form, request.user)
    return render(
        request,
        "inburgering/duo_berichten.html",
        {
            "form": form,
            "inkomend": inkomend,
            "pagina": Paginator(rijen, 50).get_page(request.GET.get("pagina")),
        },
    )


@login_required
@recht_nodig(OPNIEUW)
@require_POST
def opnieuw(request, pk):
    bericht = get_object_or_404(DuoBericht, pk=pk, gemeente__in=gemeenten_van_organisatie(request.user))
    try:
        outbox.opnieuw(bericht=bericht)
    except ValueError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, _("Het bericht wordt opnieuw aan DUO verstuurd."))
    return redirect("inburgering:duo_berichten")


@login_required
@recht_nodig(OPNIEUW)
@require_POST
def notificatie_opnieuw(request, pk):
    """Process a notification whose processing failed again (after the cause was fixed)."""
    notificatie = get_object_or_404(
        Notificatie, pk=pk, status=Notificatie.Status.MISLUKT, gemeente__in=gemeenten_van_organisatie(request.user)
    )
    verwerk_notificatie.delay(notificatie.pk)
    messages.success(request, _("De notificatie wordt opnieuw verwerkt."))
    return redirect(f"{reverse('inburgering:duo_berichten')}?richting=in")


@login_required
@recht_nodig("inburgering.change_inburgeraar")
@require_POST
def actie_afhandelen(request, pk, notificatie):
    """The regisseur marks the action a DUO notification asked for as done (from the dossier page)."""
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    notificatie = get_object_or_404(Notificatie, pk=notificatie, inburgeraar=inburgeraar)
    try:
        acties.handel_actie_af(door=request.user, notificatie=notificatie)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("De actie is afgehandeld."))
    return redirect("inburgering:dossier", pk=inburgeraar.pk)
