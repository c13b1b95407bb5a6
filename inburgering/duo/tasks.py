"""Celery tasks of the exchange with DUO: thin, they take ids and call the services."""

import logging

from celery import shared_task
from celery.signals import worker_ready

log = logging.getLogger(__name__)


# No result kept: the notification's own row records what came of it (status, actie). A kept result would
# also make every accepted notification subscribe to its result in Redis (celery's on_task_call).
@shared_task(acks_late=True, ignore_result=True)
def verwerk_notificatie(notificatie_id: int) -> str | None:
    from .verwerking import verwerk

    return verwerk(notificatie_id)


@shared_task(bind=True, acks_late=True)
def verstuur_bericht(self, bericht_id: int) -> str | None:
    from .outbox import verstuur

    return verstuur(bericht_id, knooppunt=self.request.hostname or "")


@shared_task
def verstuur_openstaande() -> int:
    """Beat: due retries of the outbox, and notifications still waiting to be processed."""
    from .outbox import verstuur_openstaande
    from .verwerking import verwerk_openstaande

    return verstuur_openstaande() + verwerk_openstaande()


@shared_task
def neem_verlopen_claims_terug() -> int:
    """Beat, every 20 seconds: messages whose sending worker died (its claim's lease ran out) go again."""
    from .outbox import neem_verlopen_claims_terug

    return neem_verlopen_claims_terug()


@worker_ready.connect
def _na_herstart(sender, **kwargs) -> None:
    """A worker that starts again after a crash (SIGKILL, OOM) under its old name sends at once what it
    had claimed and never got DUO's answer for (under a new name, the lease brings those back), and
    queues every due message again: the task messages it held are
    redelivered by the broker only after the visibility timeout. Claiming makes the duplicates harmless."""
    from .outbox import verstuur_openstaande

    try:
        aantal = verstuur_openstaande(herstart=sender.hostname)
    except Exception:  # the worker must start even when the database is not there yet; beat catches up
        log.exception("Openstaande berichten aan DUO niet opnieuw ingepland bij de start van %s", sender.hostname)
        return
    log.info("%s berichten aan DUO opnieuw ingepland bij de start van %s", aantal, sender.hostname)
