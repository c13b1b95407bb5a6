"""The brede intake (Wi2021 art. 14): gesprekken, leefgebieden, leerbaarheidstoets, advies, no-shows.

Each leefgebied is a table of its own with the fields that fit it, so that gezondheid
(special-category data, AVG art. 9) lives apart: no query for another section ever reads it.
"""

from auditlog.registry import auditlog

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.models import Inburgeraar, Leerroute  # noqa: F401 (the apps name it from here too)


class Niveau(models.TextChoices):
    A1 = "A1", _("A1")
    A2 = "A2", _("A2")
    B1 = "B1", _("B1")
    B2 = "B2", _("B2 of hoger")


class Alfabetisering(models.TextChoices):
    """DUO's codes (PIP.openapi.yml, Alfabetiseringsonderwijs)."""

    ANALFABEET = "A", _("Analfabeet")
    ANDERS_GEALFABETISEERD = "AA", _("Anders-gealfabetiseerd")
    NVT = "NVT", _("Niet van toepassing")


class BredeIntake(models.Model):
    inburgeraar = models.OneToOneField(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="brede_intake"
    )
    gestart_op = models.DateField(_("gestart op"), default=timezone.localdate)
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    gesprek_zonder_partner_aangeboden = models.BooleanField(
        _("gesprek zonder partner aangeboden"),
        default=False,
        help_text=_("De gemeente biedt een gesprek aan zonder dat de partner erbij is (Wi2021 art. 14)."),
    )
    advies_leerroute = models.CharField(_("advies leerroute"), max_length=1, choices=Leerroute.choices, blank=True)
    advies_niveau = models.CharField(_("te behalen niveau"), max_length=2, choices=Niveau.choices, blank=True)
    advies_motivatie = models.TextField(_("motivatie van het advies"), blank=True)
    advies_erkende_waarschuwingen = models.JSONField(
        _("erkende waarschuwingen"),
        default=list,
        blank=True,
        help_text=_("De waarschuwingen bij het advies die de regisseur heeft gelezen en bewust heeft genegeerd."),
    )

    class Meta:
        verbose_name = _("brede intake")
        verbose_name_plural = _("brede intakes")

    def __str__(self):
        return _("Brede intake van %(naam)s") % {"naam": self.inburgeraar}

    @property
    def is_afgerond(self) -> bool:
        return self.afgerond_op is not None


class Gesprek(models.Model):
    class Plaats(models.TextChoices):
        AZC = "azc", _("AZC")
        GEMEENTEHUIS = "gemeentehuis", _("Gemeentehuis")
        THUIS = "thuis", _("Thuis")
        TELEFONISCH = "telefonisch", _("Telefonisch")
        VIDEO = "video", _("Videobellen")

    intake = models.ForeignKey(
        BredeIntake, verbose_name=_("brede intake"), on_delete=models.CASCADE, related_name="gesprekken"
    )
    datum = models.DateField(_("datum"))
    plaats = models.CharField(_("plaats"), max_length=20, choices=Plaats.choices)
    aanwezigen = models.CharField(
        _("aanwezigen"), max_length=300, blank=True, help_text=_("Wie was erbij, behalve de inburgeraar?")
    )
    tolk_ingezet = models.BooleanField(_("tolk ingezet"), default=False)
    tolk_taal = models.CharField(_("taal van de tolk"), max_length=50, blank=True)
    zonder_partner = models.BooleanField(
        _("gesprek zonder partner"), default=False, help_text=_("Dit gesprek vond plaats zonder de partner.")
    )
    notities = models.TextField(_("notities"), blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("intakegesprek")
        verbose_name_plural = _("intakegesprekken")
        ordering = ["datum", "pk"]

    def __str__(self):
        return f"{opmaak.datum(self.datum)} – {self.get_plaats_display()}"


class Score(models.IntegerChoices):
    """The five steps of the Zelfredzaamheid-Matrix that gemeenten already use."""

    ACUUT = 1, _("1 – Acute problematiek")
    NIET_ZELFREDZAAM = 2, _("2 – Niet zelfredzaam")
    BEPERKT = 3, _("3 – Beperkt zelfredzaam")
    VOLDOENDE = 4, _("4 – Voldoende zelfredzaam")
    VOLLEDIG = 5, _("5 – Volledig zelfredzaam")


class Leefgebied(models.Model):
    """What every leefgebied has: a score, free text, or the reason it could not be explored."""

    intake = models.OneToOneField(
        BredeIntake, verbose_name=_("brede intake"), on_delete=models.CASCADE, related_name="%(class)s"
    )
    score = models.PositiveSmallIntegerField(_("score"), choices=Score.choices, null=True, blank=True)
    toelichting = models.TextField(_("toelichting"), blank=True)
    niet_mogelijk_reden = models.TextField(
        _("niet in kaart te brengen, omdat"),
        blank=True,
        help_text=_("Vul alleen in als dit leefgebied niet besproken kon worden, met de reden."),
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self._meta.verbose_name} – {self.intake}"

    @property
    def is_ingevuld(self) -> bool:
        return self.score is not None

    @property
    def is_niet_mogelijk(self) -> bool:
        return bool(self.niet_mogelijk_reden.strip())

    @property
    def is_klaar(self) -> bool:
        return self.is_ingevuld or self.is_niet_mogelijk


class Opleiding(Leefgebied):
    jaren_onderwijs = models.PositiveSmallIntegerField(_("jaren onderwijs"), null=True, blank=True)
    hoogste_diploma = models.CharField(_("hoogst behaalde diploma"), max_length=200, blank=True)
    land_diploma = models.CharField(_("land van het diploma"), max_length=100, blank=True)
    diplomawaardering_aangevraagd = models.BooleanField(
        _("diplomawaardering aangevraagd"), default=False, help_text=_("Bij IDW of SBB.")
    )

    class Meta:
        verbose_name = _("opleiding")
        verbose_name_plural = _("opleiding")


class Werkervaring(Leefgebied):
    jaren_werkervaring = models.PositiveSmallIntegerField(_("jaren werkervaring"), null=True, blank=True)
    beroepen = models.CharField(_("beroepen en sectoren"), max_length=300, blank=True)
    werkwens = models.CharField(_("werkwens in Nederland"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("werkervaring")
        verbose_name_plural = _("werkervaring")


class Taal(Leefgebied):
    gesproken_talen = models.CharField(_("gesproken talen"), max_length=300, blank=True)
    alfabetisering = models.CharField(
        _("alfabetisering"),
        max_length=3,
        choices=Alfabetisering.choices,
        blank=True,
        help_text=_("Met DUO's codes; het PIP neemt dit over."),
    )
    kennis_nederlands = models.CharField(_("kennis van het Nederlands"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("taal")
        verbose_name_plural = _("taal")


class Gezondheid(Leefgebied):
    """Special-category data: only with the permission `intake.gezondheid_verwerken`, every view logged."""

    lichamelijk = models.TextField(_("lichamelijke gezondheid"), blank=True)
    psychisch = models.TextField(_("psychische gezondheid"), blank=True)
    belemmert_leren = models.BooleanField(_("belemmert het leren of deelnemen"), default=False)
    onder_behandeling = models.BooleanField(_("onder behandeling of in zorg"), default=False)

    class Meta:
        verbose_name = _("gezondheid")
        verbose_name_plural = _("gezondheid")
        default_permissions = ()
        permissions = [("gezondheid_verwerken", _("Gezondheidsgegevens uit de brede intake inzien en vastleggen"))]


class Financien(Leefgebied):
    class Inkomen(models.TextChoices):
        BIJSTAND = "bijstand", _("Bijstand")
        WERK = "werk", _("Werk")
        PARTNER = "partner", _("Inkomen van de partner")
        GEEN = "geen", _("Geen inkomen")
        ANDERS = "anders", _("Anders")

    inkomen = models.CharField(_("bron van inkomen"), max_length=20, choices=Inkomen.choices, blank=True)
    # Saving it registers the bijstand once, through ontzorgen's service: the start of financieel
    # ontzorgen (Participatiewet art. 56a) and what the PIP states.
    bijstand_sinds = models.DateField(
        _("bijstand sinds"),
        null=True,
        blank=True,
        help_text=_(
            "Bij bijstand: de dag dat het recht op bijstand ingaat. Zo staat de bijstand ook bij Ontzorgen en "
            "begeleiding en in het PIP."
        ),
    )
    schulden = models.BooleanField(_("schulden"), default=False)

    class Meta:
        verbose_name = _("financiën")
        verbose_name_plural = _("financiën")


class Huisvesting(Leefgebied):
    class Woonsituatie(models.TextChoices):
        AZC = "azc", _("AZC")
        HUURWONING = "huurwoning", _("Eigen huurwoning")
        TIJDELIJK = "tijdelijk", _("Tijdelijke huisvesting")
        INWONEND = "inwonend", _("Inwonend bij anderen")

    woonsituatie = models.CharField(_("woonsituatie"), max_length=20, choices=Woonsituatie.choices, blank=True)

    class Meta:
        verbose_name = _("huisvesting")
        verbose_name_plural = _("huisvesting")


class Gezin(Leefgebied):
    heeft_partner = models.BooleanField(_("heeft een partner"), default=False)
    jonge_kinderen = models.PositiveSmallIntegerField(
        _("kinderen tot 6 jaar"), default=0, help_text=_("Kinderen in de leeftijd van voor- en vroegschoolse educatie.")
    )
    kinderopvang_nodig = models.BooleanField(_("kinderopvang nodig om deel te nemen"), default=False)
    vve_informatie_gegeven = models.BooleanField(
        _("informatie over voor- en vroegschoolse educatie gegeven"),
        default=False,
        help_text=_("Verplicht voor ouders van jonge kinderen."),
    )

    class Meta:
        verbose_name = _("gezin en kinderopvang")
        verbose_name_plural = _("gezin en kinderopvang")


class SociaalNetwerk(Leefgebied):
    contacten_in_nederland = models.BooleanField(_("heeft contacten in Nederland"), default=False)
    lid_van_vereniging = models.BooleanField(_("lid van een vereniging, kerk, moskee of club"), default=False)

    class Meta:
        verbose_name = _("sociaal netwerk")
        verbose_name_plural = _("sociaal netwerk")


class Motivatie(Leefgebied):
    interesses = models.CharField(_("interesses en hobby's"), max_length=300, blank=True)
    doelen = models.TextField(_("doelen voor de komende jaren"), blank=True)

    class Meta:
        verbose_name = _("motivatie en interesses")
        verbose_name_plural = _("motivatie en interesses")


class Mobiliteit(Leefgebied):
    rijbewijs = models.BooleanField(_("rijbewijs"), default=False)
    fiets = models.BooleanField(_("kan fietsen"), default=False)
    reist_zelfstandig_met_ov = models.BooleanField(_("reist zelfstandig met het openbaar vervoer"), default=False)

    class Meta:
        verbose_name = _("mobiliteit")
        verbose_name_plural = _("mobiliteit")


class Zelfredzaamheid(Leefgebied):
    digitaal_vaardig = models.BooleanField(_("digitaal vaardig (DigiD, e-mail)"), default=False)
    eigen_administratie = models.BooleanField(_("doet de eigen administratie"), default=False)

    class Meta:
        verbose_name = _("zelfredzaamheid")
        verbose_name_plural = _("zelfredzaamheid")


class Leerbaarheidstoets(models.Model):
    """Fields follow DUO's Leerbaarheidstoets.openapi.yml (Resultaat), so DUO's results can fill them."""

    class Resultaat(models.TextChoices):
        HAALBAAR = "B1-route haalbaar", _("B1-route haalbaar")
        NIET_HAALBAAR = "B1-route niet haalbaar", _("B1-route niet haalbaar")
        ONBEKEND = "Onbekend", _("Onbekend")

    class Vrijstelling(models.TextChoices):
        VISUEEL = "visueel", _("Visuele beperking")
        AUDITIEF = "auditief", _("Auditieve beperking")

    intake = models.OneToOneField(
        BredeIntake, verbose_name=_("brede intake"), on_delete=models.CASCADE, related_name="leerbaarheidstoets"
    )
    examennummer = models.CharField(_("examennummer"), max_length=12, blank=True)
    datum_aanmelding = models.DateField(_("datum aanmelding"), null=True, blank=True)
    datum_afname = models.DateField(
        _("datum uitslag"), null=True, blank=True, help_text=_("De datum waarop DUO de uitslag registreerde.")
    )
    resultaat = models.CharField(_("resultaat"), max_length=30, choices=Resultaat.choices, blank=True)
    behaalde_score = models.DecimalField(_("behaalde score"), max_digits=5, decimal_places=2, null=True, blank=True)
    benodigde_score = models.DecimalField(
        _("benodigde score"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("De grenswaarde vanaf waar de B1-route haalbaar is."),
    )
    vrijstelling = models.CharField(_("vrijgesteld wegens"), max_length=10, choices=Vrijstelling.choices, blank=True)
    vrijstelling_reden = models.TextField(_("toelichting vrijstelling"), blank=True)
    niet_mogelijk_reden = models.TextField(
        _("niet af te nemen, omdat"),
        blank=True,
        help_text=_("Vul alleen in als de toets niet kon worden afgenomen en er geen vrijstelling is."),
    )

    class Meta:
        verbose_name = _("leerbaarheidstoets")
        verbose_name_plural = _("leerbaarheidstoetsen")

    def __str__(self):
        return _("Leerbaarheidstoets van %(naam)s") % {"naam": self.intake.inburgeraar}

    @property
    def heeft_uitslag(self) -> bool:
        return bool(self.resultaat) and self.datum_afname is not None

    @property
    def is_klaar(self) -> bool:
        return self.heeft_uitslag or bool(self.vrijstelling) or bool(self.niet_mogelijk_reden.strip())


class NietVerschenen(models.Model):
    """A missed invitation to an intake gesprek. Only one without a valid reason counts for handhaving."""

    class Vervolgstap(models.TextChoices):
        WAARSCHUWING = "waarschuwing", _("Schriftelijke waarschuwing")
        BOETE = "boete", _("Voorstel bestuurlijke boete")
        BOETE_EN_PIP = "boete_en_pip", _("Voorstel bestuurlijke boete en PIP zonder inbreng")
        GEEN = "geen", _("Geen vervolgstap")

    intake = models.ForeignKey(
        BredeIntake, verbose_name=_("brede intake"), on_delete=models.CASCADE, related_name="niet_verschenen"
    )
    datum = models.DateField(_("datum van de uitnodiging"))
    geldige_reden = models.BooleanField(
        _("met geldige reden"),
        default=False,
        help_text=_("Niet verwijtbaar (Awb 5:41): telt niet mee voor handhaving."),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    vervolgstap = models.CharField(_("gekozen vervolgstap"), max_length=20, choices=Vervolgstap.choices, blank=True)
    vervolgstap_op = models.DateField(_("vervolgstap gekozen op"), null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastgelegd door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("niet verschenen")
        verbose_name_plural = _("niet verschenen")
        ordering = ["datum", "pk"]

    def __str__(self):
        return _("Niet verschenen op %(datum)s") % {"datum": opmaak.datum(self.datum)}


# Gezondheid is left out on purpose: the audit log would copy health data to a table without the
# permission check. Its changes are on the tijdlijn (who and when, never what).
for model in (
    BredeIntake,
    Gesprek,
    Opleiding,
    Werkervaring,
    Taal,
    Financien,
    Huisvesting,
    Gezin,
    SociaalNetwerk,
    Motivatie,
    Mobiliteit,
    Zelfredzaamheid,
    Leerbaarheidstoets,
    NietVerschenen,
):
    auditlog.register(model)
