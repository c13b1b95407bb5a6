"""The begeleiders' hours: registering, checking, approving and correcting them."""

import copy
from collections import defaultdict
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.audit import log_bulk
from inburgering.models import Inburgeraar
from inburgering.services import schrijf_gebeurtenis

from .. import duo
from ..models import Urenregistratie, Verwijzing
from .tijdlijn import UREN_GECORRIGEERD, UREN_GEREGISTREERD, UREN_GOEDGEKEURD, datum_tekst, uren_tekst

MAX_UREN_PER_DAG = Decimal(24)


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
                _("Uren van %(datum)s liggen in de toekomst.") % {"datum": datum_tekst(datum)}, "toekomst"
            )
        elif dossier_id is None:
            continue  # the caller reports the missing person; nothing more to check on this line
        elif begeleider is not None and not any(v.is_actief_op(datum) for v in verwijzingen[dossier_id]):
            fouten[i]["datum"] = Regelfout(
                _("Op %(datum)s liep er geen verwijzing naar uw organisatie.") % {"datum": datum_tekst(datum)},
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
                % {"totaal": uren_tekst(totaal), "datum": datum_tekst(datum)},
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
            "datum": datum_tekst(oud.datum),
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
            "datum": datum_tekst(oud.datum),
            "oud": uren_tekst(oud.uren),
            "nieuw": uren_tekst(nieuw.uren),
            "reden": reden,
        },
        door=door,
        registratie=nieuw.pk,
        vervangt=oud.pk,
    )
    return nieuw
