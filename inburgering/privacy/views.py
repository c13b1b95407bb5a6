"""Privacy pages: vernietigingslijsten and processen-verbaal, legal hold, AVG export, inzage log search."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import services
from ..forms import zet_fouten_op_form
from ..models import Inburgeraar, Inzage
from ..pdf import render_pdf
from ..permissions import beheerde_gemeenten, gemeenten_van_organisatie, get_dossier_voor_privacy
from ..toegang import recht_nodig
from . import avg, vernietiging
from .forms import BlokkadeForm, InzageZoekForm
from .models import ProcesVerbaal, VernietigingslijstItem

LIJSTEN = "inburgering.view_vernietigingslijst"
BLOKKEREN = "inburgering.vernietiging_blokkeren"
EXPORTEREN = "inburgering.avg_exporteren"
INZAGELOG = "inburgering.inzagelog_doorzoeken"


@login_required
@recht_nodig(LIJSTEN)
def vernietigingslijsten(request):
    voorgesteld = VernietigingslijstItem.Status.VOORGESTELD
    lijsten = (
        vernietiging.lijsten_voor(request.user)
        .select_related("goedgekeurd_door", "procesverbaal")
        .annotate(
            aantal=Count("items", filter=~Q(items__status=VernietigingslijstItem.Status.UITGEZONDERD)),
            open=Count("items", filter=Q(items__status=voorgesteld)),
        )
        .order_by("-created_at", "-pk")
    )
    pagina = Paginator(lijsten, 25).get_page(request.GET.get("pagina"))
    return render(request, "inburgering/vernietigingslijsten.html", {"pagina": pagina})


@login_required
@recht_nodig(LIJSTEN)
def vernietigingslijst(request, pk):
    lijst = get_object_or_404(vernietiging.lijsten_voor(request.user).select_related("goedgekeurd_door"), pk=pk)
    mag_goedkeuren = vernietiging.mag_goedkeuren(request.user, lijst)
    if request.method == "POST":
        if not mag_goedkeuren:
            raise PermissionDenied
        try:
            vernietiging.keur_goed(door=request.user, lijst=lijst)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De vernietigingslijst is goedgekeurd; de vernietiging is gestart."))
        return redirect("inburgering:vernietigingslijst", pk=lijst.pk)
    eigen = lijst.items.filter(gemeente__in=gemeenten_van_organisatie(request.user))
    items = eigen.select_related("gemeente", "inburgeraar").only(
        "referentie", "status", "datum_einde", "vernietigen_vanaf", "gemeente__naam",
        "inburgeraar__fase", "inburgeraar__reden_afronding", "inburgeraar__reden_uitschrijving",
    )  # fmt: skip
    return render(
        request,
        "inburgering/vernietigingslijst.html",
        {
            "lijst": lijst,
            "items": items,
            "mag_blokkeren": request.user.has_perm(BLOKKEREN),
            "mag_goedkeuren": mag_goedkeuren,
        },
    )


@login_required
@recht_nodig(LIJSTEN)
def procesverbaal(request, pk):
    pv = get_object_or_404(
        ProcesVerbaal.objects.select_related("lijst").filter(lijst__in=vernietiging.lijsten_voor(request.user)), pk=pk
    )
    context = {"pv": pv, "aantallen": sorted(pv.aantallen.items())}
    if request.GET.get("formaat") == "pdf":
        _html, pdf = render_pdf("inburgering/procesverbaal_pdf.html", context)
        return _bijlage(pdf, "application/pdf", f"proces-verbaal-{pv.pk}.pdf")
    return render(request, "inburgering/procesverbaal.html", context)


@login_required
@recht_nodig(BLOKKEREN)
def dossier_blokkade(request, pk):
    inburgeraar = get_dossier_voor_privacy(request.user, pk, BLOKKEREN)
    form = BlokkadeForm(request.POST or None)
    if request.method == "POST":
        try:
            if "opheffen" in request.POST:
                vernietiging.hef_blokkade_op(door=request.user, inburgeraar=inburgeraar)
                messages.success(request, _("De blokkade is opgeheven."))
                return redirect("inburgering:dossier_blokkade", pk=pk)
            if form.is_valid():
                vernietiging.blokkeer(door=request.user, inburgeraar=inburgeraar, reden=form.cleaned_data["reden"])
                messages.success(request, _("Het dossier is geblokkeerd voor vernietiging."))
                return redirect("inburgering:dossier_blokkade", pk=pk)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
    return render(request, "inburgering/dossier_blokkade.html", {"inburgeraar": inburgeraar, "form": form})


@login_required
@recht_nodig(EXPORTEREN)
def avg_export(request, pk):
    """The person's AVG inzage: JSON or PDF. Producing it is itself an inzage, of health data too."""
    inburgeraar = get_dossier_voor_privacy(request.user, pk, EXPORTEREN)
    services.log_inzage(
        user=request.user, inburgeraar=inburgeraar, pagina=request.get_full_path(), bijzondere_persoonsgegevens=True
    )
    gegevens = avg.verzamel(inburgeraar)
    naam = f"avg-inzage-{inburgeraar.pk}-{timezone.localdate():%Y%m%d}"
    if request.GET.get("formaat") == "pdf":
        _html, pdf = render_pdf("inburgering/avg_export_pdf.html", {"gegevens": gegevens})
        return _bijlage(pdf, "application/pdf", f"{naam}.pdf")
    inhoud = json.dumps(gegevens, ensure_ascii=False, indent=2, default=str).encode()
    return _bijlage(inhoud, "application/json", f"{naam}.json")


def _bijlage(inhoud: bytes, soort: str, bestandsnaam: str) -> HttpResponse:
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


@login_required
@recht_nodig(INZAGELOG)
def inzagelog(request):
    form = InzageZoekForm(request.GET or None)
    inzages = Inzage.objects.none()
    if form.is_bound and form.is_valid() and any(form.cleaned_data.values()):
        # Only what concerns the gemeenten the privacyfunctionaris' organisatie serves (gemeenten_van_organisatie).
        inzages = (
            _zoek_inzages(form.cleaned_data)
            .filter(inburgeraar__gemeente__in=gemeenten_van_organisatie(request.user))
            .select_related("user")
        )
    pagina = Paginator(inzages, settings.INZAGELOG_PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    zoekterm = request.GET.copy()
    zoekterm.pop("pagina", None)
    dossier = None
    if form.is_bound and form.is_valid() and form.cleaned_data["bsn"] and request.user.has_perm(EXPORTEREN):
        dossier = Inburgeraar.objects.filter(
            bsn=form.cleaned_data["bsn"],
            vernietigd_op__isnull=True,
            gemeente__in=gemeenten_van_organisatie(request.user),
        ).first()
    return render(
        request,
        "inburgering/inzagelog.html",
        {"form": form, "pagina": pagina, "zoekterm": zoekterm.urlencode(), "dossier": dossier},
    )


def _zoek_inzages(gegevens: dict):
    inzages = Inzage.objects.order_by("-tijdstip", "-pk")
    if gegevens["bsn"]:
        inzages = inzages.filter(bsn=gegevens["bsn"])
    if gegevens["gebruiker"]:
        term = gegevens["gebruiker"]
        inzages = inzages.filter(
            Q(user__username__iexact=term) | Q(user__first_name__icontains=term) | Q(user__last_name__icontains=term)
        )
    if gegevens["van"]:
        inzages = inzages.filter(tijdstip__date__gte=gegevens["van"])
    if gegevens["tot"]:
        inzages = inzages.filter(tijdstip__date__lte=gegevens["tot"])
    return inzages


@login_required
@recht_nodig("inburgering.change_gemeente")
def gemeente_logo(request, pk):
    """The letterhead logo for the functioneel beheerder who manages it; validated as PNG or JPEG
    on upload, sent as an attachment so a browser never renders it in our origin by surprise."""
    gemeente = get_object_or_404(beheerde_gemeenten(request.user), pk=pk)
    if not gemeente.logo:
        raise Http404
    return FileResponse(gemeente.logo.open("rb"), as_attachment=True, filename=gemeente.logo.name.rsplit("/", 1)[-1])
