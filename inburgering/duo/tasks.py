"""Celery tasks of the exchange with DUO: thin, they take ids and call the services."""

from celery import shared_task


@shared_task(acks_late=True)
def verwerk_notificatie(notificatie_id: int) -> str | None:
    from .verwerking import verwerk

    return verwerk(notificatie_id)


@shared_task(acks_late=True)
def verstuur_bericht(bericht_id: int) -> str | None:
    from .outbox import verstuur

    return verstuur(bericht_id)


@shared_task
def verstuur_openstaande() -> int:
    """Beat: due retries of the outbox, and notifications still waiting to be processed."""
    from .outbox import verstuur_openstaande
    from .verwerking import verwerk_openstaande

    return verstuur_openstaande() + verwerk_openstaande()
