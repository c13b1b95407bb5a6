"""Single sign-on through the organisation's identity provider (OpenID Connect), at our client boundary: the
provider's token answer and the ID token's verified claims are given; state, nonce, matching, refusals, the
second factor, groups and logout are ours. tests/e2e/test_oidc.py runs the same against a real provider."""

from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import requests
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from inburgering import oidc
from inburgering.models import OidcConfig, OidcGroep
from inburgering.oidc import OidcBackend
from inburgering.rollen import GEZONDHEIDSGEGEVENS, PARTNERSYSTEEM, TEAMLEIDER
from tests.factories import UserFactory

User = get_user_model()


@pytest.fixture
def provider(db):
    return OidcConfig.objects.create(
        actief=True,
        authorization_endpoint="https://idp.gemeente.test/authorize",
        token_endpoint="https://idp.gemeente.test/token",
        jwks_endpoint="https://idp.gemeente.test/jwks",
        end_session_endpoint="https://idp.gemeente.test/logout",
        client_id="inburgering",
        client_secret="geheim",
        scopes="openid email",
    )


@pytest.fixture
def idp(monkeypatch):
    """What the provider answers: the token exchange, and the claims of an ID token whose signature checked out."""
    antwoord = {"claims": {}}
    monkeypatch.setattr(OidcBackend, "get_token", lambda self, payload: {"id_token": "id-token", "access_token": "at"})
    monkeypatch.setattr(
        OidcBackend, "verify_token", lambda self, token, **kwargs: {**antwoord["claims"], "nonce": kwargs.get("nonce")}
    )
    return antwoord


def _via_provider(client, idp, **claims):
    """Start at our login, let the provider answer with these claims, and return the callback's response."""
    idp["claims"] = {"sub": "subject-1", **claims}
    start = client.get(reverse("oidc_start"))
    state = parse_qs(urlparse(start.url).query)["state"][0]
    return client.get(reverse("oidc_callback"), {"code": "de-code", "state": state})


def _ingelogd(client):
    return client.session.get("_auth_user_id")


def test_without_a_provider_the_login_page_has_only_the_password_form(client, db):
    pagina = client.get(reverse("login")).content.decode()
    assert "Inloggen met uw organisatie-account" not in pagina
    assert 'name="password"' in pagina
    assert client.get(reverse("oidc_start")).url == reverse("login")


def test_the_login_page_offers_the_organisation_account_and_keeps_where_to_go(client, provider):
    pagina = client.get(reverse("login"), {"next": "/caseload/"}).content.decode()
    assert f'href="{reverse("oidc_start")}?next=/caseload/"' in pagina
    assert "Inloggen met uw organisatie-account" in pagina


def test_the_start_sends_the_browser_to_the_provider_with_state_nonce_and_pkce(client, provider):
    naar = urlparse(client.get(reverse("oidc_start")).url)
    query = parse_qs(naar.query)
    assert f"{naar.scheme}://{naar.netloc}{naar.path}" == provider.authorization_endpoint
    assert query["client_id"] == ["inburgering"]
    assert query["scope"] == ["openid email"]
    assert query["redirect_uri"] == [f"http://testserver{reverse('oidc_callback')}"]
    assert query["code_challenge_method"] == ["S256"]
    assert query["state"] and query["nonce"]


def test_a_known_employee_is_logged_in_by_e_mail_and_the_login_is_logged(client, wereld, provider, idp):
    response = _via_provider(client, idp, email="SANNE@test.example")

    assert response.status_code == 302
    assert response.url == reverse("inburgering:start")
    assert _ingelogd(client) == str(wereld.regisseur.pk)
    assert client.session[oidc.SESSIE_ID_TOKEN] == "id-token"
    assert AccessLog.objects.filter(username="sanne", path_info=reverse("oidc_callback")).exists()


def test_roles_and_teams_stay_as_the_beheerder_set_them(client, wereld, provider, idp):
    voor = set(wereld.regisseur.groups.all())
    _via_provider(client, idp, email="sanne@test.example", groups=["Functioneel beheerder"])
    assert set(wereld.regisseur.groups.all()) == voor


def test_the_login_returns_to_the_page_asked_for(client, wereld, provider, idp):
    idp["claims"] = {"sub": "s", "email": "sanne@test.example"}
    start = client.get(reverse("oidc_start"), {"next": reverse("inburgering:caseload")})
    state = parse_qs(urlparse(start.url).query)["state"][0]
    response = client.get(reverse("oidc_callback"), {"code": "c", "state": state})
    assert response.url == reverse("inburgering:caseload")


def test_an_unknown_person_gets_a_dutch_page_no_account_and_no_lock_out(client, wereld, provider, idp):
    aantal = User.objects.count()
    for _ in range(6):  # more than the lock-out's limit: town halls share one address
        response = _via_provider(client, idp, email="onbekend@elders.test")

    assert response.status_code == 403
    pagina = response.content.decode()
    assert "U heeft geen account in Inburgering" in pagina
    assert "onbekend@elders.test" in pagina
    assert "Hoofdmenu" not in pagina
    assert not _ingelogd(client)
    assert User.objects.count() == aantal
    assert not AccessAttempt.objects.exists()
    assert AccessFailureLog.objects.filter(username="onbekend@elders.test (onbekend)").count() == 6
    # A known employee from the same address still gets in.
    assert _via_provider(client, idp, email="sanne@test.example").status_code == 302


def test_a_deactivated_account_is_refused(client, wereld, provider, idp):
    User.objects.filter(pk=wereld.collega.pk).update(is_active=False)

    response = _via_provider(client, idp, email="youssef@test.example")

    assert response.status_code == 403
    assert "Uw account in Inburgering is uitgeschakeld" in response.content.decode()
    assert not _ingelogd(client)
    assert AccessFailureLog.objects.filter(username="youssef@test.example (gedeactiveerd)").exists()


def test_an_account_deactivated_during_a_session_is_logged_out(client, wereld, provider, idp):
    _via_provider(client, idp, email="sanne@test.example")
    User.objects.filter(pk=wereld.regisseur.pk).update(is_active=False)
    assert client.get(reverse("inburgering:caseload")).status_code == 302


@pytest.mark.parametrize(
    ("claims", "tekst"),
    [
        ({"email": "sanne@test.example", "email_verified": False}, "Uw e-mailadres is niet bevestigd"),
        ({"name": "Sanne"}, "Uw organisatie gaf niet door wie u bent"),
        ({"email": ["sanne@test.example"]}, "Uw organisatie gaf niet door wie u bent"),
    ],
)
def test_claims_that_identify_nobody_are_refused(client, wereld, provider, idp, claims, tekst):
    response = _via_provider(client, idp, **claims)
    assert response.status_code == 403
    assert tekst in response.content.decode()
    assert not _ingelogd(client)


def test_two_accounts_with_the_same_address_are_refused(client, wereld, provider, idp):
    UserFactory(username="sanne2", email="Sanne@Test.example")
    response = _via_provider(client, idp, email="sanne@test.example")
    assert "Uw account is niet eenduidig te vinden" in response.content.decode()


def test_a_partner_systems_service_user_never_logs_in(client, wereld, provider, idp):
    UserFactory(username="api-1234", email="api@partner.test", rol=PARTNERSYSTEEM)
    assert _via_provider(client, idp, email="api@partner.test").status_code == 403


def test_accounts_can_be_matched_on_a_stable_subject(client, wereld, provider, idp):
    provider.koppelen_op, provider.koppel_claim = OidcConfig.KoppelenOp.SUBJECT, "oid"
    provider.save()
    User.objects.filter(pk=wereld.teamleider.pk).update(oidc_subject="9f1c-oid")

    # The e-mail address is the regisseur's, but the subject decides.
    _via_provider(client, idp, email="sanne@test.example", oid="9f1c-oid")

    assert _ingelogd(client) == str(wereld.teamleider.pk)


def test_accounts_can_be_matched_on_the_user_name(client, wereld, provider, idp):
    provider.koppelen_op, provider.koppel_claim = OidcConfig.KoppelenOp.GEBRUIKERSNAAM, "preferred_username"
    provider.save()
    _via_provider(client, idp, preferred_username="Marieke")
    assert _ingelogd(client) == str(wereld.teamleider.pk)


def test_a_replayed_or_foreign_state_gets_the_expired_page(client, wereld, provider, idp):
    idp["claims"] = {"sub": "s", "email": "sanne@test.example"}
    client.get(reverse("oidc_start"))
    response = client.get(reverse("oidc_callback"), {"code": "c", "state": "niet-van-deze-sessie"})
    assert response.status_code == 403
    assert "Deze inlogpoging is verlopen" in response.content.decode()
    assert not _ingelogd(client)


def test_a_refusal_or_failure_at_the_provider_is_explained(client, provider, idp, monkeypatch):
    response = client.get(reverse("oidc_callback"), {"error": "access_denied", "state": "x"})
    assert "Inloggen bij uw organisatie is niet gelukt" in response.content.decode()

    def onbereikbaar(self, payload):
        raise requests.ConnectionError("provider onbereikbaar")

    monkeypatch.setattr(OidcBackend, "get_token", onbereikbaar)
    response = _via_provider(client, idp, email="sanne@test.example")
    assert response.status_code == 403
    assert "Inloggen bij uw organisatie is niet gelukt" in response.content.decode()


def test_userinfo_about_another_subject_is_refused(client, wereld, provider, idp, monkeypatch):
    provider.userinfo_endpoint = "https://idp.gemeente.test/userinfo"
    provider.save()
    monkeypatch.setattr(
        oidc.OIDCAuthenticationBackend, "get_userinfo", lambda self, *a: {"sub": "iemand-anders", "email": "x@y.test"}
    )
    response = _via_provider(client, idp, email="sanne@test.example")
    assert "Inloggen bij uw organisatie is niet gelukt" in response.content.decode()


@pytest.fixture
def tweefactor_verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


def test_without_the_providers_mfa_the_own_second_factor_still_applies(
    client, wereld, provider, idp, tweefactor_verplicht
):
    _via_provider(client, idp, email="sanne@test.example", amr=["pwd"])
    assert client.get(reverse("inburgering:caseload")).url.startswith(reverse("tweefactor"))


def test_the_providers_mfa_replaces_the_own_second_factor(client, wereld, provider, idp, tweefactor_verplicht):
    _via_provider(client, idp, email="sanne@test.example", amr=["pwd", "mfa"])
    assert client.get(reverse("inburgering:caseload")).status_code == 200


@pytest.mark.parametrize(
    ("claim", "waarden", "claims", "bevestigd"),
    [
        ("amr", "mfa", {"amr": ["pwd", "mfa"]}, True),
        ("amr", "mfa", {"amr": ["pwd"]}, False),
        ("amr", "mfa", {}, False),
        ("amr", "", {"amr": ["mfa"]}, False),
        ("amr", "mfa, hwk", {"amr": ["hwk"]}, True),
        ("acr", "urn:gemeente:loa:substantieel, urn:gemeente:loa:hoog", {"acr": "urn:gemeente:loa:hoog"}, True),
        ("acr", "urn:gemeente:loa:hoog", {"acr": "urn:gemeente:loa:laag"}, False),
        ("acr", "2", {"acr": 2}, False),
        ("", "mfa", {"amr": ["mfa"]}, False),
    ],
)
def test_which_claims_confirm_multi_factor_authentication(claim, waarden, claims, bevestigd):
    assert oidc.mfa_bevestigd(claims, OidcConfig(mfa_claim=claim, mfa_waarden=waarden)) is bevestigd


@pytest.fixture
def groepen(provider):
    provider.groepen_claim = "groups"
    provider.save()
    teamleider = Group.objects.get(name=TEAMLEIDER)
    gezondheid = Group.objects.get(name=GEZONDHEIDSGEGEVENS)
    OidcGroep.objects.create(config=provider, waarde="inburgering-teamleiders", groep=teamleider)
    OidcGroep.objects.create(config=provider, waarde="inburgering-gezondheid", groep=gezondheid)
    return teamleider, gezondheid


def test_a_mapped_group_claim_adds_and_removes_only_the_mapped_groups(client, wereld, provider, idp, groepen):
    teamleider, gezondheid = groepen
    sanne = wereld.regisseur
    sanne.groups.add(gezondheid)
    voor = set(sanne.groups.all())

    _via_provider(client, idp, email="sanne@test.example", groups=["inburgering-teamleiders", "iets-anders"])

    assert set(sanne.groups.all()) == (voor - {gezondheid}) | {teamleider}
    historie = LogEntry.objects.get_for_object(sanne).get()
    assert historie.changes_dict["groepen volgens de identity provider"] == [
        GEZONDHEIDSGEGEVENS,
        TEAMLEIDER,
    ]


def test_a_token_without_the_group_claim_changes_no_group(client, wereld, provider, idp, groepen):
    voor = set(wereld.regisseur.groups.all())
    _via_provider(client, idp, email="sanne@test.example")
    assert set(wereld.regisseur.groups.all()) == voor
    assert not LogEntry.objects.get_for_object(wereld.regisseur).exists()


def test_a_mapped_team_takes_only_its_own_organisations_people(client, wereld, provider, idp, groepen):
    OidcGroep.objects.create(config=provider, waarde="eersel", groep=wereld.team_eersel.groep)
    _via_provider(client, idp, email="sanne@test.example", groups=["eersel"])
    assert not wereld.regisseur.groups.filter(pk=wereld.team_eersel.groep.pk).exists()


def test_logout_ends_the_providers_session_too(client, wereld, provider, idp):
    _via_provider(client, idp, email="sanne@test.example")

    response = client.post(reverse("logout"))

    assert not _ingelogd(client)
    naar = urlparse(response.context["url"])
    query = parse_qs(naar.query)
    assert f"{naar.scheme}://{naar.netloc}{naar.path}" == provider.end_session_endpoint
    assert query == {
        "id_token_hint": ["id-token"],
        "post_logout_redirect_uri": [f"http://testserver{reverse('login')}"],
        "client_id": ["inburgering"],
    }
    assert '<meta http-equiv="refresh"' in response.content.decode()


def test_logout_after_a_password_login_stays_here(client, wereld, provider):
    client.force_login(wereld.regisseur)
    response = client.post(reverse("logout"))
    assert response.url == reverse("login")
    assert not _ingelogd(client)
    assert client.get(reverse("logout")).status_code == 405


def test_password_login_can_be_switched_off(client, wereld, provider, settings):
    settings.INLOGGEN_MET_WACHTWOORD = False

    pagina = client.get(reverse("login")).content.decode()
    response = client.post(reverse("login"), {"username": "sanne", "password": "geheim-wachtwoord"})

    assert 'name="password"' not in pagina
    assert "Inloggen met uw organisatie-account" in pagina
    assert not _ingelogd(client)
    assert response.status_code == 200


def test_with_password_login_off_and_no_provider_the_page_says_so(client, db, settings):
    settings.INLOGGEN_MET_WACHTWOORD = False
    assert "Inloggen is nog niet ingericht" in client.get(reverse("login")).content.decode()


# The provider's settings in /beheer/.


def _beheerformulier(**velden):
    return {
        "actief": "on",
        "discovery_url": "",
        "client_id": "inburgering",
        "client_secret": "",
        "scopes": "openid email",
        "algoritme": "RS256",
        "authorization_endpoint": "",
        "token_endpoint": "",
        "userinfo_endpoint": "",
        "jwks_endpoint": "",
        "end_session_endpoint": "",
        "koppelen_op": "email",
        "koppel_claim": "email",
        "mfa_claim": "amr",
        "mfa_waarden": "mfa",
        "groepen_claim": "",
        "groepen-TOTAL_FORMS": "0",
        "groepen-INITIAL_FORMS": "0",
        **velden,
    }


def test_the_applicatiebeheerder_sets_up_the_provider_from_its_discovery_url(client, wereld, monkeypatch):
    document = {
        "issuer": "https://idp.gemeente.test",
        "authorization_endpoint": "https://idp.gemeente.test/authorize",
        "token_endpoint": "https://idp.gemeente.test/token",
        "userinfo_endpoint": "https://idp.gemeente.test/userinfo",
        "jwks_uri": "https://idp.gemeente.test/jwks",
        "end_session_endpoint": "https://idp.gemeente.test/logout",
    }
    gevraagd = []

    def discovery(url, **kwargs):
        gevraagd.append(url)
        return httpx.Response(200, json=document, request=httpx.Request("GET", url))

    monkeypatch.setattr(oidc.httpx, "get", discovery)
    client.force_login(wereld.applicatiebeheerder)
    url = "https://idp.gemeente.test/.well-known/openid-configuration"

    assert client.get(reverse("admin:inburgering_oidcconfig_changelist")).url == reverse(
        "admin:inburgering_oidcconfig_add"
    )
    response = client.post(
        reverse("admin:inburgering_oidcconfig_add"), _beheerformulier(discovery_url=url, client_secret="geheim")
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    config = OidcConfig.huidige()
    assert gevraagd == [url]
    assert (config.jwks_endpoint, config.end_session_endpoint) == (
        document["jwks_uri"],
        document["end_session_endpoint"],
    )
    assert config.bruikbaar
    # The secret is never shown again, and left empty it stays.
    pagina = client.get(reverse("admin:inburgering_oidcconfig_change", args=[1])).content.decode()
    assert "geheim" not in pagina
    assert "/inloggen/organisatie/callback/" in pagina
    # The group table offers roles, teams and Gezondheidsgegevens, never the partner systems' role.
    assert GEZONDHEIDSGEGEVENS in pagina
    assert PARTNERSYSTEEM not in pagina
    client.post(reverse("admin:inburgering_oidcconfig_change", args=[1]), _beheerformulier(discovery_url=url))
    assert OidcConfig.huidige().client_secret == "geheim"


def test_switching_on_needs_the_endpoints_and_the_client(client, wereld):
    client.force_login(wereld.applicatiebeheerder)
    response = client.post(reverse("admin:inburgering_oidcconfig_add"), _beheerformulier(client_id=""))
    fouten = response.context["adminform"].form.errors
    assert set(fouten) == {"authorization_endpoint", "token_endpoint", "jwks_endpoint", "client_id", "client_secret"}
    assert not OidcConfig.objects.exists()


def test_an_unusable_discovery_url_is_explained(client, wereld, monkeypatch):
    def kapot(url, **kwargs):
        raise httpx.ConnectError("geen verbinding")

    monkeypatch.setattr(oidc.httpx, "get", kapot)
    client.force_login(wereld.applicatiebeheerder)
    response = client.post(
        reverse("admin:inburgering_oidcconfig_add"),
        _beheerformulier(discovery_url="https://idp.gemeente.test/.well-known/openid-configuration"),
    )
    assert "De discovery-URL gaf geen bruikbaar antwoord" in str(response.context["adminform"].form.errors)
