"""Issuing and revoking a partner system's credential: the only place that writes ApiClient."""

import hashlib
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ApiClient, Organisatie
from ..rollen import PARTNERSYSTEEM

# Recognisable in logs and secret scanners; the part after the prefix carries 256 random bits.
VOORVOEGSEL = "ibp_"


def sleutel_hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


@transaction.atomic
def maak_client(*, naam, team, geldig_tot) -> tuple[ApiClient, str]:
    """A new credential with its own service user in the partner team; returns it and the token (shown once)."""
    if team.organisatie.soort != Organisatie.Soort.PARTNER:
        raise ValidationError({"team": _("Alleen een team van een partnerorganisatie krijgt een API-sleutel.")})
    if geldig_tot <= timezone.now():
        raise ValidationError({"geldig_tot": _("De geldigheid moet in de toekomst eindigen.")})
    prefix = secrets.token_hex(4)
    sleutel = f"{VOORVOEGSEL}{prefix}_{secrets.token_urlsafe(32)}"
    gebruiker = get_user_model().objects.create(
        username=f"api-{prefix}", first_name=naam[:150], organisatie=team.organisatie
    )
    gebruiker.set_unusable_password()  # the service user never logs in to the browser pages
    gebruiker.save(update_fields=["password"])
    gebruiker.groups.add(team.groep, Group.objects.get(name=PARTNERSYSTEEM))
    client = ApiClient.objects.create(
        naam=naam,
        team=team,
        gebruiker=gebruiker,
        sleutel_prefix=f"{VOORVOEGSEL}{prefix}",
        sleutel_hash=sleutel_hash(sleutel),
        geldig_tot=geldig_tot,
    )
    return client, sleutel


@transaction.atomic
def trek_in(*, client: ApiClient) -> ApiClient:
    """Revoke at once: the token stops working and the service user is switched off."""
    client = ApiClient.objects.select_for_update().select_related("gebruiker").get(pk=client.pk)
    if client.ingetrokken_op is None:
        client.ingetrokken_op = timezone.now()
        client.save(update_fields=["ingetrokken_op"])
    client.gebruiker.is_active = False
    client.gebruiker.save(update_fields=["is_active"])
    return client
