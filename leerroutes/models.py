"""Leerroutes: aanbieders, inburgeringsaanbod, deelname, examens, MAP, PVT and their groups.

Codes follow DUO's interfaces (its OpenAPI files, settings.DUO_SPEC_DIR), so DUO's messages can fill these tables later:
Examen.openapi.yml (onderdelen, niveaus, resultaten), MAP-PVT-Zroute.openapi.yml (verwijtbaar Ja/Nee)
and Inburgeringsaanbod.openapi.yml (the aanbod's dates). The leerroute itself is never stored here:
it is the current PIP's (pip.services.huidige_pip), and changes only through a PIP wijziging.
"""

from auditlog.registry import auditlog

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.leerroute import Alfabetisering, Leerroute
from inburgering.models import Gemeente, Inburgeraar


class Examenonderdeel(models.TextChoices):
    """DUO's ExamenonderdeelWI2021Inburgering."""

    KNM = "KNM", _("Kennis van de Nederlandse Maatschappij")
    LEZEN = "LE", _("Lezen")
    LUISTEREN = "LU", _("Luisteren")
    SCHRIJVEN = "SC", _("Schrijven")
    SPREKEN = "SP", _("Spreken")


class Examenniveau(models.TextChoices):
    """DUO's ExamenniveauWI2021, lowest first."""

    A2 = "A2", _("A2")
    B1 = "B1", _("B1")
    B2 = "B2", _("B2")


class Examenresultaat(models.TextChoices):
    """DUO's ExamenresultaatWI2021."""

    GESLAAGD = "Geslaagd", _("Geslaagd")
    GEZAKT = "Gezakt", _("Gezakt")
    GEEN = "Geen", _("Geen resultaat")


class RedenGeenResultaat(models.TextChoices):
    """DUO's RedenGeenResultaatInburgeringsexamen."""

    VERWIJTBAAR = "Verwijtbaar", _("Verwijtbaar")
    NIET_VERWIJTBAAR = "Nietverwijtbaar", _("Niet verwijtbaar")
    AFGEMELD = "Afgemeld", _("Afgemeld")
    ABSENT = "Absent", _("Absent")


class Verwijtbaar(models.TextChoices):
    """DUO's InburgeringJaNeeType; empty when DUO wants none (the date is inside the termijn)."""

    JA = "Ja", _("Ja, verwijtbaar")
    NEE = "Nee", _("Nee, niet verwijtbaar")


class Onderdeel(models.TextChoices):
    """The parts of the plicht besides the exams that end with a date."""

    MAP = "map", _("MAP")
    PVT = "pvt", _("PVT")
    Z_ROUTE = "z_route", _("Z-route")
    ONDERWIJSROUTE = "onderwijsroute", _("Onderwijsroute (taalschakeltraject)")


class Activiteitsoort(models.TextChoices):
    MAP_LES = "map_les", _("MAP: les")
    BEDRIJFSBEZOEK = "bedrijfsbezoek", _("MAP: bedrijfsbezoek")
    STAGE = "stage", _("MAP: stage")
    WERKERVARINGSPLAATS = "werkervaringsplaats", _("MAP: werkervaringsplaats")
    PVT_WORKSHOP = "pvt_workshop", _("PVT: workshop")
    EXCURSIE = "excursie", _("PVT: excursie")


MAP_SOORTEN = frozenset({"map_les", "bedrijfsbezoek", "stage", "werkervaringsplaats"})
MAP_PRAKTIJK = frozenset({"bedrijfsbezoek", "stage", "werkervaringsplaats"})
PVT_SOORTEN = frozenset({"pvt_workshop", "excursie"})


class DoorVastgelegd(models.Model):
    """A record about a dossier that remembers who recorded it."""

    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Aanbieder(models.Model):
    """A taalaanbieder, taalschakelinstelling or MAP/PVT provider, managed by functioneel beheer."""

    naam = models.CharField(_("naam"), max_length=128)
    instellingsnummer = models.CharField(
        _("DUO-instellingsnummer"),
        max_length=10,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Tien tekens, zoals DUO de instelling kent (GET /instellingen)."),
        validators=[RegexValidator(r"^\S{10}$", _("Het instellingsnummer heeft precies tien tekens."))],
    )
    keurmerk_nummer = models.CharField(
        _("registratienummer Blik op Werk"),
        max_length=10,
        blank=True,
        help_text=_("Alleen cijfers."),
        validators=[RegexValidator(r"^\d{1,10}$", _("Het registratienummer bestaat uit 1 tot 10 cijfers."))],
    )
    keurmerk_geldig_van = models.DateField(_("keurmerk geldig vanaf"), null=True, blank=True)
    keurmerk_geldig_tot = models.DateField(
        _("keurmerk geldig tot en met"), null=True, blank=True, help_text=_("Leeg: zonder einddatum.")
    )
    taalschakelinstelling = models.BooleanField(
        _("erkende taalschakelinstelling"),
        default=False,
        help_text=_("DUO: indicatieTstKeurmerk. Mag de onderwijsroute ook zonder keurmerk van Blik op Werk geven."),
    )
    biedt_b1_route = models.BooleanField(_("biedt de B1-route"), default=False)
    biedt_onderwijsroute = models.BooleanField(_("biedt de onderwijsroute"), default=False)
    biedt_z_route = models.BooleanField(_("biedt de Z-route"), default=False)
    biedt_map = models.BooleanField(_("biedt de MAP"), default=False)
    biedt_pvt = models.BooleanField(_("biedt het PVT"), default=False)
    gemeenten = models.ManyToManyField(
        Gemeente, verbose_name=_("gecontracteerd door"), blank=True, related_name="aanbieders"
    )

    class Meta:
        verbose_name = _("aanbieder")
        verbose_name_plural = _("aanbieders")
        ordering = ["naam", "pk"]

    def __str__(self):
        return self.naam

    def clean(self):
        if (
            self.keurmerk_geldig_van
            and self.keurmerk_geldig_tot
            and self.keurmerk_geldig_tot < self.keurmerk_geldig_van
        ):
            raise ValidationError({"keurmerk_geldig_tot": _("Het keurmerk eindigt vóór het begint.")})
        if (self.keurmerk_geldig_van or self.keurmerk_geldig_tot) and not self.keurmerk_nummer:
            raise ValidationError({"keurmerk_nummer": _("Vul het registratienummer van Blik op Werk in.")})

    def biedt(self, leerroute: str) -> bool:
        return {
            Leerroute.B1: self.biedt_b1_route,
            Leerroute.ONDERWIJS: self.biedt_onderwijsroute,
            Leerroute.Z: self.biedt_z_route,
        }.get(leerroute, False)


class Inburgeringsaanbod(DoorVastgelegd):
    """The course a gemeente offers an asielstatushouder (DUO: Inburgeringsaanbod)."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="inburgeringsaanbod"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, related_name="aanbod"
    )
    leerroute = models.CharField(_("leerroute"), max_length=1, choices=Leerroute.choices)
    datum_aanbod = models.DateField(
        _("datum inburgeringsaanbod"),
        help_text=_("De inschrijfdatum bij de aanbieder; bij de B1- en Z-route ook de start van taal en KNM."),
    )
    verwachte_startdatum = models.DateField(_("verwachte start opleiding"), null=True, blank=True)
    verwachte_einddatum = models.DateField(_("verwachte einde opleiding"), null=True, blank=True)
    start_taalschakeltraject = models.DateField(
        _("start taalschakeltraject"), null=True, blank=True, help_text=_("Alleen bij de onderwijsroute.")
    )
    alfabetisering = models.CharField(
        _("alfabetiseringsonderwijs"), max_length=3, choices=Alfabetisering.choices, default=Alfabetisering.NVT
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("inburgeringsaanbod")
        verbose_name_plural = _("inburgeringsaanbod")
        ordering = ["-datum_aanbod", "-pk"]

    def __str__(self):
        return f"{self.aanbieder} {opmaak.datum(self.datum_aanbod)}"


class Deelname(DoorVastgelegd):
    """Attended hours over a period as the aanbieder reports them, with absences and their reason."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="deelnames"
    )
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    periode_van = models.DateField(_("periode van"))
    periode_tot = models.DateField(_("periode tot en met"))
    lesuren = models.PositiveIntegerField(_("lesuren taal"), default=0)
    knm_uren = models.PositiveIntegerField(_("uren KNM"), default=0)
    afwezig_uren = models.PositiveIntegerField(_("uren afwezig"), default=0)
    reden_afwezigheid = models.CharField(_("reden afwezigheid"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelname")
        ordering = ["-periode_van", "-pk"]
        indexes = [models.Index(fields=["inburgeraar", "periode_van"])]

    def __str__(self):
        return f"{opmaak.datum(self.periode_van)} – {opmaak.datum(self.periode_tot)}"


class Examen(DoorVastgelegd):
    """One attempt at one onderdeel (DUO: Examenresultaat)."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="examens"
    )
    onderdeel = models.CharField(_("onderdeel"), max_length=3, choices=Examenonderdeel.choices)
    examendatum = models.DateField(_("examendatum"))
    niveau = models.CharField(_("niveau"), max_length=2, choices=Examenniveau.choices, blank=True)
    resultaat = models.CharField(_("resultaat"), max_length=8, choices=Examenresultaat.choices)
    reden_geen_resultaat = models.CharField(
        _("reden geen resultaat"), max_length=16, choices=RedenGeenResultaat.choices, blank=True
    )

    class Meta:
        verbose_name = _("examen")
        verbose_name_plural = _("examens")
        ordering = ["-examendatum", "-pk"]
        indexes = [models.Index(fields=["inburgeraar", "onderdeel"])]

    def __str__(self):
        return f"{self.get_onderdeel_display()} {opmaak.datum(self.examendatum)}"


class Afronding(DoorVastgelegd):
    """How MAP, PVT, the Z-route or the onderwijsroute ended: one row per part, replaced as DUO's PUT does."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="afrondingen"
    )
    onderdeel = models.CharField(_("onderdeel"), max_length=20, choices=Onderdeel.choices)
    datum = models.DateField(
        _("datum"),
        null=True,
        blank=True,
        help_text=_("MAP: het eindgesprek. PVT: de ondertekening. Z-route: het eindgesprek. Leeg: nog niet."),
    )
    behaald = models.BooleanField(_("met goed gevolg"), default=False)
    verwijtbaar = models.CharField(
        _("verwijtbaar"),
        max_length=3,
        choices=Verwijtbaar.choices,
        blank=True,
        help_text=_("Alleen als de inburgeringstermijn (bijna) voorbij is: DUO's regel."),
    )
    toelichting = models.TextField(_("uitkomst en toelichting"), blank=True)
    motivatie_onder_norm = models.TextField(
        _("motivatie afronding onder de urennorm"),
        blank=True,
        help_text=_(
            "Alleen nodig als de geregistreerde uren onder de norm liggen (Z-route: taal en participatie; "
            "MAP: lessen). Leg uit waarom het onderdeel toch is afgerond."
        ),
    )

    class Meta:
        verbose_name = _("afronding")
        verbose_name_plural = _("afrondingen")
        constraints = [models.UniqueConstraint(fields=["inburgeraar", "onderdeel"], name="afronding_per_onderdeel")]

    def __str__(self):
        return self.get_onderdeel_display()


class Groep(models.Model):
    """A PVT or MAP group: many inburgeraars of one or more gemeenten of a team, with sessies."""

    naam = models.CharField(_("naam"), max_length=100)
    onderdeel = models.CharField(
        _("onderdeel"), max_length=3, choices=[(Onderdeel.MAP, _("MAP")), (Onderdeel.PVT, _("PVT"))]
    )
    aanbieder = models.ForeignKey(
        Aanbieder, verbose_name=_("aanbieder"), on_delete=models.PROTECT, null=True, blank=True, related_name="groepen"
    )
    gemeenten = models.ManyToManyField(Gemeente, verbose_name=_("gemeenten"), related_name="leerroute_groepen")
    leden = models.ManyToManyField(Inburgeraar, verbose_name=_("deelnemers"), blank=True, related_name="groepen")

    class Meta:
        verbose_name = _("groep")
        verbose_name_plural = _("groepen")
        ordering = ["naam", "pk"]

    def __str__(self):
        return self.naam


class Sessie(models.Model):
    groep = models.ForeignKey(Groep, verbose_name=_("groep"), on_delete=models.CASCADE, related_name="sessies")
    datum = models.DateField(_("datum"))
    soort = models.CharField(_("soort"), max_length=20, choices=Activiteitsoort.choices)
    onderwerp = models.CharField(_("onderwerp"), max_length=200, blank=True)
    uren = models.DecimalField(_("uren"), max_digits=4, decimal_places=2, help_text=_("De duur van de sessie."))

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["groep", "datum"])]

    def __str__(self):
        return f"{self.groep} {opmaak.datum(self.datum)}"


class Activiteit(DoorVastgelegd):
    """Hours of MAP or PVT for one person: on their own, or their attendance at a group sessie."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="activiteiten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Activiteitsoort.choices)
    datum = models.DateField(_("datum"))
    uren = models.DecimalField(_("uren"), max_digits=5, decimal_places=2, default=0)
    aanwezig = models.BooleanField(_("aanwezig"), default=True)
    reden_afwezigheid = models.CharField(_("reden afwezigheid"), max_length=200, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    sessie = models.ForeignKey(
        Sessie, verbose_name=_("sessie"), on_delete=models.CASCADE, null=True, blank=True, related_name="aanwezigheid"
    )

    class Meta:
        verbose_name = _("activiteit MAP of PVT")
        verbose_name_plural = _("activiteiten MAP en PVT")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["inburgeraar", "soort"])]
        constraints = [models.UniqueConstraint(fields=["sessie", "inburgeraar"], name="aanwezigheid_per_sessie")]

    def __str__(self):
        return f"{self.get_soort_display()} {opmaak.datum(self.datum)}"


for _model in (Inburgeringsaanbod, Deelname, Examen, Afronding, Activiteit, Aanbieder, Groep, Sessie):
    auditlog.register(_model)
