"""The regisseur's side of the exchange: an action DUO's notification asked for is marked done."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import services
from .models import Notificatie


@transaction.atomic
def handel_actie_af(*, door, notificatie: Notificatie) -> Notificatie:
    notificatie = (
        Notificatie.objects.select_for_update(of=("self",)).select_related("inburgeraar").get(pk=notificatie.pk)
    )
    if not notificatie.actie or notificatie.actie_afgehandeld_op is not None:
        raise ValidationError(_("Deze actie is al afgehandeld."), code="afgehandeld")
    notificatie.actie_afgehandeld_op = timezone.now()
    notificatie.save(update_fields=["actie_afgehandeld_op"])
    services.schrijf_gebeurtenis(
        inburgeraar=notificatie.inburgeraar,
        soort="duo",
        omschrijving=_("Actie na DUO-notificatie %(id)s afgehandeld: %(actie)s")
        % {"id": notificatie.gebeurtenis_id, "actie": notificatie.actie},
        door=door,
        notificatie=notificatie.pk,
    )
    return notificatie
