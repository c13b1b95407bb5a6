"""The brede intake as steps: a page per step, a panel listing every step with its state, next after save."""

import re

import pytest

from django.urls import reverse

from intake import services
from intake.leefgebieden import PER_SLUG

pytestmark = pytest.mark.django_db

STAPPEN = [
    "gesprekken",
    "leerbaarheidstoets",
    "opleiding",
    "werkervaring",
    "taal",
    "gezondheid",
    "financien",
    "huisvesting",
    "gezin",
    "sociaal-netwerk",
    "motivatie",
    "mobiliteit",
    "zelfredzaamheid",
    "advies",
    "niet-verschenen",
]


@pytest.fixture
def ingelogd(client, regisseur):
    client.force_login(regisseur)
    return client


def _stap(dossier, slug):
    return reverse("intake:intake_stap", args=[dossier.pk, slug])


def _paneel(html):
    return re.search(r'<div id="voortgang".*?</ol>', html, re.S).group(0)


def test_the_panel_links_every_step_with_its_state_and_marks_the_current_one(ingelogd, wereld, regisseur, intake):
    dossier = wereld.dossier_bladel
    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=PER_SLUG["opleiding"], gegevens={"score": 4})

    paneel = _paneel(ingelogd.get(_stap(dossier, "werkervaring")).content.decode())

    assert re.findall(r'href="([^"]+)"', paneel) == [_stap(dossier, slug) for slug in STAPPEN]
    assert re.findall(r'aria-current="step">([^<]+)<', paneel) == ["Werkervaring"]
    opleiding = re.search(r">Opleiding</a>.*?</li>", paneel, re.S).group(0)
    werkervaring = re.search(r">Werkervaring</a>.*?</li>", paneel, re.S).group(0)
    assert "app-status--klaar" in opleiding
    assert "nog open" in werkervaring


def test_the_intake_opens_at_the_first_step_still_open(ingelogd, wereld, regisseur, intake):
    dossier = wereld.dossier_bladel
    assert ingelogd.get(reverse("intake:intake", args=[dossier.pk])).context["stap"] == "gesprekken"

    services.leg_gesprek_vast(door=regisseur, intake=intake, gegevens={"datum": intake.gestart_op, "plaats": "thuis"})

    response = ingelogd.get(reverse("intake:intake", args=[dossier.pk]))
    assert response.context["stap"] == "leerbaarheidstoets"
    html = response.content.decode()
    assert '<section id="leerbaarheidstoets"' in html
    assert '<section id="opleiding"' not in html  # one step per page
    assert f'href="{_stap(dossier, "opleiding")}" rel="next"' in html
    assert f'href="{_stap(dossier, "gesprekken")}" rel="prev"' in html


def test_saving_a_step_without_javascript_goes_on_to_the_next_one(ingelogd, wereld, intake):
    dossier = wereld.dossier_bladel
    response = ingelogd.post(
        reverse("intake:intake_leefgebied", args=[dossier.pk, "opleiding"]), {"opleiding-score": "4"}, follow=True
    )

    assert response.redirect_chain == [(_stap(dossier, "werkervaring"), 302)]
    assert "Opgeslagen." in response.content.decode()


def test_a_gesprek_saved_without_javascript_stays_on_its_step_to_add_another(ingelogd, wereld, intake):
    dossier = wereld.dossier_bladel
    response = ingelogd.post(
        reverse("intake:intake_gesprek", args=[dossier.pk]),
        {"gesprek-datum": "2026-11-02", "gesprek-plaats": "thuis"},
    )

    assert response.url == _stap(dossier, "gesprekken")


def test_a_step_saved_with_htmx_offers_the_next_step(ingelogd, wereld, intake):
    dossier = wereld.dossier_bladel
    html = ingelogd.post(
        reverse("intake:intake_leerbaarheidstoets", args=[dossier.pk]),
        {
            "lbt-resultaat": "B1-route haalbaar",
            "lbt-datum_afname": "2026-11-10",
            "lbt-behaalde_score": "61,50",
            "lbt-benodigde_score": "55,00",
        },
        HTTP_HX_REQUEST="true",
    ).content.decode()

    assert "Opgeslagen." in html
    assert f'<a class="utrecht-link" href="{_stap(dossier, "opleiding")}">Volgende stap: Opleiding' in html


def test_an_error_keeps_the_regisseur_on_the_step_with_what_was_typed(ingelogd, wereld, intake):
    dossier = wereld.dossier_bladel
    response = ingelogd.post(
        reverse("intake:intake_leefgebied", args=[dossier.pk, "gezin"]),
        {"gezin-score": "4", "gezin-jonge_kinderen": "-1"},
    )

    assert response.status_code == 200
    assert response.context["stap"] == "gezin"
    assert 'aria-current="step">Gezin en kinderopvang<' in response.content.decode()


def test_an_unknown_step_is_not_found(ingelogd, wereld, intake):
    assert ingelogd.get(_stap(wereld.dossier_bladel, "onbekend")).status_code == 404
