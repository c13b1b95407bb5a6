"""The PIP (Wi2021 art. 15) as beschikking, its voortgangsgesprekken and handhaving.

Every version of a PIP is one row: the first PIP is versie 1, each wijzigingsbeschikking a next
version that points to the one before. A concept may change; a vastgestelde version never does
(its dagtekening, content and PDF with SHA-256 are fixed), which `Pip.save` enforces as well.
"""

from auditlog.registry import auditlog

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.leerroute import Alfabetisering, Leerroute, Niveau
from inburgering.models import Inburgeraar


class RedenWijziging(models.TextChoices):
    SCHAKELEN = "schakelen", _("Schakelen naar een andere leerroute")
    AFSCHALEN = "afschalen", _("Afschalen van B1 naar A2")
    VERHUIZING = "verhuizing", _("Verhuizing naar deze gemeente")
    OMSTANDIGHEDEN = "omstandigheden", _("Gewijzigde omstandigheden")


class Dualiteit(models.TextChoices):
    GEEN = "", _("Geen")
    WERK = "werk", _("Werk")
    VRIJWILLIGERSWERK = "vrijwilligerswerk", _("Vrijwilligerswerk")
    OPLEIDING = "opleiding", _("Opleiding of studie")


class PipQuerySet(models.QuerySet):
    def vastgesteld(self):
        return self.filter(status=Pip.Status.VASTGESTELD)


class Pip(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", _("Concept")
        VASTGESTELD = "vastgesteld", _("Vastgesteld")

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="pips"
    )
    versie = models.PositiveSmallIntegerField(_("versie"))
    vorige = models.OneToOneField(
        "self",
        verbose_name=_("vorige versie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="volgende",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CONCEPT)
    reden_wijziging = models.CharField(
        _("reden van de wijziging"), max_length=20, choices=RedenWijziging.choices, blank=True
    )
    toelichting_wijziging = models.TextField(_("toelichting op de wijziging"), blank=True)
    # Afschalen (Besluit inburgering 2021 art. 5.5): both grounds, always with a motivation.
    afschalen_b1_onhaalbaar = models.BooleanField(
        _("B1 is binnen de termijn niet haalbaar"),
        default=False,
        help_text=_("Grond voor afschalen: het niveau B1 is binnen de inburgeringstermijn niet te halen."),
    )
    afschalen_voldoende_inspanning = models.BooleanField(
        _("voldoende inspanning geleverd"),
        default=False,
        help_text=_("Grond voor afschalen: de inburgeraar heeft zich voldoende ingespannen."),
    )
    afschalen_motivatie = models.TextField(
        _("motivatie afschalen"),
        blank=True,
        help_text=_(
            "Leg uit waarom B1 niet haalbaar is en waaruit de inspanning blijkt (lesuren, aanwezigheid, "
            "voortgang). Ten minste 600 gevolgde lesuren, ook als die nog niet in dit systeem staan."
        ),
    )
    # Content of Wi2021 art. 15.
    leerroute = models.CharField(_("leerroute"), max_length=1, choices=Leerroute.choices)
    niveau = models.CharField(
        _("niveau"),
        max_length=2,
        choices=Niveau.choices,
        blank=True,
        help_text=_("Leeg betekent B1 bij de B1-route en de onderwijsroute. De Z-route heeft geen niveau."),
    )
    met_knm = models.BooleanField(_("met examen Kennis van de Nederlandse Maatschappij (KNM)"), default=True)
    mag_opleiding_afmaken = models.BooleanField(
        _("mag de huidige opleiding eerst afmaken"),
        default=False,
        help_text=_("DUO: indicatorMagOpleidingAfmaken."),
    )
    alfabetisering = models.CharField(
        _("alfabetiseringsonderwijs"), max_length=3, choices=Alfabetisering.choices, default=Alfabetisering.NVT
    )
    geschatte_intensiteit_b1 = models.PositiveSmallIntegerField(
        _("geschatte intensiteit B1-route (uren)"),
        null=True,
        blank=True,
        help_text=_("Alleen voor asielstatushouders op de B1-route: het geschatte totaal aan uren taal en KNM."),
    )
    looptijd_maanden = models.PositiveSmallIntegerField(_("looptijd (maanden)"), default=36)
    map_intensiteit = models.CharField(
        _("intensiteit MAP"), max_length=300, blank=True, help_text=_("Bijvoorbeeld: 64 uur les en 40 uur praktijk.")
    )
    pvt_intensiteit = models.CharField(
        _("intensiteit PVT"), max_length=300, blank=True, help_text=_("Bijvoorbeeld: 12 uur workshops en een excursie.")
    )
    ontzorgen = models.BooleanField(_("financieel ontzorgen"), default=False)
    ontzorgen_maanden = models.PositiveSmallIntegerField(_("duur ontzorgen (maanden)"), null=True, blank=True)
    maatschappelijke_begeleiding = models.TextField(_("maatschappelijke begeleiding en ondersteuning"), blank=True)
    voortgangsgesprek_maanden = models.PositiveSmallIntegerField(
        _("voortgangsgesprek elke (maanden)"),
        help_text=_("Hoe vaak de gemeente de voortgang met de inburgeraar bespreekt."),
    )
    voortgang_toelichting = models.TextField(_("hoe de voortgang wordt gevolgd"), blank=True)
    dualiteit = models.CharField(
        _("taal combineren met"), max_length=20, choices=Dualiteit.choices, blank=True, default=Dualiteit.GEEN
    )
    dualiteit_uren_per_week = models.PositiveSmallIntegerField(_("uren per week daarnaast"), null=True, blank=True)
    dualiteit_afspraken = models.TextField(_("afspraken over de combinatie"), blank=True)
    kinderopvang = models.TextField(_("kinderopvang"), blank=True)
    vervoer = models.TextField(_("vervoer"), blank=True)
    bijstand = models.BooleanField(_("ontvangt bijstand"), default=False)
    participatiewet_verplichtingen = models.TextField(
        _("verplichtingen uit de Participatiewet"),
        blank=True,
        help_text=_("Alleen bij bijstand: de arbeids- en re-integratieverplichtingen die aan het PIP zijn toegevoegd."),
    )
    # The beschikking.
    dagtekening = models.DateField(_("dagtekening"), null=True, blank=True)
    kenmerk = models.CharField(_("kenmerk"), max_length=40, blank=True)
    pdf = models.FileField(_("beschikking (PDF)"), upload_to="beschikkingen/pip/", blank=True)
    sha256 = models.CharField(_("SHA-256 van de PDF"), max_length=64, blank=True)
    vastgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgesteld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    objects = PipQuerySet.as_manager()

    class Meta:
        verbose_name = _("PIP")
        verbose_name_plural = _("PIP's")
        ordering = ["inburgeraar", "versie"]
        constraints = [
            models.UniqueConstraint(fields=["inburgeraar", "versie"], name="pip_versie_uniek"),
            models.UniqueConstraint(
                fields=["inburgeraar"], condition=models.Q(status="concept"), name="pip_een_concept"
            ),
        ]

    def __str__(self):
        return _("PIP versie %(versie)s van %(naam)s") % {"versie": self.versie, "naam": self.inburgeraar}

    def save(self, *args, **kwargs):
        # A beschikking that has been fixed is never changed: a change is a new version.
        if getattr(self, "_was_vastgesteld", False):
            raise ValidationError(_("Een vastgesteld PIP kan niet meer worden gewijzigd."), code="vastgesteld")
        super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        pip = super().from_db(db, field_names, values)
        pip._was_vastgesteld = pip.status == cls.Status.VASTGESTELD
        return pip

    @property
    def is_concept(self) -> bool:
        return self.status == self.Status.CONCEPT

    @property
    def is_wijziging(self) -> bool:
        return self.versie > 1

    @property
    def niveau_effectief(self) -> str:
        """DUO: no niveau means B1 on the B1- and onderwijsroute; the Z-route has none."""
        if self.leerroute == Leerroute.Z:
            return ""
        return self.niveau or Niveau.B1


# The content fields of Wi2021 art. 15, in the order the page and the beschikking show them.
# The fields that record an afschalen: its two grounds and the motivation.
AFSCHALEN = ["afschalen_b1_onhaalbaar", "afschalen_voldoende_inspanning", "afschalen_motivatie"]

INHOUD = [
    "leerroute",
    "niveau",
    "met_knm",
    "mag_opleiding_afmaken",
    "alfabetisering",
    "geschatte_intensiteit_b1",
    "looptijd_maanden",
    "map_intensiteit",
    "pvt_intensiteit",
    "ontzorgen",
    "ontzorgen_maanden",
    "maatschappelijke_begeleiding",
    "voortgangsgesprek_maanden",
    "voortgang_toelichting",
    "dualiteit",
    "dualiteit_uren_per_week",
    "dualiteit_afspraken",
    "kinderopvang",
    "vervoer",
    "bijstand",
    "participatiewet_verplichtingen",
]


class Voortgangsgesprek(models.Model):
    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="voortgangsgesprekken"
    )
    pip = models.ForeignKey(Pip, verbose_name=_("PIP"), on_delete=models.PROTECT, related_name="voortgangsgesprekken")
    datum = models.DateField(_("datum"))
    deelnemers = models.CharField(_("deelnemers"), max_length=300, help_text=_("Wie waren erbij?"))
    voortgang_taal = models.TextField(_("voortgang leerroute (taal en KNM)"), blank=True)
    voortgang_map = models.TextField(_("voortgang MAP"), blank=True)
    voortgang_pvt = models.TextField(_("voortgang PVT"), blank=True)
    voortgang_participatie = models.TextField(_("voortgang participatie en dualiteit"), blank=True)
    afspraken = models.TextField(_("afspraken"), blank=True)
    volgende_datum = models.DateField(_("volgend gesprek uiterlijk op"))
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("voortgangsgesprek")
        verbose_name_plural = _("voortgangsgesprekken")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{opmaak.datum(self.datum)}"


class Handhaving(models.Model):
    class Soort(models.TextChoices):
        WAARSCHUWING = "waarschuwing", _("Schriftelijke waarschuwing")
        BOETE = "boete", _("Bestuurlijke boete")

    class Verplichting(models.TextChoices):
        BREDE_INTAKE = "brede_intake", _("Meewerken aan de brede intake")
        PVT = "pvt", _("Participatieverklaringstraject (PVT)")
        MAP = "map", _("Module Arbeidsmarkt en Participatie (MAP)")
        LEERROUTE = "leerroute", _("Afspraken over de leerroute in het PIP")

    class Verwijtbaarheid(models.TextChoices):
        VOLLEDIG = "volledig", _("Volledig verwijtbaar")
        VERMINDERD = "verminderd", _("Verminderd verwijtbaar")
        NIET = "niet", _("Niet verwijtbaar")

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="handhavingen"
    )
    soort = models.CharField(_("maatregel"), max_length=20, choices=Soort.choices)
    verplichting = models.CharField(_("geschonden verplichting"), max_length=20, choices=Verplichting.choices)
    feiten = models.TextField(_("wat is er gebeurd"))
    verwijtbaarheid = models.CharField(_("verwijtbaarheid"), max_length=20, choices=Verwijtbaarheid.choices)
    verwijtbaarheid_motivatie = models.TextField(
        _("beoordeling van de verwijtbaarheid"),
        help_text=_("Awb 5:41: geen boete als de inburgeraar niets te verwijten valt. Leg uit hoe u dit beoordeelde."),
    )
    bedrag = models.DecimalField(_("bedrag (euro)"), max_digits=7, decimal_places=2, null=True, blank=True)
    dagtekening = models.DateField(_("dagtekening"))
    kenmerk = models.CharField(_("kenmerk"), max_length=40)
    pdf = models.FileField(_("beschikking (PDF)"), upload_to="beschikkingen/handhaving/", blank=True)
    sha256 = models.CharField(_("SHA-256 van de PDF"), max_length=64, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    reden_intrekking = models.TextField(_("reden van de intrekking"), blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingetrokken door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    intrekking_pdf = models.FileField(
        _("besluit tot intrekking (PDF)"), upload_to="beschikkingen/handhaving/", blank=True
    )
    intrekking_sha256 = models.CharField(_("SHA-256 van het besluit tot intrekking"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("handhavingsbesluit")
        verbose_name_plural = _("handhavingsbesluiten")
        ordering = ["-dagtekening", "-pk"]

    def __str__(self):
        return f"{self.get_soort_display()} {self.kenmerk}"


auditlog.register(Pip)
auditlog.register(Voortgangsgesprek)
auditlog.register(Handhaving)
