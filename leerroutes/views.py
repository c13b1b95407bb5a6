"""Browser views of the leerroute: one tab per dossier with progress, and plain posts that come back to it.

Every view opens the dossier through the visibility rule (404 for others) and logs the inzage. A
validation error shows the tab again with the form as typed and the message beside the field.
Groups and their attendance are in `leerroutes.groepviews`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inburgering.forms import zet_fouten_op_form
from inburgering.permissions import WIJZIGEN, mag_dossier_wijzigen
from inburgering.toegang import open_dossier, recht_nodig

from . import queries, services
from .forms import AanbodForm, ActiviteitForm, AfrondingForm, DeelnameForm, ExamenForm
from .models import Deelname

BEKIJKEN = "leerroutes.view_deelname"


def lezend(view):
    return login_required(recht_nodig(BEKIJKEN)(view))


def schrijvend(perm):
    def decorator(view):
        return login_required(recht_nodig(perm)(require_POST(view)))

    return decorator


def _terug(inburgeraar, anker):
    return redirect(reverse("leerroutes:leerroute", args=[inburgeraar.pk]) + f"#{anker}")


# Each form on the tab: its class, the model permission to use it, and the anchor it returns to.
FORMULIEREN = {
    "aanbod_form": (AanbodForm, "leerroutes.add_inburgeringsaanbod"),
    "deelname_form": (DeelnameForm, "leerroutes.add_deelname"),
    "examen_form": (ExamenForm, "leerroutes.add_examen"),
    "activiteit_form": (ActiviteitForm, "leerroutes.add_activiteit"),
    "afronding_form": (AfrondingForm, "leerroutes.add_afronding"),
}
MET_DOSSIER = {"aanbod_form", "deelname_form"}


def _form(naam, inburgeraar, data=None):
    klasse = FORMULIEREN[naam][0]
    return klasse(data, inburgeraar=inburgeraar) if naam in MET_DOSSIER else klasse(data)


@lezend
def leerroute(request, pk):
    return _pagina(request, open_dossier(request, pk))


def _pagina(request, inburgeraar, **gebonden):
    stand = queries.stand(inburgeraar)
    mag_wijzigen = mag_dossier_wijzigen(request.user, inburgeraar)
    context = {
        "inburgeraar": inburgeraar,
        "stand": stand,
        "termijn": services.termijn(inburgeraar),
        "aanbod": queries.aanbod(inburgeraar),
        "deelnames": queries.deelnames(inburgeraar),
        "activiteiten": queries.activiteiten(inburgeraar),
        "mag_wijzigen": mag_wijzigen,
        "mag_afsluiten": mag_wijzigen and stand.compleet and inburgeraar.fase == "uitvoering",
    }
    if mag_wijzigen and stand.pip:
        for naam, (_klasse, perm) in FORMULIEREN.items():
            if request.user.has_perm(perm):
                context[naam] = gebonden.get(naam) or _form(naam, inburgeraar)
    return render(request, "leerroutes/leerroute.html", context)


def _vastleggen(request, pk, naam, anker, service, melding):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = _form(naam, inburgeraar, request.POST)
    if form.is_valid():
        try:
            service(form.cleaned_data, inburgeraar)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, melding)
            return _terug(inburgeraar, anker)
    return _pagina(request, inburgeraar, **{naam: form})


@schrijvend("leerroutes.add_inburgeringsaanbod")
def aanbod(request, pk):
    return _vastleggen(
        request,
        pk,
        "aanbod_form",
        "aanbod",
        lambda data, dossier: services.leg_aanbod_vast(door=request.user, inburgeraar=dossier, gegevens=data),
        _("Het inburgeringsaanbod is vastgelegd."),
    )


@schrijvend("leerroutes.add_deelname")
def deelname(request, pk):
    return _vastleggen(
        request,
        pk,
        "deelname_form",
        "deelname",
        lambda data, dossier: services.registreer_deelname(door=request.user, inburgeraar=dossier, gegevens=data),
        _("De deelname is vastgelegd."),
    )


@schrijvend("leerroutes.delete_deelname")
def deelname_verwijderen(request, pk, deelname):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    rij = get_object_or_404(Deelname, inburgeraar=inburgeraar, pk=deelname)
    services.verwijder_deelname(door=request.user, deelname=rij)
    messages.success(request, _("De deelname is verwijderd."))
    return _terug(inburgeraar, "deelname")


@schrijvend("leerroutes.add_examen")
def examen(request, pk):
    return _vastleggen(
        request,
        pk,
        "examen_form",
        "examens",
        lambda data, dossier: services.leg_examen_vast(door=request.user, inburgeraar=dossier, gegevens=data),
        _("Het examenresultaat is vastgelegd."),
    )


@schrijvend("leerroutes.add_activiteit")
def activiteit(request, pk):
    return _vastleggen(
        request,
        pk,
        "activiteit_form",
        "map-pvt",
        lambda data, dossier: services.registreer_activiteit(door=request.user, inburgeraar=dossier, gegevens=data),
        _("De activiteit is vastgelegd."),
    )


@schrijvend("leerroutes.add_afronding")
def afronding(request, pk):
    return _vastleggen(
        request,
        pk,
        "afronding_form",
        "map-pvt",
        lambda data, dossier: services.leg_afronding_vast(door=request.user, inburgeraar=dossier, **data),
        _("De afronding is vastgelegd."),
    )


@schrijvend("inburgering.change_inburgeraar")
def afsluiten(request, pk):
    """The regisseur confirms the proposal to close the dossier as voldaan."""
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    try:
        services.sluit_af_als_voldaan(door=request.user, inburgeraar=inburgeraar)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
        return _terug(inburgeraar, "voorstel")
    messages.success(request, _("Het dossier is afgesloten: de inburgeringsplicht is voldaan."))
    return redirect(inburgeraar.get_absolute_url())
