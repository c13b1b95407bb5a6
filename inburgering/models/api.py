"""Credentials of partner systems for the API (/api/v1/) and the answers kept for retried writes.

A partner's system acts as a service user of its own: a member of the partner team's group, so the
one visibility rule (inburgering.permissions) gives it exactly the dossiers referred to that team.
The token itself is never stored, only its SHA-256; the beheerder sees it once, when it is made.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .organisatie import Team


class ApiClient(models.Model):
    """One credential of a partner organisation's system."""

    naam = models.CharField(_("naam"), max_length=100, help_text=_("Bijv. het systeem van de taalaanbieder."))
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        related_name="api_clients",
        limit_choices_to={"organisatie__soort": "partner"},
        help_text=_("Het team van de partnerorganisatie: de client ziet de dossiers die naar dit team zijn verwezen."),
    )
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("servicegebruiker"),
        on_delete=models.PROTECT,
        related_name="api_client",
        editable=False,
    )
    sleutel_prefix = models.CharField(_("begin van de sleutel"), max_length=12, editable=False)
    sleutel_hash = models.CharField(_("SHA-256 van de sleutel"), max_length=64, unique=True, editable=False)
    geldig_tot = models.DateTimeField(_("geldig tot"))
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("API-client")
        verbose_name_plural = _("API-clients")
        ordering = ["team__organisatie__naam", "naam", "pk"]

    def __str__(self):
        return f"{self.naam} ({self.team.organisatie})"

    @property
    def organisatie(self):
        return self.team.organisatie

    def is_geldig(self, nu=None) -> bool:
        nu = nu or timezone.now()
        return self.ingetrokken_op is None and nu < self.geldig_tot and self.gebruiker.is_active


class IdempotencyKey(models.Model):
    """The stored answer to a POST with an Idempotency-Key, so a retry creates nothing new."""

    client = models.ForeignKey(ApiClient, verbose_name=_("API-client"), on_delete=models.CASCADE, related_name="+")
    sleutel = models.CharField(_("sleutel"), max_length=255)
    pad = models.CharField(_("pad"), max_length=300)
    body_hash = models.CharField(_("SHA-256 van het verzoek"), max_length=64)
    status = models.PositiveSmallIntegerField(_("status"), null=True)
    antwoord = models.JSONField(_("antwoord"), null=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("idempotency-key")
        verbose_name_plural = _("idempotency-keys")
        constraints = [models.UniqueConstraint(fields=["client", "sleutel"], name="idempotency_key_per_client")]

    def __str__(self):
        return self.sleutel
