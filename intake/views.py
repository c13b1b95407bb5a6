"""Browser views of the brede intake: a page per step, beside a progress panel listing every step.

Each step is saved on its own. Without JavaScript a form posts and the browser goes on to the next
step (or back to the same one with the errors beside the fields); with htmx only the step and the
progress panel are swapped, with a link to the next step. Every page that renders the dossier logs
an inzage, flagged when it showed health data.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from inburgering import brieven
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


# Steps whose form adds a row (a gesprek, a no-show, the partner choice beside the gesprekken): after
# saving, the regisseur stays to add another; after every other step the next one follows.
BLIJVEN = {"gesprekken", "partner_form", "niet-verschenen"}


@lezend
def intake(request, pk):
    """The intake's first step that is still open (or the start, or the read-only summary)."""
    return _stap_pagina(request, pk, None)


@lezend
def stap(request, pk, stap):
    if stap not in STAPPEN:
        raise Http404
    return _stap_pagina(request, pk, stap)


def _stap_pagina(request, pk, stap):
    inburgeraar = get_dossier_voor(request.user, pk, INZIEN)
    intake = queries.laad_intake(inburgeraar, met_gezondheid=services.mag_gezondheid(request.user))
    return _pagina(request, inburgeraar, intake, "intake/intake.html", stap=stap)


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
    return redirect("intake:intake", pk=inburgeraar.pk)


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
            # A message may carry a link (to the missing address): keep it, escape the rest.
            messages.error(request, mark_safe(" ".join(conditional_escape(m) for m in fout.messages)))  # noqa: S308
        else:
            messages.success(request, _("De vervolgstap is vastgelegd. Verstuur de brief zelf."))
    return redirect("intake:intake_stap", pk=inburgeraar.pk, stap="niet-verschenen")


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
            # A chosen step's letter is final: without the address it goes to, it is not shown.
            "adres_ontbreekt": brieven.adres_ontbreekt(inburgeraar),
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
        return redirect("intake:intake", pk=inburgeraar.pk)
    messages.success(request, _("De brede intake is afgerond.") + " " + services.vervolg_na_afronding(inburgeraar))
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
                volgende = anker if (formnaam or anker) in BLIJVEN else _volgende(anker) or anker
                return redirect("intake:intake_stap", pk=inburgeraar.pk, stap=volgende)
            form = None
    met_gezondheid = services.mag_gezondheid(request.user)
    intake = queries.laad_intake(inburgeraar, met_gezondheid=met_gezondheid)
    gebonden = {formnaam or anker: form} if form is not None else {}
    if not request.htmx:
        return _pagina(request, inburgeraar, intake, "intake/intake.html", gebonden, stap=anker)
    context = _context(request, inburgeraar, intake, gebonden, stap=anker)
    context.update(opgeslagen=form is None)
    toont_gezondheid = anker == "gezondheid"
    dossier_services.log_inzage(
        user=request.user, inburgeraar=inburgeraar, pagina=request.path, bijzondere_persoonsgegevens=toont_gezondheid
    )
    return render(request, "intake/_antwoord.html", context)


def _pagina(request, inburgeraar, intake, template, gebonden=None, stap=None):
    context = _context(request, inburgeraar, intake, gebonden or {}, stap=stap)
    dossier_services.log_inzage(
        user=request.user,
        inburgeraar=inburgeraar,
        pagina=request.path,
        bijzondere_persoonsgegevens=context["toont_gezondheid"],
    )
    return render(request, template, context)


def _context(request, inburgeraar, intake, gebonden: dict, stap=None) -> dict:
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
    gesprekken = list(intake.gesprekken.all())
    stappen = _stappen(leefgebieden, gesprekken, lbt, intake, gemist)
    if stap is None:  # the first step still open, else the first
        stap = next((s["slug"] for s in stappen if s["klaar"] is False), STAPPEN[0])
    index = STAPPEN.index(stap)
    context.update(
        stappen=stappen,
        stap=stap,
        anker=stap,
        item=next((item for item in leefgebieden if item["sectie"].slug == stap), None),
        vorige=stappen[index - 1] if index > 0 else None,
        volgende=stappen[index + 1] if index + 1 < len(stappen) else None,
    )
    context.update(
        leefgebieden=leefgebieden,
        leefgebieden_per_slug={item["sectie"].slug: item for item in leefgebieden},
        # Health data is on a page of steps only on its own step; a summary shows every section.
        toont_gezondheid=met_gezondheid
        and secties.get("gezondheid") is not None
        and (stap == "gezondheid" or _toont_alles(request, context["mag_wijzigen"])),
        lbt=lbt,
        gesprekken=gesprekken,
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


STAPPEN = ("gesprekken", "leerbaarheidstoets", *(s.slug for s in LEEFGEBIEDEN), "advies", "niet-verschenen")


def _volgende(slug: str) -> str | None:
    index = STAPPEN.index(slug)
    return STAPPEN[index + 1] if index + 1 < len(STAPPEN) else None


def _toont_alles(request, mag_wijzigen: bool) -> bool:
    """The printable summary, and the read-only intake, show every section at once."""
    return not mag_wijzigen or request.resolver_match.url_name == "intake_samenvatting"


def _stappen(leefgebieden, gesprekken, lbt, intake, gemist) -> list[dict]:
    """Every step for the progress panel, with its state: done (True), open (False), or None where a
    step is a list that is never "done" (the no-shows)."""
    return [
        {
            "slug": "gesprekken",
            "label": _("Gesprekken"),
            "vereist": False,
            "klaar": bool(gesprekken),
            "status": ngettext("%(aantal)s gesprek", "%(aantal)s gesprekken", len(gesprekken))
            % {"aantal": len(gesprekken)},
        },
        {
            "slug": "leerbaarheidstoets",
            "label": _("Leerbaarheidstoets"),
            "vereist": True,
            "klaar": bool(lbt and lbt.is_klaar),
        },
        *(
            {
                "slug": item["sectie"].slug,
                "label": capfirst(item["sectie"].label),
                "vereist": item["sectie"].vereist,
                "klaar": item["klaar"],
                "afgeschermd": item["verborgen"],
            }
            for item in leefgebieden
        ),
        {
            "slug": "advies",
            "label": _("Advies leerroute"),
            "vereist": True,
            "klaar": bool(intake.advies_leerroute),
            "status": intake.get_advies_leerroute_display() if intake.advies_leerroute else "",
        },
        {
            "slug": "niet-verschenen",
            "label": _("Niet verschenen"),
            "vereist": False,
            "klaar": None,
            "status": str(len(gemist)),
        },
    ]


def _met_voorstel(gemist: list[NietVerschenen]) -> list[tuple[NietVerschenen, str]]:
    """Each no-show without a valid reason with the step the ladder proposes at that point."""
    resultaat, teller = [], 0
    for rij in gemist:
        if not rij.geldige_reden:
            teller += 1
            resultaat.append((rij, NietVerschenen.Vervolgstap(regels.voorgestelde_vervolgstap(teller))))
    return resultaat
