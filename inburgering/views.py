"""Browser views of the core: caseload and dossier. Thin: forms validate, services write."""

import datetime

from auditlog.models import LogEntry

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import navigatie, opmaak, services
from .dossier_secties import secties_voor
from .duo.queries import duo_acties, open_duo_acties
from .fasen import LOPEND
from .forms import (
    AfhandelForm,
    CaseloadFilterForm,
    DossierForm,
    FaseForm,
    OverdrachtForm,
    RegisseurForm,
    RegistratieForm,
    SignalenFilterForm,
    UitstelForm,
    zet_fouten_op_form,
)
from .models import Inburgeraar, Signaal, Termijn
from .paginering import BegrensdePaginator
from .permissions import INZIEN, WIJZIGEN, get_dossier_voor, mag_dossier_wijzigen
from .rollen import TEAMLEIDER, heeft_rol
from .toegang import open_dossier, recht_nodig


@login_required
def start(request):
    """The home page, where login lands: the werkvoorraad for those who work on dossiers, else the page
    of their own work (figures for the beleidsmedewerker, the inzage log for the privacy officer,
    the referred inburgeraars for the begeleider, beheer for the functioneel beheerder). The start pages
    are registered in inburgering.navigatie, the apps' by the apps."""
    user = request.user
    if not user.has_perm("inburgering.view_inburgeraar"):
        if paginas := navigatie.startpaginas(user):
            return redirect(paginas[0].url_naam)
        if user.is_staff:
            return redirect("admin:index")
        return redirect("inburgering:caseload")
    return redirect("inburgering:werkvoorraad")


def favicon(request):
    """Browsers ask for /favicon.ico on pages without an icon link (the admin, downloads).

    The static URL is looked up per request: with the manifest storage of production it exists only
    after collectstatic, which must not be needed to import the URLconf."""
    return redirect(static("img/favicon.svg"), permanent=True)


@login_required
def caseload(request):
    form = CaseloadFilterForm(request.GET or None, user=request.user)
    dossiers = Inburgeraar.objects.zichtbaar_voor(request.user).select_related("gemeente", "regisseur")
    if not request.user.has_perm("inburgering.view_inburgeraar"):
        # The caseload is the regisseur's tool; a partner reaches referred dossiers on pages of its own.
        dossiers = dossiers.none()
    dossiers = form.filter(dossiers).prefetch_related(
        Prefetch("termijnen", Termijn.objects.filter(uiterste_datum__isnull=True), to_attr="onbekende_termijnen")
    )
    # A search sorts its matches (forms._volgorde_na_zoeken): narrow rows, keys first. Without one the page
    # reads its rows straight from an index in order, a few ms faster in one query.
    zoekt = form.is_valid() and bool(form.cleaned_data["q"].strip())
    pagina = BegrensdePaginator(dossiers, settings.CASELOAD_PAGINA_GROOTTE, sleutels_eerst=zoekt).get_page(
        request.GET.get("pagina")
    )
    # With htmx (filtering as you type) only the results are sent; without JavaScript the whole page.
    template = "inburgering/_caseload_resultaten.html" if request.htmx else "inburgering/caseload.html"
    context = {"form": form, "pagina": pagina, "sortering": form.data.get("sorteer") or "naam"}
    if not request.user.has_perm("inburgering.view_inburgeraar"):
        context["elders"] = [p for p in navigatie.startpaginas(request.user) if p.uitleg]
    return render(request, template, context)


@login_required
@recht_nodig("inburgering.add_inburgeraar")
def dossier_registreren(request):
    form = RegistratieForm(request.POST or None, user=request.user, pagina=request.path)
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        huisgenoot = gegevens.pop("huishouden_bsn")
        try:
            inburgeraar = services.registreer_dossier(door=request.user, gegevens=gegevens, huishouden_van=huisgenoot)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Dossier van %(naam)s is geregistreerd.") % {"naam": inburgeraar.naam})
            return redirect(inburgeraar)
    return render(request, "inburgering/dossier_registreren.html", {"form": form})


# The overview shows the latest events; the Tijdlijn section has them all.
LAATSTE_GEBEURTENISSEN = 10


@login_required
# Only roles that work the whole dossier: a begeleider's referral reaches a limited page instead.
@recht_nodig("inburgering.view_inburgeraar")
def dossier(request, pk):
    inburgeraar = open_dossier(request, pk)
    mag_wijzigen = mag_dossier_wijzigen(request.user, inburgeraar)
    context = {
        "inburgeraar": inburgeraar,
        "tijdlijn": inburgeraar.tijdlijn.select_related("actor", "gemeente")[:LAATSTE_GEBEURTENISSEN],
        "huisgenoten": _huisgenoten(request.user, inburgeraar),
        "mag_wijzigen": mag_wijzigen,
        "is_lopend": inburgeraar.fase in LOPEND,
        "termijnen": inburgeraar.termijnen.order_by(F("uiterste_datum").asc(nulls_first=True), "pk"),
        "vandaag": timezone.localdate(),
        "duo_acties": duo_acties(inburgeraar),
        "secties": secties_voor(request.user),
    }
    if mag_wijzigen:
        context["regisseur_form"] = RegisseurForm(inburgeraar=inburgeraar)
        context["fase_form"] = FaseForm(inburgeraar=inburgeraar)
    return render(request, "inburgering/dossier.html", context)


def _huisgenoten(user, inburgeraar):
    if inburgeraar.huishouden_id is None:
        return []
    return list(
        Inburgeraar.objects.zichtbaar_voor(user)
        .filter(huishouden_id=inburgeraar.huishouden_id)
        .exclude(pk=inburgeraar.pk)
        .only("pk", "voornamen", "tussenvoegsel", "achternaam")
    )


@login_required
@recht_nodig("inburgering.change_inburgeraar")
def dossier_wijzigen(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = DossierForm(request.POST or None, instance=inburgeraar, user=request.user, pagina=request.path)
    if request.method == "POST" and form.is_valid():
        try:
            gewijzigd = services.wijzig_dossier(
                door=request.user, inburgeraar=inburgeraar, wijzigingen=form.cleaned_data
            )
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            if gewijzigd:
                messages.success(request, _("De wijzigingen zijn opgeslagen."))
            else:
                messages.info(request, _("Er was niets gewijzigd."))
            return redirect(inburgeraar)
    return render(request, "inburgering/dossier_wijzigen.html", {"form": form, "inburgeraar": inburgeraar})


@login_required
@recht_nodig("inburgering.change_inburgeraar")
@require_POST
def regisseur_toewijzen(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    form = RegisseurForm(request.POST, inburgeraar=inburgeraar)
    if form.is_valid():
        try:
            services.wijs_regisseur_toe(
                door=request.user, inburgeraar=inburgeraar, regisseur=form.cleaned_data["regisseur"]
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("Casusregisseur toegewezen."))
    else:
        messages.error(request, _("Kies een casusregisseur uit de lijst."))
    return redirect(inburgeraar)


@login_required
@recht_nodig("inburgering.change_inburgeraar")
@require_POST
def fase_wijzigen(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    form = FaseForm(request.POST, inburgeraar=inburgeraar)
    if form.is_valid():
        try:
            services.wijzig_fase(
                door=request.user,
                inburgeraar=inburgeraar,
                fase=form.cleaned_data["fase"],
                reden_uitschrijving=form.cleaned_data["reden_uitschrijving"],
                reden_afronding=form.cleaned_data.get("reden_afronding", ""),
                uitstroom=form.cleaned_data["uitstroom"],
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De fase is gewijzigd."))
    else:
        messages.error(request, " ".join(str(e) for fouten in form.errors.values() for e in fouten))
    return redirect(inburgeraar)


@login_required
@recht_nodig("inburgering.change_inburgeraar")
def dossier_overdragen(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = OverdrachtForm(request.POST or None, inburgeraar=inburgeraar)
    if request.method == "POST" and form.is_valid():
        naar = form.cleaned_data["naar"]
        services.draag_over(
            door=request.user, inburgeraar=inburgeraar, naar=naar, toelichting=form.cleaned_data["toelichting"]
        )
        messages.success(
            request,
            _("Het dossier is overgedragen aan gemeente %(gemeente)s.") % {"gemeente": naar},
        )
        if Inburgeraar.objects.zichtbaar_voor(request.user).filter(pk=inburgeraar.pk).exists():
            return redirect(inburgeraar)
        return redirect("inburgering:caseload")
    return render(request, "inburgering/dossier_overdragen.html", {"form": form, "inburgeraar": inburgeraar})


@login_required
@recht_nodig("inburgering.historie_inzien")
def dossier_historie(request, pk):
    inburgeraar = open_dossier(request, pk)
    wijzigingen = LogEntry.objects.get_for_object(inburgeraar).select_related("actor").order_by("-timestamp")
    return render(
        request,
        "inburgering/dossier_historie.html",
        {"inburgeraar": inburgeraar, "wijzigingen": wijzigingen[:500]},
    )


# Signalen: the inbox of reminders about deadlines ------------------------------------------


ONBEKEND_OP_PAGINA = 50


def _signalen_voor(user, perm=INZIEN):
    """Signalen of the dossiers the visibility rule lets `user` reach (one query with subqueries)."""
    return Signaal.objects.filter(termijn__inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user, perm))


@login_required
@recht_nodig("inburgering.view_signaal")
def signalen(request):
    form = SignalenFilterForm(request.GET or None)
    # A regisseur starts with their own caseload's signalen; a teamleider with the team's.
    standaard_van = "team" if heeft_rol(request.user, TEAMLEIDER) else "mijn"
    open_signalen = form.filter(
        _signalen_voor(request.user)
        .filter(status=Signaal.Status.OPEN)
        .exclude(gesnoozed_tot__gt=timezone.localdate())
        .select_related("termijn__inburgeraar__gemeente", "termijn__inburgeraar__regisseur"),
        request.user,
        standaard_van=standaard_van,
    )
    # Unknown deadlines apart, above the rest: nothing tells how close they are (index signaal_inbox
    # serves the dated ones in their order).
    onbekend = list(open_signalen.filter(uiterste_datum__isnull=True).order_by("pk")[:ONBEKEND_OP_PAGINA])
    gedateerd = open_signalen.filter(uiterste_datum__isnull=False).order_by("uiterste_datum", "niveau", "pk")
    pagina = BegrensdePaginator(gedateerd, 50).get_page(request.GET.get("pagina"))
    # DUO's events that ask the regisseur to act are no deadlines, but belong in the same inbox.
    dossiers = Inburgeraar.objects.zichtbaar_voor(request.user)
    if ((form.cleaned_data.get("van") if form.is_valid() else "") or standaard_van) == "mijn":
        dossiers = dossiers.filter(regisseur=request.user)
    return render(
        request,
        "inburgering/signalen.html",
        {
            "form": form,
            "pagina": pagina,
            "onbekend": onbekend,
            "standaard_van": standaard_van,
            "vandaag": timezone.localdate(),
            "duo": open_duo_acties(dossiers),
            "afgehandeld": _onlangs_afgehandeld(request.user),
        },
    )


def _onlangs_afgehandeld(user) -> list[Signaal]:
    """The signals this user closed in the last two weeks, so a mistaken afhandeling can be undone."""
    if not user.has_perm("inburgering.change_signaal"):
        return []
    return list(
        _signalen_voor(user, WIJZIGEN)
        .filter(
            status=Signaal.Status.AFGEHANDELD,
            afgehandeld_door=user,
            gesloten_op__gte=timezone.now() - datetime.timedelta(days=14),
        )
        .select_related("termijn__inburgeraar")
        .order_by("-gesloten_op")[:20]
    )


def _signaal_voor_wijziging(request, pk) -> Signaal:
    try:
        return _signalen_voor(request.user, WIJZIGEN).select_related("termijn__inburgeraar").get(pk=pk)
    except (Signaal.DoesNotExist, ValueError):
        raise Http404 from None


@login_required
@recht_nodig("inburgering.change_signaal")
def signaal_afhandelen(request, pk):
    signaal = _signaal_voor_wijziging(request, pk)
    form = AfhandelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.handel_signaal_af(door=request.user, signaal=signaal, **form.cleaned_data)
        except ValidationError as fout:
            if fout.code == "gesloten":
                messages.error(request, " ".join(fout.messages))
                return redirect("inburgering:signalen")
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het signaal is afgehandeld. Onder de lijst kunt u het weer openen."))
            return redirect("inburgering:signalen")
    return render(request, "inburgering/signaal_afhandelen.html", {"form": form, "signaal": signaal})


@login_required
@recht_nodig("inburgering.change_signaal")
@require_POST
def signaal_heropenen(request, pk):
    signaal = _signaal_voor_wijziging(request, pk)
    try:
        services.heropen_signaal(door=request.user, signaal=signaal)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("Het signaal staat weer open."))
    return redirect("inburgering:signalen")


@login_required
@recht_nodig("inburgering.change_signaal")
def signaal_uitstellen(request, pk):
    signaal = _signaal_voor_wijziging(request, pk)
    form = UitstelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.stel_signaal_uit(door=request.user, signaal=signaal, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(
                request,
                _("Het signaal is uitgesteld tot %(datum)s.") % {"datum": opmaak.datum(form.cleaned_data["tot"])},
            )
            return redirect("inburgering:signalen")
    return render(request, "inburgering/signaal_uitstellen.html", {"form": form, "signaal": signaal})
