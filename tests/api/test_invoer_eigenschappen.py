"""Property: no body posted to any write of the partner API gets a server error. Hypothesis starts from a
valid body of each POST and puts odd JSON in its fields: nesting up to 1,500 deep, numbers past every
range (10**5000, 1e400), floats, booleans and strings for ids, digits other than 0-9, dates in the year
1 or 9999. Every answer is below 500, and every refusal is problem+json. Schemathesis (test_schemathesis)
covers the schema; this covers what JSON can carry that the schema's generators rarely make."""

import json

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from django.urls import reverse

from inburgering.api.fouten import PROBLEEM_TYPE

ANDERE_CIJFERS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९０１２３４５６７８９"


def _json(waarde) -> str:
    return json.dumps(waarde, ensure_ascii=False)


# Each a piece of JSON text, so that literals Python would not write (1e400, 5,000 digits) reach the parser.
VREEMD = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.just("1" + "0" * 5000),
    st.sampled_from(["1e400", "-1e400", "1.5", "1.0", "-0", "1E2", "true", "false", "null", "[]", "{}", '""']),
    st.floats(allow_nan=False, allow_infinity=False).map(_json),
    st.text(alphabet="0123456789.-" + ANDERE_CIJFERS, max_size=12).map(_json),
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "٢٠٢٦-١١-١٦", "2026-02-30", "+2026-11-20", "20261120", "2026-11-20T10:00"]
    ).map(_json),
    st.integers(min_value=1, max_value=1500).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=1, max_value=200).map(lambda n: '{"a":' * n + "1" + "}" * n),
    st.text(max_size=20).map(_json),
)


def _sjablonen(dossier: int) -> dict:
    """A valid body per write, by URL name: its fields are where the odd values go."""
    return {
        "api_uren": ("regels", {"dossier": dossier, "datum": "2026-11-20", "uren": "1.5", "soort": "praktische_zaken"}),
        "api_deelnames": (
            "regels",
            {"dossier": dossier, "periode_van": "2026-11-16", "periode_tot": "2026-11-20", "lesuren": 8},
        ),
        "api_examenresultaten": (
            None,
            {
                "dossier": dossier,
                "onderdeel": "LE",
                "examendatum": "2026-11-20",
                "niveau": "B1",
                "resultaat": "Geslaagd",
            },
        ),
        "api_meldingen": (None, {"dossier": dossier, "soort": "vraag", "tekst": "Komt ze morgen?"}),
        "api_uren_correctie": (None, {"uren": "1.25", "soort": "praktische_zaken", "reden": "Verkeerd getypt."}),
    }


def _object(velden: dict[str, str]) -> str:
    return "{" + ",".join(f"{_json(naam)}:{tekst}" for naam, tekst in velden.items()) + "}"


@st.composite
def bodies(draw, sjablonen):
    naam = draw(st.sampled_from(sorted(sjablonen)))
    omhulsel, sjabloon = sjablonen[naam]
    velden = {veld: _json(waarde) for veld, waarde in sjabloon.items()}
    for veld in draw(st.lists(st.sampled_from([*sjabloon, "onbekend"]), min_size=1, max_size=3, unique=True)):
        velden[veld] = draw(VREEMD)
    regel = _object(velden)
    if omhulsel is None:
        return naam, regel
    if draw(st.booleans()):
        return naam, _object({omhulsel: draw(VREEMD)})
    return naam, _object({omhulsel: f"[{regel}]"})


@pytest.mark.django_db
def test_no_body_gets_a_server_error_on_any_write(partners, client, uren_bladel):
    sjablonen = _sjablonen(partners.wereld.dossier_bladel.pk)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {partners.sleutel}"}

    @hypothesis_settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(verzoek=bodies(sjablonen))
    def verstuur(verzoek):
        naam, body = verzoek
        url = reverse(naam, args=[uren_bladel.pk]) if naam == "api_uren_correctie" else reverse(naam)
        response = client.post(url, body.encode(), content_type="application/json", **headers)
        assert response.status_code < 500, (url, body[:300], response.content[:300])
        if response.status_code >= 400:
            assert response["Content-Type"] == PROBLEEM_TYPE, (url, body[:300], response.content[:300])

    verstuur()
