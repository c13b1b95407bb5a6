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
