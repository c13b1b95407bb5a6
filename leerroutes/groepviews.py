"""PVT and MAP groups: the list, one group with its members and sessies, and attendance for a whole sessie.

A group is reached only by users who may change dossiers in one of its gemeenten (404 otherwise), and
its pages list only the members the user may see.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inburgering.forms import zet_fouten_op_form
from inburgering.permissions import WIJZIGEN, gemeenten_met_recht
from inburgering.toegang import recht_nodig

from . import groepen, queries
from .forms import GroepForm, LedenForm, SessieForm, aanwezigheid_formset
from .models import Activiteit, Groep, Sessie


def _groep(request, pk) -> Groep:
    try:
        return queries.zichtbare_groepen(request.user).get(pk=pk)
    except (Groep.DoesNotExist, ValueError):
        raise Http404 from None


@login_required
@recht_nodig("leerroutes.view_groep")
def groepen_lijst(request):
    gemeenten = gemeenten_met_recht(request.user, WIJZIGEN)
    form = GroepForm(request.POST or None, gemeenten=gemeenten)
    if request.method == "POST":
        if not request.user.has_perm("leerroutes.add_groep"):
            raise Http404
        if form.is_valid():
            try:
                groep = groepen.maak_groep(
                    door=request.user,
                    naam=form.cleaned_data["naam"],
                    onderdeel=form.cleaned_data["onderdeel"],
                    gemeenten=form.cleaned_data["gemeenten"],
                    aanbieder=form.cleaned_data["aanbieder"],
                )
            except ValidationError as fout:
                zet_fouten_op_form(form, fout)
            else:
                messages.success(request, _("De groep is aangemaakt. Voeg deelnemers en sessies toe."))
                return redirect("groepen:groep", pk=groep.pk)
    return render(
        request, "leerroutes/groepen.html", {"groepen": queries.zichtbare_groepen(request.user), "form": form}
    )


@login_required
@recht_nodig("leerroutes.view_groep")
def groep(request, pk):
    groep = _groep(request, pk)
    kandidaten = queries.kandidaten(request.user, groep)
    leden_form = LedenForm(kandidaten=kandidaten)
    sessie_form = SessieForm(groep=groep)
    if request.method == "POST" and request.user.has_perm("leerroutes.change_groep"):
        if "uit_groep" in request.POST:
            return _haal_uit_groep(request, groep)
        if "leden" in request.POST:
            leden_form = LedenForm(request.POST, kandidaten=kandidaten)
            if leden_form.is_valid():
                try:
                    groepen.voeg_leden_toe(
                        door=request.user, groep=groep, inburgeraars=leden_form.cleaned_data["leden"]
                    )
                except ValidationError as fout:
                    zet_fouten_op_form(leden_form, fout)
                else:
                    messages.success(request, _("De deelnemers zijn toegevoegd."))
                    return redirect("groepen:groep", pk=groep.pk)
        else:
            sessie_form = SessieForm(request.POST, groep=groep)
            if sessie_form.is_valid():
                try:
                    groepen.plan_sessie(door=request.user, groep=groep, gegevens=sessie_form.cleaned_data)
                except ValidationError as fout:
                    zet_fouten_op_form(sessie_form, fout)
                else:
                    messages.success(request, _("De sessie is toegevoegd."))
                    return redirect("groepen:groep", pk=groep.pk)
    context = {
        "groep": groep,
        "leden": list(queries.zichtbare_leden(request.user, groep)),
        "sessies": list(Sessie.objects.filter(groep=groep)),
        "leden_form": leden_form,
        "sessie_form": sessie_form,
    }
    return render(request, "leerroutes/groep.html", context)


def _haal_uit_groep(request, groep):
    try:
        groepen.haal_uit_groep(door=request.user, groep=groep, inburgeraar_id=int(request.POST["uit_groep"]))
    except (ValueError, ValidationError) as fout:
        messages.error(request, fout.messages[0] if isinstance(fout, ValidationError) else _("Onbekende deelnemer."))
    else:
        messages.success(request, _("De deelnemer is uit de groep gehaald. Vastgelegde aanwezigheid blijft bewaard."))
    return redirect("groepen:groep", pk=groep.pk)


@login_required
@recht_nodig("leerroutes.add_activiteit")
def aanwezigheid(request, pk, sessie):
    """One screen for a sessie: a row per visible member, hours in tab order, one submit."""
    groep = _groep(request, pk)
    try:
        sessie = Sessie.objects.select_related("groep").get(pk=sessie, groep=groep)
    except (Sessie.DoesNotExist, ValueError):
        raise Http404 from None
    leden = list(queries.zichtbare_leden(request.user, groep))
    bekend = {a.inburgeraar_id: a for a in Activiteit.objects.filter(sessie=sessie, inburgeraar__in=leden)}
    formset = aanwezigheid_formset(request.POST or None, leden=leden, sessie=sessie, bekend=bekend)
    if request.method == "POST" and formset.is_valid():
        try:
            aantal = groepen.registreer_aanwezigheid(door=request.user, sessie=sessie, rijen=formset.rijen())
        except ValidationError as fout:
            formset._non_form_errors = formset.error_class(fout.messages)
        else:
            messages.success(request, _("Aanwezigheid vastgelegd voor %(aantal)s deelnemers.") % {"aantal": aantal})
            return redirect("groepen:groep", pk=groep.pk)
    return render(
        request,
        "leerroutes/aanwezigheid.html",
        {"groep": groep, "sessie": sessie, "formset": formset, "rijen": list(zip(leden, formset.forms, strict=False))},
    )
