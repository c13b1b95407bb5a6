"""POST /duo/v1/notificaties (Notificatie.openapi.yml): DUO's notifications, answered 201 at once."""

import datetime
import json
import logging
import re
import uuid

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import inbox

log = logging.getLogger(__name__)

API_VERSIE = "1.8.0"  # the version of Notificatie.openapi.yml we implement
_GEBEURTENIS = r"^[0-9A-Z]{1,6}$"


def _antwoord(status: int) -> HttpResponse:
    """Every documented answer carries API-Version; only 503 has a body (Foutmelding) in DUO's spec."""
    antwoord = HttpResponse(status=status)
    antwoord["API-Version"] = API_VERSIE
    return antwoord


def _geldige_inhoud(request) -> dict | None:
    try:
        inhoud = json.loads(request.body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    if not isinstance(inhoud, dict):
        return None
    gebeurtenis, moment = inhoud.get("gebeurtenisId"), inhoud.get("registratieDatumTijd")
    bsn, v_nummer = inhoud.get("bsn"), inhoud.get("vNummer")
    if not isinstance(gebeurtenis, str) or not re.match(_GEBEURTENIS, gebeurtenis):
        return None
    if not isinstance(moment, str) or not _is_datumtijd(moment):
        return None
    if bsn is not None and (not isinstance(bsn, str) or not re.fullmatch(r"\d{9}", bsn)):
        return None
    if v_nummer is not None and (type(v_nummer) is not int or not 0 <= v_nummer <= 9999999999):
        return None
    return inhoud


def _is_datumtijd(waarde: str) -> bool:
    try:
        moment = parse_datetime(waarde)
    except ValueError:
        return False
    return isinstance(moment, datetime.datetime) and moment.tzinfo is not None


def _oin(waarde: str | None) -> bool:
    return waarde is not None and len(waarde) == 20


@csrf_exempt
@require_POST
def notificaties(request):
    bron, doel = request.headers.get("bron"), request.headers.get("doel")
    try:
        bericht_id = uuid.UUID(request.headers.get("berichtId", ""))
    except ValueError:
        bericht_id = None
    inhoud = _geldige_inhoud(request)
    if bericht_id is None or not _oin(bron) or not _oin(doel) or inhoud is None:
        return _antwoord(400)
    try:
        inbox.ontvang(
            bron=bron,
            doel=doel,
            bericht_id=bericht_id,
            inhoud=inhoud,
            certificaat_subject=request.headers.get(settings.DUO_CERTIFICAAT_HEADER)
            if settings.DUO_CERTIFICAAT_HEADER
            else None,
        )
    except inbox.Afgewezen as e:
        return _antwoord(e.status)
    except DatabaseError:
        # Not stored, so not accepted: DUO sends it again. The spec's 500 carries API-Version too.
        log.exception("DUO-notificatie %s niet opgeslagen", bericht_id)
        return _antwoord(500)
    return _antwoord(201)
