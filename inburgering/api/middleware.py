"""The headers of every answer under /api/, error answers included (the exception handler's problem+json and
Django's own 404 and 500 pass here too): API-Version (NL API Design Rules, /core/version-header) and, while a
client still sends a query parameter's old name, Deprecation (RFC 9745) and Sunset (RFC 8594)."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.http import http_date


def _middernacht(dag: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(dag, datetime.time(), tzinfo=ZoneInfo(settings.TIME_ZONE))


def verouderd_sinds() -> str:
    """RFC 9745's Deprecation value: `@` and the Unix time at which the old names were deprecated."""
    return f"@{int(_middernacht(settings.API_OUDE_NAMEN_VEROUDERD).timestamp())}"


def sunset() -> str:
    """RFC 8594's Sunset value, an HTTP-date: the first moment after API_OUDE_NAMEN_TOT, Dutch time."""
    eind = _middernacht(settings.API_OUDE_NAMEN_TOT + datetime.timedelta(days=1))
    return http_date(eind.timestamp())


class ApiVersieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            response["API-Version"] = settings.API_VERSIE
            if settings.API_OUDE_NAMEN.keys() & request.GET.keys():
                response["Deprecation"] = verouderd_sinds()
                response["Sunset"] = sunset()
        return response
