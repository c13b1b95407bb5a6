"""Financieel ontzorgen, verwijzingen to partners, and the maatschappelijk begeleider's hours.

Every write goes through ontzorgen.services; every read of a dossier starts from the core's
visibility rule (inburgering.permissions).
"""

from decimal import Decimal

from auditlog.registry import auditlog

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.models import Inburgeraar, Team


class Ondersteuningsniveau(models.TextChoices):
    """The Kempen ladder of support towards financial self-reliance (seed 000, 5a)."""

    LICHT = "licht", _("Lichte ondersteuning")
    MIDDEN = "midden", _("Matig intensieve ondersteuning")
    INTENSIEF = "intensief", _("Intensieve ondersteuning")


class Aanbieder(models.TextChoices):
    """Providers of financial self-reliance support in the Kempen (seed 000, table in 5a)."""

    VLUCHTELINGENWERK = "vluchtelingenwerk", _("Begeleiding VluchtelingenWerk")
    STARTPUNT_GELDZAKEN = "startpunt_geldzaken", _("Startpunt Geldzaken")
    SOCIAAL_RAADSLIEDENWERK = "sociaal_raadsliedenwerk", _("Sociaal Raadsliedenwerk")
    EUROWIJZER = "eurowijzer", _("Eurowijzer")
    THUISADMINISTRATIE = "thuisadministratie", _("Thuisadministratie Wèl")
    BESCHERMINGSBEWIND = "beschermingsbewind", _("Beschermingsbewind (alleen indien noodzakelijk)")
    VROEGSIGNALERING = "vroegsignalering", _("Meldpunt vroegsignalering bij betalingsachterstanden")


# Which providers offer which level (the seed's table): Eurowijzer from medium up,
# Thuisadministratie and beschermingsbewind only intensive.
AANBIEDERS_PER_NIVEAU = {
    Ondersteuningsniveau.LICHT: {
        Aanbieder.VLUCHTELINGENWERK,
        Aanbieder.STARTPUNT_GELDZAKEN,
        Aanbieder.SOCIAAL_RAADSLIEDENWERK,
        Aanbieder.VROEGSIGNALERING,
    },
    Ondersteuningsniveau.MIDDEN: {
        Aanbieder.VLUCHTELINGENWERK,
        Aanbieder.STARTPUNT_GELDZAKEN,
        Aanbieder.SOCIAAL_RAADSLIEDENWERK,
        Aanbieder.EUROWIJZER,
        Aanbieder.VROEGSIGNALERING,
    },
    Ondersteuningsniveau.INTENSIEF: set(Aanbieder),
}


class Ontzorging(models.Model):
    """Financieel ontzorgen of an asielstatushouder with bijstand: fixed costs paid from the benefit."""

    class Frequentie(models.TextChoices):
        WEEK = "week", _("per week")
        TWEE_WEKEN = "twee_weken", _("per twee weken")
        MAAND = "maand", _("per maand")

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="ontzorgingen"
    )
    startdatum = models.DateField(_("startdatum"), help_text=_("De dag dat het recht op bijstand ingaat."))
    geplande_einddatum = models.DateField(
        _("geplande einddatum"), help_text=_("Minstens het minimum aantal maanden na de startdatum.")
    )
    datum_machtiging = models.DateField(
        _("datum machtiging"), null=True, blank=True, help_text=_("De dag dat de machtiging is ondertekend.")
    )
    leefgeld = models.DecimalField(
        _("leefgeld"), max_digits=8, decimal_places=2, help_text=_("Het bedrag dat de inburgeraar zelf ontvangt.")
    )
    leefgeld_frequentie = models.CharField(
        _("leefgeld wordt betaald"), max_length=20, choices=Frequentie.choices, default=Frequentie.WEEK
    )
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    afbouwplan = models.TextField(_("afbouwplan"), blank=True)
    ondersteuningsniveau = models.CharField(
        _("ondersteuning financiële zelfredzaamheid"), max_length=20, choices=Ondersteuningsniveau.choices, blank=True
    )
    aanbieder = models.CharField(
        _("aanbieder van de ondersteuning"), max_length=40, choices=Aanbieder.choices, blank=True
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("ontzorging")
        verbose_name_plural = _("ontzorgingen")
        ordering = ["-startdatum", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["inburgeraar"], condition=Q(einddatum__isnull=True), name="een_lopende_ontzorging"
            ),
            models.CheckConstraint(
                condition=Q(geplande_einddatum__gt=models.F("startdatum")), name="ontzorging_einde_na_start"
            ),
        ]

    def __str__(self):
        return _("Ontzorging vanaf %(datum)s") % {"datum": opmaak.datum(self.startdatum)}

    @property
    def is_lopend(self) -> bool:
        return self.einddatum is None


class VasteLast(models.Model):
    """A fixed cost the gemeente pays from the benefit on the inburgeraar's behalf."""

    class Soort(models.TextChoices):
        HUUR = "huur", _("Huur")
        ENERGIE = "energie", _("Gas en stroom")
        WATER = "water", _("Water")
        ZORGVERZEKERING = "zorgverzekering", _("Zorgverzekering")
        OVERIG = "overig", _("Overig")

    ontzorging = models.ForeignKey(
        Ontzorging, verbose_name=_("ontzorging"), on_delete=models.CASCADE, related_name="vaste_lasten"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    omschrijving = models.CharField(_("omschrijving"), max_length=100, blank=True)
    begunstigde = models.CharField(_("begunstigde"), max_length=100, help_text=_("Aan wie wordt betaald."))
    bedrag = models.DecimalField(_("bedrag per maand"), max_digits=8, decimal_places=2)

    class Meta:
        verbose_name = _("vaste last")
        verbose_name_plural = _("vaste lasten")
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=Q(bedrag__gt=0), name="vaste_last_bedrag_positief")]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.begunstigde}"


class Verlenging(models.Model):
    """An extension of an ontzorging; the old planned end stays on record."""

    ontzorging = models.ForeignKey(
        Ontzorging, verbose_name=_("ontzorging"), on_delete=models.CASCADE, related_name="verlengingen"
    )
    oude_einddatum = models.DateField(_("oude geplande einddatum"))
    nieuwe_einddatum = models.DateField(_("nieuwe geplande einddatum"))
    reden = models.TextField(_("reden"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("verlenging")
        verbose_name_plural = _("verlengingen")
        ordering = ["pk"]

    def __str__(self):
        return _("Verlengd tot %(datum)s") % {"datum": opmaak.datum(self.nieuwe_einddatum)}


class Dienst(models.TextChoices):
    MAATSCHAPPELIJKE_BEGELEIDING = "maatschappelijke_begeleiding", _("Maatschappelijke begeleiding")
    FINANCIELE_ZELFREDZAAMHEID = "financiele_zelfredzaamheid", _("Financiële zelfredzaamheid")
    PARTICIPATIE = "participatie", _("Participatieactiviteit")
    TAALMAATJE = "taalmaatje", _("Taalmaatje")
    OVERIG = "overig", _("Overige dienst")


class VerwijzingQuerySet(models.QuerySet):
    def actief_op(self, datum):
        """Referrals that give access on `datum`: started, not past their last day, not ended."""
        return self.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=datum), startdatum__lte=datum, beeindigd=False)


class Verwijzing(models.Model):
    """A referral of a dossier to a partner's team; while active the team may see that dossier."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="verwijzingen"
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("partner (team)"),
        on_delete=models.PROTECT,
        related_name="verwijzingen",
        help_text=_("Het team van de partnerorganisatie dat de dienst levert."),
    )
    dienst = models.CharField(_("dienst"), max_length=40, choices=Dienst.choices)
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(
        _("einddatum"), null=True, blank=True, help_text=_("De laatste dag van de verwijzing; leeg is zonder einde.")
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    beeindigd = models.BooleanField(_("beëindigd"), default=False)
    reden_beeindiging = models.TextField(_("reden beëindiging"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwezen door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    # Partner systems ask for what changed since their last call (API filter gewijzigdSinds).
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True, db_index=True)

    objects = VerwijzingQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")
        ordering = ["-startdatum", "-pk"]
        permissions = [("begeleiding_inzien", _("Doorverwezen dossiers beperkt inzien (begeleiding)"))]
        indexes = [
            models.Index(fields=["inburgeraar", "team"]),
            models.Index(fields=["team", "beeindigd", "startdatum"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__isnull=True) | Q(einddatum__gte=models.F("startdatum")),
                name="verwijzing_einde_na_start",
            )
        ]

    def __str__(self):
        return f"{self.get_dienst_display()} – {self.team}"

    def is_actief_op(self, datum) -> bool:
        return not self.beeindigd and self.startdatum <= datum and (self.einddatum is None or datum <= self.einddatum)


class Urensoort(models.TextChoices):
    PRAKTISCHE_ZAKEN = "praktische_zaken", _("Praktische zaken")
    KENNIS_SAMENLEVING = "kennis_samenleving", _("Kennis van de Nederlandse samenleving")
    PARTICIPATIE = "participatie", _("Participatieactiviteit")
    TAALMAATJE = "taalmaatje", _("Taalmaatje")
    FINANCIELE_ZELFREDZAAMHEID = "financiele_zelfredzaamheid", _("Financiële zelfredzaamheid")
    TAALLES_BREDE_INTAKE = "taalles_brede_intake", _("Taalles of KNM tijdens de brede intake")
    PARTICIPATIE_ALS_TAALLES = "participatie_als_taalles", _("Participatie die telt als taalles")


class Urenregistratie(models.Model):
    """Hours a begeleider spent with an inburgeraar on one day. A correction supersedes, never overwrites."""

    class Status(models.TextChoices):
        INGEDIEND = "ingediend", _("Te beoordelen")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        VERVANGEN = "vervangen", _("Vervangen door correctie")

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="uren"
    )
    verwijzing = models.ForeignKey(
        Verwijzing, verbose_name=_("verwijzing"), on_delete=models.PROTECT, related_name="uren"
    )
    begeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("begeleider"), on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField(_("datum"))
    uren = models.DecimalField(_("uren"), max_digits=4, decimal_places=2, help_text=_("In kwartieren: 0,25 = 15 min."))
    soort = models.CharField(_("soort activiteit"), max_length=40, choices=Urensoort.choices)
    telt_voor_z_route = models.BooleanField(_("telt voor participatie in de Z-route"), default=False)
    notitie = models.CharField(_("notitie"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.INGEDIEND)
    vervangt = models.OneToOneField(
        "self",
        verbose_name=_("vervangt"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="vervangen_door",
    )
    reden_correctie = models.TextField(_("reden correctie"), blank=True)
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("urenregistratie")
        verbose_name_plural = _("urenregistraties")
        ordering = ["datum", "pk"]
        permissions = [("uren_beoordelen", _("Uren van begeleiders goedkeuren en corrigeren"))]
        indexes = [
            models.Index(fields=["inburgeraar", "datum"]),
            models.Index(fields=["status", "datum"]),
            models.Index(fields=["begeleider", "datum"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(uren__gt=0) & Q(uren__lte=24), name="uren_tussen_0_en_24"),
        ]

    def __str__(self):
        return f"{opmaak.datum(self.datum)} {self.uren} u {self.get_soort_display()}"

    KWARTIER = Decimal("0.25")


class Melding(models.Model):
    """A begeleider's message to the regisseur about a referred dossier (not a deadline Signaal)."""

    class Soort(models.TextChoices):
        PROBLEEM = "probleem", _("Probleem")
        NIET_VERSCHENEN = "niet_verschenen", _("Niet verschenen")
        VRAAG = "vraag", _("Vraag")

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="meldingen"
    )
    verwijzing = models.ForeignKey(
        Verwijzing, verbose_name=_("verwijzing"), on_delete=models.PROTECT, related_name="meldingen"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    tekst = models.TextField(_("bericht"), max_length=2000)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gemeld door"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["inburgeraar", "afgehandeld_op"])]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.tekst[:50]}"


auditlog.register(Ontzorging)
auditlog.register(VasteLast)
auditlog.register(Verwijzing)
auditlog.register(Urenregistratie)
