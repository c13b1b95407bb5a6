"""The API refuses what it cannot mean, as problem+json naming the field: JSON nested too deep, a body
over the limit (413), ids that are no whole number, digits other than 0-9, and dates no plan can have."""

import json

import pytest

from django.urls import reverse

from leerroutes.models import Deelname, Examen
from ontzorgen.models import Melding, Urenregistratie

from .test_schrijven import _deelname_regel, _uren_regel

POST_URLS = ["api_uren", "api_deelnames", "api_examenresultaten", "api_meldingen"]


def _probleem(response, status):
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def _velden(response):
    return {f["name"]: f["code"] for f in _probleem(response, 400)["invalid-params"]}


def _post_raw(client, partners, url, body: bytes):
    return client.post(url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {partners.sleutel}")


@pytest.mark.parametrize("naam", POST_URLS)
def test_json_nested_a_thousand_deep_is_a_400_problem_on_every_post(partners, client, naam):
    body = ("[" * 1000 + "]" * 1000).encode()  # 2 KB

    probleem = _probleem(_post_raw(client, partners, reverse(naam), body), 400)

    assert "diep" in probleem["detail"]


def test_json_nested_within_the_limit_is_read_as_usual(partners, client):
    body = json.dumps({"dossier": [[[[[[1]]]]]]}).encode()

    assert "dossier" in _velden(_post_raw(client, partners, reverse("api_meldingen"), body))


@pytest.mark.parametrize("naam", POST_URLS)
def test_a_body_over_the_limit_is_a_413_problem(partners, client, naam, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = json.dumps({"tekst": "x" * 2000}).encode()

    probleem = _probleem(_post_raw(client, partners, reverse(naam), body), 413)

    assert probleem["status"] == 413
    assert probleem["instance"] == reverse(naam)


@pytest.mark.parametrize("dossier", [1.5, "1", True, 2**70, -1])
def test_a_dossier_id_must_be_a_whole_number(partners, api, dossier):
    echt = partners.wereld.dossier_bladel.pk
    waarde = echt + 0.5 if dossier == 1.5 else str(echt) if dossier == "1" else dossier

    response = api.als(partners.sleutel).post(
        reverse("api_meldingen"), {"dossier": waarde, "soort": "vraag", "tekst": "Komt ze morgen?"}
    )

    assert "dossier" in _velden(response)
    assert not Melding.objects.exists()


def test_arabic_indic_digits_are_refused_in_numbers_and_dates(partners, api):
    dossier = partners.wereld.dossier_bladel.pk
    regels = [
        _deelname_regel(dossier, lesuren="١٢"),
        _deelname_regel(dossier, periode_van="٢٠٢٦-١١-١٦"),
    ]
    response = api.als(partners.sleutel).post(reverse("api_deelnames"), {"regels": regels})

    velden = _velden(response)
    assert velden == {"regels[0].lesuren": "cijfers", "regels[1].periode_van": "cijfers"}
    assert "0 tot en met 9" in response.json()["invalid-params"][0]["reason"]
    assert not Deelname.objects.exists()

    response = api.post(reverse("api_uren"), {"regels": [_uren_regel(dossier, uren="١.٥")]})
    assert set(_velden(response)) == {"regels[0].uren"}
    assert not Urenregistratie.objects.exists()


@pytest.mark.parametrize(
    ("veld", "datum"),
    [("periode_van", "0001-01-01"), ("periode_van", "2021-11-01"), ("periode_tot", "9999-12-31")],
)
def test_a_period_outside_five_years_of_today_is_refused_naming_the_field(partners, api, veld, datum):
    regel = _deelname_regel(partners.wereld.dossier_bladel.pk, **{veld: datum})

    response = api.als(partners.sleutel).post(reverse("api_deelnames"), {"regels": [regel]})

    assert _velden(response) == {f"regels[0].{veld}": "buiten_bereik"}
    label = {"periode_van": "Periode van", "periode_tot": "Periode tot en met"}[veld]
    assert response.json()["invalid-params"][0]["reason"] == (
        f"{label}: kies een datum tussen 23 november 2021 en 23 november 2031."
    )
    assert not Deelname.objects.exists()


def test_an_exam_date_in_the_year_one_is_refused(partners, api):
    body = {
        "dossier": partners.wereld.dossier_bladel.pk,
        "onderdeel": "KNM",
        "examendatum": "0001-01-01",
        "resultaat": "Geslaagd",
    }
    response = api.als(partners.sleutel).post(reverse("api_examenresultaten"), body)

    assert _velden(response) == {"examendatum": "buiten_bereik"}
    assert not Examen.objects.exists()


def test_brackets_inside_a_text_are_no_nesting(partners, api):
    tekst = "[" * 100 + "{" * 100 + ' \\" ' + "]" * 100

    response = api.als(partners.sleutel).post(
        reverse("api_meldingen"), {"dossier": partners.wereld.dossier_bladel.pk, "soort": "vraag", "tekst": tekst}
    )

    assert response.status_code == 201
    assert Melding.objects.get().tekst == tekst
