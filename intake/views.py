"""Browser views of the brede intake: one sectioned page, each section saved on its own with htmx.

Without JavaScript every form posts and comes back to the page; with htmx only the section and
the progress overview are swapped, and what was typed stays on a validation error. Every page
that renders the dossier logs an inzage, flagged when it showed health data.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inburgering import services as dossier_services
from inburgering.forms import zet_fouten_op_form
from inburgering.permissions import INZIEN, WIJZIGEN, get_dossier_voor, mag_dossier_wijzigen
from inburgering.toegang import open_dossier, recht_nodig

from . import queries, regels, services
from .forms import (
    AdviesForm,
    GesprekForm,
    LeerbaarheidstoetsForm,
    NietVerschenenForm,
    PartnerForm,
    VervolgstapForm,
    leefgebied_form,
)
from .leefgebieden import LEEFGEBIEDEN, PER_SLUG
from .models import BredeIntake, NietVerschenen

BEKIJKEN = "intake.view_bredeintake"
WIJZIGEN_INTAKE = "intake.change_bredeintake"


def lezend(view):
    """A page of the intake: logged in, with the role's right to see intakes (else 403)."""
    return login_required(recht_nodig(BEKIJKEN)(view))


def schrijvend(view):
    """A POST that changes the intake: logged in, with the role's right to change intakes (else 403)."""
    return login_required(recht_nodig(WIJZIGEN_INTAKE)(require_POST(view)))


@lezend
def intake(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, INZIEN)
    met_gezondheid = services.mag_gezondheid(request.user)
    intake = queries.laad_intake(inburgeraar, met_gezondheid=met_gezondheid)
    return _pagina(request, inburgeraar, intake, "intake/intake.html")


@lezend
def samenvatting(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, INZIEN)
    intake = queries.laad_intake(inburgeraar, met_gezondheid=services.mag_gezondheid(request.user))
    if intake is None:
        raise Http404
    return _pagina(request, inburgeraar, intake, "intake/samenvatting.html")


@schrijvend
def starten(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    try:
        services.start_intake(door=request.user, inburgeraar=inburgeraar)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("De brede intake is gestart."))
    return redirect("intake", pk=inburgeraar.pk)


@schrijvend
def gesprek(request, pk):
    return _sla_op(
        request,
        pk,
        "gesprekken",
        lambda intake: GesprekForm(request.POST),
        lambda intake, form: services.leg_gesprek_vast(door=request.user, intake=intake, gegevens=form.cleaned_data),
    )


@schrijvend
def partner(request, pk):
    return _sla_op(
        request,
        pk,
        "gesprekken",
        lambda intake: PartnerForm(request.POST, instance=intake),
        lambda intake, form: services.zet_gesprek_zonder_partner_aangeboden(
            door=request.user, intake=intake, aangeboden=form.cleaned_data["gesprek_zonder_partner_aangeboden"]
        ),
        formnaam="partner_form",
    )


@schrijvend
def leefgebied(request, pk, sectie):
    if sectie not in PER_SLUG:
        raise Http404
    gekozen = PER_SLUG[sectie]
    if gekozen.is_gezondheid and not services.mag_gezondheid(request.user):
        raise PermissionDenied
    return _sla_op(
        request,
        pk,
        gekozen.slug,
        lambda intake: leefgebied_form(gekozen)(
            request.POST, instance=gekozen.model.objects.filter(intake=intake).first()
        ),
        lambda intake, form: services.sla_leefgebied_op(
            door=request.user, intake=intake, sectie=gekozen, gegevens=form.cleaned_data
        ),
    )


@schrijvend
def leerbaarheidstoets(request, pk):
    return _sla_op(
        request,
        pk,
        "leerbaarheidstoets",
        lambda intake: LeerbaarheidstoetsForm(request.POST, instance=queries.lbt_van(intake)),
        lambda intake, form: services.sla_leerbaarheidstoets_op(
            door=request.user, intake=intake, gegevens=form.cleaned_data
        ),
    )


@schrijvend
def advies(request, pk):
    def maak_form(intake):
        route = request.POST.get(f"{AdviesForm.prefix}-advies_leerroute", "")
        return AdviesForm(request.POST, instance=intake, waarschuwingen=services.advies_waarschuwingen(intake, route))

    def opslaan(intake, form):
        try:
            services.leg_advies_vast(
                door=request.user,
                intake=intake,
                leerroute=form.cleaned_data["advies_leerroute"],
                niveau=form.cleaned_data["advies_niveau"],
                motivatie=form.cleaned_data["advies_motivatie"],
                erkend=set(form.cleaned_data["erkend"]),
            )
        except services.WaarschuwingenNietErkend as fout:
            form.toon_waarschuwingen(fout.waarschuwingen)
            raise ValidationError(
                _("Lees de waarschuwingen hieronder. Vink ze aan om het advies toch vast te leggen, of pas het aan.")
            ) from None

    return _sla_op(request, pk, "advies", maak_form, opslaan)


@schrijvend
def niet_verschenen(request, pk):
    return _sla_op(
        request,
        pk,
        "niet-verschenen",
        lambda intake: NietVerschenenForm(request.POST),
        lambda intake, form: services.registreer_niet_verschenen(door=request.user, intake=intake, **form.cleaned_data),
    )


@schrijvend
def vervolgstap(request, pk, gemist):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    gemist = get_object_or_404(NietVerschenen, pk=gemist, intake__inburgeraar=inburgeraar)
    form = VervolgstapForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een vervolgstap uit de lijst."))
    else:
        try:
            services.kies_vervolgstap(door=request.user, niet_verschenen=gemist, stap=form.cleaned_data["stap"])
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De vervolgstap is vastgelegd. Verstuur de brief zelf."))
    return redirect(reverse("intake", args=[inburgeraar.pk]) + "#niet-verschenen")


@lezend
def brief(request, pk, gemist):
    inburgeraar = open_dossier(request, pk)
    gemist = get_object_or_404(
        NietVerschenen.objects.select_related("intake"), pk=gemist, intake__inburgeraar=inburgeraar, geldige_reden=False
    )
    stap = gemist.vervolgstap or regels.voorgestelde_vervolgstap(
        NietVerschenen.objects.filter(intake=gemist.intake, geldige_reden=False, datum__lte=gemist.datum).count()
    )
    return render(
        request,
        "intake/brief.html",
        {
            "inburgeraar": inburgeraar,
            "gemist": gemist,
            "stap": NietVerschenen.Vervolgstap(stap),
            "boete_bedrag": services.boete_bedrag(),
        },
    )


@schrijvend
def afronden(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    intake = get_object_or_404(BredeIntake, inburgeraar=inburgeraar)
    try:
        services.rond_af(door=request.user, intake=intake)
    except ValidationError as fout:
        messages.error(request, _("De intake is nog niet af: ") + " ".join(fout.messages))
        return redirect("intake", pk=inburgeraar.pk)
    messages.success(request, _("De brede intake is afgerond. Het dossier is klaar voor het PIP."))
    return redirect(inburgeraar)


def _sla_op(request, pk, anker, maak_form, opslaan, formnaam=None):
    """Validate, call the service; answer htmx with the section and the progress overview."""
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    intake = get_object_or_404(BredeIntake, inburgeraar=inburgeraar)
    form = maak_form(intake)
    if form.is_valid():
        try:
            opslaan(intake, form)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            if not request.htmx:
                messages.success(request, _("Opgeslagen."))
                return redirect(reverse("intake", args=[inburgeraar.pk]) + f"#{anker}")
            form = None
    met_gezondheid = services.mag_gezondheid(request.user)
    intake = queries.laad_intake(inburgeraar, met_gezondheid=met_gezondheid)
    gebonden = {formnaam or anker: form} if form is not None else {}
    if not request.htmx:
        return _pagina(request, inburgeraar, intake, "intake/intake.html", gebonden)
    context = _context(request, inburgeraar, intake, gebonden)
    context.update(anker=anker, opgeslagen=form is None, item=context["leefgebieden_per_slug"].get(anker))
    toont_gezondheid = anker == "gezondheid"
    dossier_services.log_inzage(
        user=request.user, inburgeraar=inburgeraar, pagina=request.path, bijzondere_persoonsgegevens=toont_gezondheid
    )
    return render(request, "intake/_antwoord.html", context)


def _pagina(request, inburgeraar, intake, template, gebonden=None):
    context = _context(request, inburgeraar, intake, gebonden or {})
    dossier_services.log_inzage(
        user=request.user,
        inburgeraar=inburgeraar,
        pagina=request.path,
        bijzondere_persoonsgegevens=context["toont_gezondheid"],
    )
    return render(request, template, context)


def _context(request, inburgeraar, intake, gebonden: dict) -> dict:
    met_gezondheid = services.mag_gezondheid(request.user)
    context = {
        "inburgeraar": inburgeraar,
        "intake": intake,
        "met_gezondheid": met_gezondheid,
        "toont_gezondheid": False,
        "leefgebieden_per_slug": {},
        "mag_wijzigen": (
            request.user.has_perm(WIJZIGEN_INTAKE)
            and mag_dossier_wijzigen(request.user, inburgeraar)
            and not (intake and intake.is_afgerond)
        ),
    }
    if intake is None:
        return context
    secties = queries.secties_van(intake, met_gezondheid=met_gezondheid)
    klaar = queries.klaar_per_sectie(intake, secties)
    leefgebieden = [
        {
            "sectie": sectie,
            "object": secties.get(sectie.slug),
            "klaar": klaar[sectie.slug],
            "verborgen": sectie.slug not in secties,
            "form": gebonden.get(sectie.slug)
            or leefgebied_form(sectie)(instance=secties.get(sectie.slug) or sectie.model()),
        }
        for sectie in LEEFGEBIEDEN
    ]
    lbt = queries.lbt_van(intake)
    gemist = list(intake.niet_verschenen.all())
    context.update(
        leefgebieden=leefgebieden,
        leefgebieden_per_slug={item["sectie"].slug: item for item in leefgebieden},
        toont_gezondheid=met_gezondheid and secties.get("gezondheid") is not None,
        lbt=lbt,
        gesprekken=list(intake.gesprekken.all()),
        gemist=gemist,
        gemist_verwijtbaar=_met_voorstel(gemist),
        ontbrekend=queries.ontbrekend_voor_afronden(intake, secties),
        gesprek_zonder_partner_gehouden=any(g.zonder_partner for g in intake.gesprekken.all()),
        gesprek_form=gebonden.get("gesprekken") or GesprekForm(),
        partner_form=gebonden.get("partner_form") or PartnerForm(instance=intake),
        lbt_form=gebonden.get("leerbaarheidstoets") or LeerbaarheidstoetsForm(instance=lbt),
        advies_form=gebonden.get("advies") or AdviesForm(instance=intake),
        niet_verschenen_form=gebonden.get("niet-verschenen") or NietVerschenenForm(),
        vervolgstappen=NietVerschenen.Vervolgstap.choices,
    )
    return context


def _met_voorstel(gemist: list[NietVerschenen]) -> list[tuple[NietVerschenen, str]]:
    """Each no-show without a valid reason with the step the ladder proposes at that point."""
    resultaat, teller = [], 0
    for rij in gemist:
        if not rij.geldige_reden:
            teller += 1
            resultaat.append((rij, NietVerschenen.Vervolgstap(regels.voorgestelde_vervolgstap(teller))))
    return resultaat
