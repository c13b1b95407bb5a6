"""Single sign-on for employees: the organisation's own identity provider (OpenID Connect), set in /beheer/.

One row holds the provider and how its claims are read; the login itself is mozilla-django-oidc's
(inburgering.oidc). Accounts, roles and teams stay the beheerder's: the provider only says who someone is,
and which groups it names counts only for the groups mapped here (OidcGroep).
"""

from auditlog.registry import auditlog

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class OidcConfig(models.Model):
    """The one provider configuration (pk 1): `OidcConfig.huidige()` reads it."""

    class KoppelenOp(models.TextChoices):
        EMAIL = "email", _("E-mailadres van het account")
        GEBRUIKERSNAAM = "gebruikersnaam", _("Gebruikersnaam van het account")
        SUBJECT = "subject", _("Identiteit bij de identity provider (veld op het account)")

    class Algoritme(models.TextChoices):
        RS256 = "RS256", "RS256"
        RS384 = "RS384", "RS384"
        RS512 = "RS512", "RS512"
        ES256 = "ES256", "ES256"
        ES384 = "ES384", "ES384"
        ES512 = "ES512", "ES512"
        HS256 = "HS256", _("HS256 (ondertekend met het client secret)")

    actief = models.BooleanField(
        _("inloggen met organisatie-account aan"),
        default=False,
        help_text=_("Aan: de inlogpagina toont de knop 'Inloggen met uw organisatie-account'."),
    )
    discovery_url = models.URLField(
        _("discovery-URL"),
        max_length=500,
        blank=True,
        help_text=_(
            "Het adres van de configuratie van de provider, eindigend op /.well-known/openid-configuration. "
            "Bij opslaan worden de endpoints hieronder daaruit ingevuld."
        ),
    )
    authorization_endpoint = models.URLField(_("authorization endpoint"), max_length=500, blank=True)
    token_endpoint = models.URLField(_("token endpoint"), max_length=500, blank=True)
    userinfo_endpoint = models.URLField(
        _("userinfo endpoint"),
        max_length=500,
        blank=True,
        help_text=_("Leeg: alleen de claims uit het ID-token worden gelezen."),
    )
    jwks_endpoint = models.URLField(
        _("JWKS endpoint"), max_length=500, blank=True, help_text=_("De publieke sleutels van de provider.")
    )
    end_session_endpoint = models.URLField(
        _("end session endpoint"),
        max_length=500,
        blank=True,
        help_text=_("Leeg: uitloggen beëindigt alleen de sessie in Inburgering, niet die bij de provider."),
    )
    client_id = models.CharField(_("client-ID"), max_length=255, blank=True)
    client_secret = models.CharField(_("client secret"), max_length=500, blank=True)
    algoritme = models.CharField(
        _("ondertekening van het ID-token"), max_length=5, choices=Algoritme, default=Algoritme.RS256
    )
    scopes = models.CharField(
        _("scopes"),
        max_length=255,
        default="openid email profile",
        help_text=_("Gescheiden door spaties; openid hoort erbij."),
    )
    koppelen_op = models.CharField(
        _("account zoeken op"),
        max_length=20,
        choices=KoppelenOp,
        default=KoppelenOp.EMAIL,
        help_text=_(
            "Met welk gegeven van het account de waarde uit de claim hieronder wordt vergeleken. Er wordt nooit "
            "een account aangemaakt: wie geen account heeft, krijgt een pagina die dat uitlegt."
        ),
    )
    koppel_claim = models.CharField(
        _("claim met de identiteit"),
        max_length=100,
        default="email",
        help_text=_("Bijvoorbeeld email, preferred_username, upn, of een vaste identiteit als sub of oid (Entra ID)."),
    )
    mfa_claim = models.CharField(
        _("claim met de inlogmethode"),
        max_length=100,
        default="amr",
        blank=True,
        help_text=_("Meestal amr (een lijst van methoden) of acr (een niveau)."),
    )
    mfa_waarden = models.CharField(
        _("waarden die meerfactorauthenticatie bevestigen"),
        max_length=500,
        default="mfa",
        blank=True,
        help_text=_(
            "Gescheiden door komma's. Bevat de claim een van deze waarden, dan vraagt Inburgering niet nog eens "
            "een code uit de authenticator-app. Leeg: altijd de eigen tweede stap."
        ),
    )
    groepen_claim = models.CharField(
        _("claim met groepen"),
        max_length=100,
        blank=True,
        help_text=_(
            "Leeg: rollen, teams en het recht Gezondheidsgegevens worden alleen hier in beheer toegekend. "
            "Ingevuld: bij elke login volgen alleen de groepen in de tabel hieronder deze claim."
        ),
    )

    class Meta:
        verbose_name = _("inloggen met organisatie-account (OpenID Connect)")
        verbose_name_plural = _("inloggen met organisatie-account (OpenID Connect)")

    def __str__(self):
        return str(_("Inloggen met organisatie-account"))

    def save(self, *args, **kwargs):
        self.pk = 1  # one provider per installation
        super().save(*args, **kwargs)

    @classmethod
    def huidige(cls) -> "OidcConfig":
        """The saved configuration, or an inactive one when the beheerder has not set it up yet."""
        return cls.objects.filter(pk=1).first() or cls()

    @property
    def bruikbaar(self) -> bool:
        """Switched on and complete enough to send someone to the provider."""
        return self.actief and all(
            [self.authorization_endpoint, self.token_endpoint, self.jwks_endpoint or self.algoritme == "HS256"]
        )

    @property
    def mfa_waarden_lijst(self) -> list[str]:
        return [waarde.strip() for waarde in self.mfa_waarden.split(",") if waarde.strip()]


class OidcGroep(models.Model):
    """A value of the groups claim that puts someone in a group (a role, a team, Gezondheidsgegevens)."""

    config = models.ForeignKey(OidcConfig, on_delete=models.CASCADE, related_name="groepen")
    waarde = models.CharField(
        _("waarde in de claim"), max_length=255, help_text=_("Bijvoorbeeld de naam of het ID van de groep.")
    )
    groep = models.ForeignKey(
        Group,
        verbose_name=_("groep in Inburgering"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Een rol, een team of Gezondheidsgegevens."),
    )

    class Meta:
        verbose_name = _("groep uit de claim")
        verbose_name_plural = _("groepen uit de claim")
        constraints = [models.UniqueConstraint(fields=["config", "waarde", "groep"], name="oidc_groep_uniek")]

    def __str__(self):
        return f"{self.waarde} → {self.groep}"


# Who changed the provider or the mapping, and when; the secret itself stays out of the history.
auditlog.register(OidcConfig, exclude_fields=["client_secret"])
auditlog.register(OidcGroep)
