"""Error pages: one Dutch page per status in the app's look, and no status that gives away an object."""

import pytest

from django.test import Client, RequestFactory
from django.urls import include, path, reverse
from django.views.defaults import server_error


def test_a_role_without_the_dossier_page_gets_the_same_404_for_an_existing_and_an_unknown_dossier(client, wereld):
    client.force_login(wereld.begeleider)

    bestaand = client.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk]))
    onbekend = client.get(reverse("inburgering:dossier", args=[999_999]))

    assert bestaand.status_code == onbekend.status_code == 404
    assert "Niet gevonden" in bestaand.content.decode()


def test_a_role_lacking_a_whole_function_gets_the_dutch_403_page(client, wereld):
    client.force_login(wereld.begeleider)

    response = client.get(reverse("inburgering:signalen"))

    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    assert 'class="utrecht-page-header' in response.content.decode()


def test_under_debug_a_hidden_dossier_shows_our_dutch_404_not_djangos_technical_page(client, wereld, settings):
    settings.DEBUG = True
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:dossier", args=[wereld.dossier_eersel.pk]))

    tekst = response.content.decode()
    assert response.status_code == 404
    assert "Niet gevonden" in tekst and "utrecht-page-header" in tekst
    assert "Page not found" not in tekst and "URLconf" not in tekst


def test_the_500_page_is_dutch_and_in_the_apps_look(db):
    response = server_error(RequestFactory().get("/"))

    tekst = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in tekst and "utrecht-page-header" in tekst
    assert "Server Error" not in tekst


def test_under_debug_an_unknown_url_shows_our_dutch_404_and_a_missing_slash_is_still_added(client, db, settings):
    settings.DEBUG = True

    onbekend = client.get("/login/")
    zonder_slash = client.get("/inloggen")

    tekst = onbekend.content.decode()
    assert onbekend.status_code == 404
    assert "Niet gevonden" in tekst and "utrecht-page-header" in tekst
    assert "URLconf" not in tekst
    assert (zonder_slash.status_code, zonder_slash["Location"]) == (301, "/inloggen/")


def kapot(request):
    raise RuntimeError("een fout die niemand verwachtte")


# The application's own URLs plus one view that fails, for the 500 page as a request meets it.
urlpatterns = [path("kapot/", kapot), path("", include("inburgering.urls"))]
handler404 = "inburgering.api.fouten.niet_gevonden"


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize(
    ("status", "verzoek"),
    [
        (404, lambda client: client.get("/bestaat-niet/")),
        (404, lambda client: client.get("/api/v1/bestaat-niet/")),
        (500, lambda client: client.get("/kapot/")),
        (403, lambda client: Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "x"})),
        (400, lambda client: client.get(reverse("login"), headers={"host": "aanvaller.example"})),
    ],
)
def test_every_error_page_carries_the_csp_in_every_mode(client, db, settings, debug, status, verzoek):
    settings.DEBUG = debug
    client.raise_request_exception = False

    response = verzoek(client)

    assert response.status_code == status
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
