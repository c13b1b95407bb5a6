"""The schema and the behaviour agree: empty filters, batch limits, hours, documented business rules, and the
sync of ended verwijzingen."""

import pytest

from django.urls import reverse

from ontzorgen import services as ontzorgen

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("naam", ["gewijzigdSinds", "gewijzigd_sinds"])
@pytest.mark.parametrize("url_name", ["api_dossiers", "api_verwijzingen"])
def test_an_empty_gewijzigd_sinds_is_refused_in_dutch(partners, api, url_name, naam):
    response = api.als(partners.sleutel).get(reverse(url_name) + f"?{naam}=")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    [fout] = response.json()["invalid-params"]
    assert fout["name"] == naam and fout["code"] == "invalid"
    assert fout["reason"].startswith(f"Geef {naam} als tijdstip in ISO 8601")


def _schema(client):
    return client.get(reverse("api_schema"), {"format": "json"}).json()


def test_batches_declare_their_limits_and_hours_cannot_be_negative(client):
    schemas = _schema(client)["components"]["schemas"]

    for batch in ("UrenBatchRequest", "DeelnameBatchRequest"):
        assert (
            schemas[batch]["properties"]["regels"] | {"minItems": 1, "maxItems": 500}
            == schemas[batch]["properties"]["regels"]
        )
    for regel in ("UrenRegelRequest", "CorrectieRequest"):
        assert not schemas[regel]["properties"]["uren"]["pattern"].startswith("^-")


def test_every_write_documents_its_business_rules_with_their_codes(client):
    paden = _schema(client)["paths"]
    voorbeelden = paden["/uren/{id}/correcties"]["post"]["responses"]["400"]["content"]["application/problem+json"][
        "examples"
    ]
    assert "al_beoordeeld" in {v["value"]["invalid-params"][0]["code"] for v in voorbeelden.values()}
    for pad in ("/uren", "/deelnames", "/meldingen", "/examenresultaten"):
        voorbeelden = paden[pad]["post"]["responses"]["400"]["content"]["application/problem+json"]["examples"]
        assert "does_not_exist" in {v["value"]["invalid-params"][0]["code"] for v in voorbeelden.values()}


def test_a_business_rule_answers_with_its_documented_code(partners, api, uren_bladel):
    body = {"regels": [{"dossier": partners.wereld.dossier_bladel.pk, "datum": "2026-11-20", "uren": "1.3"}]}
    body["regels"][0]["soort"] = "praktische_zaken"
    response = api.als(partners.sleutel).post(reverse("api_uren"), body)

    assert response.status_code == 400
    assert response.json()["invalid-params"] == [
        {
            "name": "regels[0].uren",
            "code": "geen_kwartier",
            "reason": "Vul uren in kwartieren in: 0,25, 0,5, 0,75 enzovoort.",
        }
    ]


def test_negative_or_numeric_hours_are_refused_as_the_schema_says(partners, api):
    for uren in ("-1", 1.5):
        body = {"regels": [{"dossier": partners.wereld.dossier_bladel.pk, "datum": "2026-11-20", "uren": uren}]}
        body["regels"][0]["soort"] = "praktische_zaken"
        response = api.als(partners.sleutel).post(reverse("api_uren"), body)
        assert response.status_code == 400
        assert {"name": "regels[0].uren", "code": "invalid"} in [
            {k: f[k] for k in ("name", "code")} for f in response.json()["invalid-params"]
        ]


def test_an_ended_verwijzing_stays_in_the_sync_with_only_its_ending(partners, api, klok):
    verwijzing = partners.wereld.dossier_bladel.verwijzingen.get()
    verwijzing.toelichting = "Heeft schulden bij de woningcorporatie."
    verwijzing.save(update_fields=["toelichting"])
    sinds = "2026-11-23T10:00:00Z"
    ontzorgen.beeindig_verwijzing(door=partners.wereld.regisseur, verwijzing=verwijzing, reden="Klaar.")

    response = api.als(partners.sleutel).get(reverse("api_verwijzingen"), {"gewijzigd_sinds": sinds})

    assert response.status_code == 200
    [rij] = response.json()["results"]
    assert rij["id"] == verwijzing.pk and rij["beeindigd"] is True and rij["toelichting"] is None
    assert rij["dossier"] == partners.wereld.dossier_bladel.pk and rij["einddatum"] == "2026-11-23"
    assert "schulden" not in response.content.decode() and "Klaar" not in response.content.decode()
    # The dossier itself is closed to the partner, and the other partner never sees this ending.
    assert api.get(reverse("api_dossier", args=[partners.wereld.dossier_bladel.pk])).status_code == 404
    anderen = api.als(partners.andere_sleutel).get(reverse("api_verwijzingen")).json()["results"]
    assert verwijzing.pk not in {r["id"] for r in anderen}


def test_text_of_only_spaces_is_refused_with_the_rules_code(partners, api, uren_bladel):
    dossier = partners.wereld.dossier_bladel.pk
    melding = api.als(partners.sleutel).post(
        reverse("api_meldingen"), {"dossier": dossier, "soort": "vraag", "tekst": " "}
    )
    correctie = api.post(
        reverse("api_uren_correctie", args=[uren_bladel.pk]),
        {"uren": "1.25", "soort": "praktische_zaken", "reden": "\x1c"},
    )

    assert (melding.status_code, correctie.status_code) == (400, 400)
    assert [(f["name"], f["code"]) for f in melding.json()["invalid-params"]] == [("tekst", "tekst_ontbreekt")]
    assert [(f["name"], f["code"]) for f in correctie.json()["invalid-params"]] == [("reden", "reden_ontbreekt")]
