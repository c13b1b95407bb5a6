"""DUO's notifications, the partner API and the health check take the lean machine stack
(inburgering.machineverkeer): no session, CSRF, messages or login throttling, but the security headers,
API-Version, no-store and problem+json errors all the same. The pages keep the full stack."""

import ipaddress
import json
import uuid

import pytest
from auditlog.models import LogEntry

from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from inburgering.api.fouten import PROBLEEM_TYPE
from inburgering.duo.models import Notificatie
from inburgering.machineverkeer import MachineVerkeer, machine_middleware
from tests.api.conftest import api, partners  # noqa: F401  (fixtures)
from tests.conftest import assert_niet_bewaard

DUO_OIN = "00000001800866472000"


@pytest.fixture
def duo(wereld, settings):
    """DUO's TLS terminator is the test client's address."""
    settings.DUO_OIN = DUO_OIN
    settings.DUO_CERTIFICAAT_HEADER = "X-SSL-Client-S-DN"
    settings.DUO_PROXY_ADRESSEN = [ipaddress.ip_network("127.0.0.1/32")]
    return wereld


def _notificatie(client, gemeente, body=None):
    inhoud = {"gebeurtenisId": "SS101", "bsn": "111222333", "registratieDatumTijd": "2026-11-20T09:15:00+01:00"}
    headers = {
        "bron": DUO_OIN,
        "doel": gemeente.oin,
        "berichtId": str(uuid.uuid4()),
        "X-SSL-Client-S-DN": f"CN=DUO,serialNumber={DUO_OIN}",
    }
    return client.post(
        reverse("duo_notificaties"), body or json.dumps(inhoud), content_type="application/json", headers=headers
    )


def _beveiligd(response):
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def _zonder_browserstack(response):
    """Nothing of a browser's session was read, renewed or set: no cookie, no session, no CSRF, no htmx."""
    assert not response.cookies, response.cookies
    verzoek = response.wsgi_request
    for attribuut in ("session", "_messages", "htmx", "csrf_processing_done"):
        assert not hasattr(verzoek, attribuut), attribuut
    assert "CSRF_COOKIE" not in verzoek.META


def test_a_duo_notification_reads_no_session_even_beside_a_signed_in_browsers_cookie(client, duo):
    client.force_login(duo.regisseur)  # a session cookie on the request: the full stack would renew it
    sessie = Session.objects.get()

    response = _notificatie(client, duo.bladel)

    assert response.status_code == 201
    assert Notificatie.objects.filter(gemeente=duo.bladel).count() == 1
    _zonder_browserstack(response)
    assert not hasattr(response.wsgi_request, "user")
    assert Session.objects.get().expire_date == sessie.expire_date
    assert response["API-Version"] == "1.8.0"
    _beveiligd(response)


def test_the_duo_endpoint_answers_an_oversized_notification_as_problem_json(client, duo):
    response = _notificatie(client, duo.bladel, body=b"{" + b" " * 20_000 + b"}")

    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEEM_TYPE
    _zonder_browserstack(response)
    _beveiligd(response)


def test_a_partner_api_call_is_no_session_but_keeps_its_headers_and_user(partners, api):  # noqa: F811
    response = api.als(partners.sleutel).get(reverse("api_dossiers"))

    assert response.status_code == 200
    _zonder_browserstack(response)
    assert response.wsgi_request.user == partners.client.gebruiker  # set by DRF from the token
    assert response["API-Version"] == "1.0.0"
    assert_niet_bewaard(response)
    _beveiligd(response)


def test_the_api_answers_problem_json_for_an_unknown_url_and_a_body_over_the_limit(partners, api, settings):  # noqa: F811
    onbekend = api.als(partners.sleutel).get("/api/v1/bestaat-niet")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    te_groot = api.post(reverse("api_meldingen"), {"tekst": "x" * 2000})

    for response, status in ((onbekend, 404), (te_groot, 413)):
        assert response.status_code == status
        assert response["Content-Type"] == PROBLEEM_TYPE
        assert response.json()["status"] == status
        assert response["API-Version"] == "1.0.0"
        _zonder_browserstack(response)
        _beveiligd(response)


def test_what_a_partner_changes_through_the_api_is_logged_with_its_service_user_as_actor(partners, api):  # noqa: F811
    dossier = partners.wereld.dossier_bladel
    regel = {"dossier": dossier.pk, "periode_van": "2026-11-16", "periode_tot": "2026-11-20", "lesuren": 8}

    response = api.als(partners.sleutel).post(reverse("api_deelnames"), {"regels": [regel]})

    assert response.status_code == 201
    [wijziging] = [
        entry
        for entry in LogEntry.objects.get_for_object(dossier).filter(action=LogEntry.Action.UPDATE)
        if "lesuren_gevolgd" in entry.changes_dict
    ]
    assert wijziging.changes_dict["lesuren_gevolgd"] == ["0", "8"]
    assert wijziging.actor == partners.client.gebruiker
    assert wijziging.remote_addr == "127.0.0.1"


def test_the_public_api_document_is_not_kept_when_a_browser_brings_its_session(client, wereld):
    client.force_login(wereld.regisseur)

    response = client.get(reverse("api_schema"))

    assert response.status_code == 200
    _zonder_browserstack(response)
    assert_niet_bewaard(response)


def test_the_health_check_reads_no_session(client, wereld, settings):
    settings.CELERY_BROKER_URL = ""
    client.force_login(wereld.regisseur)

    response = client.get(reverse("health"))

    assert response.status_code == 200
    _zonder_browserstack(response)
    _beveiligd(response)


def test_pages_keep_the_full_stack(client, wereld):
    inloggen = client.get(reverse("login"))
    assert "csrftoken" in inloggen.cookies  # the form's CSRF cookie
    assert hasattr(inloggen.wsgi_request, "session") and hasattr(inloggen.wsgi_request, "htmx")
    # A form posted without its token is refused.
    assert Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"}).status_code == 403

    client.force_login(wereld.regisseur)
    pagina = client.get(reverse("inburgering:caseload"))
    assert pagina.status_code == 200
    assert "sessionid" in pagina.cookies  # renewed on every request: 30 minutes from now
    assert pagina.wsgi_request.user == wereld.regisseur


def test_the_machine_stack_keeps_the_safeguards_and_drops_what_serves_a_browser():
    stapel = machine_middleware()

    assert stapel == [
        "django.middleware.security.SecurityMiddleware",
        "inburgering.middleware.CSPMiddleware",
        "inburgering.api.middleware.ApiVersieMiddleware",
        "django.middleware.locale.LocaleMiddleware",
        "django.middleware.common.CommonMiddleware",
        "inburgering.middleware.GeenCacheMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
        "inburgering.middleware.NietGevondenMiddleware",
        "inburgering.middleware.AuditlogMiddleware",
    ]


def test_a_misplaced_or_misspelt_machine_stack_stops_the_start(settings):
    settings.MIDDLEWARE_ALLEEN_BROWSERS = [*settings.MIDDLEWARE_ALLEEN_BROWSERS, "django.middleware.csrf.Csrf"]
    with pytest.raises(ImproperlyConfigured, match="niet in MIDDLEWARE"):
        MachineVerkeer(lambda request: None)

    settings.MIDDLEWARE = [*settings.MIDDLEWARE[1:], settings.MIDDLEWARE[0]]
    with pytest.raises(ImproperlyConfigured, match="eerste middleware"):
        MachineVerkeer(lambda request: None)
