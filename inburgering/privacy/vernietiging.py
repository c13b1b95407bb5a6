"""Retention and destruction of closed dossiers (docs/wet-inburgering.md, Retention and privacy).

A closed dossier (afgerond: voldaan, ontheffing, vrijstelling; uitgeschreven: verhuisd, vertrokken,
overleden) is kept BEWAARTERMIJN_JAREN after its datum_einde. A monthly task proposes the dossiers
past that date on a vernietigingslijst; a functioneel beheerder approves it; destruction then deletes
every personal record in every app (through inburgering.privacy), anonymises the dossier row in
place so the reports keep counting it, and writes an immutable proces-verbaal. A legal hold
(blokkade) keeps a dossier off the list and stops its destruction.
"""

import datetime

from auditlog.models import LogEntry

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..fasen import EINDFASEN
from ..models import (
    DuoBericht,
    Gebeurtenis,
    Huishouden,
    Inburgeraar,
    InburgeraarGroupObjectPermission,
    InburgeraarUserObjectPermission,
    Inzage,
    Notificatie,
    Signaal,
    Termijn,
)
from ..permissions import gemeenten_van_organisatie
from ..services import schrijf_gebeurtenis
from .models import ProcesVerbaal, Vernietigingslijst, VernietigingslijstItem
from .register import bijdragen, wis


def jaren_later(datum: datetime.date, jaren: int) -> datetime.date:
    """The same calendar date `jaren` on; 29 February becomes 28 February in a common year."""
    try:
        return datum.replace(year=datum.year + jaren)
    except ValueError:
        return datum.replace(year=datum.year + jaren, day=28)


def vernietigingsdatum(datum_einde: datetime.date) -> datetime.date:
    return jaren_later(datum_einde, settings.BEWAARTERMIJN_JAREN)


def _kandidaten(vandaag: datetime.date):
    # One day of slack covers 29 February; the exact date is checked per row below.
    grens = jaren_later(vandaag, -settings.BEWAARTERMIJN_JAREN) + datetime.timedelta(days=1)
    al_op_een_lijst = VernietigingslijstItem.objects.exclude(status=VernietigingslijstItem.Status.UITGEZONDERD)
    return (
        Inburgeraar.objects.filter(
            fase__in=EINDFASEN, datum_einde__lte=grens, vernietigd_op__isnull=True, blokkade_reden=""
        )
        .exclude(pk__in=al_op_een_lijst.values("inburgeraar_id"))
        .only("pk", "gemeente_id", "datum_einde")
        .order_by("pk")
    )


@transaction.atomic
def stel_vernietigingslijsten_voor(*, vandaag: datetime.date | None = None) -> list[Vernietigingslijst]:
    """Propose every closed dossier past its retention date that is on no list yet, one list per gemeente;
    an empty list when there is none.

    Per gemeente, because the gemeente is responsible for its dossiers and each organisatie's beheerder
    approves only the lists of the gemeenten it serves (permissions.gemeenten_van_organisatie).
    Idempotent: a dossier is on at most one list (a unique constraint), so a second run, a retry or
    two beat processes propose nothing twice."""
    vandaag = vandaag or timezone.localdate()
    per_gemeente: dict[int, list] = {}
    for dossier in _kandidaten(vandaag):
        vanaf = vernietigingsdatum(dossier.datum_einde)
        if vanaf <= vandaag:
            per_gemeente.setdefault(dossier.gemeente_id, []).append((dossier, vanaf))
    lijsten = []
    for rijen in per_gemeente.values():
        lijst = Vernietigingslijst.objects.create(peildatum=vandaag)
        VernietigingslijstItem.objects.bulk_create(
            [
                VernietigingslijstItem(
                    lijst=lijst,
                    inburgeraar_id=dossier.pk,
                    referentie=f"VL{lijst.pk}-{volgnummer:05d}",
                    gemeente_id=dossier.gemeente_id,
                    datum_einde=dossier.datum_einde,
                    vernietigen_vanaf=vanaf,
                )
                for volgnummer, (dossier, vanaf) in enumerate(rijen, start=1)
            ],
            ignore_conflicts=True,
        )
        if lijst.items.exists():
            lijsten.append(lijst)
        else:  # another run proposed them all in the meantime
            lijst.delete()
    return lijsten


def lijsten_voor(user):
    """The vernietigingslijsten `user` may see: those with a dossier of a gemeente their organisatie serves."""
    return Vernietigingslijst.objects.filter(
        pk__in=VernietigingslijstItem.objects.filter(gemeente__in=gemeenten_van_organisatie(user)).values("lijst_id")
    )


def mag_goedkeuren(user, lijst: Vernietigingslijst) -> bool:
    """Only whoever serves every gemeente on the list approves it: approval destroys all of its dossiers.
    (Lists are made per gemeente; an older list over several gemeenten needs a beheerder serving them all.)"""
    return (
        user.has_perm("inburgering.vernietiging_goedkeuren")
        and not lijst.items.exclude(gemeente__in=gemeenten_van_organisatie(user)).exists()
    )


@transaction.atomic
def keur_goed(*, door, lijst: Vernietigingslijst) -> Vernietigingslijst:
    """A functioneel beheerder approves the list; destruction then runs as a task, in bulk."""
    from ..tasks import voer_vernietiging_uit

    lijst = Vernietigingslijst.objects.select_for_update().get(pk=lijst.pk)
    if not mag_goedkeuren(door, lijst):
        raise ValidationError(
            _("U mag alleen vernietigingslijsten goedkeuren van gemeenten die uw organisatie bedient."),
            code="andere_organisatie",
        )
    if lijst.status != Vernietigingslijst.Status.VOORGESTELD:
        raise ValidationError(_("Deze vernietigingslijst is al goedgekeurd."), code="al_goedgekeurd")
    lijst.status = Vernietigingslijst.Status.GOEDGEKEURD
    lijst.goedgekeurd_door = door
    lijst.goedgekeurd_op = timezone.now()
    lijst.save(update_fields=["status", "goedgekeurd_door", "goedgekeurd_op"])
    transaction.on_commit(lambda: voer_vernietiging_uit.delay(lijst.pk))
    return lijst


@transaction.atomic
def blokkeer(*, door, inburgeraar: Inburgeraar, reden: str) -> Inburgeraar:
    """Legal hold: the dossier is not destroyed while the reason stands, and leaves any open list."""
    reden = (reden or "").strip()
    if not reden:
        raise ValidationError({"reden": _("Geef de reden van de blokkade op.")}, code="reden_verplicht")
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk, vernietigd_op__isnull=True)
    inburgeraar.blokkade_reden = reden
    inburgeraar.blokkade_sinds = timezone.localdate()
    inburgeraar.save(update_fields=["blokkade_reden", "blokkade_sinds", "updated_at"])
    VernietigingslijstItem.objects.filter(
        inburgeraar=inburgeraar, status=VernietigingslijstItem.Status.VOORGESTELD
    ).update(status=VernietigingslijstItem.Status.UITGEZONDERD)
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort="blokkade",
        omschrijving=_("Vernietiging geblokkeerd: %(reden)s") % {"reden": reden},
        door=door,
    )
    return inburgeraar


@transaction.atomic
def hef_blokkade_op(*, door, inburgeraar: Inburgeraar) -> Inburgeraar:
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk, vernietigd_op__isnull=True)
    if not inburgeraar.blokkade_reden:
        raise ValidationError(_("Dit dossier heeft geen blokkade."), code="geen_blokkade")
    inburgeraar.blokkade_reden = ""
    inburgeraar.blokkade_sinds = None
    inburgeraar.save(update_fields=["blokkade_reden", "blokkade_sinds", "updated_at"])
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar, soort="blokkade", omschrijving=_("Blokkade van vernietiging opgeheven."), door=door
    )
    return inburgeraar


@transaction.atomic
def vernietig(*, lijst_id: int) -> ProcesVerbaal | None:
    """Destroy an approved list in bulk and write its proces-verbaal. Returns early when already done."""
    lijst = Vernietigingslijst.objects.select_for_update().filter(pk=lijst_id).first()
    if lijst is None or lijst.status != Vernietigingslijst.Status.GOEDGEKEURD:
        return None
    items = lijst.items.filter(status=VernietigingslijstItem.Status.VOORGESTELD)
    # A hold placed after approval still wins.
    items.exclude(inburgeraar__blokkade_reden="").update(status=VernietigingslijstItem.Status.UITGEZONDERD)
    ids = list(items.values_list("inburgeraar_id", flat=True))
    referenties = list(items.order_by("referentie").values_list("referentie", flat=True))
    aantallen = {}
    for bijdrage in bijdragen():
        aantallen.update(bijdrage.vernietig(ids))
    aantallen.update(_vernietig_kern(ids))
    items.update(status=VernietigingslijstItem.Status.VERNIETIGD)
    lijst.status = Vernietigingslijst.Status.UITGEVOERD
    lijst.save(update_fields=["status"])
    return ProcesVerbaal.objects.create(
        lijst=lijst,
        goedgekeurd_door=str(lijst.goedgekeurd_door),
        goedgekeurd_op=lijst.goedgekeurd_op,
        referenties=referenties,
        aantallen=aantallen,
        uitgezonderd=lijst.items.filter(status=VernietigingslijstItem.Status.UITGEZONDERD).count(),
    )


def _vernietig_kern(ids: list[int]) -> dict[str, int]:
    """The core's part: tijdlijn, deadlines, access, old inzage records, then the dossier row itself."""
    huishoudens = list(
        Inburgeraar.objects.filter(pk__in=ids, huishouden__isnull=False).values_list("huishouden_id", flat=True)
    )
    aantallen = {
        _("tijdlijn (gebeurtenissen)"): wis(Gebeurtenis.objects.filter(inburgeraar_id__in=ids)),
        _("signalen"): wis(Signaal.objects.filter(termijn__inburgeraar_id__in=ids)),
        _("termijnen"): wis(Termijn.objects.filter(inburgeraar_id__in=ids)),
        # The exchange with DUO holds the BSN in its messages: the inbox rows and outbox rows go too.
        _("notificaties van DUO"): wis(Notificatie.objects.filter(inburgeraar_id__in=ids)),
        _("berichten aan DUO"): wis(DuoBericht.objects.filter(inburgeraar_id__in=ids)),
    }
    InburgeraarGroupObjectPermission.objects.filter(content_object_id__in=ids).delete()
    InburgeraarUserObjectPermission.objects.filter(content_object_id__in=ids).delete()
    aantallen[_("inzages ouder dan de bewaartermijn van het inzagelog")] = Inzage.objects.filter(
        inburgeraar_id__in=ids, tijdstip__lt=inzage_grens()
    ).delete()[0]
    aantallen[_("dossiers geanonimiseerd")] = Inburgeraar.objects.filter(pk__in=ids).update(
        bsn=None,
        voornamen="",
        tussenvoegsel="",
        achternaam="",
        geboortedatum=None,
        azc="",
        taal="",
        tolk_nodig=False,
        telefoon="",
        email="",
        adres="",
        regisseur=None,
        huishouden=None,
        blokkade_reden="",
        vernietigd_op=timezone.localdate(),
        updated_at=timezone.now(),
    )
    # The history of the dossier row holds the personal data it had: it goes too.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Inburgeraar), object_pk__in=[str(pk) for pk in ids]
    ).delete()
    wis(Huishouden.objects.filter(pk__in=huishoudens, leden__isnull=True))
    return aantallen


def inzage_grens() -> datetime.datetime:
    """Inzage records from before this moment are past the inzage log's own retention period."""
    grens = jaren_later(timezone.localdate(), -settings.INZAGELOG_BEWAARTERMIJN_JAREN)
    return datetime.datetime.combine(grens, datetime.time.min, tzinfo=timezone.get_current_timezone())


def ruim_inzagelog_op() -> int:
    """The inzage log is kept for its own period (a setting), then deleted in bulk."""
    return Inzage.objects.filter(tijdstip__lt=inzage_grens()).delete()[0]
