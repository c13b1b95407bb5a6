"""Every write to the PIP-team's casuïstiekoverleg; each agreement lands on the dossier's tijdlijn.

Agreements with a due date are deadlines of the dossier: after every change `_werk_termijn_bij` writes
the dossier's milestone dates (`datum_afspraak_overleg`, `datum_afspraak_uiterlijk`,
`datum_afspraak_nagekomen`) from its agreements and lets the core recompute its termijnen and signalen
(inburgering/termijnen.py, `afspraak_overleg`). Dossiers are reached through the visibility rule only.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering import services as dossier_services
from inburgering.models import Inburgeraar, InburgeraarGroupObjectPermission, Inzage, User
from inburgering.permissions import INZIEN, WIJZIGEN

from .models import Afspraak, Agendapunt, Overleg


class Soort:
    """Tijdlijn soorten of the overleg (Gebeurtenis.soort has no choices)."""

    AGENDA = "overleg_agenda"
    BESPROKEN = "overleg_besproken"
    AFSPRAAK = "overleg_afspraak"
    AFGEROND = "overleg_afspraak_afgerond"


def _d(datum: datetime.date) -> str:
    return opmaak.datum(datum)


def kandidaat_deelnemers(door):
    """Who may join: the members of the planner's own teams, and the people of the partner teams that hold
    a verwijzing (view_inburgeraar) on a dossier the planner may see."""
    partnergroepen = InburgeraarGroupObjectPermission.objects.filter(
        content_object__in=Inburgeraar.objects.zichtbaar_voor(door, INZIEN), permission__codename="view_inburgeraar"
    ).values("group")
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__in=door.groups.filter(team__isnull=False)) | Q(groups__in=partnergroepen))
        .exclude(pk=door.pk)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@transaction.atomic
def plan_overleg(*, door, datum: datetime.date, tijd=None, locatie: str = "", deelnemers=()) -> Overleg:
    kandidaten = set(kandidaat_deelnemers(door).values_list("pk", flat=True))
    vreemd = [str(user) for user in deelnemers if user.pk not in kandidaten]
    if vreemd:
        raise ValidationError(
            {
                "deelnemers": _("Deze mensen werken niet in uw team of aan uw dossiers mee: %(namen)s.")
                % {"namen": ", ".join(vreemd)}
            },
            code="deelnemer",
        )
    overleg = Overleg.objects.create(datum=datum, tijd=tijd, locatie=locatie.strip(), voorzitter=door)
    overleg.deelnemers.set(deelnemers)
    return overleg


def overleggen_voor(user):
    """The overleggen a user chairs or joins."""
    return Overleg.objects.filter(Q(voorzitter=user) | Q(deelnemers=user)).distinct()


def agendapunten_voor(user, overleg: Overleg):
    """The agenda as `user` may see it: only the dossiers the visibility rule gives them (a partner: the
    dossiers referred to their team), with the agreements, in one query each."""
    return (
        overleg.agendapunten.filter(inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user, INZIEN))
        .select_related("inburgeraar__gemeente", "inburgeraar__regisseur")
        .prefetch_related("afspraken__eigenaar")
    )


def log_inzagen(*, user, punten, pagina: str) -> None:
    """The overleg's page shows dossier data: one Inzage per dossier shown, in one statement."""
    Inzage.objects.bulk_create(
        [Inzage(user=user, inburgeraar=p.inburgeraar, bsn=p.inburgeraar.bsn, pagina=pagina) for p in punten]
    )


def _vereis_voorzitter(door, overleg: Overleg) -> None:
    if overleg.voorzitter_id != door.pk:
        raise ValidationError(_("Alleen de voorzitter van dit overleg legt de agenda en het verslag vast."))


def _dossier(door, inburgeraar, perm) -> Inburgeraar:
    dossier = Inburgeraar.objects.zichtbaar_voor(door, perm).select_for_update(of=("self",)).filter(pk=inburgeraar.pk)
    gevonden = dossier.first()
    if gevonden is None:
        raise ValidationError({"inburgeraar": _("Dit dossier kunt u niet op de agenda zetten.")}, code="dossier")
    return gevonden


@transaction.atomic
def zet_op_agenda(*, door, overleg: Overleg, inburgeraar: Inburgeraar, vraag: str = "") -> Agendapunt:
    _vereis_voorzitter(door, overleg)
    dossier = _dossier(door, inburgeraar, INZIEN)
    if overleg.agendapunten.filter(inburgeraar=dossier).exists():
        raise ValidationError(
            {"inburgeraar": _("%(naam)s staat al op de agenda van dit overleg.") % {"naam": dossier.naam}},
            code="dubbel",
        )
    punt = Agendapunt.objects.create(overleg=overleg, inburgeraar=dossier, vraag=vraag.strip())
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=dossier,
        soort=Soort.AGENDA,
        omschrijving=_("Op de agenda van het casuïstiekoverleg van het PIP-team van %(datum)s.")
        % {"datum": _d(overleg.datum)},
        door=door,
        overleg=overleg.pk,
    )
    return punt


@transaction.atomic
def leg_bespreking_vast(*, door, agendapunt: Agendapunt, besproken: str) -> Agendapunt:
    punt = Agendapunt.objects.select_for_update().select_related("overleg").get(pk=agendapunt.pk)
    _vereis_voorzitter(door, punt.overleg)
    dossier = _dossier(door, punt.inburgeraar, WIJZIGEN)
    if not besproken.strip():
        raise ValidationError({"besproken": _("Schrijf op wat er is besproken.")}, code="leeg")
    punt.besproken = besproken.strip()
    punt.save(update_fields=["besproken"])
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=dossier,
        soort=Soort.BESPROKEN,
        omschrijving=_("Besproken in het casuïstiekoverleg van %(datum)s: %(tekst)s")
        % {"datum": _d(punt.overleg.datum), "tekst": punt.besproken},
        door=door,
        overleg=punt.overleg_id,
    )
    return punt


@transaction.atomic
def maak_afspraak(
    *, door, agendapunt: Agendapunt, omschrijving: str, eigenaar, uiterlijk: datetime.date | None = None
) -> Afspraak:
    punt = Agendapunt.objects.select_related("overleg").get(pk=agendapunt.pk)
    overleg = punt.overleg
    _vereis_voorzitter(door, overleg)
    dossier = _dossier(door, punt.inburgeraar, WIJZIGEN)
    fouten = {}
    if not omschrijving.strip():
        fouten["omschrijving"] = _("Beschrijf de afspraak.")
    if eigenaar.pk != overleg.voorzitter_id and not overleg.deelnemers.filter(pk=eigenaar.pk).exists():
        fouten["eigenaar"] = _("De eigenaar is de voorzitter of een deelnemer van het overleg.")
    if uiterlijk and uiterlijk < overleg.datum:
        fouten["uiterlijk"] = _("De datum ligt vóór het overleg (%(datum)s).") % {"datum": _d(overleg.datum)}
    if fouten:
        raise ValidationError(fouten, code="ongeldig")
    afspraak = Afspraak.objects.create(
        agendapunt=punt, inburgeraar=dossier, omschrijving=omschrijving.strip(), eigenaar=eigenaar, uiterlijk=uiterlijk
    )
    termijn = _(" (uiterlijk %(datum)s)") % {"datum": _d(uiterlijk)} if uiterlijk else ""
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=dossier,
        soort=Soort.AFSPRAAK,
        omschrijving=_("Afspraak in het casuïstiekoverleg van %(datum)s: %(tekst)s – %(eigenaar)s%(termijn)s.")
        % {
            "datum": _d(overleg.datum),
            "tekst": afspraak.omschrijving,
            "eigenaar": eigenaar.get_full_name() or eigenaar.username,
            "termijn": termijn,
        },
        door=door,
        afspraak=afspraak.pk,
    )
    _werk_termijn_bij(dossier)
    return afspraak


@transaction.atomic
def rond_afspraak_af(*, door, afspraak: Afspraak) -> Afspraak:
    """The owner, or anyone who may change the dossier, marks an agreement done; its signaal closes."""
    afspraak = Afspraak.objects.select_for_update().select_related("inburgeraar").get(pk=afspraak.pk)
    if afspraak.afgerond_op:
        raise ValidationError(_("Deze afspraak is al afgerond."), code="afgerond")
    perm = INZIEN if afspraak.eigenaar_id == door.pk else WIJZIGEN
    if not Inburgeraar.objects.zichtbaar_voor(door, perm).filter(pk=afspraak.inburgeraar_id).exists():
        raise ValidationError(_("Alleen de eigenaar of de regisseur van het dossier rondt deze afspraak af."))
    dossier = Inburgeraar.objects.select_for_update().get(pk=afspraak.inburgeraar_id)
    afspraak.afgerond_op = timezone.localdate()
    afspraak.afgerond_door = door
    afspraak.save(update_fields=["afgerond_op", "afgerond_door"])
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=dossier,
        soort=Soort.AFGEROND,
        omschrijving=_("Afspraak uit het casuïstiekoverleg afgerond: %(tekst)s.") % {"tekst": afspraak.omschrijving},
        door=door,
        afspraak=afspraak.pk,
    )
    _werk_termijn_bij(dossier)
    return afspraak


def _werk_termijn_bij(dossier: Inburgeraar) -> None:
    """The dossier's milestone: its earliest open agreement with a due date, or the last one once all are done."""
    met_datum = Afspraak.objects.filter(inburgeraar=dossier, uiterlijk__isnull=False).select_related(
        "agendapunt__overleg"
    )
    eerste = met_datum.filter(afgerond_op__isnull=True).order_by("uiterlijk", "pk").first()
    laatste = None if eerste else met_datum.order_by("-afgerond_op", "-uiterlijk", "-pk").first()
    bron = eerste or laatste
    waarden = {
        "datum_afspraak_overleg": bron.agendapunt.overleg.datum if bron else None,
        "datum_afspraak_uiterlijk": bron.uiterlijk if bron else None,
        "datum_afspraak_nagekomen": laatste.afgerond_op if laatste else None,
    }
    if all(getattr(dossier, veld) == waarde for veld, waarde in waarden.items()):
        return
    for veld, waarde in waarden.items():
        setattr(dossier, veld, waarde)
    dossier.save(update_fields=[*waarden, "updated_at"])
    dossier_services.synchroniseer_termijnen([dossier.pk])
