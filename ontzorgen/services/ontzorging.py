"""Financieel ontzorgen: bijstand, the ontzorging itself, its extension and its end."""

from decimal import Decimal

from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.audit import log_bulk
from inburgering.models import Inburgeraar
from inburgering.services import schrijf_gebeurtenis, synchroniseer_termijnen

from ..models import AANBIEDERS_PER_NIVEAU, Aanbieder, Dienst, Ondersteuningsniveau, Ontzorging, VasteLast, Verlenging
from .tijdlijn import (
    BIJSTAND_BEEINDIGD,
    BIJSTAND_GESTART,
    ONTZORGING_BEEINDIGD,
    ONTZORGING_GESTART,
    ONTZORGING_VERLENGD,
    datum_tekst,
)

# Only asielstatushouders get these services (Wi2021; docs/wet-inburgering.md, doelgroep).
DIENSTEN_ASIELSTATUSHOUDERS = frozenset({Dienst.MAATSCHAPPELIJKE_BEGELEIDING, Dienst.FINANCIELE_ZELFREDZAAMHEID})


def geen_asielstatushouder(inburgeraar, wat: str) -> ValidationError:
    return ValidationError(
        _("%(wat)s is alleen voor asielstatushouders; %(naam)s heeft doelgroep '%(doelgroep)s'.")
        % {"wat": wat, "naam": inburgeraar.naam, "doelgroep": inburgeraar.get_doelgroep_display()},
        code="geen_asielstatushouder",
    )


def bijstand_loopt(inburgeraar) -> bool:
    return inburgeraar.datum_start_bijstand is not None and inburgeraar.datum_einde_bijstand is None


@transaction.atomic
def registreer_bijstand(*, door, inburgeraar, startdatum) -> Inburgeraar:
    """The right to bijstand starts: the day financieel ontzorgen may start (Participatiewet art. 56a)."""
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    if bijstand_loopt(inburgeraar):
        raise ValidationError(
            {
                "startdatum": _("Er is al bijstand geregistreerd sinds %(datum)s. Registreer eerst het einde daarvan.")
                % {"datum": datum_tekst(inburgeraar.datum_start_bijstand)}
            },
            code="bijstand_loopt",
        )
    if inburgeraar.datum_einde_bijstand and startdatum <= inburgeraar.datum_einde_bijstand:
        raise ValidationError(
            {
                "startdatum": _("Nieuwe bijstand begint na het einde van de vorige (%(datum)s).")
                % {"datum": datum_tekst(inburgeraar.datum_einde_bijstand)}
            },
            code="voor_vorig_einde",
        )
    inburgeraar.datum_start_bijstand, inburgeraar.datum_einde_bijstand = startdatum, None
    inburgeraar.save(update_fields=["datum_start_bijstand", "datum_einde_bijstand", "updated_at"])
    omschrijving = _("Bijstand geregistreerd vanaf %(datum)s.") % {"datum": datum_tekst(startdatum)}
    if inburgeraar.is_asielstatushouder:
        omschrijving += " " + _("Financieel ontzorgen kan vanaf die dag starten.")
    schrijf_gebeurtenis(inburgeraar=inburgeraar, soort=BIJSTAND_GESTART, omschrijving=omschrijving, door=door)
    return inburgeraar


@transaction.atomic
def registreer_einde_bijstand(*, door, inburgeraar, einddatum) -> Inburgeraar:
    """The bijstand ends; a running ontzorging should end too, with its afbouw: the regisseur is told so."""
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    if not bijstand_loopt(inburgeraar):
        raise ValidationError(_("Er is geen lopende bijstand geregistreerd."), code="geen_bijstand")
    if einddatum < inburgeraar.datum_start_bijstand:
        raise ValidationError(
            {
                "einddatum": _("Het einde van de bijstand ligt vóór de start (%(datum)s).")
                % {"datum": datum_tekst(inburgeraar.datum_start_bijstand)}
            },
            code="einde_voor_start",
        )
    inburgeraar.datum_einde_bijstand = einddatum
    inburgeraar.save(update_fields=["datum_einde_bijstand", "updated_at"])
    omschrijving = _("Bijstand beëindigd op %(datum)s.") % {"datum": datum_tekst(einddatum)}
    lopend = inburgeraar.ontzorgingen.filter(einddatum__isnull=True).exists()
    if lopend:
        omschrijving += " " + _(
            "Voorstel: beëindig het financieel ontzorgen met een afbouwplan, zodat de inburgeraar de vaste lasten "
            "zelf gaat betalen."
        )
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=BIJSTAND_BEEINDIGD,
        omschrijving=omschrijving,
        door=door,
        voorstel_ontzorgen_beeindigen=lopend,
    )
    return inburgeraar


def minimale_einddatum(startdatum):
    return startdatum + relativedelta(months=settings.ONTZORGEN_MINIMALE_MAANDEN)


@transaction.atomic
def start_ontzorging(
    *,
    door,
    inburgeraar,
    startdatum,
    leefgeld,
    leefgeld_frequentie=Ontzorging.Frequentie.WEEK,
    geplande_einddatum=None,
    datum_machtiging=None,
    vaste_lasten=(),
) -> Ontzorging:
    """Start financieel ontzorgen: only for asielstatushouders, at least the minimum number of months."""
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    if not inburgeraar.is_asielstatushouder:
        raise geen_asielstatushouder(inburgeraar, _("Financieel ontzorgen"))
    if inburgeraar.ontzorgingen.filter(einddatum__isnull=True).exists():
        raise ValidationError(_("Er loopt al een ontzorging voor %(naam)s.") % {"naam": inburgeraar.naam})
    if not bijstand_loopt(inburgeraar):
        tekst = _("Financieel ontzorgen start pas als de bijstand is geregistreerd. Registreer eerst de bijstand.")
        raise ValidationError({"startdatum": ValidationError(tekst, code="geen_bijstand")})
    if startdatum < inburgeraar.datum_start_bijstand:
        raise ValidationError(
            {
                "startdatum": _("Financieel ontzorgen begint niet vóór de bijstand (sinds %(datum)s).")
                % {"datum": datum_tekst(inburgeraar.datum_start_bijstand)}
            },
            code="voor_bijstand",
        )
    minimum = minimale_einddatum(startdatum)
    geplande_einddatum = geplande_einddatum or minimum
    if geplande_einddatum < minimum:
        raise ValidationError(
            {
                "geplande_einddatum": _(
                    "Ontzorgen duurt minstens %(maanden)s maanden: de geplande einddatum ligt op of na %(datum)s."
                )
                % {"maanden": settings.ONTZORGEN_MINIMALE_MAANDEN, "datum": datum_tekst(minimum)}
            },
            code="te_kort",
        )
    if datum_machtiging and datum_machtiging > timezone.localdate():
        raise ValidationError({"datum_machtiging": _("De datum machtiging kan niet in de toekomst liggen.")})
    ontzorging = Ontzorging.objects.create(
        inburgeraar=inburgeraar,
        startdatum=startdatum,
        geplande_einddatum=geplande_einddatum,
        datum_machtiging=datum_machtiging,
        leefgeld=leefgeld,
        leefgeld_frequentie=leefgeld_frequentie,
    )
    lasten = [VasteLast(ontzorging=ontzorging, **last) for last in vaste_lasten]
    for last in lasten:
        last.full_clean(exclude=["ontzorging"])
    VasteLast.objects.bulk_create(lasten)
    log_bulk([(None, last) for last in lasten], actor=door, action=LogEntry.Action.CREATE)
    _schrijf_mijlpalen(ontzorging)
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=ONTZORGING_GESTART,
        omschrijving=_(
            "Financieel ontzorgen gestart op %(start)s, gepland tot %(einde)s; %(aantal)s vaste lasten, "
            "leefgeld € %(leefgeld)s %(frequentie)s."
        )
        % {
            "start": datum_tekst(startdatum),
            "einde": datum_tekst(geplande_einddatum),
            "aantal": len(lasten),
            "leefgeld": f"{Decimal(leefgeld):.2f}".replace(".", ","),
            "frequentie": ontzorging.get_leefgeld_frequentie_display(),
        },
        door=door,
        ontzorging=ontzorging.pk,
    )
    return ontzorging


@transaction.atomic
def verleng_ontzorging(*, door, ontzorging, nieuwe_einddatum, reden) -> Ontzorging:
    ontzorging = Ontzorging.objects.select_for_update().select_related("inburgeraar").get(pk=ontzorging.pk)
    if not ontzorging.is_lopend:
        raise ValidationError(_("Deze ontzorging is al beëindigd."), code="beeindigd")
    if nieuwe_einddatum <= ontzorging.geplande_einddatum:
        raise ValidationError(
            {
                "nieuwe_einddatum": _("Een verlenging ligt na de huidige geplande einddatum (%(datum)s).")
                % {"datum": datum_tekst(ontzorging.geplande_einddatum)}
            },
            code="geen_verlenging",
        )
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van de verlenging.")}, code="reden_ontbreekt")
    Verlenging.objects.create(
        ontzorging=ontzorging,
        oude_einddatum=ontzorging.geplande_einddatum,
        nieuwe_einddatum=nieuwe_einddatum,
        reden=reden,
        door=door,
    )
    oud = ontzorging.geplande_einddatum
    ontzorging.geplande_einddatum = nieuwe_einddatum
    ontzorging.save(update_fields=["geplande_einddatum"])
    _schrijf_mijlpalen(ontzorging)
    schrijf_gebeurtenis(
        inburgeraar=ontzorging.inburgeraar,
        soort=ONTZORGING_VERLENGD,
        omschrijving=_("Financieel ontzorgen verlengd van %(oud)s tot %(nieuw)s. Reden: %(reden)s")
        % {"oud": datum_tekst(oud), "nieuw": datum_tekst(nieuwe_einddatum), "reden": reden},
        door=door,
        ontzorging=ontzorging.pk,
    )
    return ontzorging


@transaction.atomic
def beeindig_ontzorging(*, door, ontzorging, einddatum, afbouwplan, ondersteuningsniveau, aanbieder) -> Ontzorging:
    """End ontzorgen with an afbouw plan and the support towards financial self-reliance."""
    ontzorging = Ontzorging.objects.select_for_update().select_related("inburgeraar").get(pk=ontzorging.pk)
    fouten = {}
    if not ontzorging.is_lopend:
        raise ValidationError(_("Deze ontzorging is al beëindigd."), code="beeindigd")
    if einddatum < ontzorging.startdatum:
        fouten["einddatum"] = _("De einddatum ligt vóór de startdatum (%(datum)s).") % {
            "datum": datum_tekst(ontzorging.startdatum)
        }
    if not afbouwplan.strip():
        fouten["afbouwplan"] = _("Beschrijf hoe de inburgeraar de betalingen zelf gaat overnemen.")
    if ondersteuningsniveau not in Ondersteuningsniveau.values:
        fouten["ondersteuningsniveau"] = _("Kies het niveau van ondersteuning.")
    elif aanbieder not in AANBIEDERS_PER_NIVEAU[ondersteuningsniveau]:
        fouten["aanbieder"] = _("%(aanbieder)s biedt geen %(niveau)s.") % {
            "aanbieder": Aanbieder(aanbieder).label if aanbieder in Aanbieder.values else _("Deze aanbieder"),
            "niveau": Ondersteuningsniveau(ondersteuningsniveau).label.lower(),
        }
    if fouten:
        raise ValidationError(fouten)
    ontzorging.einddatum = einddatum
    ontzorging.afbouwplan = afbouwplan
    ontzorging.ondersteuningsniveau = ondersteuningsniveau
    ontzorging.aanbieder = aanbieder
    ontzorging.save(update_fields=["einddatum", "afbouwplan", "ondersteuningsniveau", "aanbieder"])
    _schrijf_mijlpalen(ontzorging)
    schrijf_gebeurtenis(
        inburgeraar=ontzorging.inburgeraar,
        soort=ONTZORGING_BEEINDIGD,
        omschrijving=_("Financieel ontzorgen beëindigd op %(datum)s met een afbouwplan; %(niveau)s door %(aanbieder)s.")
        % {
            "datum": datum_tekst(einddatum),
            "niveau": ontzorging.get_ondersteuningsniveau_display().lower(),
            "aanbieder": ontzorging.get_aanbieder_display(),
        },
        door=door,
        ontzorging=ontzorging.pk,
    )
    return ontzorging


def _schrijf_mijlpalen(ontzorging: Ontzorging) -> None:
    """The dossier's milestone dates of ontzorgen, which the deadlines read (docs/termijnen.md)."""
    Inburgeraar.objects.filter(pk=ontzorging.inburgeraar_id).update(
        datum_start_ontzorgen=ontzorging.startdatum,
        datum_gepland_einde_ontzorgen=ontzorging.geplande_einddatum,
        datum_einde_ontzorgen=ontzorging.einddatum,
        updated_at=timezone.now(),
    )
    synchroniseer_termijnen([ontzorging.inburgeraar_id])
