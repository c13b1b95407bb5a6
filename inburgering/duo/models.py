"""The inbox and outbox of the exchange with DUO: every message is a row before anything happens."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notificatie(models.Model):
    """One notification DUO sent to POST /duo/v1/notificaties, stored before it is processed."""

    class Status(models.TextChoices):
        ONTVANGEN = "ontvangen", _("Ontvangen")
        VERWERKT = "verwerkt", _("Verwerkt")
        GENEGEERD = "genegeerd", _("Genegeerd: geen actie voor deze gebeurtenis")
        MISLUKT = "mislukt", _("Verwerking mislukt")

    bericht_id = models.UUIDField(_("berichtId"), unique=True)
    bron = models.CharField(_("bron (OIN)"), max_length=20)
    doel = models.CharField(_("doel (OIN)"), max_length=20)
    gemeente = models.ForeignKey(
        "inburgering.Gemeente", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    gebeurtenis_id = models.CharField(_("gebeurtenis"), max_length=6, db_index=True)
    bsn = models.CharField(_("BSN"), max_length=9, blank=True, db_index=True)
    v_nummer = models.BigIntegerField(_("v-nummer"), null=True, blank=True)
    registratie_datum_tijd = models.DateTimeField(_("geregistreerd bij DUO op"))
    inhoud = models.JSONField(_("inhoud"), default=dict)
    ontvangen_op = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ONTVANGEN)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    verwerkt_op = models.DateTimeField(_("verwerkt op"), null=True, blank=True)
    inburgeraar = models.ForeignKey(
        "inburgering.Inburgeraar",
        verbose_name=_("inburgeraar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duo_notificaties",
    )
    # What the regisseur must do after this event (empty: nothing); shown on the dossier until done.
    actie = models.CharField(_("actie voor de regisseur"), max_length=300, blank=True)
    actie_afgehandeld_op = models.DateTimeField(_("actie afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("DUO-notificatie")
        verbose_name_plural = _("DUO-notificaties")
        ordering = ["-ontvangen_op", "-pk"]
        indexes = [models.Index(fields=["status", "ontvangen_op"])]

    def __str__(self):
        return f"{self.gebeurtenis_id} {self.bericht_id}"


class DuoBericht(models.Model):
    """One message of ours to DUO (the outbox): sent by Celery until DUO confirms or refuses it."""

    class Status(models.TextChoices):
        WACHTEND = "pending", _("Wacht op verzending")
        VERZONDEN = "sent", _("Verzonden, nog geen antwoord")
        BEVESTIGD = "confirmed", _("Bevestigd door DUO")
        GEWEIGERD = "refused", _("Geweigerd door DUO")
        MISLUKT = "failed", _("Mislukt")

    class Soort(models.TextChoices):
        PIP = "pip", _("PIP")
        MAP = "map", _("MAP")
        PVT = "pvt", _("PVT")
        ZROUTE = "zroute", _("Z-route")
        AANBOD = "aanbod", _("Inburgeringsaanbod")
        UREN = "uren", _("Gevolgde uren")

    bericht_id = models.UUIDField(_("berichtId"), unique=True, default=uuid.uuid4)
    inburgeraar = models.ForeignKey(
        "inburgering.Inburgeraar", verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="duo_berichten"
    )
    gemeente = models.ForeignKey(
        "inburgering.Gemeente", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    methode = models.CharField(_("methode"), max_length=6)
    pad = models.CharField(_("pad"), max_length=200, help_text=_("Onder DUO's basis-URL, bijv. /personen/{bsn}/PIP."))
    inhoud = models.JSONField(_("inhoud"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WACHTEND)
    pogingen = models.PositiveSmallIntegerField(_("pogingen"), default=0)
    volgende_poging = models.DateTimeField(_("volgende poging"), default=timezone.now)
    laatste_fout = models.TextField(_("laatste fout"), blank=True)
    # DUO's refusal (Foutmelding.fouttekst), shown on the dossier for the regisseur.
    fouttekst = models.TextField(_("foutmelding van DUO"), blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, db_index=True)
    verzonden_op = models.DateTimeField(_("verzonden op"), null=True, blank=True)
    verzonden_door = models.CharField(
        _("verzonden door"), max_length=155, blank=True, help_text=_("De worker die het bericht het laatst verstuurde.")
    )
    # The claim's lease: the sending worker renews it while DUO has not answered, so a claim past it
    # belongs to a worker that died, and any worker, whatever its name, sends the message again.
    geclaimd_tot = models.DateTimeField(
        _("geclaimd tot"),
        null=True,
        blank=True,
        help_text=_("Komt de worker die verstuurt niet voor dit tijdstip terug, dan verstuurt een andere het opnieuw."),
    )
    bevestigd_op = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("bericht aan DUO")
        verbose_name_plural = _("berichten aan DUO")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "volgende_poging"])]

    def __str__(self):
        return f"{self.methode} {self.pad} ({self.get_status_display()})"

    @property
    def open_voor_regisseur(self) -> bool:
        return self.status in {self.Status.GEWEIGERD, self.Status.MISLUKT}
