"""Notifications from DUO: checked, stored durably (deduplicated by berichtId), processed later."""

import datetime
import logging
import re

from django.conf import settings
from django.db import IntegrityError, transaction

from ..models import Gemeente
from .models import Notificatie

log = logging.getLogger(__name__)


class Afgewezen(Exception):
    """The notification is refused with this HTTP status (400, 401 or 403)."""

    def __init__(self, status: int, reden: str):
        super().__init__(reden)
        self.status = status


def afzender_is_duo(certificaat_subject: str | None) -> bool:
    """The proxy verified DUO's PKIoverheid certificate and passes on its subject; it must carry DUO's OIN.

    Without DUO_CERTIFICAAT_HEADER (development) nothing is checked here.
    """
    if not settings.DUO_CERTIFICAAT_HEADER:
        return True
    return bool(certificaat_subject) and re.search(rf"(^|\D){settings.DUO_OIN}(\D|$)", certificaat_subject) is not None


def ontvang(*, bron: str, doel: str, bericht_id, inhoud: dict, certificaat_subject: str | None) -> Notificatie:
    """Store a valid notification; a second one with the same berichtId returns the first (processed once)."""
    if not afzender_is_duo(certificaat_subject) or bron != settings.DUO_OIN:
        log.warning("DUO-notificatie %s geweigerd: afzender %r is niet DUO.", bericht_id, certificaat_subject or bron)
        raise Afgewezen(401, "afzender onbekend")
    gemeente = Gemeente.objects.filter(oin=doel).first()
    if gemeente is None:
        log.warning("DUO-notificatie %s geweigerd: onbekend OIN %s in doel.", bericht_id, doel)
        raise Afgewezen(403, "doel onbekend")
    bestaand = Notificatie.objects.filter(bericht_id=bericht_id).first()
    if bestaand is not None:
        return bestaand
    try:
        with transaction.atomic():
            notificatie = Notificatie.objects.create(
                bericht_id=bericht_id,
                bron=bron,
                doel=doel,
                gemeente=gemeente,
                gebeurtenis_id=inhoud["gebeurtenisId"],
                bsn=inhoud.get("bsn", ""),
                v_nummer=inhoud.get("vNummer"),
                registratie_datum_tijd=als_moment(inhoud["registratieDatumTijd"]),
                inhoud=inhoud,
            )
    except IntegrityError:  # the same berichtId arrived at the same moment on another process
        return Notificatie.objects.get(bericht_id=bericht_id)
    transaction.on_commit(lambda: _plan(notificatie.pk))
    return notificatie


def als_moment(datumtijd: str) -> datetime.datetime:
    """An RFC 3339 date-time, which may write its T and Z in lower case."""
    return datetime.datetime.fromisoformat(datumtijd.upper())


def _plan(pk: int) -> None:
    from .tasks import verwerk_notificatie

    verwerk_notificatie.delay(pk)
