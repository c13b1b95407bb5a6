"""What happened to a dossier (Gebeurtenis, the tijdlijn) and who looked at it (Inzage)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dossier import Inburgeraar
from .organisatie import Gemeente


class Gebeurtenis(models.Model):
    """One event on a dossier's tijdlijn: who, when, what, and the gemeente responsible then."""

    class Soort(models.TextChoices):
        GEREGISTREERD = "geregistreerd", _("Dossier geregistreerd")
        GEWIJZIGD = "gewijzigd", _("Gegevens gewijzigd")
        REGISSEUR = "regisseur", _("Casusregisseur toegewezen")
        FASE = "fase", _("Fase gewijzigd")
        OVERGEDRAGEN = "overgedragen", _("Overgedragen aan andere gemeente")
        ONTVANGEN = "ontvangen", _("Ontvangen van andere gemeente")
        BSN_GEWEIGERD = "bsn_geweigerd", _("BSN van dit dossier elders ingevoerd")

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="tijdlijn"
    )
    # No choices on the field: each domain app adds its own soorten without a core migration.
    soort = models.CharField(_("soort"), max_length=30)
    omschrijving = models.TextField(_("omschrijving"))
    gemeente = models.ForeignKey(Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, blank=True
    )
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now)
    gegevens = models.JSONField(_("gegevens"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis")
        verbose_name_plural = _("gebeurtenissen")
        ordering = ["-tijdstip", "-pk"]
        indexes = [models.Index(fields=["inburgeraar", "-tijdstip"])]

    def __str__(self):
        return self.omschrijving


class Inzage(models.Model):
    """Every view of a dossier: who, when, which BSN, which page, and whether it showed health data.

    A refused attempt to register (or change to) a BSN that a dossier the user may not see holds is
    recorded here too: the user learned that the BSN is known, which is a glimpse of that dossier."""

    class Soort(models.TextChoices):
        INZAGE = "inzage", _("Dossier bekeken")
        BSN_GEWEIGERD = "bsn_geweigerd", _("BSN ingevoerd van een dossier dat de gebruiker niet mag zien (geweigerd)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.PROTECT, related_name="+"
    )
    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    bsn = models.CharField(_("BSN"), max_length=9, db_index=True)
    pagina = models.CharField(_("pagina"), max_length=300)
    bijzondere_persoonsgegevens = models.BooleanField(
        _("bijzondere persoonsgegevens getoond"),
        default=False,
        help_text=_("De pagina toonde gezondheidsgegevens (AVG art. 9)."),
    )
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.INZAGE)

    class Meta:
        verbose_name = _("inzage")
        verbose_name_plural = _("inzages")
        ordering = ["-tijdstip"]
        indexes = [models.Index(fields=["user", "-tijdstip"])]
        permissions = [
            ("inzagelog_doorzoeken", _("Het inzagelog doorzoeken")),
            ("avg_exporteren", _("Een AVG-inzageverzoek uitvoeren (export van alle gegevens van een persoon)")),
        ]

    def __str__(self):
        return f"{self.user} – {self.bsn} – {self.tijdstip:%Y-%m-%d %H:%M}"
