"""POST /duo/v1/notificaties (Notificatie.openapi.yml): DUO's notifications, answered 201 at once.

Input is checked exactly as the spec says. Its patterns are ECMAScript's: `$` ends the value (Python's
`$` also allows a trailing newline, so every pattern here is used with fullmatch) and `\\d` is an ASCII
digit (Python's also takes Arabic-Indic and other digits, so every pattern spells [0-9]). A value the
spec refuses gets 400, whatever it is: no input gives a 5xx. Every answer carries API-Version.
"""

import datetime
import functools
import json
import logging
import re
import uuid

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from . import inbox

log = logging.getLogger(__name__)

API_VERSIE = "1.8.0"  # the version of Notificatie.openapi.yml we implement
# A notification has four short fields; anything much larger is not one (and is not read into memory).
MAX_OMVANG = 16 * 1024

_GEBEURTENIS = re.compile(r"[0-9A-Z]{1,6}")
_BSN = re.compile(r"[0-9]{9}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# RFC 3339 date-time (the spec's format), an offset required.
_DATUMTIJD = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


class Ongeldig(Exception):
    """The request does not meet Notificatie.openapi.yml; the text says what and where (for the log)."""


def _met_api_versie(view):
    """Every answer carries API-Version, also one the view did not plan (the spec's 500)."""

    @functools.wraps(view)
    def met_versie(request, *args, **kwargs):
        try:
            antwoord = view(request, *args, **kwargs)
        except Exception:
            # Not stored, so not accepted: DUO sends it again.
            log.exception("DUO-notificatie %s niet opgeslagen", request.headers.get("berichtId"))
            antwoord = HttpResponse(status=500)
        antwoord["API-Version"] = API_VERSIE
        return antwoord

    return met_versie


def _probleem(status: int, titel: str, detail: str) -> JsonResponse:
    """An answer the spec does not list (413, 415), as RFC 9457 problem details."""
    return JsonResponse(
        {"type": "about:blank", "title": titel, "status": status, "detail": detail},
        status=status,
        content_type="application/problem+json",
    )


def _te_groot(request) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_OMVANG
    except ValueError:
        return False  # Django reads no body at all then


def _lees(request) -> bytes | None:
    """The body, or None when it is larger than a notification can be."""
    if _te_groot(request):
        return None
    try:
        body = request.body
    except RequestDataTooBig:
        return None
    return body if len(body) <= MAX_OMVANG else None


def _tekst(waarde, veld: str, patroon: re.Pattern | None = None) -> str:
    if not isinstance(waarde, str):
        raise Ongeldig(_("%(veld)s moet tekst zijn.") % {"veld": veld})
    if "\x00" in waarde:  # PostgreSQL stores no NUL character
        raise Ongeldig(_("%(veld)s bevat een NUL-teken.") % {"veld": veld})
    if patroon is not None and not patroon.fullmatch(waarde):
        raise Ongeldig(_("%(veld)s heeft niet de vorm %(vorm)s.") % {"veld": veld, "vorm": patroon.pattern})
    return waarde


def _headers(request) -> tuple[str, str, uuid.UUID]:
    bron, doel = request.headers.get("bron"), request.headers.get("doel")
    for naam, oin in (("bron", bron), ("doel", doel)):
        if oin is None or len(_tekst(oin, naam)) != 20:
            raise Ongeldig(_("Header %(naam)s moet een OIN van 20 tekens zijn.") % {"naam": naam})
    bericht_id = _tekst(request.headers.get("berichtId"), "berichtId", _UUID)
    return bron, doel, uuid.UUID(bericht_id)


def _weiger_constante(naam):
    raise Ongeldig(_("%(naam)s is geen getal in JSON.") % {"naam": naam})


def _inhoud(body: bytes) -> dict:
    try:
        inhoud = json.loads(body, parse_constant=_weiger_constante)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as e:
        raise Ongeldig(_("De inhoud is geen JSON: %(fout)s") % {"fout": e}) from None
    if not isinstance(inhoud, dict):
        raise Ongeldig(_("De inhoud moet een JSON-object zijn."))
    _zonder_nul(inhoud)
    _tekst(inhoud.get("gebeurtenisId"), "gebeurtenisId", _GEBEURTENIS)
    _datumtijd(inhoud.get("registratieDatumTijd"))
    if "bsn" in inhoud:
        _tekst(inhoud["bsn"], "bsn", _BSN)
    if "vNummer" in inhoud:
        v_nummer = inhoud["vNummer"]
        if type(v_nummer) is not int or not 0 <= v_nummer <= 9999999999:
            raise Ongeldig(_("vNummer moet een geheel getal van 0 tot en met 9999999999 zijn."))
    return inhoud


def _zonder_nul(waarde) -> None:
    """PostgreSQL's jsonb takes no NUL character, in any key or value DUO might add."""
    if isinstance(waarde, dict):
        for sleutel, item in waarde.items():
            _zonder_nul(sleutel)
            _zonder_nul(item)
    elif isinstance(waarde, list):
        for item in waarde:
            _zonder_nul(item)
    elif isinstance(waarde, str) and "\x00" in waarde:
        raise Ongeldig(_("De inhoud bevat een NUL-teken."))


def _datumtijd(waarde) -> None:
    _tekst(waarde, "registratieDatumTijd", _DATUMTIJD)
    try:
        inbox.als_moment(waarde).astimezone(datetime.UTC)  # stored in UTC, so it must exist there too
    except (ValueError, OverflowError):
        raise Ongeldig(_("registratieDatumTijd %(waarde)s bestaat niet.") % {"waarde": waarde}) from None


@csrf_exempt
@_met_api_versie
def notificaties(request):
    if request.method != "POST":
        antwoord = HttpResponse(status=405)
        antwoord["Allow"] = "POST"
        return antwoord
    body = _lees(request)
    if body is None:
        return _probleem(
            413,
            _("Bericht te groot"),
            _("Een notificatie is hoogstens %(max)s bytes.") % {"max": MAX_OMVANG},
        )
    if not body:  # the spec requires a body; without one there is no type to refuse
        log.warning("DUO-notificatie geweigerd (400): geen inhoud")
        return HttpResponse(status=400)
    if request.content_type.lower() != "application/json":
        return _probleem(
            415,
            _("Verkeerd Content-Type"),
            _("Een notificatie heeft Content-Type application/json, niet %(type)r.") % {"type": request.content_type},
        )
    try:
        bron, doel, bericht_id = _headers(request)
        inhoud = _inhoud(body)
    except Ongeldig as e:
        log.warning("DUO-notificatie geweigerd (400): %s", e)
        return HttpResponse(status=400)
    try:
        inbox.ontvang(
            bron=bron,
            doel=doel,
            bericht_id=bericht_id,
            inhoud=inhoud,
            certificaat_subject=request.headers.get(settings.DUO_CERTIFICAAT_HEADER)
            if settings.DUO_CERTIFICAAT_HEADER
            else None,
            proxy_adres=request.META.get("REMOTE_ADDR"),
        )
    except inbox.Afgewezen as e:
        return HttpResponse(status=e.status)
    return HttpResponse(status=201)
