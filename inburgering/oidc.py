"""Single sign-on for employees through their organisation's own identity provider (OpenID Connect).

mozilla-django-oidc does the protocol: state, nonce and PKCE, the token exchange, the ID token's signature
against the provider's keys. This module reads the provider's settings from /beheer/ (OidcConfig), finds the
account the beheerder made (never creates one), refuses everyone else with a reason, lets only the groups the
beheerder mapped follow the token, and decides whether the provider's login counts as the second factor.
The pages (start, callback, logout) are in inburgering.account.
"""

import logging
from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
import jwt
import requests
from auditlog.models import LogEntry
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessFailureLog
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import OidcConfig
from .rollen import PARTNERSYSTEEM

log = logging.getLogger(__name__)

# In the session: the provider confirmed a second factor (TweeFactorMiddleware then asks none), and the
# ID token, which the provider wants back when Inburgering asks it to end its session too.
SESSIE_MFA = "oidc_mfa"
SESSIE_ID_TOKEN = "oidc_id_token"  # noqa: S105 (a session key, not a secret)

# mozilla-django-oidc's settings that come from /beheer/; the rest are fixed in settings.py.
_UIT_BEHEER = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_endpoint",
    "OIDC_RP_CLIENT_ID": "client_id",
    "OIDC_RP_CLIENT_SECRET": "client_secret",
    "OIDC_RP_SIGN_ALGO": "algoritme",
    "OIDC_RP_SCOPES": "scopes",
}

# The account field each way of matching compares the claim's value with.
_ZOEK_OP = {
    OidcConfig.KoppelenOp.EMAIL: "email__iexact",
    OidcConfig.KoppelenOp.GEBRUIKERSNAAM: "username__iexact",
    OidcConfig.KoppelenOp.SUBJECT: "oidc_subject",
}


class BeheerInstellingen:
    """mozilla-django-oidc asks for its OIDC_* settings through get_settings: the provider's are in /beheer/."""

    _config = None

    @property
    def config(self) -> OidcConfig:
        if self._config is None:
            self._config = OidcConfig.huidige()
        return self._config

    def get_settings(self, attr, *args):
        if attr in _UIT_BEHEER:
            # The library reads an absent endpoint or key as None, not as an empty string.
            return getattr(self.config, _UIT_BEHEER[attr]) or None
        return import_from_settings(attr, *args)


@dataclass(frozen=True)
class Weigering:
    """Why the callback logs nobody in; `identiteit` is the claim's value, shown to the person and the beheerder."""

    reden: str
    identiteit: str = ""


def weiger(request, reden: str, identiteit: str = "") -> None:
    """Note why on the request for the callback's page; returns None, what a backend returns for nobody."""
    request.oidc_weigering = Weigering(reden, identiteit)


class OidcBackend(BeheerInstellingen, OIDCAuthenticationBackend):
    """Logs in the account that matches the provider's claims, only on the callback page."""

    def __init__(self, *args, **kwargs):
        # Django builds a backend for every login attempt and, for the sessions this one started, on every
        # request: the provider's settings are read only when the provider's answer arrives (authenticate).
        self.UserModel = get_user_model()

    # Mozilla's get_user would keep a deactivated account's open session alive; Django's own ends it.
    get_user = ModelBackend.get_user

    def authenticate(self, request, **kwargs):
        if (
            request is None
            or "username" in kwargs
            or request.path != reverse(settings.OIDC_AUTHENTICATION_CALLBACK_URL)
        ):
            return None
        if not self.config.bruikbaar:
            return None
        OIDCAuthenticationBackend.__init__(self)  # now the provider's settings, through get_settings
        try:
            return super().authenticate(request, **kwargs)
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError) as fout:
            log.warning("OIDC: het antwoord van de provider is niet bruikbaar: %s", fout)
            weiger(request, "provider")
            return None

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, with the userinfo endpoint's where the provider has one. Both must be about
        the same subject; the signed ID token wins where they differ."""
        if not self.OIDC_OP_USER_ENDPOINT:
            return dict(payload)
        info = super().get_userinfo(access_token, id_token, payload)
        if info.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("userinfo gaat over een ander subject dan het ID-token")
        return {**info, **payload}

    def filter_users_by_claims(self, claims):
        waarde = claim_tekst(claims.get(self.config.koppel_claim))
        # A partner system's service user is not a person and never logs in through the browser pages.
        return self.UserModel.objects.filter(**{_ZOEK_OP[self.config.koppelen_op]: waarde}).exclude(
            groups__name=PARTNERSYSTEEM
        )

    def get_or_create_user(self, access_token, id_token, payload):
        """The one active account the beheerder made for these claims, or None with the reason on the request."""
        try:
            claims = self.get_userinfo(access_token, id_token, payload)
        except SuspiciousOperation as fout:
            log.warning("OIDC: de claims van de provider zijn niet bruikbaar: %s", fout)
            return weiger(self.request, "provider")
        config = self.config
        identiteit = claim_tekst(claims.get(config.koppel_claim))
        if not identiteit:
            return weiger(self.request, "geen_identiteit")
        if config.koppel_claim == "email" and claims.get("email_verified") is False:
            return weiger(self.request, "niet_bevestigd", identiteit)
        gevonden = list(self.filter_users_by_claims(claims)[:2])
        if not gevonden:
            return weiger(self.request, "onbekend", identiteit)
        if len(gevonden) > 1:
            return weiger(self.request, "dubbel", identiteit)
        user = gevonden[0]
        if not user.is_active:
            return weiger(self.request, "gedeactiveerd", identiteit)
        volg_groepen(user, claims, config)
        # The callback puts these in the session once it has logged the user in (a login may start a new one).
        user.oidc_sessie = {SESSIE_ID_TOKEN: id_token, SESSIE_MFA: mfa_bevestigd(claims, config)}
        return user


class WachtwoordBackend(ModelBackend):
    """User name and password, unless INLOGGEN_MET_WACHTWOORD switched them off (single sign-on only).
    Permissions come from here either way."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.INLOGGEN_MET_WACHTWOORD:
            return None
        return super().authenticate(request, username, password, **kwargs)


def claim_tekst(waarde) -> str:
    """A claim's value as text to match on; a list or an object identifies nobody."""
    if isinstance(waarde, str):
        return waarde.strip()
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return str(waarde)
    return ""


def _claim_lijst(claims: dict, naam: str) -> list[str] | None:
    """A claim that holds a list (amr, groups) or one value (acr) as a list of texts; None when the claim is
    not configured, absent or of another shape."""
    waarde = claims.get(naam) if naam else None
    if isinstance(waarde, str):
        waarde = [waarde]
    return [str(w) for w in waarde] if isinstance(waarde, list) else None


def mfa_bevestigd(claims: dict, config: OidcConfig) -> bool:
    """Whether the provider says it asked for more than one factor: the configured claim (a list such as amr,
    or one value such as acr) holds one of the configured values."""
    return bool(set(config.mfa_waarden_lijst) & set(_claim_lijst(claims, config.mfa_claim) or ()))


@transaction.atomic
def volg_groepen(user, claims: dict, config: OidcConfig) -> None:
    """Only the groups the beheerder mapped follow the groups claim; every other group stays as set in /beheer/.
    A token without the claim changes nothing: Entra ID, for one, leaves it out for someone in many groups."""
    genoemd = _claim_lijst(claims, config.groepen_claim)
    if genoemd is None:
        return
    koppelingen = list(config.groepen.select_related("groep__team"))
    beheerd = {koppeling.groep for koppeling in koppelingen}
    gewenst = {koppeling.groep for koppeling in koppelingen if koppeling.waarde in genoemd}
    # A team takes only its own organisatie's people, as the team page in /beheer/ demands.
    gewenst = {groep for groep in gewenst if _mag_in_groep(user, groep)}
    huidig = set(user.groups.filter(pk__in=[groep.pk for groep in beheerd]))
    erbij, eraf = gewenst - huidig, huidig - gewenst
    if not erbij and not eraf:
        return
    user.groups.add(*erbij)
    user.groups.remove(*eraf)
    LogEntry.objects.log_create(
        user,
        action=LogEntry.Action.UPDATE,
        changes={_("groepen volgens de identity provider"): [_namen(huidig), _namen(gewenst)]},
        force_log=True,
    )
    log.info("OIDC: groepen van gebruiker %s gevolgd: %d erbij, %d eraf", user.pk, len(erbij), len(eraf))


def _mag_in_groep(user, groep) -> bool:
    team = getattr(groep, "team", None)
    if team is not None and team.organisatie_id != user.organisatie_id:
        log.warning("OIDC: gebruiker %s niet in team %s gezet: een andere organisatie", user.pk, team.pk)
        return False
    return True


def _namen(groepen) -> str:
    return ", ".join(sorted(groep.name for groep in groepen)) or "-"


def axes_vrijstelling(request, credentials) -> bool:
    """django-axes's lock-out guards passwords against guessing. The provider's answer is no guess, and its
    refusals counted per address would lock a whole town hall (one address behind its proxy) out of single
    sign-on: they go to the failure log instead (log_weigering)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == settings.OIDC_AUTHENTICATION_CALLBACK_URL


def log_weigering(request, weigering: Weigering) -> None:
    """Where the beheerder sees refused logins: django-axes's failure log in /beheer/, beside its access log
    of every login. The user name column holds who the provider said it was, and why it was refused."""
    AxesProxyHandler.update_request(request)
    AccessFailureLog.objects.create(
        username=f"{weigering.identiteit or '-'} ({weigering.reden})"[:255],
        ip_address=request.axes_ip_address,
        user_agent=request.axes_user_agent,
        http_accept=request.axes_http_accept,
        path_info=request.axes_path_info,
        locked_out=False,
    )
    log.warning("OIDC: inloggen geweigerd (%s)", weigering.reden)


def uitlog_url(request) -> str | None:
    """Where to end the provider's session too (RP-initiated logout), for a session it started; None when the
    provider has no end_session endpoint."""
    id_token = request.session.get(SESSIE_ID_TOKEN)
    if not id_token:
        return None
    config = OidcConfig.huidige()
    if not config.end_session_endpoint:
        return None
    terug = request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL))
    query = urlencode({"id_token_hint": id_token, "post_logout_redirect_uri": terug, "client_id": config.client_id})
    scheiding = "&" if "?" in config.end_session_endpoint else "?"
    return f"{config.end_session_endpoint}{scheiding}{query}"


# What a discovery document names each endpoint, and the field of OidcConfig it goes into.
_DISCOVERY = {
    "authorization_endpoint": "authorization_endpoint",
    "token_endpoint": "token_endpoint",
    "userinfo_endpoint": "userinfo_endpoint",
    "jwks_uri": "jwks_endpoint",
    "end_session_endpoint": "end_session_endpoint",
}


def lees_discovery(url: str) -> dict[str, str]:
    """The provider's endpoints from its discovery document, by OidcConfig field; ValueError in Dutch if unusable."""
    try:
        antwoord = httpx.get(url, timeout=settings.OIDC_TIMEOUT, headers={"Accept": "application/json"})
        antwoord.raise_for_status()
        document = antwoord.json()
    except (httpx.HTTPError, ValueError) as fout:
        raise ValueError(_("De discovery-URL gaf geen bruikbaar antwoord: %(fout)s") % {"fout": fout}) from fout
    if not isinstance(document, dict) or not all(
        document.get(naam) for naam in ("authorization_endpoint", "token_endpoint")
    ):
        raise ValueError(_("Dit is geen OpenID Connect-configuratie: de endpoints ontbreken."))
    return {veld: str(document.get(naam) or "") for naam, veld in _DISCOVERY.items()}
