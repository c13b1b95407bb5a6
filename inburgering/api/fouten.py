"""Errors as application/problem+json (RFC 9457, NL API Design Rules): type, title, status, detail,
instance, and for invalid input `invalid-params` with one entry per field and its JSON path."""

from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler

from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import bad_request, page_not_found

from .parsers import te_groot

PROBLEEM_TYPE = "application/problem+json"

_TITELS = {
    400: gettext_lazy("De invoer is ongeldig."),
    401: gettext_lazy("Niet geauthenticeerd."),
    403: gettext_lazy("Geen toegang."),
    404: gettext_lazy("Niet gevonden."),
    405: gettext_lazy("Methode niet toegestaan."),
    406: gettext_lazy("Dit antwoordformaat wordt niet ondersteund."),
    409: gettext_lazy("Conflict."),
    413: gettext_lazy("Het verzoek is te groot."),
    415: gettext_lazy("Dit formaat van het verzoek wordt niet ondersteund."),
    422: gettext_lazy("Het verzoek kan niet worden verwerkt."),
    429: gettext_lazy("Te veel verzoeken."),
}


class IdempotencyConflict(exceptions.APIException):
    status_code = 422
    default_detail = gettext_lazy("Deze Idempotency-Key is al gebruikt voor een ander verzoek.")
    default_code = "idempotency_key_hergebruikt"


def probleem_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = als_drf_fout(exc)
    elif isinstance(exc, RequestDataTooBig):
        exc = te_groot()
    response = exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django's 500, logged as such
    request = context["request"]
    code = _code(exc)
    data = {
        "type": f"urn:inburgering:api:probleem:{code}",
        "title": str(_TITELS.get(response.status_code, exc.__class__.__name__)),
        "status": response.status_code,
        "detail": _detail(exc),
        "instance": request.path,
    }
    if isinstance(exc, exceptions.ValidationError):
        data["invalid-params"] = list(ongeldige_velden(exc.detail))
    response.data = data
    response.content_type = PROBLEEM_TYPE
    return response


def _code(exc) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "ongeldige_invoer"
    codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else None
    return codes if isinstance(codes, str) else getattr(exc, "default_code", "fout")


def _detail(exc) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return _("Eén of meer velden zijn ongeldig; zie invalid-params.")
    detail = getattr(exc, "detail", "")
    return str(detail) if isinstance(detail, str) else str(exc)


def ongeldige_velden(detail, pad: str = ""):
    """Flatten DRF's nested errors into {name, code, reason} with JSON paths like `regels[3].uren`."""
    if isinstance(detail, dict):
        for veld, fouten in detail.items():
            if veld in ("non_field_errors", "__all__"):
                yield from ongeldige_velden(fouten, pad)
            elif isinstance(veld, int):  # DRF keys a list's failing items by their index
                yield from ongeldige_velden(fouten, f"{pad}[{veld}]")
            else:
                yield from ongeldige_velden(fouten, f"{pad}.{veld}" if pad else str(veld))
    elif isinstance(detail, list):
        for i, fout in enumerate(detail):
            if isinstance(fout, dict | list):
                yield from ongeldige_velden(fout, f"{pad}[{i}]")
            else:
                yield from ongeldige_velden(fout, pad)
    else:
        yield {"name": pad, "code": getattr(detail, "code", "invalid") or "invalid", "reason": str(detail)}


# The services speak the models' field names; the API says `dossier` where the model says `inburgeraar`.
API_VELDEN = {"inburgeraar": "dossier", "inburgeraar_id": "dossier"}


def als_drf_fout(fout: DjangoValidationError) -> serializers.ValidationError:
    """A service's ValidationError as DRF's, field by field, keeping each message's code."""
    if hasattr(fout, "error_dict"):
        return serializers.ValidationError(
            {
                API_VELDEN.get(veld, veld) if veld != "__all__" else "non_field_errors": [
                    serializers.ErrorDetail(m, code=e.code or "invalid") for e in fouten for m in e.messages
                ]
                for veld, fouten in fout.error_dict.items()
            }
        )
    return serializers.ValidationError(
        [serializers.ErrorDetail(m, code=e.code or "invalid") for e in fout.error_list for m in e.messages]
    )


def niet_gevonden(request, exception=None):
    """Django's 404 for a URL no view matched; under /api/ as problem+json too (handler404)."""
    if not request.path_info.startswith("/api/"):
        return page_not_found(request, exception)
    data = {
        "type": "urn:inburgering:api:probleem:not_found",
        "title": str(_TITELS[404]),
        "status": 404,
        "detail": _("Deze URL bestaat niet in de API."),
        "instance": request.path,
    }
    return JsonResponse(data, status=404, content_type=PROBLEEM_TYPE)


def ongeldig_verzoek(request, exception=None):
    """Django's 400 (handler400) for what it refused outside DRF: a body over DATA_UPLOAD_MAX_MEMORY_SIZE is
    a 413, under /api/ as problem+json, on a page as a Dutch page; any other 400 under /api/ as problem+json."""
    groot = isinstance(exception, RequestDataTooBig)
    status = 413 if groot else 400
    if request.path_info.startswith("/api/"):
        data = {
            "type": f"urn:inburgering:api:probleem:{'te_groot' if groot else 'ongeldig_verzoek'}",
            "title": str(_TITELS[status]),
            "status": status,
            "detail": str(te_groot().detail) if groot else _("Het verzoek is ongeldig."),
            "instance": request.path,
        }
        return JsonResponse(data, status=status, content_type=PROBLEEM_TYPE)
    if groot:
        return render(request, "413.html", status=413)
    return bad_request(request, exception)
