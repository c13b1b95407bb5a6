"""Every write to the leerroute goes through here; each step lands on the dossier's tijdlijn.

The services write the dossier's milestones: `lesuren_gevolgd` (the afschalen rule of the PIP reads
it), `datum_map_afgerond` and `datum_pvt_afgerond` (the deadlines read them). When the results the
route requires are complete they propose 'voldaan' on the tijdlijn; only a regisseur closes the dossier.
Groups and their attendance are in `leerroutes.groepen`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering import services as dossier_services
from inburgering.fasen import Fase, RedenAfronding
from inburgering.models import Inburgeraar
from inburgering.overtreding import als_validatiefout
from inburgering.termijnen import Feiten, inburgeringstermijn_einde
from pip.services import huidige_pip

from . import duo, queries, regels
from .models import Activiteit, Activiteitsoort, Afronding, Deelname, Examen, Inburgeringsaanbod, Onderdeel


class Soort:
    """Tijdlijn soorten of the leerroute."""

    AANBOD = "leerroute_aanbod"
    DEELNAME = "leerroute_deelname"
    EXAMEN = "leerroute_examen"
    ACTIVITEIT = "leerroute_activiteit"
    AFRONDING = "leerroute_afronding"
    VOORSTEL = "leerroute_voorstel_voldaan"
    VOLDAAN = "leerroute_voldaan"


def _d(datum: datetime.date) -> str:
    return opmaak.datum(datum)


def _vergrendel(inburgeraar: Inburgeraar) -> Inburgeraar:
    return Inburgeraar.objects.select_for_update().select_related("gemeente").get(pk=inburgeraar.pk)


def termijn(inburgeraar: Inburgeraar) -> tuple[datetime.date | None, datetime.date | None]:
    """Start and last day of the inburgeringstermijn (DUO's end date wins), or (None, None)."""
    return inburgeringstermijn_einde(Feiten.van(inburgeraar)) or (None, None)


def _volledig(model, uitsluiten=()):
    try:
        model.full_clean(exclude=["inburgeraar", "vastgelegd_door", *uitsluiten])
    except ValidationError as e:
        raise ValidationError(e.message_dict) from None


@transaction.atomic
def leg_aanbod_vast(*, door, inburgeraar: Inburgeraar, gegevens: dict) -> Inburgeringsaanbod:
    """Record the inburgeringsaanbod after DUO's rules, in the shape of DUO's message."""
    inburgeraar = _vergrendel(inburgeraar)
    pip = huidige_pip(inburgeraar)
    aanbod = Inburgeringsaanbod(inburgeraar=inburgeraar, vastgelegd_door=door, **gegevens)
    _volledig(aanbod)
    aanbieder = aanbod.aanbieder
    data = {
        veld: getattr(aanbod, veld)
        for veld in ("datum_aanbod", "verwachte_startdatum", "verwachte_einddatum", "start_taalschakeltraject")
    }
    fouten = regels.aanbod_overtredingen(
        is_asielstatushouder=inburgeraar.is_asielstatushouder,
        datum_huidige_pip=inburgeraar.datum_huidige_pip if pip else None,
        pip_leerroute=pip.leerroute if pip else None,
        termijn_einde=termijn(inburgeraar)[1],
        leerroute=aanbod.leerroute,
        keurmerk_geldig_op_aanbod=regels.keurmerk_geldig(
            aanbieder.keurmerk_geldig_van, aanbieder.keurmerk_geldig_tot, aanbod.datum_aanbod
        ),
        taalschakelinstelling=aanbieder.taalschakelinstelling,
        data=data,
    )
    if not aanbieder.biedt(aanbod.leerroute):
        fouten.append(
            regels.Overtreding("aanbieder", "route_niet_aangeboden", _("Deze aanbieder biedt deze leerroute niet aan."))
        )
    if not aanbieder.gemeenten.filter(pk=inburgeraar.gemeente_id).exists():
        fouten.append(
            regels.Overtreding(
                "aanbieder", "niet_gecontracteerd", _("Deze aanbieder is niet gecontracteerd door deze gemeente.")
            )
        )
    if not aanbieder.instellingsnummer:
        fouten.append(
            regels.Overtreding(
                "aanbieder", "geen_instellingsnummer", _("Deze aanbieder heeft geen DUO-instellingsnummer.")
            )
        )
    if fouten:
        raise als_validatiefout(fouten)
    aanbod.save()
    duo.meld_aanbod(aanbod)  # checks DUO's schema before queueing; in this transaction
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.AANBOD,
        omschrijving=_("Inburgeringsaanbod vastgelegd: %(aanbieder)s, %(route)s, vanaf %(datum)s.")
        % {"aanbieder": aanbieder.naam, "route": aanbod.get_leerroute_display(), "datum": _d(aanbod.datum_aanbod)},
        door=door,
        aanbod=aanbod.pk,
    )
    return aanbod


def _werk_lesuren_bij(inburgeraar: Inburgeraar) -> int:
    """The milestone the PIP's afschalen rule reads: all lesuren and KNM hours registered."""
    totaal = Deelname.objects.filter(inburgeraar=inburgeraar).aggregate(t=Sum(F("lesuren") + F("knm_uren")))["t"] or 0
    inburgeraar.lesuren_gevolgd = totaal
    inburgeraar.save(update_fields=["lesuren_gevolgd", "updated_at"])
    return totaal


@transaction.atomic
def registreer_deelname(*, door, inburgeraar: Inburgeraar, gegevens: dict) -> Deelname:
    inburgeraar = _vergrendel(inburgeraar)
    deelname = Deelname(inburgeraar=inburgeraar, vastgelegd_door=door, **gegevens)
    _volledig(deelname)
    fouten = {}
    if deelname.periode_tot < deelname.periode_van:
        fouten["periode_tot"] = ValidationError(
            _("Het einde van de periode ligt vóór het begin."), code="einde_voor_begin"
        )
    if deelname.periode_van > timezone.localdate():
        fouten["periode_van"] = ValidationError(
            _("Deelname legt u vast als de periode begonnen is, niet vooraf."), code="toekomst"
        )
    if deelname.afwezig_uren and not deelname.reden_afwezigheid.strip():
        fouten["reden_afwezigheid"] = ValidationError(_("Vul de reden van de afwezigheid in."), code="reden_ontbreekt")
    if not (deelname.lesuren or deelname.knm_uren or deelname.afwezig_uren):
        fouten["lesuren"] = ValidationError(_("Vul de gevolgde uren of de uren afwezig in."), code="geen_uren")
    if fouten:
        raise ValidationError(fouten)
    deelname.save()
    totaal = _werk_lesuren_bij(inburgeraar)
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.DEELNAME,
        omschrijving=_(
            "Deelname %(van)s t/m %(tot)s: %(les)s lesuren, %(knm)s uur KNM, %(afwezig)s uur afwezig. "
            "Totaal gevolgd: %(totaal)s uur."
        )
        % {
            "van": _d(deelname.periode_van),
            "tot": _d(deelname.periode_tot),
            "les": deelname.lesuren,
            "knm": deelname.knm_uren,
            "afwezig": deelname.afwezig_uren,
            "totaal": totaal,
        },
        door=door,
        deelname=deelname.pk,
    )
    return deelname


@transaction.atomic
def verwijder_deelname(*, door, deelname: Deelname) -> None:
    """Correct a mistaken registration: the total the PIP reads goes down with it."""
    inburgeraar = _vergrendel(deelname.inburgeraar)
    periode = f"{_d(deelname.periode_van)} t/m {_d(deelname.periode_tot)}"
    Deelname.objects.filter(pk=deelname.pk, inburgeraar=inburgeraar).delete()
    totaal = _werk_lesuren_bij(inburgeraar)
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.DEELNAME,
        omschrijving=_("Deelname %(periode)s verwijderd. Totaal gevolgd: %(totaal)s uur.")
        % {"periode": periode, "totaal": totaal},
        door=door,
    )


def _stel_voor_als_compleet(*, door, inburgeraar: Inburgeraar, was_compleet: bool) -> None:
    """Write the proposal once, when this change made the required results complete."""
    stand = queries.stand(inburgeraar)
    if stand.compleet and not was_compleet and inburgeraar.fase == Fase.UITVOERING:
        dossier_services.schrijf_gebeurtenis(
            inburgeraar=inburgeraar,
            soort=Soort.VOORSTEL,
            omschrijving=_(
                "Alle resultaten die de leerroute vraagt zijn binnen, en PVT en MAP zijn afgerond. "
                "Voorstel: het dossier afsluiten als voldaan."
            ),
            door=door,
        )


@transaction.atomic
def leg_examen_vast(*, door, inburgeraar: Inburgeraar, gegevens: dict) -> Examen:
    inburgeraar = _vergrendel(inburgeraar)
    was_compleet = queries.stand(inburgeraar).compleet
    examen = Examen(inburgeraar=inburgeraar, vastgelegd_door=door, **gegevens)
    _volledig(examen)
    fouten = regels.examen_overtredingen(
        onderdeel=examen.onderdeel,
        examendatum=examen.examendatum,
        vandaag=timezone.localdate(),
        niveau=examen.niveau,
        resultaat=examen.resultaat,
        reden=examen.reden_geen_resultaat,
    )
    if fouten:
        raise als_validatiefout(fouten)
    duo.valideer("Examen.openapi.yml", "Examenresultaat", duo.examen_bericht(examen))
    examen.save()
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.EXAMEN,
        omschrijving=_("Examen %(onderdeel)s%(niveau)s op %(datum)s: %(resultaat)s.")
        % {
            "onderdeel": examen.get_onderdeel_display(),
            "niveau": f" ({examen.niveau})" if examen.niveau else "",
            "datum": _d(examen.examendatum),
            "resultaat": examen.get_resultaat_display().lower(),
        },
        door=door,
        examen=examen.pk,
    )
    _stel_voor_als_compleet(door=door, inburgeraar=inburgeraar, was_compleet=was_compleet)
    return examen


@transaction.atomic
def registreer_activiteit(*, door, inburgeraar: Inburgeraar, gegevens: dict) -> Activiteit:
    """Hours of MAP or PVT of one person outside a group: a bedrijfsbezoek, a stage, a workshop."""
    inburgeraar = _vergrendel(inburgeraar)
    activiteit = Activiteit(inburgeraar=inburgeraar, vastgelegd_door=door, **gegevens)
    _volledig(activiteit, uitsluiten=["sessie"])
    fouten = {}
    if activiteit.datum > timezone.localdate():
        fouten["datum"] = _("Een activiteit legt u vast als die geweest is.")
    if activiteit.uren <= 0:
        fouten["uren"] = _("Vul het aantal uren in.")
    if fouten:
        raise ValidationError(fouten)
    activiteit.save()
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.ACTIVITEIT,
        omschrijving=_("%(soort)s op %(datum)s: %(uren)s uur.")
        % {"soort": activiteit.get_soort_display(), "datum": _d(activiteit.datum), "uren": activiteit.uren},
        door=door,
        activiteit=activiteit.pk,
    )
    return activiteit


MIJLPAAL = {Onderdeel.MAP: "datum_map_afgerond", Onderdeel.PVT: "datum_pvt_afgerond"}


@transaction.atomic
def leg_afronding_vast(
    *,
    door,
    inburgeraar: Inburgeraar,
    onderdeel: str,
    datum: datetime.date | None,
    behaald: bool,
    verwijtbaar: str = "",
    toelichting: str = "",
    motivatie_onder_norm: str = "",
) -> Afronding:
    """The MAP eindgesprek, the signed participatieverklaring, the Z-route eindgesprek or the onderwijsroute.

    Replaces what was recorded before for that part (as DUO's PUT does) and writes the milestone date.
    """
    inburgeraar = _vergrendel(inburgeraar)
    stand = queries.stand(inburgeraar)
    start, einde = termijn(inburgeraar)
    vandaag = timezone.localdate()
    z_route = stand.afrondingen.get(Onderdeel.Z_ROUTE)
    fouten = regels.afronding_overtredingen(
        datum=datum,
        vandaag=vandaag,
        heeft_huidige_pip=stand.pip is not None,
        termijn_start=start,
        z_route_afgerond_op=z_route.datum if z_route and z_route.behaald and onderdeel != Onderdeel.Z_ROUTE else None,
    )
    if behaald and not datum:
        fouten.append(regels.Overtreding("datum", "datum_ontbreekt", _("Vul de datum in.")))
    if onderdeel in MIJLPAAL:
        fouten += regels.verwijtbaarheid_overtredingen(
            datum=datum, verwijtbaar=verwijtbaar, termijn_einde=einde, vandaag=vandaag
        )
        if behaald:
            fouten += regels.minimum_uren_overtredingen(
                onderdeel=onderdeel,
                praktijkuren=stand.uren(queries.MAP_PRAKTIJK),
                workshopuren=stand.uren({"pvt_workshop"}),
                excursie=stand.excursie,
                normen=queries.Normen.uit_settings(),
            )
    elif verwijtbaar:
        fouten.append(
            regels.Overtreding("verwijtbaar", "geen_verwijtbaarheid", _("Dit onderdeel kent geen verwijtbaarheid."))
        )
    tekort = (
        regels.uren_onder_norm(
            onderdeel=onderdeel,
            taaluren=stand.taaluren,
            participatieuren=stand.z_participatieuren,
            map_lesuren=stand.uren({Activiteitsoort.MAP_LES}),
            is_asielstatushouder=inburgeraar.is_asielstatushouder,
            normen=queries.Normen.uit_settings(),
        )
        if behaald
        else []
    )
    fouten += regels.motivatie_onder_norm_overtredingen(tekort=tekort, motivatie=motivatie_onder_norm)
    if fouten:
        raise als_validatiefout(fouten)
    afronding, _nieuw = Afronding.objects.update_or_create(
        inburgeraar=inburgeraar,
        onderdeel=onderdeel,
        defaults={
            "datum": datum,
            "behaald": behaald,
            "verwijtbaar": verwijtbaar,
            "toelichting": toelichting,
            # Kept only where it was needed: the report counts afrondingen below the norm by it.
            "motivatie_onder_norm": motivatie_onder_norm.strip() if tekort else "",
            "vastgelegd_door": door,
        },
    )
    if onderdeel in duo.AFRONDING_SCHEMA:
        duo.meld_afronding(afronding)  # checks DUO's schema before queueing; in this transaction
    if onderdeel in MIJLPAAL:
        setattr(inburgeraar, MIJLPAAL[onderdeel], datum if behaald else None)
        inburgeraar.save(update_fields=[MIJLPAAL[onderdeel], "updated_at"])
        dossier_services.synchroniseer_termijnen([inburgeraar.pk])
    omschrijving = _("%(onderdeel)s: %(uitkomst)s%(datum)s.") % {
        "onderdeel": afronding.get_onderdeel_display(),
        "uitkomst": _("afgerond met goed gevolg") if behaald else _("nog niet afgerond"),
        "datum": f" ({_d(datum)})" if datum else "",
    }
    if verwijtbaar:
        omschrijving += " " + _("Verwijtbaar: %(v)s.") % {"v": afronding.get_verwijtbaar_display().lower()}
    if afronding.motivatie_onder_norm:
        omschrijving += " " + _("Afgerond onder de urennorm (%(tekort)s). Motivatie: %(motivatie)s") % {
            "tekort": "; ".join(tekort),
            "motivatie": afronding.motivatie_onder_norm,
        }
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar, soort=Soort.AFRONDING, omschrijving=omschrijving, door=door, onderdeel=onderdeel
    )
    _stel_voor_als_compleet(door=door, inburgeraar=inburgeraar, was_compleet=stand.compleet)
    return afronding


@transaction.atomic
def sluit_af_als_voldaan(*, door, inburgeraar: Inburgeraar) -> Inburgeraar:
    """The regisseur confirms the proposal: the dossier closes as voldaan. Never called automatically."""
    inburgeraar = _vergrendel(inburgeraar)
    stand = queries.stand(inburgeraar)
    if inburgeraar.fase != Fase.UITVOERING:
        raise ValidationError(_("Alleen een dossier in uitvoering kan worden afgesloten."), code="fase")
    if not stand.compleet:
        raise ValidationError(
            _("Nog niet alles is binnen: %(lijst)s.") % {"lijst": "; ".join(stand.ontbreekt) or _("geen PIP")},
            code="niet_compleet",
        )
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.VOLDAAN,
        omschrijving=_("Voorstel bevestigd: de inburgeringsplicht is voldaan via de %(route)s.")
        % {"route": stand.pip.get_leerroute_display()},
        door=door,
    )
    return dossier_services.wijzig_fase(
        door=door, inburgeraar=inburgeraar, fase=Fase.AFGEROND, reden_afronding=RedenAfronding.VOLDAAN
    )
