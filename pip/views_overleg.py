"""The PIP-team's casuïstiekoverleg in the browser: the list, planning, the agenda with its minutes, PDFs.

An overleg is reached by its voorzitter and deelnemers only (404 for anyone else); its agenda shows each
user only the dossiers the visibility rule gives them, and every dossier shown is logged as an inzage.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inburgering.forms import waarschuw_voor_vrije_dag, zet_fouten_op_form
from inburgering.models import User
from inburgering.toegang import recht_nodig

from . import overleg as diensten
from .forms_overleg import AfspraakForm, AgendapuntForm, BesprekingForm, OverlegForm
from .models import Afspraak, Agendapunt, Overleg
from .pdf import render_pdf

BEKIJKEN = "pip.view_overleg"
VASTLEGGEN = "pip.add_overleg"


def lezend(view):
    return login_required(recht_nodig(BEKIJKEN)(view))


def schrijvend(view):
    return login_required(recht_nodig(VASTLEGGEN)(require_POST(view)))


def _overleg(user, pk) -> Overleg:
    try:
        return diensten.overleggen_voor(user).select_related("voorzitter").get(pk=pk)
    except (Overleg.DoesNotExist, ValueError):
        raise Http404 from None


def _punt(user, overleg, punt) -> Agendapunt:
    gevonden = diensten.agendapunten_voor(user, overleg).filter(pk=punt).first()
    if gevonden is None:
        raise Http404
    return gevonden


@lezend
def overleggen(request):
    vandaag = timezone.localdate()
    alle = diensten.overleggen_voor(request.user).select_related("voorzitter")
    return render(
        request,
        "pip/overleggen.html",
        {
            "komend": list(alle.filter(datum__gte=vandaag).order_by("datum", "pk")[:50]),
            "geweest": list(alle.filter(datum__lt=vandaag)[:50]),
            "mijn_afspraken": list(
                Afspraak.objects.filter(eigenaar=request.user, afgerond_op__isnull=True)
                .select_related("agendapunt__overleg")
                .order_by("uiterlijk", "pk")[:50]
            ),
        },
    )


@login_required
@recht_nodig(VASTLEGGEN)
def plannen(request):
    form = OverlegForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            overleg = diensten.plan_overleg(door=request.user, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het overleg is gepland. Zet nu de dossiers op de agenda."))
            waarschuw_voor_vrije_dag(request, overleg.datum)
            return redirect("overleggen:overleg", pk=overleg.pk)
    return render(request, "pip/overleg_plannen.html", {"form": form})


def _eigenaren(overleg) -> list[tuple[int, str]]:
    mensen = User.objects.filter(Q(pk=overleg.voorzitter_id) | Q(overleggen=overleg)).distinct()
    return [(u.pk, u.get_full_name() or u.username) for u in mensen.order_by("first_name", "username")]


@lezend
def overleg(request, pk):
    return _pagina(request, _overleg(request.user, pk))


def _pagina(request, overleg, gebonden=None, status=200):
    gebonden = gebonden or {}
    punten = list(diensten.agendapunten_voor(request.user, overleg))
    diensten.log_inzagen(user=request.user, punten=punten, pagina=request.path)
    is_voorzitter = overleg.voorzitter_id == request.user.pk and request.user.has_perm(VASTLEGGEN)
    eigenaren = _eigenaren(overleg) if is_voorzitter else []
    for punt in punten:
        if is_voorzitter:
            punt.bespreking_form = gebonden.get(("bespreking", punt.pk)) or BesprekingForm(
                prefix=f"b{punt.pk}", initial={"besproken": punt.besproken}
            )
            punt.afspraak_form = gebonden.get(("afspraak", punt.pk)) or AfspraakForm(
                prefix=f"a{punt.pk}", eigenaren=eigenaren
            )
    context = {
        "overleg": overleg,
        "punten": punten,
        "deelnemers": list(overleg.deelnemers.order_by("first_name", "username")),
        "is_voorzitter": is_voorzitter,
        "agenda_form": (gebonden.get("agenda") or AgendapuntForm(user=request.user)) if is_voorzitter else None,
    }
    return render(request, "pip/overleg.html", context, status=status)


@schrijvend
def agendapunt(request, pk):
    overleg = _overleg(request.user, pk)
    form = AgendapuntForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            diensten.zet_op_agenda(door=request.user, overleg=overleg, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het dossier staat op de agenda."))
            return redirect("overleggen:overleg", pk=overleg.pk)
    return _pagina(request, overleg, {"agenda": form})


@schrijvend
def bespreking(request, pk, punt):
    overleg = _overleg(request.user, pk)
    agendapunt = _punt(request.user, overleg, punt)
    form = BesprekingForm(request.POST, prefix=f"b{agendapunt.pk}")
    if form.is_valid():
        try:
            diensten.leg_bespreking_vast(door=request.user, agendapunt=agendapunt, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het verslag van dit agendapunt is vastgelegd."))
            return redirect(reverse("overleggen:overleg", args=[overleg.pk]) + f"#punt-{agendapunt.pk}")
    return _pagina(request, overleg, {("bespreking", agendapunt.pk): form})


@schrijvend
def afspraak(request, pk, punt):
    overleg = _overleg(request.user, pk)
    agendapunt = _punt(request.user, overleg, punt)
    eigenaren = _eigenaren(overleg)
    form = AfspraakForm(request.POST, prefix=f"a{agendapunt.pk}", eigenaren=eigenaren)
    if form.is_valid():
        gegevens = dict(form.cleaned_data)
        gegevens["eigenaar"] = User.objects.get(pk=gegevens["eigenaar"])
        try:
            diensten.maak_afspraak(door=request.user, agendapunt=agendapunt, **gegevens)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("De afspraak is vastgelegd en staat op de tijdlijn van het dossier."))
            waarschuw_voor_vrije_dag(request, gegevens.get("uiterlijk"))
            return redirect(reverse("overleggen:overleg", args=[overleg.pk]) + f"#punt-{agendapunt.pk}")
    return _pagina(request, overleg, {("afspraak", agendapunt.pk): form})


@login_required
@recht_nodig(BEKIJKEN)
@require_POST
def afspraak_afgerond(request, pk, afspraak):
    overleg = _overleg(request.user, pk)
    gevonden = Afspraak.objects.filter(
        pk=afspraak, agendapunt__in=diensten.agendapunten_voor(request.user, overleg).values("pk")
    ).first()
    if gevonden is None:
        raise Http404
    try:
        diensten.rond_afspraak_af(door=request.user, afspraak=gevonden)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("De afspraak is afgerond; het signaal ervan is gesloten."))
    return redirect(reverse("overleggen:overleg", args=[overleg.pk]) + f"#punt-{gevonden.agendapunt_id}")


def _pdf(request, pk, soort: str):
    overleg = _overleg(request.user, pk)
    punten = list(diensten.agendapunten_voor(request.user, overleg))
    diensten.log_inzagen(user=request.user, punten=punten, pagina=request.path)
    context = {
        "overleg": overleg,
        "punten": punten,
        "deelnemers": list(overleg.deelnemers.order_by("first_name", "username")),
        "verslag": soort == "verslag",
    }
    _html, inhoud = render_pdf("pip/overleg_pdf.html", context)
    response = HttpResponse(inhoud, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="overleg-{overleg.pk}-{soort}.pdf"'
    return response


@lezend
def agenda_pdf(request, pk):
    return _pdf(request, pk, "agenda")


@lezend
def verslag_pdf(request, pk):
    return _pdf(request, pk, "verslag")
