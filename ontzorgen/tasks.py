"""Celery tasks of ontzorgen. Thin: they call a service that is idempotent."""

from celery import shared_task

from . import services


@shared_task
def synchroniseer_verwijzingsrechten() -> tuple[int, int]:
    """Nightly: referrals that start or end today open or close a partner's access."""
    return services.synchroniseer_verwijzingsrechten()
