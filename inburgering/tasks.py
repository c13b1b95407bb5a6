"""Celery tasks of the core. Thin: they take ids, read fresh state and return early when moot."""

from celery import shared_task

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .models import Inburgeraar


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def mail_toewijzing(inburgeraar_id: int, regisseur_id: int) -> bool:
    """Tell a regisseur a dossier joined their caseload. No personal data in the e-mail, only a link."""
    inburgeraar = Inburgeraar.objects.filter(pk=inburgeraar_id, regisseur_id=regisseur_id).first()
    regisseur = get_user_model().objects.filter(pk=regisseur_id, is_active=True).exclude(email="").first()
    if inburgeraar is None or regisseur is None:
        return False  # reassigned or gone since: nothing to tell
    context = {
        "regisseur": regisseur,
        "inburgeraar": inburgeraar,
        "link": settings.SITE_URL.rstrip("/") + inburgeraar.get_absolute_url(),
    }
    onderwerp = render_to_string("inburgering/email/toewijzing_onderwerp.txt", context).strip()
    bericht = EmailMultiAlternatives(
        subject=onderwerp,
        body=render_to_string("inburgering/email/toewijzing.txt", context),
        to=[regisseur.email],
    )
    bericht.attach_alternative(render_to_string("inburgering/email/toewijzing.html", context), "text/html")
    bericht.send()
    return True


@shared_task
def scan_termijnen() -> dict:
    """Nightly (CELERY_BEAT_SCHEDULE): the safety net behind the recompute at every change.

    It recomputes only the dossiers whose facts changed since their termijnen were computed, plus the
    deadlines that the passing of a date changes, makes the day's signalen, and one digest task per
    regisseur. Idempotent: the sync is an upsert, signalen are unique per deadline, date and level,
    and a digest only covers signalen not mailed before.
    """
    from . import services  # services imports this module for mail_toewijzing

    resultaat = services.nachtelijke_run()
    for regisseur_id in services.regisseurs_met_nieuwe_signalen():
        mail_signaaldigest.delay(regisseur_id)
    return resultaat


@shared_task
def herbereken_termijnen() -> dict:
    """What the nightly run does, now: after a change that moves many dossiers' deadlines at once."""
    from . import services

    return services.nachtelijke_run()


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def mail_signaaldigest(regisseur_id: int) -> int:
    from . import services

    return services.mail_signaaldigest(regisseur_id=regisseur_id)


@shared_task
def bewaartermijnen() -> dict:
    """Monthly (CELERY_BEAT_SCHEDULE): propose the vernietigingslijsten (one per gemeente) and clean up the
    inzage log.

    Idempotent: a dossier is proposed once (a unique constraint); old inzage records are simply gone."""
    from .privacy import vernietiging

    lijsten = vernietiging.stel_vernietigingslijsten_voor()
    return {"lijsten": [lijst.pk for lijst in lijsten], "inzages_verwijderd": vernietiging.ruim_inzagelog_op()}


@shared_task
def voer_vernietiging_uit(lijst_id: int) -> int | None:
    """Destroy an approved vernietigingslijst; a retry after success finds it done and does nothing."""
    from .privacy import vernietiging

    procesverbaal = vernietiging.vernietig(lijst_id=lijst_id)
    return procesverbaal.pk if procesverbaal else None
