"""Browser views of ontzorgen. Thin: forms check, services write, the core's rule finds dossiers.

Two audiences. The regisseur works from a dossier (verwijzingen, ontzorgen, hours, meldingen)
and approves hours. The maatschappelijk begeleider has pages of their own that show only what
the work needs (masked BSN, contact, language, household), never the regisseur's dossier page.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inburgering import opmaak
from inburgering.forms import zet_fouten_op_form
from inburgering.models import Inburgeraar
from inburgering.permissions import WIJZIGEN, get_dossier_voor, mag_dossier_wijzigen
from inburgering.queries import regisseurs_voor_gebruiker
from inburgering.toegang import open_dossier, recht_nodig
from pip.queries import participatieafspraken

from . import services
from .forms import (
    BijstandEindeForm,
    BijstandStartForm,
    CorrectieForm,
    GoedkeurenForm,
    MeldingAfhandelenForm,
    MeldingForm,
    OntzorgingBeeindigenForm,
    OntzorgingForm,
    VasteLastenFormSet,
    VerlengingForm,
    VerwijzingBeeindigenForm,
    VerwijzingForm,
    WeekFormSet,
    week_van,
)
from .models import Urenregistratie, Urensoort, Verwijzing
from .queries import DuoUren, doorverwezen_dossiers, te_beoordelen_uren, uren_totalen


def _gelabeld(totalen: dict) -> dict:
    return {
        **totalen,
        "per_soort_gelabeld": [(Urensoort(k).label, v) for k, v in totalen["per_soort"].items()],
        "duo_gelabeld": [(DuoUren(k).label, v) for k, v in totalen["duo"].items()],
    }


def _formulier(request, *, form, inburgeraar, titel, knop, terug, **extra):
    context = {"form": form, "inburgeraar": inburgeraar, "titel": titel, "knop": knop, "terug": terug, **extra}
    return render(request, "forms/dossier_formulier.html", context)


def _naar_dossier(inburgeraar):
    return redirect("ontzorgen:ontzorgen_dossier", pk=inburgeraar.pk)


# The regisseur's side ---------------------------------------------------------------------


@login_required
@recht_nodig("ontzorgen.view_verwijzing")
def ontzorgen_dossier(request, pk):
    """Verwijzingen, ontzorgen, hours and meldingen of one dossier."""
    inburgeraar = open_dossier(request, pk)
    uren = list(
        inburgeraar.uren.select_related("begeleider", "beoordeeld_door", "vervangt").order_by("-datum", "-pk")[:300]
    )
    context = {
        "inburgeraar": inburgeraar,
        "mag_wijzigen": mag_dossier_wijzigen(request.user, inburgeraar),
        "verwijzingen": list(inburgeraar.verwijzingen.select_related("team__organisatie")),
        "ontzorgingen": list(inburgeraar.ontzorgingen.prefetch_related("vaste_lasten", "verlengingen")),
        "uren": uren,
        "goedgekeurd": _gelabeld(uren_totalen([inburgeraar.pk])[inburgeraar.pk]),
        "alle_uren": uren_totalen([inburgeraar.pk], alleen_goedgekeurd=False)[inburgeraar.pk],
        "meldingen": list(inburgeraar.meldingen.select_related("door", "afgehandeld_door")[:100]),
        "vandaag": timezone.localdate(),
    }
    context["lopende_ontzorging"] = next((o for o in context["ontzorgingen"] if o.is_lopend), None)
    context["bijstand_loopt"] = services.bijstand_loopt(inburgeraar)
    # The bijstand ended while ontzorgen runs: propose ending it with its afbouw.
    context["voorstel_beeindigen"] = context["lopende_ontzorging"] and inburgeraar.datum_einde_bijstand
    context["te_beoordelen"] = sum(1 for u in uren if u.status == Urenregistratie.Status.INGEDIEND)
    if context["mag_wijzigen"]:
        context["beeindig_form"] = VerwijzingBeeindigenForm(inburgeraar=inburgeraar)
    return render(request, "ontzorgen/dossier.html", context)


@login_required
@recht_nodig("ontzorgen.add_verwijzing")
def verwijzing_nieuw(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = VerwijzingForm(request.POST or None, initial={"startdatum": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            verwijzing = services.verwijs(door=request.user, inburgeraar=inburgeraar, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Verwezen naar %(team)s.") % {"team": verwijzing.team})
            return _naar_dossier(inburgeraar)
    return _formulier(
        request,
        form=form,
        inburgeraar=inburgeraar,
        titel=_("Verwijzen naar een partner"),
        knop=_("Verwijzen"),
        terug=reverse("ontzorgen:ontzorgen_dossier", args=[inburgeraar.pk]),
        uitleg=_("Het team van de partner kan dit dossier beperkt inzien zolang de verwijzing loopt."),
    )


@login_required
@recht_nodig("ontzorgen.change_verwijzing")
@require_POST
def verwijzing_beeindigen(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    form = VerwijzingBeeindigenForm(request.POST, inburgeraar=inburgeraar)
    if form.is_valid():
        try:
            services.beeindig_verwijzing(
                door=request.user, verwijzing=form.cleaned_data["verwijzing"], reden=form.cleaned_data["reden"]
            )
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("De verwijzing is beëindigd; de partner heeft geen toegang meer."))
    else:
        messages.error(request, _("Kies de verwijzing en geef de reden van beëindiging."))
    return _naar_dossier(inburgeraar)


@login_required
@recht_nodig("ontzorgen.add_ontzorging")
def bijstand(request, pk):
    """Register the start of bijstand, or, while it runs, its end (which proposes ending ontzorgen)."""
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    loopt = services.bijstand_loopt(inburgeraar)
    form = (BijstandEindeForm if loopt else BijstandStartForm)(request.POST or None)
    if request.method == "POST" and form.is_valid():
        registreer = services.registreer_einde_bijstand if loopt else services.registreer_bijstand
        try:
            registreer(door=request.user, inburgeraar=inburgeraar, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("De bijstand is geregistreerd."))
            return _naar_dossier(inburgeraar)
    uitleg = (
        _("Bijstand sinds %(datum)s. Loopt er financieel ontzorgen, dan stelt het systeem voor dat te beëindigen.")
        % {"datum": opmaak.datum(inburgeraar.datum_start_bijstand)}
        if loopt
        else _("Financieel ontzorgen kan starten vanaf de dag dat de bijstand ingaat.")
    )
    return _formulier(
        request,
        form=form,
        inburgeraar=inburgeraar,
        titel=_("Einde bijstand registreren") if loopt else _("Bijstand registreren"),
        knop=_("Registreren"),
        terug=reverse("ontzorgen:ontzorgen_dossier", args=[inburgeraar.pk]),
        uitleg=uitleg,
    )


@login_required
@recht_nodig("ontzorgen.add_ontzorging")
def ontzorging_starten(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    form = OntzorgingForm(request.POST or None, initial={"startdatum": inburgeraar.datum_start_bijstand})
    lasten = VasteLastenFormSet(request.POST or None, prefix="lasten")
    weigering = None
    if not inburgeraar.is_asielstatushouder:
        weigering = services.geen_asielstatushouder(inburgeraar, _("Financieel ontzorgen")).messages[0]
    elif not services.bijstand_loopt(inburgeraar):
        weigering = _("Financieel ontzorgen start pas als de bijstand is geregistreerd. Registreer eerst de bijstand.")
    elif request.method == "POST" and form.is_valid() and lasten.is_valid():
        try:
            services.start_ontzorging(
                door=request.user,
                inburgeraar=inburgeraar,
                vaste_lasten=[f.cleaned_data for f in lasten if f.has_changed() and f.cleaned_data],
                **form.cleaned_data,
            )
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Financieel ontzorgen is gestart."))
            return _naar_dossier(inburgeraar)
    context = {"form": form, "lasten": lasten, "inburgeraar": inburgeraar, "weigering": weigering}
    return render(request, "ontzorgen/ontzorging_starten.html", context)


def _lopende_ontzorging(request, pk):
    inburgeraar = open_dossier(request, pk, WIJZIGEN)
    return inburgeraar, inburgeraar.ontzorgingen.filter(einddatum__isnull=True).first()


@login_required
@recht_nodig("ontzorgen.change_ontzorging")
def ontzorging_verlengen(request, pk):
    inburgeraar, ontzorging = _lopende_ontzorging(request, pk)
    if ontzorging is None:
        messages.error(request, _("Er loopt geen ontzorging om te verlengen."))
        return _naar_dossier(inburgeraar)
    form = VerlengingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verleng_ontzorging(door=request.user, ontzorging=ontzorging, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het ontzorgen is verlengd."))
            return _naar_dossier(inburgeraar)
    return _formulier(
        request,
        form=form,
        inburgeraar=inburgeraar,
        titel=_("Ontzorgen verlengen"),
        knop=_("Verlengen"),
        terug=reverse("ontzorgen:ontzorgen_dossier", args=[inburgeraar.pk]),
        uitleg=_("Nu gepland tot %(datum)s.") % {"datum": opmaak.datum(ontzorging.geplande_einddatum)},
    )


@login_required
@recht_nodig("ontzorgen.change_ontzorging")
def ontzorging_beeindigen(request, pk):
    inburgeraar, ontzorging = _lopende_ontzorging(request, pk)
    if ontzorging is None:
        messages.error(request, _("Er loopt geen ontzorging om te beëindigen."))
        return _naar_dossier(inburgeraar)
    einde = inburgeraar.datum_einde_bijstand or ontzorging.geplande_einddatum  # ontzorgen ends with the bijstand
    form = OntzorgingBeeindigenForm(request.POST or None, initial={"einddatum": einde})
    if request.method == "POST" and form.is_valid():
        try:
            services.beeindig_ontzorging(door=request.user, ontzorging=ontzorging, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Het ontzorgen is beëindigd met een afbouwplan."))
            return _naar_dossier(inburgeraar)
    return _formulier(
        request,
        form=form,
        inburgeraar=inburgeraar,
        titel=_("Ontzorgen beëindigen"),
        knop=_("Beëindigen"),
        terug=reverse("ontzorgen:ontzorgen_dossier", args=[inburgeraar.pk]),
        uitleg=_(
            "Licht: begeleiding, Startpunt Geldzaken, Sociaal Raadsliedenwerk, vroegsignalering. "
            "Matig intensief: daarbij Eurowijzer. Intensief: daarbij Thuisadministratie Wèl en, "
            "alleen indien noodzakelijk, beschermingsbewind."
        ),
    )


UREN_PER_PAGINA = 50


def _gekozen_regisseur(request):
    """The casusregisseur of ?regisseur=<pk> (?van=mijn: the user), or None for all the user's dossiers.

    The filter narrows te_beoordelen_uren(user), so it never shows more; the lookup only decides whose
    name the page may print: a regisseur serving the user's gemeenten or of one of their dossiers.
    Any other value answers 404, so a mistyped link never quietly shows the whole team's hours."""
    gekozen = request.GET.get("regisseur") or (str(request.user.pk) if request.GET.get("van") == "mijn" else "")
    if not gekozen:
        return None
    if not gekozen.isascii() or not gekozen.isdigit():
        raise Http404
    if int(gekozen) == request.user.pk:
        return request.user
    regisseur = regisseurs_voor_gebruiker(request.user).filter(pk=gekozen).first()
    if regisseur is None:  # one who left the team still holds dossiers until they are reassigned
        dossier = (
            Inburgeraar.objects.zichtbaar_voor(request.user, WIJZIGEN)
            .filter(regisseur_id=gekozen)
            .select_related("regisseur")
            .first()
        )
        regisseur = dossier.regisseur if dossier else None
    if regisseur is None:
        raise Http404
    return regisseur


def _terug_naar_lijst(request, te_beoordelen):
    """The list as the user left it: their filter, and their page or, if it emptied, the last one."""
    params = request.GET.copy()
    params.pop("pagina", None)
    nummer = Paginator(te_beoordelen, UREN_PER_PAGINA).get_page(request.GET.get("pagina")).number
    if nummer > 1:
        params["pagina"] = nummer
    url = reverse("ontzorgen:uren_beoordelen")
    return redirect(f"{url}?{params.urlencode()}" if params else url)


@login_required
@recht_nodig("ontzorgen.uren_beoordelen")
def uren_beoordelen(request):
    """Pending hours of the user's dossiers, or one regisseur's, a page at a time; the user ticks
    what they approve (nothing is ticked beforehand)."""
    regisseur = _gekozen_regisseur(request)
    te_beoordelen = te_beoordelen_uren(request.user)
    if regisseur is not None:
        te_beoordelen = te_beoordelen.filter(inburgeraar__regisseur=regisseur)
    if request.method == "POST":
        form = GoedkeurenForm(request.POST, te_beoordelen=te_beoordelen)
        if form.is_valid():
            aantal = services.keur_uren_goed(door=request.user, registraties=form.cleaned_data["registraties"])
            messages.success(request, _("%(aantal)s urenregistratie(s) goedgekeurd.") % {"aantal": aantal})
        else:
            messages.error(request, " ".join(form.errors.get("registraties", [])))
        return _terug_naar_lijst(request, te_beoordelen)
    pagina = Paginator(te_beoordelen, UREN_PER_PAGINA).get_page(request.GET.get("pagina"))
    context = {"pagina": pagina, "registraties": pagina.object_list, "regisseur": regisseur}
    return render(request, "ontzorgen/uren_beoordelen.html", context)


@login_required
@recht_nodig("ontzorgen.uren_beoordelen")
def uren_corrigeren(request, pk):
    """Correct one entry: a new, approved entry replaces it; the original stays in the history."""
    registratie = get_object_or_404(
        Urenregistratie.objects.select_related("inburgeraar", "begeleider").filter(
            inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(request.user, WIJZIGEN)
        ),
        pk=pk,
    )
    inburgeraar = open_dossier(request, registratie.inburgeraar_id, WIJZIGEN)
    form = CorrectieForm(
        request.POST or None,
        initial={
            "uren": registratie.uren,
            "soort": registratie.soort,
            "telt_voor_z_route": registratie.telt_voor_z_route,
        },
    )
    if registratie.status == Urenregistratie.Status.VERVANGEN:
        form.add_error(None, _("Deze registratie is al gecorrigeerd; corrigeer de nieuwste versie."))
    elif request.method == "POST" and form.is_valid():
        try:
            services.corrigeer_uren(door=request.user, registratie=registratie, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("De uren zijn gecorrigeerd; de oorspronkelijke registratie blijft bewaard."))
            return _naar_dossier(inburgeraar)
    return _formulier(
        request,
        form=form,
        inburgeraar=inburgeraar,
        titel=_("Uren corrigeren"),
        knop=_("Correctie opslaan"),
        terug=reverse("ontzorgen:uren_beoordelen"),
        uitleg=_(
            "%(begeleider)s registreerde %(uren)s uur %(soort)s op %(datum)s. De oorspronkelijke registratie "
            "blijft bewaard."
        )
        % {
            "begeleider": registratie.begeleider,
            "uren": services.uren_tekst(registratie.uren),
            "soort": registratie.get_soort_display().lower(),
            "datum": opmaak.datum(registratie.datum),
        },
    )


@login_required
@recht_nodig("ontzorgen.change_melding")
@require_POST
def melding_afhandelen(request, pk):
    inburgeraar = get_dossier_voor(request.user, pk, WIJZIGEN)
    form = MeldingAfhandelenForm(request.POST, inburgeraar=inburgeraar)
    if form.is_valid():
        services.handel_melding_af(door=request.user, melding=form.cleaned_data["melding"])
        messages.success(request, _("De melding is afgehandeld."))
    else:
        messages.error(request, _("Deze melding bestaat niet of is al afgehandeld."))
    return _naar_dossier(inburgeraar)


# The begeleider's side --------------------------------------------------------------------


@login_required
@recht_nodig("ontzorgen.begeleiding_inzien")
def mijn_inburgeraars(request):
    return render(request, "ontzorgen/mijn_inburgeraars.html", {"dossiers": doorverwezen_dossiers(request.user)})


@login_required
@recht_nodig("ontzorgen.begeleiding_inzien")
def begeleiding_dossier(request, pk):
    """What the begeleider needs, no more: masked BSN, contact, language, household, the PIP's
    participation agreements, own hours."""
    inburgeraar = open_dossier(request, pk)
    vandaag = timezone.localdate()
    huisgenoten = []
    if inburgeraar.huishouden_id:
        huisgenoten = list(
            Inburgeraar.objects.zichtbaar_voor(request.user)
            .filter(huishouden_id=inburgeraar.huishouden_id)
            .exclude(pk=inburgeraar.pk)
            .only("pk", "voornamen", "tussenvoegsel", "achternaam")
        )
    context = {
        "inburgeraar": inburgeraar,
        "huisgenoten": huisgenoten,
        "pip": participatieafspraken(inburgeraar),
        "verwijzingen": list(
            Verwijzing.objects.actief_op(vandaag)
            .filter(inburgeraar=inburgeraar, team__groep__user=request.user)
            .select_related("team")
        ),
        "uren": list(
            inburgeraar.uren.filter(verwijzing__team__groep__user=request.user)
            .exclude(status=Urenregistratie.Status.VERVANGEN)
            .order_by("-datum", "-pk")[:100]
        ),
    }
    return render(request, "ontzorgen/begeleiding_dossier.html", context)


@login_required
@recht_nodig("ontzorgen.add_urenregistratie")
def uren_week(request):
    """One screen for a week: a row per referred inburgeraar, a cell per day."""
    vandaag = timezone.localdate()
    maandag = week_van(request.GET.get("week"), vandaag)
    dagen = [maandag + datetime.timedelta(days=i) for i in range(7)]
    lijst = list(doorverwezen_dossiers(request.user))
    kwargs = {"form_kwargs": {"dossiers": lijst, "dagen": dagen}, "begeleider": request.user, "prefix": "uren"}
    if request.method == "POST":
        formset = WeekFormSet(request.POST, **kwargs)
        if formset.is_valid():
            try:
                nieuw = services.registreer_uren(door=request.user, regels=formset.regels)
            except ValidationError as fout:
                formset._non_form_errors = formset.error_class(fout.messages)
            else:
                totaal = sum(r.uren for r in nieuw)
                messages.success(
                    request,
                    _("%(uren)s uur geregistreerd voor %(aantal)s inburgeraar(s); de casusregisseur beoordeelt ze.")
                    % {"uren": services.uren_tekst(totaal), "aantal": len({r.inburgeraar_id for r in nieuw})},
                )
                return redirect(f"{reverse('ontzorgen:uren_week')}?week={maandag.isoformat()}")
    else:
        formset = WeekFormSet(initial=[{"inburgeraar": d.pk} for d in lijst], **kwargs)
    geregistreerd = (
        Urenregistratie.objects.filter(
            begeleider=request.user, datum__range=(dagen[0], dagen[-1]), inburgeraar__in=[d.pk for d in lijst]
        )
        .exclude(status=Urenregistratie.Status.VERVANGEN)
        .select_related("inburgeraar")
        .order_by("datum", "pk")
    )
    context = {
        "formset": formset,
        "dagen": dagen,
        "maandag": maandag,
        "vorige": (maandag - datetime.timedelta(days=7)).isoformat(),
        "volgende": (maandag + datetime.timedelta(days=7)).isoformat() if dagen[-1] < vandaag else None,
        "geregistreerd": geregistreerd,
        "heeft_dossiers": bool(lijst),
    }
    return render(request, "ontzorgen/uren_week.html", context)


@login_required
@recht_nodig("ontzorgen.add_melding")
def melding_nieuw(request, pk):
    inburgeraar = open_dossier(request, pk)
    form = MeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.maak_melding(door=request.user, inburgeraar=inburgeraar, **form.cleaned_data)
        except ValidationError as fout:
            zet_fouten_op_form(form, fout)
        else:
            messages.success(request, _("Uw melding is naar de casusregisseur gestuurd."))
            return redirect("ontzorgen:begeleiding_dossier", pk=inburgeraar.pk)
    return _formulier(
        request,
        form=form,
        inburgeraar=inburgeraar,
        titel=_("Melding aan de casusregisseur"),
        knop=_("Versturen"),
        terug=reverse("ontzorgen:begeleiding_dossier", args=[inburgeraar.pk]),
        begeleiding=True,
    )
