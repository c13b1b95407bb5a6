"""GET /health/: is the database reachable, and Redis when a broker is configured? 200 or 503."""

import redis

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as exc:  # noqa: BLE001  (any failure means unhealthy)
        return f"fout: {exc.__class__.__name__}"


def _redis() -> str:
    if not settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        return "niet geconfigureerd"
    try:
        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2, socket_connect_timeout=2).ping()
        return "ok"
    except redis.RedisError as exc:
        return f"fout: {exc.__class__.__name__}"


@never_cache
def health(request):
    status = {"database": _database(), "redis": _redis()}
    gezond = all(waarde in ("ok", "niet geconfigureerd") for waarde in status.values())
    return JsonResponse({"status": "ok" if gezond else "fout", **status}, status=200 if gezond else 503)
