"""Who works with the dossiers: users, regio's, gemeenten, organisaties and their teams."""

from auditlog.registry import auditlog
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from django.contrib.auth.models import AbstractUser, Group
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..uploads import valideer_logo


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
    # Set by the beheerder when single sign-on matches accounts on a stable identity (OidcConfig.koppelen_op).
    oidc_subject = models.CharField(
        _("identiteit bij de identity provider"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=_(
            "Alleen nodig als het inloggen met organisatie-account op een vaste identiteit koppelt: de waarde van "
            "die claim voor deze medewerker (bijv. de sub of de oid uit Entra ID)."
        ),
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
    # Norms that are policy, not law (docs/wet-inburgering.md, Deadlines): per gemeente, with defaults.
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


auditlog.register(Gemeente)
auditlog.register(Team)
auditlog.register(Organisatie)
