"""The partner API follows the NL API Design Rules: Logius' own linter passes over the generated schema, the
schema's examples hold against their own schemas, every answer carries API-Version, and the renamed query
parameter keeps its old name, deprecated, until its sunset."""

import datetime
import hashlib
import json
import subprocess
from pathlib import Path

import jsonschema_rs
import pytest
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from inburgering.api.fouten import PROBLEEM_TYPE

ONTWERPREGELS = Path(settings.BASE_DIR) / "inburgering" / "api" / "ontwerpregels"
ONZE_REGELS = Path(settings.BASE_DIR) / "inburgering" / "api" / "spectral.yaml"
SPECTRAL = Path(settings.BASE_DIR) / "node_modules" / ".bin" / "spectral"


def _sommen():
    regels = (ONTWERPREGELS / "SHA256SUMS").read_text().splitlines()
    return {naam: som for som, naam in (regel.split(maxsplit=1) for regel in regels)}


def test_logius_ruleset_travels_with_the_product_unchanged():
    sommen = _sommen()
    gevonden = {pad.name for pad in ONTWERPREGELS.iterdir() if pad.name not in ("SHA256SUMS", "README.md")}
    assert gevonden == set(sommen) == {"linter.yaml"}, "een bestand toegevoegd of verwijderd zonder SHA256SUMS"
    gewijzigd = [n for n, som in sommen.items() if hashlib.sha256((ONTWERPREGELS / n).read_bytes()).hexdigest() != som]
    assert gewijzigd == [], f"nooit bewerken; een uitzondering hoort in inburgering/api/spectral.yaml: {gewijzigd}"


def test_logius_linter_finds_nothing_in_the_generated_schema(tmp_path):
    assert SPECTRAL.exists(), "npm-pakket @stoplight/spectral-cli ontbreekt: make install"
    schema = tmp_path / "openapi.yaml"
    call_command("spectacular", file=str(schema))

    # Our ruleset extends Logius' unchanged one; it reads no file or function over the network.
    uitvoer = subprocess.run(  # noqa: S603
        [SPECTRAL, "lint", "--ruleset", ONZE_REGELS, "--format", "json", "--quiet", schema],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    bevindingen = json.loads(uitvoer.stdout) if uitvoer.stdout.strip() else None
    assert bevindingen is not None, uitvoer.stderr
    # Errors and warnings alike: the list of what the linter has to say about the API stays empty.
    assert [(b["code"], ".".join(map(str, b["path"])), b["message"]) for b in bevindingen] == []
    assert uitvoer.returncode == 0, uitvoer.stderr


def test_spectral_is_pinned_exactly():
    pakketten = json.loads((Path(settings.BASE_DIR) / "package.json").read_text())["devDependencies"]
    assert pakketten["@stoplight/spectral-cli"][0].isdigit()  # an exact version, never a range


def _schema(client):
    return client.get(reverse("api_schema"), {"format": "json"}).json()


# The OpenAPI 3.0 formats, plus `uri`, which openapi-schema-validator leaves unchecked; the check is RFC 3986's,
# as Spectral's own.
_FORMATEN = FormatChecker()
_FORMATEN.checkers = dict(oas30_format_checker.checkers)
_URI = jsonschema_rs.validator_for({"type": "string", "format": "uri"}, validate_formats=True)
_FORMATEN.checks("uri")(_URI.is_valid)


def _voorbeelden(knoop, pad=""):
    """Every example in the document with the schema it claims to hold to: a schema's own `example`, and a
    parameter's, header's or media type's `example` and `examples` against its `schema`."""
    if isinstance(knoop, list):
        for i, kind in enumerate(knoop):
            yield from _voorbeelden(kind, f"{pad}[{i}]")
        return
    if not isinstance(knoop, dict):
        return
    schema = knoop.get("schema", {k: v for k, v in knoop.items() if k != "example"})
    if "example" in knoop:
        yield pad, knoop["example"], schema
    for naam, voorbeeld in (knoop.get("examples") or {}).items() if "schema" in knoop else ():
        yield f"{pad}.examples.{naam}", voorbeeld["value"], schema
    for sleutel, kind in knoop.items():
        if sleutel == "properties":
            for eigenschap, kind_schema in kind.items():
                yield from _voorbeelden(kind_schema, f"{pad}.properties.{eigenschap}")
        elif sleutel not in ("example", "examples"):
            yield from _voorbeelden(kind, f"{pad}.{sleutel}")


def test_every_example_in_the_schema_holds_against_its_own_schema(client):
    document = _schema(client)
    voorbeelden = list(_voorbeelden(document))

    fouten = []
    for pad, voorbeeld, schema in voorbeelden:
        validator = OAS30Validator({"allOf": [schema], "components": document["components"]}, format_checker=_FORMATEN)
        fouten += [f"{pad}: {fout.message}" for fout in validator.iter_errors(voorbeeld)]

    assert fouten == []
    paden = {pad for pad, _, _ in voorbeelden}
    assert ".components.schemas.PaginatedDossierList.properties.next" in paden  # the walk reaches them all
    assert any(".responses.400.content.application/problem+json.examples." in pad for pad in paden)
    assert not _URI.is_valid('http://api.example.org/accounts/?cursor=cD00ODY%3D"')  # the uri check bites


def test_the_schema_names_its_server_contact_and_version_from_the_settings(client):
    document = _schema(client)

    assert document["servers"][0]["url"] == "https://inburgering.test/api/v1"  # SITE_URL, with the major version
    assert set(document["info"]["contact"]) == {"name", "email", "url"}
    assert document["info"]["contact"] == settings.API_CONTACT
    assert document["info"]["version"] == settings.API_VERSIE
    for operaties in document["paths"].values():
        for operatie in operaties.values():
            for antwoord in operatie["responses"].values():
                assert antwoord["headers"]["API-Version"] == {"$ref": "#/components/headers/API-Version"}
    assert document["components"]["headers"]["API-Version"]["required"] is True


@pytest.mark.django_db
def test_every_answer_carries_the_full_api_version_errors_included(partners, api, client, monkeypatch):
    bladel, token = partners.wereld.dossier_bladel.pk, f"Bearer {partners.sleutel}"
    antwoorden = {
        "200": api.als(partners.sleutel).get(reverse("api_dossiers")),
        "400": api.get(reverse("api_dossiers"), {"gewijzigdSinds": "gisteren"}),
        "404": api.get(reverse("api_dossier", args=[partners.niet_verwezen.pk])),
        "404 zonder view": api.get("/api/v1/bestaat-niet"),
        "415": client.post(reverse("api_meldingen"), "tekst", content_type="text/plain", HTTP_AUTHORIZATION=token),
        "401": api.als(None).get(reverse("api_dossier", args=[bladel])),
    }
    monkeypatch.setattr("ontzorgen.api.DossierLijst.get_queryset", lambda self: 1 / 0)
    client.raise_request_exception = False
    antwoorden["500"] = client.get(reverse("api_dossiers"), HTTP_AUTHORIZATION=token)

    assert {naam: a.status_code for naam, a in antwoorden.items()} == {
        "200": 200,
        "400": 400,
        "404": 404,
        "404 zonder view": 404,
        "415": 415,
        "401": 401,
        "500": 500,
    }
    assert {naam: a["API-Version"] for naam, a in antwoorden.items()} == dict.fromkeys(antwoorden, "1.0.0")
    assert all(antwoorden[s]["Content-Type"] == PROBLEEM_TYPE for s in ("400", "404", "404 zonder view", "401"))


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["api_dossiers", "api_verwijzingen"])
def test_the_old_name_gewijzigd_sinds_filters_as_gewijzigdSinds_and_announces_its_sunset(partners, api, url_name):
    alles = api.als(partners.sleutel).get(reverse(url_name))
    [rij] = alles.json()["results"]
    gewijzigd = datetime.datetime.fromisoformat(rij["gewijzigd_op"])
    ervoor, erna = (gewijzigd + datetime.timedelta(seconds=s) for s in (-1, 1))
    resultaten = {}
    for naam in ("gewijzigdSinds", "gewijzigd_sinds"):
        for moment in (ervoor, erna):
            antwoord = api.get(reverse(url_name), {naam: moment.isoformat()})
            assert antwoord.status_code == 200
            resultaten[naam, moment] = [rij["id"] for rij in antwoord.json()["results"]]
            verouderd = (antwoord.get("Deprecation"), antwoord.get("Sunset"))
            # RFC 9745: since 7 December 2026, 00:00 Dutch time; RFC 8594: after 30 June 2027, Dutch time.
            verwacht = ("@1796598000", "Wed, 30 Jun 2027 22:00:00 GMT") if naam == "gewijzigd_sinds" else (None, None)
            assert verouderd == verwacht

    assert resultaten["gewijzigdSinds", ervoor] == [rij["id"]]
    assert resultaten["gewijzigdSinds", erna] == []
    assert resultaten["gewijzigd_sinds", ervoor] == [rij["id"]]
    assert resultaten["gewijzigd_sinds", erna] == []
    assert "Deprecation" not in alles and "Sunset" not in alles


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["api_dossiers", "api_verwijzingen"])
def test_both_names_at_once_are_refused_in_dutch(partners, api, url_name):
    moment = "2026-11-01T00:00:00+01:00"
    antwoord = api.als(partners.sleutel).get(reverse(url_name), {"gewijzigdSinds": moment, "gewijzigd_sinds": moment})

    assert antwoord.status_code == 400
    assert antwoord["Content-Type"] == PROBLEEM_TYPE
    assert antwoord.json()["invalid-params"] == [
        {
            "name": "gewijzigdSinds",
            "code": "dubbele_parameter",
            "reason": "Geef gewijzigdSinds of gewijzigd_sinds, niet allebei: gewijzigd_sinds is de oude naam van "
            "gewijzigdSinds.",
        }
    ]


def test_the_schema_documents_the_new_name_and_marks_the_old_one_deprecated(client):
    paden = _schema(client)["paths"]
    for pad in ("/dossiers", "/verwijzingen"):
        operatie = paden[pad]["get"]
        parameters = {p["name"]: p for p in operatie["parameters"]}
        assert parameters["gewijzigdSinds"].get("deprecated") is None
        assert parameters["gewijzigd_sinds"]["deprecated"] is True
        assert "2027-06-30" in parameters["gewijzigd_sinds"]["description"]
        assert {"Deprecation", "Sunset"} <= operatie["responses"]["200"]["headers"].keys()
        voorbeelden = operatie["responses"]["400"]["content"][PROBLEEM_TYPE]["examples"].values()
        assert "dubbele_parameter" in {v["value"]["invalid-params"][0]["code"] for v in voorbeelden}
    assert "Deprecation" not in paden["/uren"]["get"]["responses"]["200"]["headers"]
