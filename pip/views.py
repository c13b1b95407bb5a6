"""Browser views of the PIP: one page per dossier, plain posts that come back to it, and downloads.

Every view opens the dossier through the visibility rule (404 for others) and logs the inzage.
A validation error shows the page again with the form as typed and the message beside the field.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inburgering import brieven
from inburgering.forms import waarschuw_voor_vrije_dag, zet_fouten_op_form
from inburgering.models import Regime
from inburgering.permissions import WIJZIGEN, mag_dossier_wijzigen
from inburgering.toegang import open_dossier, recht_nodig

from . import handhaven, queries, services
from .forms import ConceptForm, DerdenForm, HandhavingForm, IntrekkingForm, VoortgangsgesprekForm, WijzigingForm
from .models import Handhaving, Pip
from .teksten import inhoud_in_gewone_taal, verschillen

BEKIJKEN = "pip.view_pip"
WIJZIGEN_PIP = "pip.change_pip"


def lezend(view):
    return login_required(recht_nodig(BEKIJKEN)(view))


def schrijvend(view, perm=WIJZIGEN_PIP):
    return login_required(recht_nodig(perm)(require_POST(view)))


def _terug(inburgeraar, anker=""):
    return redirect(reverse("pip:pip", args=[inburgeraar.pk]) + (f"#{anker}" if anker else ""))


@lezend
def pip(request, pk):
    inburgeraar = open_dossier(request, pk)
    return _pagina(request, inburgeraar)


def _pagina(request, inburgeraar, **gebonden):
    versies = queries.versies(inburgeraar)
    concept = next((v for v in versies if v.is_concept), None)
    vastgesteld = [v for v in versies if not v.is_concept]
    huidig = vastgesteld[0] if vastgesteld else None
    gesprekken = queries.voortgangsgesprekken(inburgeraar)
    wi2013 = inburgeraar.regime == Regime.WI2013  # no PIP under the old law: its actions are hidden
    mag_wijzigen = (
        not wi2013 and request.user.has_perm(WIJZIGEN_PIP) and mag_dossier_wijzigen(request.user, inburgeraar)
    )
    context = {
        "wi2013": wi2013,
        "inburgeraar": inburgeraar,
        "concept": concept,
        "huidig": huidig,
        "huidig_inhoud": inhoud_in_gewone_taal(huidig) if huidig else [],
        "versies": [(v, verschillen(v.vorige, v) if v.vorige_id else []) for v in vastgesteld],
        "concept_verschillen": verschillen(concept.vorige, concept) if concept and concept.vorige_id else [],
        "termijn_start": services.regels.termijn_start(inburgeraar.datum_eerste_pip),
        "gesprekken": gesprekken,
        "planning": queries.planning(inburgeraar, huidig, gesprekken),
        "handhavingen": list(inburgeraar.handhavingen.all()),
        "mag_wijzigen": mag_wijzigen,
        "mag_voortgang": mag_wijzigen and request.user.has_perm("pip.add_voortgangsgesprek"),
        "mag_handhaven": mag_wijzigen and request.user.has_perm("pip.add_handhaving"),
    }
    if mag_wijzigen:
        context.update(
            concept_form=gebonden.get("concept_form") or (ConceptForm(instance=concept) if concept else None),
            wijziging_form=gebonden.get("wijziging_form") or WijzigingForm(),
            derden_form=gebonden.get("derden_form")
            or DerdenForm(
                initial={
                    "sinds": inburgeraar.wacht_op_derden_sinds,
                    "ontvangen_op": inburgeraar.informatie_derden_ontvangen_op,
                }
            ),
            voortgang_form=gebonden.get("voortgang_form") or VoortgangsgesprekForm(initial=_voortgang_voorstel(huidig)),
        )
    return render(request, "pip/pip.html", context)


def _voortgang_voorstel(huidig) -> dict:
    """A gesprek held today, and the next one when the PIP's frequency puts it; both can be changed."""
    vandaag = timezone.localdate()
    if huidig is None:
        return {"datum": vandaag}
    volgende = services.regels.volgend_voortgangsgesprek(
        datum_huidige_pip=None, laatste_gesprek=vandaag, afgesproken=None, maanden=huidig.voortgangsgesprek_maanden
    )
    return {"datum": vandaag, "volgende_datum": volgende}


@schrijvend
def starten(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    try:
        services.start_concept(door=request.user, inburgeraar=inburgeraar)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het concept-PIP is klaar om in te vullen, met het advies van de brede intake."))
    return _terug(inburgeraar, "concept")


@schrijvend
def opslaan(request, pk):
    """Save the concept; with the button 'vaststellen' also fix it as a beschikking."""
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    concept = get_object_or_404(Pip, inburgeraar=inburgeraar, status=Pip.Status.CONCEPT)
    vaststellen = "vaststellen" in request.POST
    form = ConceptForm(request.POST, instance=concept, vaststellen=vaststellen)
    if form.is_valid():
        try:
            concept = services.wijzig_concept(door=request.user, pip=concept, gegevens=form.inhoud())
            if vaststellen:
                concept = services.stel_vast(
                    door=request.user, pip=concept, dagtekening=form.cleaned_data["dagtekening"]
                )
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            if vaststellen:
                messages.success(
                    request,
                    _("Het PIP is vastgesteld (kenmerk %(kenmerk)s). Download de beschikking en verstuur die.")
                    % {"kenmerk": concept.kenmerk},
                )
                return _terug(inburgeraar, "versies")
            messages.success(request, _("Het concept is opgeslagen."))
            return _terug(inburgeraar, "concept")
    # Saving the content may have worked while vaststellen did not: show the page with the form as typed.
    return _pagina(request, inburgeraar, concept_form=form)


@lezend
def voorbeeld(request, pk):
    """The concept as a PDF marked CONCEPT, to read before vaststellen. Never stored."""
    inburgeraar = open_dossier(request, pk)
    concept = get_object_or_404(
        Pip.objects.select_related("vorige"), inburgeraar=inburgeraar, status=Pip.Status.CONCEPT
    )
    concept.inburgeraar = inburgeraar
    response = HttpResponse(services.concept_pdf(concept), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="concept-pip-{inburgeraar.pk}.pdf"'
    return response


@lezend
def download(request, pk, versie):
    inburgeraar = open_dossier(request, pk)
    pip = get_object_or_404(Pip.objects.vastgesteld(), inburgeraar=inburgeraar, versie=versie)
    if not pip.pdf:
        if fout := brieven.adres_ontbreekt(inburgeraar):
            messages.error(request, fout)  # no final letter renders without the address it goes to
            return _terug(inburgeraar, "versies")
        # Fixed in a batch (or by the demo) whose rendering task has not run yet: render and store it now, once.
        services.bewaar_ontbrekende_pdf(pip_id=pip.pk)
        pip.refresh_from_db(fields=["pdf", "sha256"])
    if not pip.pdf:
        raise Http404
    return FileResponse(pip.pdf.open("rb"), as_attachment=True, filename=f"{pip.kenmerk}.pdf")


@schrijvend
def wijziging(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = WijzigingForm(request.POST)
    if form.is_valid():
        try:
            services.start_wijziging(
                door=request.user,
                inburgeraar=inburgeraar,
                reden=form.cleaned_data["reden"],
                toelichting=form.cleaned_data["toelichting"],
            )
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("De wijziging staat klaar als concept. Pas aan wat verandert en stel vast."))
            return _terug(inburgeraar, "concept")
    return _pagina(request, inburgeraar, wijziging_form=form)


@schrijvend
def concept_verwijderen(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    concept = get_object_or_404(Pip, inburgeraar=inburgeraar, status=Pip.Status.CONCEPT)
    services.verwijder_concept(door=request.user, pip=concept)
    messages.success(request, _("Het concept is verwijderd."))
    return _terug(inburgeraar)


@schrijvend
def derden(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = DerdenForm(request.POST)
    if form.is_valid():
        try:
            services.zet_wachten_op_derden(door=request.user, inburgeraar=inburgeraar, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Opgeslagen."))
            return _terug(inburgeraar, "derden")
    return _pagina(request, inburgeraar, derden_form=form)


def _voortgang(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = VoortgangsgesprekForm(request.POST)
    if form.is_valid():
        try:
            services.leg_voortgangsgesprek_vast(door=request.user, inburgeraar=inburgeraar, gegevens=form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het voortgangsgesprek is vastgelegd."))
            waarschuw_voor_vrije_dag(request, form.cleaned_data["volgende_datum"])
            return _terug(inburgeraar, "voortgang")
    return _pagina(request, inburgeraar, voortgang_form=form)


voortgangsgesprek = schrijvend(_voortgang, perm="pip.add_voortgangsgesprek")


@login_required
@recht_nodig("pip.add_handhaving")
def handhaving(request, pk):
    """Record a waarschuwing or boete the regisseur decided on. Nothing is imposed automatically."""
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = HandhavingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            besluit = handhaven.leg_vast(door=request.user, inburgeraar=inburgeraar, gegevens=form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(
                request,
                _("%(soort)s vastgelegd (kenmerk %(kenmerk)s). Download de beschikking en verstuur die.")
                % {"soort": besluit.get_soort_display(), "kenmerk": besluit.kenmerk},
            )
            return _terug(inburgeraar, "handhaving")
    return render(request, "pip/handhaving.html", {"inburgeraar": inburgeraar, "form": form})


@login_required
@recht_nodig("pip.add_handhaving")
def handhaving_intrekken(request, pk, besluit):
    """Withdraw a waarschuwing or boete, with the reason the letter gives (after a bezwaar, say)."""
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    besluit = get_object_or_404(Handhaving, inburgeraar=inburgeraar, pk=besluit)
    form = IntrekkingForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not besluit.ingetrokken_op:
        try:
            handhaven.trek_in(
                door=request.user,
                handhaving=besluit,
                datum=form.cleaned_data["ingetrokken_op"],
                reden=form.cleaned_data["reden_intrekking"],
            )
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(
                request,
                _("%(soort)s ingetrokken. Download het besluit tot intrekking en verstuur het.")
                % {"soort": besluit.get_soort_display()},
            )
            return _terug(inburgeraar, "handhaving")
    context = {"inburgeraar": inburgeraar, "besluit": besluit, "form": form}
    return render(request, "pip/handhaving_intrekken.html", context)


@lezend
def handhaving_download(request, pk, besluit):
    """The beschikking of a waarschuwing or boete; with ?brief=intrekking the letter that withdrew it."""
    inburgeraar = open_dossier(request, pk)
    besluit = get_object_or_404(Handhaving, inburgeraar=inburgeraar, pk=besluit)
    intrekking = request.GET.get("brief") == "intrekking"
    pdf, naam = (
        (besluit.intrekking_pdf, f"{besluit.kenmerk}-intrekking") if intrekking else (besluit.pdf, besluit.kenmerk)
    )
    if not pdf:
        raise Http404
    return FileResponse(pdf.open("rb"), as_attachment=True, filename=f"{naam}.pdf")
