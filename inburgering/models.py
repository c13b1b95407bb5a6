"""The core domain: regio, gemeente, organisatie, team, the dossier (Inburgeraar) and its tijdlijn."""

from auditlog.registry import auditlog
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import opmaak
from .bsn import maskeer_bsn, valideer_bsn
from .fasen import Fase, RedenAfronding, RedenUitschrijving, Uitstroom
from .leerroute import Leerroute
from .termijnen import UITLEG
from .termijnen import Soort as TermijnSoort
from .uploads import valideer_logo


class User(AbstractUser):
    """A person who logs in: a medewerker of a gemeente, an uitvoeringsorganisatie or a partner."""

    organisatie = models.ForeignKey(
        "Organisatie",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self):
        return self.get_full_name() or self.username


class Regio(models.Model):
    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Gemeente(models.Model):
    """A gemeente responsible for its inburgeraars; object permissions on it decide who sees what."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    gemeentecode = models.CharField(
        _("gemeentecode"), max_length=4, unique=True, help_text=_("De viercijferige CBS-gemeentecode, bijv. 0770.")
    )
    oin = models.CharField(
        _("OIN"),
        max_length=20,
        unique=True,
        help_text=_("Organisatie-identificatienummer (20 cijfers); DUO adresseert berichten hiermee."),
    )
    regio = models.ForeignKey(Regio, verbose_name=_("regio"), on_delete=models.PROTECT, related_name="gemeenten")
    # The exchange with DUO (inburgering/duo/): where and how this gemeente's messages go.
    duo_basis_url = models.URLField(
        _("DUO basis-URL"), blank=True, help_text=_("Bijv. https://duo.example:443/v1; leeg: geen berichten aan DUO.")
    )
    duo_certificaat = models.CharField(
        _("pad clientcertificaat (PKIoverheid)"), max_length=300, blank=True, help_text=_("PEM-bestand op de server.")
    )
    duo_sleutel = models.CharField(
        _("pad private sleutel"), max_length=300, blank=True, help_text=_("PEM-bestand op de server.")
    )
    # Letterhead of the beschikkingen.
    logo = models.FileField(
        _("logo"),
        upload_to="logo/",
        blank=True,
        validators=[valideer_logo],
        help_text=_("PNG of JPEG; nooit publiek bereikbaar, alleen gebruikt in de beschikkingen."),
    )
    bezoekadres = models.CharField(_("bezoekadres"), max_length=200, blank=True)
    postadres = models.CharField(_("postadres"), max_length=200, blank=True)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    ondertekenaar_naam = models.CharField(_("naam ondertekenaar"), max_length=100, blank=True)
    ondertekenaar_functie = models.CharField(_("functie ondertekenaar"), max_length=100, blank=True)
    # Norms that are policy, not law (wet-inburgering.md, Deadlines): per gemeente, with defaults.
    norm_brede_intake_weken = models.PositiveSmallIntegerField(
        _("norm start brede intake (weken)"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Binnen hoeveel weken na koppeling of kennisgeving het eerste intakegesprek plaatsvindt."),
    )
    voortgangsgesprek_maanden = models.PositiveSmallIntegerField(
        _("voortgangsgesprek elke (maanden)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Hoe vaak een voortgangsgesprek plaatsvindt na het PIP of het vorige gesprek."),
    )
    # The standard offer a PIP states when the regisseur leaves the intensity of MAP or PVT empty.
    standaardaanbod_map = models.TextField(
        _("standaardaanbod MAP"),
        default=_(
            "Ongeveer 64 uur lessen over 8 thema's en ten minste 40 uur praktijk (bijvoorbeeld een stage, "
            "bedrijfsbezoek of werkervaringsplaats), afgesloten met een eindgesprek bij de gemeente."
        ),
        help_text=_("Staat in het PIP als de regisseur de intensiteit van de MAP leeg laat."),
    )
    standaardaanbod_pvt = models.TextField(
        _("standaardaanbod PVT"),
        default=_(
            "Ten minste 12 uur workshops over de kernwaarden van Nederland, een excursie en het ondertekenen "
            "van de participatieverklaring."
        ),
        help_text=_("Staat in het PIP als de regisseur de intensiteit van het PVT leeg laat."),
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]
        permissions = [
            ("dossiers_inzien", _("Dossiers van deze gemeente inzien")),
            ("dossiers_wijzigen", _("Dossiers van deze gemeente wijzigen")),
            ("rapportages_inzien", _("Rapportages van deze gemeente inzien")),
        ]

    def __str__(self):
        return self.naam


class Organisatie(models.Model):
    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", _("Gemeente")
        UITVOERDER = "uitvoerder", _("Uitvoeringsorganisatie")
        PARTNER = "partner", _("Partnerorganisatie")

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]

    def __str__(self):
        return self.naam


class Team(models.Model):
    """A team of an organisatie. Its group carries the object permissions on gemeenten."""

    naam = models.CharField(_("naam"), max_length=100)
    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="teams"
    )
    groep = models.OneToOneField(Group, verbose_name=_("groep"), on_delete=models.PROTECT, related_name="team")

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["organisatie__naam", "naam"]
        constraints = [models.UniqueConstraint(fields=["organisatie", "naam"], name="team_naam_uniek")]

    def __str__(self):
        return f"{self.organisatie} – {self.naam}"


# Object permissions with real foreign keys (django-guardian's "direct" tables): the visibility
# rule joins them in one SQL query instead of casting generic object ids.
class GemeenteUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Gemeente, on_delete=models.CASCADE)


class GemeenteGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Gemeente, on_delete=models.CASCADE)


class Huishouden(models.Model):
    """The household an inburgeraar lives in; other inburgeraars of it are linked to the same row."""

    aantal_minderjarige_kinderen = models.PositiveSmallIntegerField(_("aantal minderjarige kinderen"), default=0)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self):
        return _("Huishouden %(nummer)s") % {"nummer": self.pk}


class Doelgroep(models.TextChoices):
    """DUO's gedetailleerde doelgroep (Inburgeringsplicht.openapi.yml, GedetailleerdeDoelgroep)."""

    ASIELSTATUSHOUDER = "Asielstatushouder", _("Asielstatushouder")
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar", _("Geestelijk bedienaar")
    GEZINSHERENIGER = "Gezinshereniger", _("Gezinshereniger")
    GEZINSHERENIGER_ASIEL = "Gezinshereniger met Asielstatushouder", _("Gezinshereniger met asielstatushouder")
    GEZINSVORMER = "Gezinsvormer", _("Gezinsvormer")
    GEZINSVORMER_ASIEL = "Gezinsvormer met Asielstatushouder", _("Gezinsvormer met asielstatushouder")
    OVERIG = "Overig", _("Overig")


class Regime(models.TextChoices):
    WI2021 = "wi2021", _("Wet inburgering 2021")
    WI2013 = "wi2013", _("Wet inburgering 2013 (ondertussen-groep)")


# DUO's codes of the exam parts (ExamenonderdeelOntheffingInburgering), as its vrijstellingen and
# ontheffingen name them.
EXAMENONDERDELEN_DUO = {
    "LE": _("Lezen"),
    "LU": _("Luisteren"),
    "SC": _("Schrijven"),
    "SP": _("Spreken"),
    "KNM": _("Kennis van de Nederlandse Maatschappij"),
}


class InburgeraarQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user, perm="dossiers_inzien"):
        """The one way a list reaches dossiers: see inburgering.permissions."""
        from .permissions import zichtbare_dossiers

        return zichtbare_dossiers(self, user, perm)


class Inburgeraar(models.Model):
    """The dossier's root: the person, the gemeente responsible now, and where the case stands."""

    # Empty (NULL) only once the dossier is destroyed: unique wherever it is set.
    bsn = models.CharField(_("BSN"), max_length=9, unique=True, null=True, validators=[valideer_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    # Empty when DUO opened the dossier (a notification carries no birth date) or it was destroyed.
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    doelgroep = models.CharField(
        _("doelgroep"),
        max_length=40,
        choices=Doelgroep.choices,
        help_text=_("De gedetailleerde doelgroep zoals DUO die vaststelt."),
    )
    regime = models.CharField(_("regime"), max_length=10, choices=Regime.choices, default=Regime.WI2021)
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="inburgeraars"
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("casusregisseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices, default=Fase.AANGEMELD)
    reden_uitschrijving = models.CharField(
        _("reden uitschrijving"), max_length=20, choices=RedenUitschrijving.choices, blank=True
    )
    reden_afronding = models.CharField(_("reden afronding"), max_length=20, choices=RedenAfronding.choices, blank=True)
    uitstroom = models.CharField(
        _("uitstroom"),
        max_length=20,
        choices=Uitstroom.choices,
        blank=True,
        help_text=_("Bij afronden of uitschrijven: naar betaald werk of een reguliere opleiding. Leeg is onbekend."),
    )
    datum_einde = models.DateField(
        _("einde dossier"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De dag waarop het dossier werd afgerond of uitgeschreven; de bewaartermijn telt hiervandaan."),
    )
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name=_("huishouden"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leden",
    )
    # Koppeling / warme overdracht.
    datum_koppeling = models.DateField(
        _("datum koppeling"), help_text=_("De dag dat COA de persoon aan de gemeente koppelde, of de aanmelding.")
    )
    azc = models.CharField(_("AZC"), max_length=100, blank=True, help_text=_("Het AZC waar de persoon nu woont."))
    taal = models.CharField(_("voorkeurstaal"), max_length=50, blank=True)
    tolk_nodig = models.BooleanField(_("tolk nodig"), default=False)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    # Milestone dates that deadlines are computed from (DESIGN.md: facts on the dossier itself).
    datum_kennisgeving = models.DateField(
        _("datum kennisgeving DUO"), null=True, blank=True, help_text=_("Dagtekening van DUO's kennisgeving.")
    )
    datum_vestiging = models.DateField(
        _("datum vestiging in gemeente"), null=True, blank=True, help_text=_("Inschrijving in de BRP.")
    )
    datum_eerste_intakegesprek = models.DateField(
        _("datum eerste intakegesprek"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Het eerste gesprek van de brede intake; de intake schrijft deze datum."),
    )
    # Further milestones, each written by the service of the app where the fact happens and read by
    # the deadlines (inburgering/termijnen.py). None means: the fact has not happened (yet).
    datum_pip_termijn_herstart = models.DateField(
        _("herstart termijn PIP (DUO)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("DUO meldde (SS139) dat de termijn voor het vaststellen van het PIP opnieuw begon."),
    )
    wacht_op_derden_sinds = models.DateField(
        _("wacht op informatie van derden sinds"), null=True, blank=True, editable=False
    )
    informatie_derden_ontvangen_op = models.DateField(
        _("informatie van derden ontvangen op"), null=True, blank=True, editable=False
    )
    datum_eerste_pip = models.DateField(
        _("dagtekening eerste PIP"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De inburgeringstermijn begint de dag erna en verschuift nooit (Wi2021 art. 11)."),
    )
    datum_huidige_pip = models.DateField(
        _("dagtekening huidige PIP"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Het PIP of de wijzigingsbeschikking die nu geldt."),
    )
    datum_laatste_bekendmaking = models.DateField(
        _("laatste beschikking verzonden op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De bezwaartermijn van zes weken begint de dag erna (Awb 6:7, 6:8)."),
    )
    datum_laatste_voortgangsgesprek = models.DateField(
        _("laatste voortgangsgesprek"), null=True, blank=True, editable=False
    )
    leerroute = models.CharField(
        _("leerroute"),
        max_length=1,
        choices=Leerroute.choices,
        blank=True,
        editable=False,
        help_text=_("De leerroute van het huidige PIP."),
    )
    voortgangsgesprek_maanden = models.PositiveSmallIntegerField(
        _("voortgangsgesprek elke (maanden)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De frequentie uit het huidige PIP; zonder PIP geldt de norm van de gemeente."),
    )
    datum_einde_termijn_duo = models.DateField(
        _("einde inburgeringstermijn volgens DUO"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("DUO's einddatum, met verlengingen; gaat voor de berekende datum."),
    )
    # DUO's own dates (inburgering/duo/verwerking.py writes them): where DUO gives one, it is the truth.
    duo_begindatum_plicht = models.DateField(
        _("begin inburgeringsplicht volgens DUO"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("DUO's begindatum van de inburgeringsplicht; de dagtekening van het PIP ligt niet eerder."),
    )
    duo_startdatum_termijn = models.DateField(
        _("start inburgeringstermijn volgens DUO"), null=True, blank=True, editable=False
    )
    duo_opschorting_van = models.DateField(
        _("tijdelijke vrijstelling DUO vanaf"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lopende termijnen staan stil vanaf deze dag (DUO's tijdelijke vrijstelling)."),
    )
    duo_opschorting_tot = models.DateField(
        _("tijdelijke vrijstelling DUO tot en met"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Na deze dag lopen de termijnen weer, verlengd met de duur van de vrijstelling."),
    )
    duo_vrijgestelde_onderdelen = models.CharField(
        _("vrijgestelde examenonderdelen volgens DUO"),
        max_length=60,
        blank=True,
        editable=False,
        help_text=_("Onderdelen met een gedeeltelijke vrijstelling of ontheffing van DUO, zoals LE,KNM."),
    )
    lesuren_gevolgd = models.PositiveIntegerField(
        _("gevolgde lesuren"),
        default=0,
        editable=False,
        help_text=_("Taalles en KNM samen, volgens de deelname die de leerroute registreert; afschalen leest dit."),
    )
    datum_map_afgerond = models.DateField(_("MAP afgerond op"), null=True, blank=True, editable=False)
    datum_pvt_afgerond = models.DateField(_("PVT afgerond op"), null=True, blank=True, editable=False)
    datum_start_bijstand = models.DateField(
        _("bijstand sinds"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De dag dat het recht op bijstand ingaat; financieel ontzorgen begint niet eerder."),
    )
    datum_einde_bijstand = models.DateField(_("bijstand beëindigd op"), null=True, blank=True, editable=False)
    datum_start_ontzorgen = models.DateField(_("start financieel ontzorgen"), null=True, blank=True, editable=False)
    datum_gepland_einde_ontzorgen = models.DateField(
        _("gepland einde financieel ontzorgen"), null=True, blank=True, editable=False
    )
    datum_einde_ontzorgen = models.DateField(
        _("financieel ontzorgen afgebouwd op"), null=True, blank=True, editable=False
    )
    # Retention (inburgering/vernietiging.py): a legal hold keeps a closed dossier off the
    # vernietigingslijst; a destroyed dossier keeps only what the reports count.
    blokkade_reden = models.TextField(
        _("reden blokkade vernietiging"),
        blank=True,
        help_text=_("Legal hold: zolang hier een reden staat, wordt het dossier niet vernietigd."),
    )
    blokkade_sinds = models.DateField(_("blokkade sinds"), null=True, blank=True, editable=False)
    vernietigd_op = models.DateField(
        _("vernietigd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Persoonsgegevens en documenten zijn vernietigd; alleen anonieme gegevens voor statistiek resten."),
    )
    # The next open deadline, kept in the dossier's own row by the recompute of its termijnen
    # (services.synchroniseer_termijnen), so the caseload filters and sorts without a join.
    volgende_termijn = models.DateField(_("volgende termijn"), null=True, blank=True, editable=False)
    volgende_termijn_soort = models.CharField(
        _("soort volgende termijn"), max_length=30, choices=TermijnSoort.choices, blank=True, editable=False
    )
    termijn_onbekend = models.BooleanField(
        _("termijn onbekend"),
        default=False,
        editable=False,
        help_text=_("Een wettelijke termijn loopt, maar een gegeven om hem te berekenen ontbreekt."),
    )
    # When the termijnen were last computed; a dossier changed after that (updated_at) is recomputed by
    # the nightly run, which so only touches what changed.
    termijnen_bijgewerkt_op = models.DateTimeField(_("termijnen bijgewerkt op"), null=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = InburgeraarQuerySet.as_manager()

    class Meta:
        verbose_name = _("inburgeraar")
        verbose_name_plural = _("inburgeraars")
        ordering = ["achternaam", "voornamen", "pk"]
        permissions = [("historie_inzien", _("Wijzigingshistorie van dossiers inzien"))]
        indexes = [
            models.Index(fields=["gemeente", "fase"]),
            # The nightly run: the few dossiers with a DUO pause, whose suspension moves with the day.
            models.Index(
                fields=["duo_opschorting_van", "duo_opschorting_tot"],
                condition=models.Q(duo_opschorting_van__isnull=False),
                name="dossier_duo_opschorting",
            ),
            models.Index(fields=["regisseur", "fase"]),
            models.Index(fields=["achternaam", "voornamen"]),
            models.Index(fields=["datum_koppeling"]),
            models.Index(
                fields=["datum_einde"], condition=models.Q(vernietigd_op__isnull=True), name="dossier_bewaren"
            ),
            # Reports count ended dossiers per gemeente and period.
            models.Index(fields=["gemeente", "datum_einde"]),
            # The caseload sorted by deadline, both ways (CaseloadFilterForm.SORTERINGEN): an index scan
            # in the page's order that stops after one page, whatever the number of dossiers. Plain ASC
            # and DESC (SQLite knows no NULLS in an index): PostgreSQL's defaults, NULLS LAST ascending
            # and NULLS FIRST descending, are what the sort asks for.
            models.Index(
                models.F("termijn_onbekend").desc(),
                "volgende_termijn",
                "achternaam",
                "voornamen",
                "id",
                name="caseload_op_termijn",
            ),
            models.Index(
                models.F("termijn_onbekend").asc(),
                models.F("volgende_termijn").desc(),
                "achternaam",
                "voornamen",
                "id",
                name="caseload_op_termijn_aflopend",
            ),
            # The nightly run's share: dossiers whose facts changed since their termijnen were computed.
            models.Index(
                fields=["id"],
                condition=models.Q(termijnen_bijgewerkt_op__isnull=True)
                | models.Q(updated_at__gt=models.F("termijnen_bijgewerkt_op")),
                name="termijnen_verouderd",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("dossier", args=[self.pk])

    @property
    def naam(self) -> str:
        return " ".join(deel for deel in (self.voornamen, self.tussenvoegsel, self.achternaam) if deel)

    @property
    def bsn_gemaskeerd(self) -> str:
        return maskeer_bsn(self.bsn) if self.bsn else ""

    @property
    def is_asielstatushouder(self) -> bool:
        return self.doelgroep == Doelgroep.ASIELSTATUSHOUDER

    @property
    def vrijgestelde_onderdelen(self) -> list[str]:
        """DUO's partially exempt exam parts, by name: what the dossier no longer needs."""
        codes = [code for code in self.duo_vrijgestelde_onderdelen.split(",") if code]
        return [str(EXAMENONDERDELEN_DUO.get(code, code)) for code in codes]

    def dagen_sinds_koppeling(self, vandaag=None) -> int:
        return ((vandaag or timezone.localdate()) - self.datum_koppeling).days


class InburgeraarUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Inburgeraar, on_delete=models.CASCADE)


class InburgeraarGroupObjectPermission(GroupObjectPermissionBase):
    """Per-dossier access for a partner's team, granted by a verwijzing (referral)."""

    content_object = models.ForeignKey(Inburgeraar, on_delete=models.CASCADE)


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
    # The deadline's date when the signal was made: a moved deadline gets signals of its own. Empty for
    # "termijn onbekend": the deadline runs but cannot be computed.
    uiterste_datum = models.DateField(_("uiterste datum"), null=True, blank=True)
    niveau = models.PositiveSmallIntegerField(
        _("niveau (dagen vooraf)"), help_text=_("Zoveel dagen voor de uiterste datum ontstond dit signaal.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
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


auditlog.register(Inburgeraar)
auditlog.register(Signaal, include_fields=["status", "afgehandeld_door", "afhandel_reden"])
auditlog.register(Huishouden)
auditlog.register(Gemeente)
auditlog.register(Team)
auditlog.register(Organisatie)

# The exchange with DUO (inbox and outbox), the partner API's credentials, retention and destruction
# live in modules of their own; importing them here registers them with the app.
from .duo.models import DuoBericht, Notificatie  # noqa: E402, F401
from .models_api import ApiClient, IdempotencyKey  # noqa: E402, F401
from .models_privacy import ProcesVerbaal, Vernietigingslijst, VernietigingslijstItem  # noqa: E402, F401
from .models_tweefactor import Koppelcode  # noqa: E402, F401
