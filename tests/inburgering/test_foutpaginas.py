"""Error pages: one Dutch page per status in the app's look, and no status that gives away an object."""

from django.test import RequestFactory
from django.urls import reverse
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
