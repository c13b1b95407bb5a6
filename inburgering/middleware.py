"""Require a verified second factor (django-otp TOTP) when TWEE_FACTOR_VERPLICHT is on, unless the
organisation's identity provider confirmed one at login (inburgering.oidc), keep responses for
signed-in users out of every cache, put the Content-Security-Policy on every response, and give auditlog
the actor the partner API authenticates. The machine stack (inburgering.machineverkeer) uses some of them."""

from auditlog import middleware as auditlog_middleware
from csp import middleware as csp_middleware

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject

from .oidc import SESSIE_MFA

# Pages a logged-in user must reach before the second factor: setting it up, giving it, leaving.
_VRIJ = ("tweefactor", "logout", "health")


class TweeFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._moet_verifieren(request):
            return redirect(f"{reverse('tweefactor')}?next={request.get_full_path()}")
        return self.get_response(request)

    def _moet_verifieren(self, request) -> bool:
        if not settings.TWEE_FACTOR_VERPLICHT:
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified() or request.session.get(SESSIE_MFA):
            return False
        match = request.resolver_match or _resolve(request.path_info)
        return match is None or match.url_name not in _VRIJ


def _resolve(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


class GeenCacheMiddleware:
    """Nothing a signed-in user or a partner system received may be kept by a browser or a proxy:
    a shared computer's back button or disk cache would show the next person someone's dossier."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Asked before and after the view: logging out ends the session, logging in starts one, and
        # the API replaces request.user with its own client (authenticated by a header, not a session).
        ingelogd = _ingelogd(request)
        response = self.get_response(request)
        if ingelogd or _ingelogd(request) or "HTTP_AUTHORIZATION" in request.META:
            add_never_cache_headers(response)
        return response


def _ingelogd(request) -> bool:
    """Signed in, or carrying a session cookie: the machine stack (inburgering.machineverkeer) reads no session
    and has no request.user until DRF checks a token, so there a browser's cookie is all it can go by."""
    user = getattr(request, "user", None)
    return (user is not None and user.is_authenticated) or settings.SESSION_COOKIE_NAME in request.COOKIES


class NietGevondenMiddleware:
    """Our Dutch 404 page in every mode, for an Http404 from a view and for a URL no view matches: under
    DEBUG Django would show its English technical page, which also lists the URL patterns; a developer
    sees what a user sees. (CommonMiddleware, outside this one, still adds a missing slash to a 404.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.DEBUG and _resolve(request.path_info) is None:
            return self.process_exception(request, Http404())
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            from inburgering.api.fouten import niet_gevonden

            return niet_gevonden(request, exception)
        return None


_ONBEVEILIGD_ONDER_DEBUG = (404, 500)


class CSPMiddleware(csp_middleware.CSPMiddleware):
    """django-csp's middleware, but the policy goes on every response: django-csp leaves a 404 or 500 under
    DEBUG without it, for Django's technical pages and their inline styles. Our 404 is our own page in every
    mode, and a developer should meet the policy a user meets; Django's technical 500 page shows unstyled."""

    def process_response(self, request, response):
        if not (settings.DEBUG and response.status_code in _ONBEVEILIGD_ONDER_DEBUG):
            return super().process_response(request, response)
        # The parent's only exception is this one; with any other status it applies all its own rules.
        status = response.status_code
        response.status_code = 200
        try:
            return super().process_response(request, response)
        finally:
            response.status_code = status


class AuditlogMiddleware(auditlog_middleware.AuditlogMiddleware):
    """auditlog's middleware, with the actor looked up when an entry is written instead of before the view.
    The partner API authenticates inside the view (DRF sets request.user to the client's service user), so
    auditlog's own recorded no actor for what a partner changed; for a page it is the signed-in user either way."""

    @staticmethod
    def _get_actor(request):
        return SimpleLazyObject(lambda: auditlog_middleware.AuditlogMiddleware._get_actor(request))
