"""System checks for dangerous misconfiguration (ids inburgering.W00x)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def tweefactor_in_productie(app_configs, **kwargs):
    if settings.DEBUG or settings.TWEE_FACTOR_VERPLICHT:
        return []
    return [
        checks.Warning(
            "Tweefactorauthenticatie staat uit terwijl DEBUG uit staat.",
            hint="Zet TWEE_FACTOR_VERPLICHT=true in productie; alleen de demo mag zonder.",
            id="inburgering.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def taken_zonder_broker(app_configs, **kwargs):
    if settings.DEBUG or not settings.CELERY_TASK_ALWAYS_EAGER:
        return []
    return [
        checks.Warning(
            "Er is geen CELERY_BROKER_URL: taken draaien in het webproces en geplande taken draaien niet.",
            hint="Zet CELERY_BROKER_URL naar Redis, bijv. redis://redis:6379/0.",
            id="inburgering.W002",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def api_limiet_zonder_gedeelde_cache(app_configs, **kwargs):
    """The partner API's rate limit counts in the cache: per process memory lets a client multiply it."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or not backend.endswith(("LocMemCache", "DummyCache")):
        return []
    return [
        checks.Warning(
            "De cache is niet gedeeld: de limiet per API-client telt per webproces, niet voor de hele installatie.",
            hint="Zet CACHE_URL naar Redis, bijv. redis://redis:6379/1.",
            id="inburgering.W003",
        )
    ]
