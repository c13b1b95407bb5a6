"""Rate limit per API client (DRF throttling in the shared cache, CACHES): 429 with Retry-After."""

from rest_framework.throttling import SimpleRateThrottle

from django.conf import settings

from ..models import ApiClient


class PerClientLimiet(SimpleRateThrottle):
    scope = "partner"

    def get_rate(self):
        # Read on every request, not at import, so the setting (and a test's override) always counts.
        return settings.API_RATE_LIMIET

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiClient):
            return None  # the documentation and schema are not limited; other requests never get here
        return f"api-limiet:{request.auth.pk}"
