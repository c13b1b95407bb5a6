"""Every write of ontzorgen goes through here: atomic, keyword-only, and written on the tijdlijn.

Verwijzingen are the only way a partner reaches a dossier. The rights they grant are derived
data: `InburgeraarGroupObjectPermission` rows with codename view_inburgeraar for a partner team
exist exactly while that team has an active verwijzing for the dossier. The services bring one
(dossier, team) pair in line at once; `synchroniseer_verwijzingsrechten` brings all pairs in line
and runs nightly (CELERY_BEAT_SCHEDULE), so a referral that starts or ends on a later date opens
or closes access on that day.
"""

import copy
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry
from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering.audit import log_bulk
from inburgering.fasen import LOPEND
from inburgering.models import Inburgeraar, InburgeraarGroupObjectPermission, Organisatie
from inburgering.services import schrijf_gebeurtenis, synchroniseer_termijnen

from . import duo
from .models import (
    AANBIEDERS_PER_NIVEAU,
    Aanbieder,
    Dienst,
    Melding,
    Ondersteuningsniveau,
    Ontzorging,
    Urenregistratie,
    VasteLast,
    Verlenging,
    Verwijzing,
)

# Tijdlijn soorten of this app (Gebeurtenis.soort has no choices on purpose).
VERWEZEN = "verwezen"
VERWIJZING_BEEINDIGD = "verwijzing_beeindigd"
BIJSTAND_GESTART = "bijstand_gestart"
BIJSTAND_BEEINDIGD = "bijstand_beeindigd"
ONTZORGING_GESTART = "ontzorging_gestart"
ONTZORGING_VERLENGD = "ontzorging_verlengd"
ONTZORGING_BEEINDIGD = "ontzorging_beeindigd"
UREN_GEREGISTREERD = "uren_geregistreerd"
UREN_GOEDGEKEURD = "uren_goedgekeurd"
UREN_GECORRIGEERD = "uren_gecorrigeerd"
MELDING = "melding"
MELDING_AFGEHANDELD = "melding_afgehandeld"

VERWIJZINGSRECHT = "view_inburgeraar"
MAX_UREN_PER_DAG = Decimal(24)


def _datum(datum) -> str:
    return opmaak.datum(datum)


def uren_tekst(uren) -> str:
    return f"{uren.normalize():f}".replace(".", ",")


# Verwijzingen -------------------------------------------------------------------------------


@transaction.atomic
def verwijs(*, door, inburgeraar, team, dienst, startdatum, einddatum=None, toelichting="") -> Verwijzing:
    """Refer a dossier to a partner's team; access follows from the referral's dates."""
    if inburgeraar.fase not in LOPEND:
        raise ValidationError(
            _("Het dossier is %(fase)s; verwijzen kan alleen bij een lopend dossier.")
            % {"fase": inburgeraar.get_fase_display().lower()},
            code="dossier_gesloten",
        )
    if dienst in DIENSTEN_ASIELSTATUSHOUDERS and not inburgeraar.is_asielstatushouder:
        fout = geen_asielstatushouder(inburgeraar, Dienst(dienst).label)
        raise ValidationError({"dienst": fout.messages}, code="geen_asielstatushouder")
    if team.organisatie.soort != Organisatie.Soort.PARTNER:
        raise ValidationError(
            {"team": _("Verwijzen kan alleen naar een team van een partnerorganisatie.")}, code="geen_partner"
        )
    verwijzing = Verwijzing(
        inburgeraar=inburgeraar,
        team=team,
        dienst=dienst,
        startdatum=startdatum,
        einddatum=einddatum,
        toelichting=toelichting,
        door=door,
    )
    if einddatum and einddatum < startdatum:
        raise ValidationError({"einddatum": _("De einddatum ligt vóór de startdatum.")}, code="einde_voor_start")
    if einddatum and einddatum < timezone.localdate():
        raise ValidationError({"einddatum": _("De einddatum ligt in het verleden.")}, code="einde_verleden")
    verwijzing.full_clean()
    verwijzing.save()
    periode = _("vanaf %(start)s") % {"start": _datum(startdatum)}
    if einddatum:
        periode += " " + _("tot en met %(einde)s") % {"einde": _datum(einddatum)}
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=VERWEZEN,
        omschrijving=_("Verwezen naar %(team)s voor %(dienst)s, %(periode)s.")
        % {"team": team, "dienst": verwijzing.get_dienst_display().lower(), "periode": periode},
        door=door,
        verwijzing=verwijzing.pk,
    )
    _werk_recht_bij(inburgeraar_id=inburgeraar.pk, groep_id=team.groep_id)
    return verwijzing


@transaction.atomic
def beeindig_verwijzing(*, door, verwijzing, reden) -> Verwijzing:
    """End a referral now; the team loses access unless another active referral remains."""
    verwijzing = Verwijzing.objects.select_for_update().select_related("team").get(pk=verwijzing.pk)
    if verwijzing.beeindigd:
        raise ValidationError(_("Deze verwijzing is al beëindigd."), code="al_beeindigd")
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden van beëindiging.")}, code="reden_ontbreekt")
    vandaag = timezone.localdate()
    verwijzing.beeindigd = True
    verwijzing.reden_beeindiging = reden
    if verwijzing.einddatum is None or verwijzing.einddatum > vandaag:
        verwijzing.einddatum = max(vandaag, verwijzing.startdatum)
    verwijzing.save(update_fields=["beeindigd", "reden_beeindiging", "einddatum", "gewijzigd_op"])
    schrijf_gebeurtenis(
        inburgeraar=verwijzing.inburgeraar,
        soort=VERWIJZING_BEEINDIGD,
        omschrijving=_("Verwijzing naar %(team)s beëindigd. Reden: %(reden)s")
        % {"team": verwijzing.team, "reden": reden},
        door=door,
        verwijzing=verwijzing.pk,
    )
    _werk_recht_bij(inburgeraar_id=verwijzing.inburgeraar_id, groep_id=verwijzing.team.groep_id)
    return verwijzing


def _recht():
    return Permission.objects.get(content_type__app_label="inburgering", codename=VERWIJZINGSRECHT)


def _werk_recht_bij(*, inburgeraar_id, groep_id, vandaag=None) -> None:
    """Give or take the team's per-dossier right so that it matches its active referrals today."""
    vandaag = vandaag or timezone.localdate()
    actief = (
        Verwijzing.objects.actief_op(vandaag).filter(inburgeraar_id=inburgeraar_id, team__groep_id=groep_id).exists()
    )
    rijen = InburgeraarGroupObjectPermission.objects.filter(
        content_object_id=inburgeraar_id, group_id=groep_id, permission__codename=VERWIJZINGSRECHT
    )
    if actief and not rijen.exists():
        InburgeraarGroupObjectPermission.objects.create(
            content_object_id=inburgeraar_id, group_id=groep_id, permission=_recht()
        )
    elif not actief:
        rijen.delete()


@transaction.atomic
def synchroniseer_verwijzingsrechten(*, vandaag=None) -> tuple[int, int]:
    """Make the partner teams' per-dossier rights exactly their active referrals; idempotent.

    Returns (granted, revoked). Every partner team's per-dossier view rights are derived from
    its referrals: a right without a running referral (say, one added by hand) is revoked too.
    """
    vandaag = vandaag or timezone.localdate()
    gewenst = set(Verwijzing.objects.actief_op(vandaag).values_list("inburgeraar_id", "team__groep_id"))
    bestaand_qs = InburgeraarGroupObjectPermission.objects.filter(
        permission__codename=VERWIJZINGSRECHT,
        group__team__organisatie__soort=Organisatie.Soort.PARTNER,
    )
    bestaand = {(r.content_object_id, r.group_id): r.pk for r in bestaand_qs.only("pk", "content_object_id", "group")}
    in_te_trekken = [pk for paar, pk in bestaand.items() if paar not in gewenst]
    toe_te_kennen = gewenst - bestaand.keys()
    InburgeraarGroupObjectPermission.objects.filter(pk__in=in_te_trekken).delete()
    if toe_te_kennen:
        recht = _recht()
        InburgeraarGroupObjectPermission.objects.bulk_create(
            InburgeraarGroupObjectPermission(content_object_id=dossier, group_id=groep, permission=recht)
            for dossier, groep in toe_te_kennen
        )
    return len(toe_te_kennen), len(in_te_trekken)


# Financieel ontzorgen ---------------------------------------------------------------------

# Only asielstatushouders get these services (Wi2021; wet-inburgering.md, doelgroep).
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
                % {"datum": _datum(inburgeraar.datum_start_bijstand)}
            },
            code="bijstand_loopt",
        )
    if inburgeraar.datum_einde_bijstand and startdatum <= inburgeraar.datum_einde_bijstand:
        raise ValidationError(
            {
                "startdatum": _("Nieuwe bijstand begint na het einde van de vorige (%(datum)s).")
                % {"datum": _datum(inburgeraar.datum_einde_bijstand)}
            },
            code="voor_vorig_einde",
        )
    inburgeraar.datum_start_bijstand, inburgeraar.datum_einde_bijstand = startdatum, None
    inburgeraar.save(update_fields=["datum_start_bijstand", "datum_einde_bijstand", "updated_at"])
    omschrijving = _("Bijstand geregistreerd vanaf %(datum)s.") % {"datum": _datum(startdatum)}
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
                % {"datum": _datum(inburgeraar.datum_start_bijstand)}
            },
            code="einde_voor_start",
        )
    inburgeraar.datum_einde_bijstand = einddatum
    inburgeraar.save(update_fields=["datum_einde_bijstand", "updated_at"])
    omschrijving = _("Bijstand beëindigd op %(datum)s.") % {"datum": _datum(einddatum)}
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
                % {"datum": _datum(inburgeraar.datum_start_bijstand)}
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
                % {"maanden": settings.ONTZORGEN_MINIMALE_MAANDEN, "datum": _datum(minimum)}
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
            "start": _datum(startdatum),
            "einde": _datum(geplande_einddatum),
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
                % {"datum": _datum(ontzorging.geplande_einddatum)}
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
        % {"oud": _datum(oud), "nieuw": _datum(nieuwe_einddatum), "reden": reden},
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
            "datum": _datum(ontzorging.startdatum)
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
            "datum": _datum(einddatum),
            "niveau": ontzorging.get_ondersteuningsniveau_display().lower(),
            "aanbieder": ontzorging.get_aanbieder_display(),
        },
        door=door,
        ontzorging=ontzorging.pk,
    )
    return ontzorging


def _schrijf_mijlpalen(ontzorging: Ontzorging) -> None:
    """The dossier's milestone dates of ontzorgen, which the deadlines read (DESIGN.md)."""
    Inburgeraar.objects.filter(pk=ontzorging.inburgeraar_id).update(
        datum_start_ontzorgen=ontzorging.startdatum,
        datum_gepland_einde_ontzorgen=ontzorging.geplande_einddatum,
        datum_einde_ontzorgen=ontzorging.einddatum,
        updated_at=timezone.now(),
    )
    synchroniseer_termijnen([ontzorging.inburgeraar_id])


# Uren -------------------------------------------------------------------------------------


def actieve_verwijzing(*, begeleider, inburgeraar_id, datum=None):
    """The begeleider's team's referral for this dossier that is active today and covers `datum`."""
    vandaag = timezone.localdate()
    qs = Verwijzing.objects.actief_op(vandaag).filter(inburgeraar_id=inburgeraar_id, team__groep__user=begeleider)
    if datum is not None:
        qs = qs.actief_op(datum)
    return qs.order_by("startdatum", "pk").first()


class Regelfout(str):
    """A Dutch message about one field that carries the rule's code (the API lists it in invalid-params)."""

    code: str

    def __new__(cls, tekst: str, code: str):
        fout = super().__new__(cls, tekst)
        fout.code = code
        return fout


def uren_fouten(*, begeleider, regels, negeer=()) -> list[dict[str, Regelfout]]:
    """Check new hour lines; returns per line a dict field -> Dutch message with its code (empty when fine).

    A line is a dict with inburgeraar (or inburgeraar_id), datum, uren. All lines are checked
    together, in a fixed number of queries: the 24-hour cap counts the existing current entries
    of that person and day, except those in `negeer` (the entry a correction replaces). Without
    a begeleider (a regisseur's correction) the referral is not checked again.
    """
    vandaag = timezone.localdate()
    fouten: list[dict[str, str]] = [{} for _regel in regels]
    dossier_ids = [regel.get("inburgeraar_id") or getattr(regel.get("inburgeraar"), "pk", None) for regel in regels]
    verwijzingen = defaultdict(list)
    if begeleider is not None:
        for verwijzing in Verwijzing.objects.actief_op(vandaag).filter(
            inburgeraar_id__in={d for d in dossier_ids if d}, team__groep__user=begeleider
        ):
            verwijzingen[verwijzing.inburgeraar_id].append(verwijzing)
    geldig = []
    for i, (regel, dossier_id) in enumerate(zip(regels, dossier_ids, strict=True)):
        uren, datum = regel.get("uren"), regel.get("datum")
        try:
            uren = Decimal(uren)
        except (InvalidOperation, TypeError, ValueError):
            fouten[i]["uren"] = Regelfout(_("Vul een aantal uren in, bijvoorbeeld 1,5."), "uren_ongeldig")
            continue
        if uren < 0:
            fouten[i]["uren"] = Regelfout(_("Uren kunnen niet negatief zijn."), "uren_negatief")
        elif uren == 0:
            fouten[i]["uren"] = Regelfout(_("Vul meer dan 0 uren in."), "uren_nul")
        elif uren > MAX_UREN_PER_DAG:
            fouten[i]["uren"] = Regelfout(_("Meer dan 24 uur op één dag kan niet."), "meer_dan_24")
        elif uren % Urenregistratie.KWARTIER:
            fouten[i]["uren"] = Regelfout(_("Vul uren in kwartieren in: 0,25, 0,5, 0,75 enzovoort."), "geen_kwartier")
        if datum is None:
            fouten[i]["datum"] = Regelfout(_("Vul de datum in."), "datum_ontbreekt")
        elif datum > vandaag:
            fouten[i]["datum"] = Regelfout(
                _("Uren van %(datum)s liggen in de toekomst.") % {"datum": _datum(datum)}, "toekomst"
            )
        elif dossier_id is None:
            continue  # the caller reports the missing person; nothing more to check on this line
        elif begeleider is not None and not any(v.is_actief_op(datum) for v in verwijzingen[dossier_id]):
            fouten[i]["datum"] = Regelfout(
                _("Op %(datum)s liep er geen verwijzing naar uw organisatie.") % {"datum": _datum(datum)},
                "geen_verwijzing_op_datum",
            )
        if not fouten[i]:
            geldig.append((i, dossier_id, datum, uren))
    _controleer_dagtotaal(geldig, fouten, negeer)
    return fouten


def _controleer_dagtotaal(geldig, fouten, negeer) -> None:
    if not geldig:
        return
    nieuw = defaultdict(Decimal)
    for _i, dossier_id, datum, uren in geldig:
        nieuw[dossier_id, datum] += uren
    bestaand = (
        Urenregistratie.objects.filter(inburgeraar_id__in={d for d, _ in nieuw}, datum__in={dt for _, dt in nieuw})
        .exclude(status=Urenregistratie.Status.VERVANGEN)
        .exclude(pk__in=list(negeer))
        .values("inburgeraar_id", "datum")
        .annotate(totaal=Sum("uren"))
    )
    al = {(r["inburgeraar_id"], r["datum"]): r["totaal"] for r in bestaand}
    for i, dossier_id, datum, _uren_regel in geldig:
        totaal = nieuw[dossier_id, datum] + al.get((dossier_id, datum), 0)
        if totaal > MAX_UREN_PER_DAG:
            fouten[i]["uren"] = Regelfout(
                _("Samen %(totaal)s uur op %(datum)s voor deze persoon: meer dan 24 kan niet.")
                % {"totaal": uren_tekst(totaal), "datum": _datum(datum)},
                "dagtotaal_boven_24",
            )


@transaction.atomic
def registreer_uren(*, door, regels) -> list[Urenregistratie]:
    """A begeleider's hours, all or nothing: every line is checked before any is written."""
    dossier_ids = sorted({regel.get("inburgeraar_id") or regel["inburgeraar"].pk for regel in regels})
    # Lock the dossiers so two submissions cannot both pass the 24-hour cap.
    dossiers = Inburgeraar.objects.select_for_update().in_bulk(dossier_ids)
    fouten = uren_fouten(begeleider=door, regels=regels)
    if any(fouten):
        raise ValidationError(
            [f"{i + 1}: {bericht}" for i, f in enumerate(fouten) for bericht in f.values()], code="uren_ongeldig"
        )
    verwijzingen = defaultdict(list)
    for verwijzing in (
        Verwijzing.objects.actief_op(timezone.localdate())
        .filter(inburgeraar_id__in=dossier_ids, team__groep__user=door)
        .order_by("startdatum", "pk")
    ):
        verwijzingen[verwijzing.inburgeraar_id].append(verwijzing)
    nieuw = []
    for regel in regels:
        dossier_id = regel.get("inburgeraar_id") or regel["inburgeraar"].pk
        nieuw.append(
            Urenregistratie(
                inburgeraar_id=dossier_id,
                # uren_fouten made sure one covers the date: the first that does.
                verwijzing=next(v for v in verwijzingen[dossier_id] if v.is_actief_op(regel["datum"])),
                begeleider=door,
                datum=regel["datum"],
                uren=Decimal(regel["uren"]),
                soort=regel["soort"],
                telt_voor_z_route=regel.get("telt_voor_z_route", False),
                notitie=regel.get("notitie", ""),
            )
        )
    for registratie in nieuw:
        registratie.full_clean(exclude=["inburgeraar", "verwijzing", "begeleider"])
    Urenregistratie.objects.bulk_create(nieuw)
    log_bulk([(None, registratie) for registratie in nieuw], actor=door, action=LogEntry.Action.CREATE)
    per_dossier = defaultdict(Decimal)
    for registratie in nieuw:
        per_dossier[registratie.inburgeraar_id] += registratie.uren
    for dossier_id, totaal in per_dossier.items():
        schrijf_gebeurtenis(
            inburgeraar=dossiers[dossier_id],
            soort=UREN_GEREGISTREERD,
            omschrijving=_("%(naam)s registreerde %(uren)s uur begeleiding (te beoordelen).")
            % {"naam": door, "uren": uren_tekst(totaal)},
            door=door,
        )
    return nieuw


@transaction.atomic
def keur_uren_goed(*, door, registraties) -> int:
    """Approve submitted hours in bulk; returns how many were approved (already handled ones are skipped)."""
    pks = [r.pk for r in registraties]
    te_keuren = list(
        Urenregistratie.objects.select_for_update()
        .filter(pk__in=pks, status=Urenregistratie.Status.INGEDIEND)
        .select_related("inburgeraar__gemeente")
    )
    nu = timezone.now()
    per_dossier = defaultdict(list)
    ingediend = [copy.copy(registratie) for registratie in te_keuren]
    for registratie in te_keuren:
        registratie.status = Urenregistratie.Status.GOEDGEKEURD
        registratie.beoordeeld_door = door
        registratie.beoordeeld_op = nu
        per_dossier[registratie.inburgeraar_id].append(registratie)
    Urenregistratie.objects.bulk_update(te_keuren, ["status", "beoordeeld_door", "beoordeeld_op"])
    log_bulk(zip(ingediend, te_keuren, strict=True), actor=door)
    for rijen in per_dossier.values():
        schrijf_gebeurtenis(
            inburgeraar=rijen[0].inburgeraar,
            soort=UREN_GOEDGEKEURD,
            omschrijving=_("%(aantal)s urenregistratie(s), samen %(uren)s uur, goedgekeurd.")
            % {"aantal": len(rijen), "uren": uren_tekst(sum((r.uren for r in rijen), Decimal(0)))},
            door=door,
        )
    duo.meld_uren(per_dossier)  # the new totals to DUO, in this transaction
    return len(te_keuren)


def _vergrendel(registratie) -> Urenregistratie:
    """Lock the entry and its dossier: a correction and an approval never cross."""
    oud = Urenregistratie.objects.select_for_update().select_related("inburgeraar").get(pk=registratie.pk)
    Inburgeraar.objects.select_for_update().filter(pk=oud.inburgeraar_id).first()
    return oud


def _markeer_vervangen(oud: Urenregistratie, *, begeleider, uren, reden: str) -> None:
    """Check the new hours as if the old entry were gone (with a reason), then mark the old one replaced."""
    if not reden.strip():
        raise ValidationError({"reden": ValidationError(_("Geef de reden van de correctie."), code="reden_ontbreekt")})
    fouten = uren_fouten(
        begeleider=begeleider,
        regels=[{"inburgeraar_id": oud.inburgeraar_id, "datum": oud.datum, "uren": uren}],
        negeer=[oud.pk],
    )[0]
    if fouten:
        raise ValidationError({veld: ValidationError(bericht, code=bericht.code) for veld, bericht in fouten.items()})
    oud.status = Urenregistratie.Status.VERVANGEN
    oud.save(update_fields=["status"])


@transaction.atomic
def corrigeer_uren(*, door, registratie, uren, soort, telt_voor_z_route, reden) -> Urenregistratie:
    """The regisseur corrects an entry: a new, approved entry supersedes it; the original stays."""
    oud = _vergrendel(registratie)
    if oud.status == Urenregistratie.Status.VERVANGEN:
        raise ValidationError(_("Deze registratie is al gecorrigeerd; corrigeer de nieuwste versie."), code="vervangen")
    _markeer_vervangen(oud, begeleider=None, uren=uren, reden=reden)
    nieuw = Urenregistratie.objects.create(
        inburgeraar_id=oud.inburgeraar_id,
        verwijzing_id=oud.verwijzing_id,
        begeleider_id=oud.begeleider_id,
        datum=oud.datum,
        uren=Decimal(uren),
        soort=soort,
        telt_voor_z_route=telt_voor_z_route,
        notitie=oud.notitie,
        status=Urenregistratie.Status.GOEDGEKEURD,
        vervangt=oud,
        reden_correctie=reden,
        beoordeeld_door=door,
        beoordeeld_op=timezone.now(),
    )
    schrijf_gebeurtenis(
        inburgeraar=oud.inburgeraar,
        soort=UREN_GECORRIGEERD,
        omschrijving=_("Uren van %(datum)s gecorrigeerd van %(oud)s naar %(nieuw)s uur (%(soort)s). Reden: %(reden)s")
        % {
            "datum": _datum(oud.datum),
            "oud": uren_tekst(oud.uren),
            "nieuw": uren_tekst(nieuw.uren),
            "soort": nieuw.get_soort_display().lower(),
            "reden": reden,
        },
        door=door,
        registratie=nieuw.pk,
        vervangt=oud.pk,
    )
    duo.meld_uren([oud.inburgeraar_id])  # the corrected totals to DUO, in this transaction
    return nieuw


@transaction.atomic
def vervang_ingediende_uren(
    *, door, registratie, uren, soort, reden, telt_voor_z_route=False, notitie=""
) -> Urenregistratie:
    """The partner corrects its own entry before the regisseur judged it: a new submitted entry replaces it.

    An approved entry is the regisseur's to correct (`corrigeer_uren`); the partner sends a melding.
    """
    oud = _vergrendel(registratie)
    if not Verwijzing.objects.filter(pk=oud.verwijzing_id, team__groep__user=door).exists():
        raise ValidationError(_("Deze uren zijn niet door uw organisatie geregistreerd."), code="andere_organisatie")
    if oud.status != Urenregistratie.Status.INGEDIEND:
        raise ValidationError(
            _("Deze uren zijn al beoordeeld of gecorrigeerd; vraag de casusregisseur om een correctie."),
            code="al_beoordeeld",
        )
    _markeer_vervangen(oud, begeleider=door, uren=uren, reden=reden)
    nieuw = Urenregistratie(
        inburgeraar_id=oud.inburgeraar_id,
        verwijzing_id=oud.verwijzing_id,
        begeleider=door,
        datum=oud.datum,
        uren=Decimal(uren),
        soort=soort,
        telt_voor_z_route=telt_voor_z_route,
        notitie=notitie,
        vervangt=oud,
        reden_correctie=reden,
    )
    nieuw.full_clean(exclude=["inburgeraar", "verwijzing", "begeleider", "vervangt"])
    nieuw.save()
    schrijf_gebeurtenis(
        inburgeraar=oud.inburgeraar,
        soort=UREN_GECORRIGEERD,
        omschrijving=_(
            "%(naam)s corrigeerde de uren van %(datum)s van %(oud)s naar %(nieuw)s uur (te beoordelen). "
            "Reden: %(reden)s"
        )
        % {
            "naam": door,
            "datum": _datum(oud.datum),
            "oud": uren_tekst(oud.uren),
            "nieuw": uren_tekst(nieuw.uren),
            "reden": reden,
        },
        door=door,
        registratie=nieuw.pk,
        vervangt=oud.pk,
    )
    return nieuw


# Meldingen --------------------------------------------------------------------------------


@transaction.atomic
def maak_melding(*, door, inburgeraar, soort, tekst) -> Melding:
    """A begeleider tells the regisseur about a problem, a no-show or a question."""
    verwijzing = actieve_verwijzing(begeleider=door, inburgeraar_id=inburgeraar.pk)
    if verwijzing is None:
        raise ValidationError(_("U heeft geen lopende verwijzing voor deze inburgeraar."), code="geen_verwijzing")
    if not tekst.strip():
        raise ValidationError({"tekst": ValidationError(_("Schrijf wat er aan de hand is."), code="tekst_ontbreekt")})
    melding = Melding.objects.create(
        inburgeraar=inburgeraar, verwijzing=verwijzing, soort=soort, tekst=tekst, door=door
    )
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=MELDING,
        omschrijving=_("Melding van %(naam)s (%(soort)s): %(tekst)s")
        % {"naam": door, "soort": melding.get_soort_display().lower(), "tekst": tekst},
        door=door,
        melding=melding.pk,
    )
    return melding


@transaction.atomic
def handel_melding_af(*, door, melding) -> Melding:
    melding = Melding.objects.select_for_update().select_related("inburgeraar").get(pk=melding.pk)
    if melding.afgehandeld_op is not None:
        return melding
    melding.afgehandeld_door = door
    melding.afgehandeld_op = timezone.now()
    melding.save(update_fields=["afgehandeld_door", "afgehandeld_op"])
    schrijf_gebeurtenis(
        inburgeraar=melding.inburgeraar,
        soort=MELDING_AFGEHANDELD,
        omschrijving=_("Melding van %(datum)s afgehandeld.")
        % {"datum": _datum(timezone.localtime(melding.created_at))},
        door=door,
        melding=melding.pk,
    )
    return melding
