"""Require a verified second factor (django-otp TOTP) when TWEE_FACTOR_VERPLICHT is on."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

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
        if not user.is_authenticated or user.is_verified():
            return False
        match = request.resolver_match or _resolve(request.path_info)
        return match is None or match.url_name not in _VRIJ


def _resolve(path):
    from django.urls import Resolver404, resolve

    try:
        return resolve(path)
    except Resolver404:
        return None
