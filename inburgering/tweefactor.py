"""Who may bind an authenticator app to an account: koppelcodes and the beheerder's reset."""

import hashlib
import secrets
from datetime import timedelta

from auditlog.models import LogEntry
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Koppelcode

# No 0/O, 1/I/L: the code is read aloud or typed over from a screen.
_TEKENS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_LENGTE = 12  # about 59 bits


def code_hash(code: str) -> str:
    return hashlib.sha256(_genormaliseerd(code).encode()).hexdigest()


def _genormaliseerd(code: str) -> str:
    return "".join(teken for teken in code.upper() if teken.isalnum())


@transaction.atomic
def geef_koppelcode(door, gebruiker) -> str:
    """A new code for `gebruiker`, returned once; older unused codes stop working."""
    nu = timezone.now()
    Koppelcode.objects.filter(gebruiker=gebruiker, gebruikt_op__isnull=True, verloopt_op__gt=nu).update(verloopt_op=nu)
    ruw = "".join(secrets.choice(_TEKENS) for _ in range(_LENGTE))
    Koppelcode.objects.create(
        gebruiker=gebruiker,
        code_hash=code_hash(ruw),
        uitgegeven_door=door,
        verloopt_op=nu + timedelta(hours=settings.KOPPELCODE_GELDIG_UREN),
    )
    return "-".join(ruw[i : i + 4] for i in range(0, _LENGTE, 4))


@transaction.atomic
def gebruik_koppelcode(gebruiker, code: str) -> Koppelcode:
    """Spend the code, or raise a ValidationError saying why it cannot be used."""
    gevonden = (
        Koppelcode.objects.select_for_update().filter(gebruiker=gebruiker, code_hash=code_hash(code or "")).first()
    )
    if gevonden is None:
        raise ValidationError(_("Deze koppelcode klopt niet. Vraag de functioneel beheerder om een koppelcode."))
    if gevonden.gebruikt_op is not None:
        raise ValidationError(_("Deze koppelcode is al gebruikt. Vraag de functioneel beheerder om een nieuwe."))
    nu = timezone.now()
    if gevonden.verloopt_op <= nu:
        raise ValidationError(_("Deze koppelcode is verlopen. Vraag de functioneel beheerder om een nieuwe."))
    gevonden.gebruikt_op = nu
    gevonden.save(update_fields=["gebruikt_op"])
    return gevonden


@transaction.atomic
def reset_apparaat(door, gebruiker) -> int:
    """Remove the user's authenticator apps, so they set one up again with a new koppelcode.
    Recorded in the user's history: who reset it, and when."""
    apparaten = list(TOTPDevice.objects.select_for_update().filter(user=gebruiker))
    if not apparaten:
        return 0
    TOTPDevice.objects.filter(pk__in=[apparaat.pk for apparaat in apparaten]).delete()
    LogEntry.objects.log_create(
        gebruiker,
        action=LogEntry.Action.UPDATE,
        changes={"authenticator-app": [", ".join(a.name for a in apparaten), "gereset"]},
        actor=door,
        actor_email=getattr(door, "email", None),
        force_log=True,
    )
    return len(apparaten)
