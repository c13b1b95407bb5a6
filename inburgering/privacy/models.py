"""Retention and destruction (docs/wet-inburgering.md, Retention and privacy): the vernietigingslijst
a monthly task proposes, and the proces-verbaal written when a functioneel beheerder approved it.

Imported by inburgering/models so Django finds these models with the rest of the core (app label
`inburgering`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Vernietigingslijst(models.Model):
    """Closed dossiers past their retention period, proposed for destruction in one batch."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd, vernietiging loopt")
        UITGEVOERD = "uitgevoerd", _("Vernietigd")

    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    peildatum = models.DateField(_("peildatum"), help_text=_("Dossiers waarvan de bewaartermijn op deze dag om was."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)
    goedgekeurd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("goedgekeurd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vernietigingslijst")
        verbose_name_plural = _("vernietigingslijsten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status"])]
        permissions = [
            ("vernietiging_goedkeuren", _("Vernietigingslijsten goedkeuren")),
            ("vernietiging_blokkeren", _("Vernietiging van een dossier blokkeren (legal hold)")),
        ]

    def __str__(self):
        return _("Vernietigingslijst %(nummer)s") % {"nummer": self.pk}


class VernietigingslijstItem(models.Model):
    """One dossier on a list. Once destroyed it is known only by its anonymous `referentie`."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld")
        UITGEZONDERD = "uitgezonderd", _("Uitgezonderd (blokkade)")
        VERNIETIGD = "vernietigd", _("Vernietigd")

    lijst = models.ForeignKey(
        Vernietigingslijst, verbose_name=_("vernietigingslijst"), on_delete=models.PROTECT, related_name="items"
    )
    inburgeraar = models.ForeignKey(
        "inburgering.Inburgeraar", verbose_name=_("dossier"), on_delete=models.PROTECT, related_name="+"
    )
    referentie = models.CharField(
        _("referentie"), max_length=40, unique=True, help_text=_("Anoniem kenmerk, zonder persoonsgegevens.")
    )
    gemeente = models.ForeignKey(
        "inburgering.Gemeente", verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+"
    )
    datum_einde = models.DateField(_("einde dossier"))
    vernietigen_vanaf = models.DateField(_("vernietigen vanaf"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)

    class Meta:
        verbose_name = _("dossier op vernietigingslijst")
        verbose_name_plural = _("dossiers op vernietigingslijst")
        ordering = ["gemeente__naam", "datum_einde", "pk"]
        constraints = [
            # A second run, a retry or two beat processes never propose a dossier twice.
            models.UniqueConstraint(
                fields=["inburgeraar"],
                condition=~models.Q(status="uitgezonderd"),
                name="vernietiging_eenmaal_per_dossier",
            )
        ]

    def __str__(self):
        return self.referentie


class ProcesVerbaal(models.Model):
    """The account of one destruction: who approved it, when, which dossiers (anonymously), how much.

    Immutable: written once by the destruction service, never changed or deleted."""

    lijst = models.OneToOneField(
        Vernietigingslijst, verbose_name=_("vernietigingslijst"), on_delete=models.PROTECT, related_name="procesverbaal"
    )
    goedgekeurd_door = models.CharField(_("goedgekeurd door"), max_length=300)
    goedgekeurd_op = models.DateTimeField(_("goedgekeurd op"))
    uitgevoerd_op = models.DateTimeField(_("uitgevoerd op"), default=timezone.now)
    referenties = models.JSONField(_("vernietigde dossiers (referenties)"), default=list)
    aantallen = models.JSONField(_("aantallen vernietigde gegevens"), default=dict)
    uitgezonderd = models.PositiveIntegerField(_("aantal uitgezonderd"), default=0)

    class Meta:
        verbose_name = _("proces-verbaal van vernietiging")
        verbose_name_plural = _("processen-verbaal van vernietiging")
        ordering = ["-uitgevoerd_op"]

    def __str__(self):
        return _("Proces-verbaal %(nummer)s") % {"nummer": self.pk}

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Een proces-verbaal kan niet worden gewijzigd."), code="onveranderlijk")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Een proces-verbaal kan niet worden verwijderd."), code="onveranderlijk")

    @property
    def aantal_dossiers(self) -> int:
        return len(self.referenties)
