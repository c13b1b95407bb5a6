"""A per-user limit on BSNs refused because another gemeente's dossier holds them.

Each refusal tells the user a little (this BSN is known somewhere), so a regisseur must not be able
to test BSNs one after another. The count lives in the shared cache, so every web process sees it.
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def _sleutels(user) -> tuple[str, str]:
    return f"bsn-pogingen:{user.pk}:aantal", f"bsn-pogingen:{user.pk}:tot"


def beperkt_tot(user) -> datetime.datetime | None:
    """When the user may enter a new BSN again, or None while they are below the limit."""
    aantal, tot = _sleutels(user)
    if cache.get(aantal, 0) < settings.BSN_POGINGEN_PER_DAG:
        return None
    return cache.get(tot)


def tel(user) -> None:
    """Count one refusal; the window of a day starts at the first."""
    aantal, tot = _sleutels(user)
    duur = datetime.timedelta(days=1)
    cache.add(tot, timezone.now() + duur, timeout=duur.total_seconds())
    cache.add(aantal, 0, timeout=duur.total_seconds())
    # incr is atomic in Redis: two requests at once are both counted.
    cache.incr(aantal)
