"""A dossier's deadlines (Termijn), materialised from inburgering.termijnen, and their reminders (Signaal)."""

from auditlog.registry import auditlog

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import opmaak
from ..termijnen import UITLEG
from ..termijnen import Soort as TermijnSoort
from .dossier import Inburgeraar


class Termijn(models.Model):
    """One deadline of a dossier, materialised from inburgering.termijnen by `synchroniseer_termijnen`."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="termijnen"
    )
    soort = models.CharField(_("soort"), max_length=30, choices=TermijnSoort.choices)
    # Both empty while the termijn is onbekend: it runs, but `ontbreekt` names the facts it needs.
    startdatum = models.DateField(_("startdatum"), null=True, blank=True)
    uiterste_datum = models.DateField(_("uiterste datum"), null=True, blank=True)
    ontbreekt = models.CharField(
        _("ontbrekende gegevens"), max_length=200, blank=True, help_text=_("Velden van het dossier, met komma's.")
    )
    voldaan_op = models.DateField(_("voldaan op"), null=True, blank=True)
    opgeschort = models.BooleanField(
        _("opgeschort"),
        default=False,
        help_text=_("Wacht op informatie van derden of loopt een tijdelijke vrijstelling van DUO: geen signalen."),
    )

    class Meta:
        verbose_name = _("termijn")
        verbose_name_plural = _("termijnen")
        ordering = ["uiterste_datum", "pk"]
        constraints = [models.UniqueConstraint(fields=["inburgeraar", "soort"], name="termijn_per_soort")]
        indexes = [
            # The scan: open deadlines by date. (The caseload reads the next deadline from the dossier's
            # own row, so no per-dossier index is needed here.)
            models.Index(
                fields=["uiterste_datum"],
                condition=models.Q(voldaan_op__isnull=True, opgeschort=False),
                name="termijn_open_datum",
            ),
        ]

    def __str__(self):
        if self.is_onbekend:
            return _("%(soort)s – termijn onbekend") % {"soort": self.get_soort_display()}
        return f"{self.get_soort_display()} – {opmaak.datum(self.uiterste_datum)}"

    @property
    def is_onbekend(self) -> bool:
        return self.uiterste_datum is None

    @property
    def uitleg(self) -> str:
        return str(UITLEG.get(self.soort, ""))

    @property
    def ontbrekende_velden(self) -> list[tuple[str, str]]:
        """(field name, its label) of each missing fact, for a link to where it is filled in."""
        return [
            (veld, str(Inburgeraar._meta.get_field(veld).verbose_name)) for veld in self.ontbreekt.split(",") if veld
        ]


class Signaal(models.Model):
    """A reminder that a deadline is near or passed, one per deadline, date and level."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEHANDELD = "afgehandeld", _("Afgehandeld")
        VERVALLEN = "vervallen", _("Vervallen: termijn voldaan of verschoven")

    termijn = models.ForeignKey(Termijn, verbose_name=_("termijn"), on_delete=models.CASCADE, related_name="signalen")
    # Copies for the werkvoorraad's index (regisseur, date), which a join cannot serve at national scale:
    # the termijn's dossier and soort never change; the regisseur follows the dossier's while the signal
    # is open (maak_signalen and volg_regisseur), and every list also checks the dossier's own.
    # DO_NOTHING: a dossier's signalen go with its termijnen, so deleting one never searches this column.
    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.DO_NOTHING, related_name="+", db_index=False
    )
    soort = models.CharField(_("soort"), max_length=30, choices=TermijnSoort.choices)
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("casusregisseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    # The deadline's date when the signal was made: a moved deadline gets signals of its own. Empty for
    # "termijn onbekend": the deadline runs but cannot be computed.
    uiterste_datum = models.DateField(_("uiterste datum"), null=True, blank=True)
    niveau = models.PositiveSmallIntegerField(
        _("niveau (dagen vooraf)"), help_text=_("Zoveel dagen voor de uiterste datum ontstond dit signaal.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    gemaild_op = models.DateTimeField(_("gemaild op"), null=True, blank=True)
    gesloten_op = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    gesnoozed_tot = models.DateField(_("uitgesteld tot"), null=True, blank=True)
    snooze_reden = models.CharField(_("reden uitstel"), max_length=300, blank=True)
    afhandel_reden = models.CharField(_("reden afhandeling"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["uiterste_datum", "niveau", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["termijn", "uiterste_datum", "niveau"], name="signaal_per_niveau"),
            # NULLs are distinct to the constraint above: one "termijn onbekend" per termijn.
            models.UniqueConstraint(
                fields=["termijn"], condition=models.Q(uiterste_datum__isnull=True), name="signaal_onbekend"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "uiterste_datum"]),
            # The inbox's order: the page and its capped count walk this index and stop, whatever the
            # number of open signalen (unknown deadlines, without a date, are listed apart).
            models.Index(
                fields=["uiterste_datum", "niveau", "id"], condition=models.Q(status="open"), name="signaal_inbox"
            ),
            models.Index(fields=["gemaild_op"], condition=models.Q(status="open"), name="signaal_te_mailen"),
            # A regisseur's werkvoorraad: their open signalen in date order, a range per block.
            models.Index(
                fields=["regisseur", "uiterste_datum", "niveau", "id"],
                condition=models.Q(status="open"),
                name="signaal_werkvoorraad",
            ),
        ]

    def __str__(self):
        return f"{self.termijn} ({self.ernst})"

    @property
    def is_onbekend(self) -> bool:
        return self.uiterste_datum is None

    @property
    def ernst(self) -> str:
        """The level in words: 0 is the day itself (and after); the largest level announces."""
        niveaus = settings.SIGNAAL_NIVEAUS_DAGEN
        if self.is_onbekend:
            return _("Termijn onbekend")
        if self.niveau == 0:
            return _("Uiterste datum bereikt")
        if self.niveau == max(niveaus) and len(niveaus) > 1:
            return _("Aankondiging")
        return _("Urgent")


auditlog.register(Signaal, include_fields=["status", "afgehandeld_door", "afhandel_reden"])
