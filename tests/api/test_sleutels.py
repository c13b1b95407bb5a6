"""Credentials: issued in /beheer/ and shown once, stored as a hash, expiring, revocable; a rate limit per
client; the documentation page under the site's Content-Security-Policy."""

import datetime
import hashlib
import os
import secrets

import redis

from django.core.cache import cache
from django.urls import reverse

from inburgering.models import ApiClient
from tests.conftest import NU, assert_niet_bewaard, vereist

REDIS_URL = os.environ.get("CELERY_BROKER_URL") or "redis://127.0.0.1:6379/14"


def test_a_beheerder_issues_a_token_that_is_shown_once_and_stored_only_as_a_hash(partners, client, api):
    client.force_login(partners.wereld.beheerder)
    response = client.post(
        reverse("admin:inburgering_apiclient_add"),
        {
            "naam": "Leerlingvolgsysteem",
            "team": partners.vwn.pk,
            "geldig_tot_0": "2027-11-23",
            "geldig_tot_1": "10:00:00",
        },
    )

    assert response.status_code == 200, response.content
    assert "no-store" in response["Cache-Control"]
    nieuw = ApiClient.objects.get(naam="Leerlingvolgsysteem")
    sleutel = response.context["sleutel"]
    assert sleutel.startswith(nieuw.sleutel_prefix) and sleutel in response.content.decode()
    assert nieuw.sleutel_hash == hashlib.sha256(sleutel.encode()).hexdigest()
    assert not ApiClient.objects.filter(sleutel_hash=sleutel).exists()
    # The service user sits in the partner's team and cannot log in to the browser pages.
    assert nieuw.gebruiker.groups.filter(pk=partners.vwn.groep_id).exists()
    assert not nieuw.gebruiker.has_usable_password()
    assert api.als(sleutel).get(reverse("api_dossiers")).status_code == 200
    # Opened again, the page shows the client but never the token.
    pagina = client.get(reverse("admin:inburgering_apiclient_change", args=[nieuw.pk]))
    assert pagina.status_code == 200 and sleutel not in pagina.content.decode()


def test_only_a_team_of_a_partner_organisation_gets_a_token(partners, client):
    client.force_login(partners.wereld.beheerder)
    response = client.post(
        reverse("admin:inburgering_apiclient_add"),
        {"naam": "Fout", "team": partners.wereld.kempenplus.pk, "geldig_tot_0": "2027-11-23", "geldig_tot_1": "10:00"},
    )
    assert response.status_code == 200
    assert "team" in response.context["adminform"].form.errors
    assert not ApiClient.objects.filter(naam="Fout").exists()


def test_revoking_in_beheer_stops_the_token_at_once(partners, client, api):
    assert api.als(partners.sleutel).get(reverse("api_dossiers")).status_code == 200
    client.force_login(partners.wereld.beheerder)
    client.post(
        reverse("admin:inburgering_apiclient_changelist"),
        {"action": "intrekken", "_selected_action": [partners.client.pk]},
    )

    partners.client.refresh_from_db()
    assert partners.client.ingetrokken_op == NU
    assert api.get(reverse("api_dossiers")).status_code == 401


def test_a_token_stops_working_when_it_expires(partners, api, klok):
    klok.move_to(partners.client.geldig_tot - datetime.timedelta(seconds=1))
    assert api.als(partners.sleutel).get(reverse("api_dossiers")).status_code == 200
    klok.move_to(partners.client.geldig_tot)
    assert api.get(reverse("api_dossiers")).status_code == 401


def test_the_rate_limit_counts_per_client_and_answers_429_with_retry_after(partners, api, settings):
    settings.API_RATE_LIMIET = "3/min"
    cache.clear()
    antwoorden = [api.als(partners.sleutel).get(reverse("api_dossiers")).status_code for _ in range(4)]
    te_veel = api.get(reverse("api_dossiers"))

    assert antwoorden == [200, 200, 200, 429]
    assert te_veel["Content-Type"] == "application/problem+json"
    assert 0 < int(te_veel["Retry-After"]) <= 60
    # Another client has its own count.
    assert api.als(partners.andere_sleutel).get(reverse("api_dossiers")).status_code == 200


def test_the_rate_limit_holds_across_processes_in_the_shared_redis_cache(partners, api, settings):
    """What production runs (CACHE_URL=redis://...): every web process counts in the same place."""
    try:
        bereikbaar = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        bereikbaar = False
    vereist(bereikbaar, f"Redis is niet bereikbaar op {REDIS_URL}")
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Its own keys per run: nothing of an earlier run, or of the Celery broker, is touched.
            "KEY_PREFIX": f"test-api-{secrets.token_hex(4)}",
        }
    }
    settings.API_RATE_LIMIET = "2/min"
    antwoorden = [api.als(partners.sleutel).get(reverse("api_dossiers")).status_code for _ in range(3)]

    assert antwoorden == [200, 200, 429]
    sleutel = f"{settings.CACHES['default']['KEY_PREFIX']}:1:api-limiet:{partners.client.pk}"
    assert redis.Redis.from_url(REDIS_URL).exists(sleutel)


def test_the_openapi_document_and_its_page_need_no_outside_source(client):
    schema = client.get(reverse("api_schema"), {"format": "json"})
    assert schema.status_code == 200
    assert set(schema.json()["paths"]) >= {"/dossiers", "/uren", "/deelnames"}
    assert schema["API-Version"] == "1.0.0"

    pagina = client.get(reverse("api_docs"))
    html = pagina.content.decode()
    csp = pagina["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<style" not in html and "<script>" not in html  # every script and style is a file of our own
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    start = client.get(reverse("api_docs"), {"script": ""})
    assert start["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in start.content.decode()


def test_the_public_openapi_document_and_page_may_be_kept_an_hour_but_not_when_signed_in(client, wereld):
    for url_name in ["api_schema", "api_docs"]:
        anoniem = client.get(reverse(url_name))
        assert anoniem.status_code == 200
        assert {deel.strip() for deel in anoniem["Cache-Control"].split(",")} == {"public", "max-age=3600"}

    client.force_login(wereld.regisseur)
    ingelogd = client.get(reverse("api_schema"))
    assert_niet_bewaard(ingelogd)
    assert "public" not in ingelogd["Cache-Control"]
