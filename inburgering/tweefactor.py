"""Who may bind an authenticator app to an account: koppelcodes and the beheerder's reset.

Setting up an app goes in two steps in one session: first the koppelcode (`begin_koppeling`), only then a
fresh secret, shown to that session alone, and confirming it with a code from the app (`bevestig_apparaat`).
A password alone never sees a secret: an unconfirmed app whose secret someone else read could otherwise be
confirmed later by the real user, and the reader would log in with password and app code.
"""

import hashlib
import secrets
from dataclasses import dataclass
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
    """A new code for `gebruiker`, returned once; older unused codes stop working, and so does an app that
    was being set up with one of them."""
    nu = timezone.now()
    Koppelcode.objects.filter(gebruiker=gebruiker, gebruikt_op__isnull=True, verloopt_op__gt=nu).update(verloopt_op=nu)
    _verwijder_onbevestigde(gebruiker)
    ruw = "".join(secrets.choice(_TEKENS) for _ in range(_LENGTE))
    Koppelcode.objects.create(
        gebruiker=gebruiker,
        code_hash=code_hash(ruw),
        uitgegeven_door=door,
        verloopt_op=nu + timedelta(hours=settings.KOPPELCODE_GELDIG_UREN),
    )
    return "-".join(ruw[i : i + 4] for i in range(0, _LENGTE, 4))


def _bruikbaar(koppelcode: Koppelcode | None) -> Koppelcode:
    """The code itself, or a ValidationError saying why it cannot be used."""
    if koppelcode is None:
        raise ValidationError(
            _("Deze koppelcode klopt niet. Vraag de functioneel beheerder om een koppelcode."), code="onbekend"
        )
    if koppelcode.gebruikt_op is not None:
        raise ValidationError(
            _("Deze koppelcode is al gebruikt. Vraag de functioneel beheerder om een nieuwe."), code="gebruikt"
        )
    if koppelcode.verloopt_op <= timezone.now():
        raise ValidationError(
            _("Deze koppelcode is verlopen. Vraag de functioneel beheerder om een nieuwe."), code="verlopen"
        )
    return koppelcode


def _verwijder_onbevestigde(gebruiker) -> None:
    TOTPDevice.objects.filter(user=gebruiker, confirmed=False).delete()


@dataclass(frozen=True)
class Koppeling:
    """What the session that gave the koppelcode keeps: which code, and the app made for it."""

    koppelcode_id: int
    apparaat_id: int


@transaction.atomic
def begin_koppeling(*, gebruiker, code: str) -> Koppeling:
    """After a valid koppelcode (not yet spent: a wrong app code must not cost it), a new secret for this
    session. Any earlier unconfirmed app is discarded: its secret may have been seen by someone else."""
    koppelcode = _bruikbaar(
        Koppelcode.objects.select_for_update().filter(gebruiker=gebruiker, code_hash=code_hash(code or "")).first()
    )
    _verwijder_onbevestigde(gebruiker)
    apparaat = TOTPDevice.objects.create(user=gebruiker, name="Authenticator-app", confirmed=False)
    return Koppeling(koppelcode_id=koppelcode.pk, apparaat_id=apparaat.pk)


@transaction.atomic
def lopende_koppeling(*, gebruiker, koppeling: Koppeling) -> TOTPDevice | None:
    """The unconfirmed app this session made, while its koppelcode still holds. Once that code has lapsed,
    been replaced or been spent, the app is discarded and None returned: the user starts with a new code."""
    apparaat = TOTPDevice.objects.filter(pk=koppeling.apparaat_id, user=gebruiker, confirmed=False).first()
    if apparaat is None:
        return None
    try:
        _bruikbaar(Koppelcode.objects.filter(pk=koppeling.koppelcode_id, gebruiker=gebruiker).first())
    except ValidationError:
        apparaat.delete()
        return None
    return apparaat


@transaction.atomic
def ruim_vervallen_apparaten_op(*, gebruiker) -> None:
    """Without a koppelcode that still holds, no unconfirmed app can ever be confirmed: discard it, so a
    secret made under a code that lapsed in an abandoned session is gone too."""
    nu = timezone.now()
    if not Koppelcode.objects.filter(gebruiker=gebruiker, gebruikt_op__isnull=True, verloopt_op__gt=nu).exists():
        _verwijder_onbevestigde(gebruiker)


def bevestig_apparaat(*, gebruiker, koppeling: Koppeling, token: str) -> TOTPDevice:
    """Confirm the session's app with a code from it, spending the koppelcode. Raises a ValidationError with
    code "token" for a wrong app code (the koppelcode stays usable) or "koppeling" when the koppelcode no
    longer holds (the app is then gone)."""
    apparaat = lopende_koppeling(gebruiker=gebruiker, koppeling=koppeling)
    if apparaat is None:
        raise ValidationError(_("Deze koppelcode is verlopen of vervangen."), code="koppeling")
    # Outside a transaction that a refusal rolls back: django-otp's throttling must count every wrong guess.
    if not apparaat.verify_token(token):
        raise ValidationError(
            _("Deze code klopt niet of is verlopen. Vul de nieuwste code uit uw app in."), code="token"
        )
    with transaction.atomic():
        koppelcode = Koppelcode.objects.select_for_update().filter(pk=koppeling.koppelcode_id, gebruiker=gebruiker)
        apparaat = TOTPDevice.objects.select_for_update().filter(pk=apparaat.pk, confirmed=False).first()
        try:
            koppelcode = _bruikbaar(koppelcode.first())
        except ValidationError as fout:
            raise ValidationError(fout.messages[0], code="koppeling") from fout
        if apparaat is None:
            raise ValidationError(_("Deze koppelcode is verlopen of vervangen."), code="koppeling")
        koppelcode.gebruikt_op = timezone.now()
        koppelcode.save(update_fields=["gebruikt_op"])
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
    return apparaat


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
