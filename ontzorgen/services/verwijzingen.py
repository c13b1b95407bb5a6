"""Verwijzingen: referring a dossier to a partner team, and the access that follows.

Verwijzingen are the only way a partner reaches a dossier. The rights they grant are derived
data: `InburgeraarGroupObjectPermission` rows with codename view_inburgeraar for a partner team
exist exactly while that team has an active verwijzing for the dossier. The services bring one
(dossier, team) pair in line at once; `synchroniseer_verwijzingsrechten` brings all pairs in line
and runs nightly (CELERY_BEAT_SCHEDULE), so a referral that starts or ends on a later date opens
or closes access on that day.
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.fasen import LOPEND
from inburgering.models import InburgeraarGroupObjectPermission, Organisatie
from inburgering.services import schrijf_gebeurtenis

from ..models import Dienst, Verwijzing
from .ontzorging import DIENSTEN_ASIELSTATUSHOUDERS, geen_asielstatushouder
from .tijdlijn import VERWEZEN, VERWIJZING_BEEINDIGD, datum_tekst

VERWIJZINGSRECHT = "view_inburgeraar"


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
    periode = _("vanaf %(start)s") % {"start": datum_tekst(startdatum)}
    if einddatum:
        periode += " " + _("tot en met %(einde)s") % {"einde": datum_tekst(einddatum)}
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
    verwijzing.save(update_fields=["beeindigd", "reden_beeindiging", "einddatum", "updated_at"])
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
        permission__codename=VERWIJZINGSRECHT, group__team__organisatie__soort=Organisatie.Soort.PARTNER
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


def actieve_verwijzing(*, begeleider, inburgeraar_id, datum=None):
    """The begeleider's team's referral for this dossier that is active today and covers `datum`."""
    vandaag = timezone.localdate()
    qs = Verwijzing.objects.actief_op(vandaag).filter(inburgeraar_id=inburgeraar_id, team__groep__user=begeleider)
    if datum is not None:
        qs = qs.actief_op(datum)
    return qs.order_by("startdatum", "pk").first()
