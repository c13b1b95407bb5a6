"""Schemathesis over the whole OpenAPI document, through the Django app's WSGI interface: at least 500
generated requests as a partner client with data present, valid and invalid, under every check schemathesis has.

Valid input is refused only for a business rule the schema documents: a 400 to a request the schema calls valid
must name, for every field, a code listed among that operation's documented 400 examples."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.core.parameters import ParameterLocation

from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

from inburgering.api.fouten import PROBLEEM_TYPE

load_all_checks()
ALLE_CHECKS = CHECKS.get_all()
# Per operation and generation mode; hypothesis stops early on an operation with few distinct inputs
# (the totals are asserted).
# API_FUZZ_VOORBEELDEN raises it for a longer hunt; CI keeps the run to well under a minute or two.
VOORBEELDEN = int(os.environ.get("API_FUZZ_VOORBEELDEN", "45"))
MINIMAAL = 500


def _echte_dossiers(body, dossier_id):
    """Half of the bodies name a dossier the client may see, so the services' own rules are fuzzed too."""
    if isinstance(body, dict):
        if "dossier" in body:
            body["dossier"] = dossier_id
        for regel in body.get("regels", []) if isinstance(body.get("regels"), list) else []:
            if isinstance(regel, dict):
                regel["dossier"] = dossier_id


@pytest.fixture
def wsgi_in_de_testtransactie():
    """Django's own WSGI handler, as in production, but without closing the test's database connection
    at the end of each request (Django's test client does the same)."""
    for signaal in (signals.request_started, signals.request_finished):
        signaal.disconnect(close_old_connections)
    yield WSGIHandler()
    for signaal in (signals.request_started, signals.request_finished):
        signaal.connect(close_old_connections)


def gedocumenteerde_regels(operatie) -> set[str]:
    """The business-rule codes an operation's schema lists in the examples of its 400 answer."""
    antwoord = operatie.definition.raw.get("responses", {}).get("400", {})
    voorbeelden = antwoord.get("content", {}).get(PROBLEEM_TYPE, {}).get("examples", {})
    return {veld["code"] for voorbeeld in voorbeelden.values() for veld in voorbeeld["value"].get("invalid-params", [])}


def alleen_gedocumenteerde_regels(ctx, response, case):
    """A request the schema calls valid is refused only with the codes of documented business rules."""
    if case.meta is None or not case.meta.generation.mode.is_positive or response.status_code != 400:
        return None
    codes = {veld["code"] for veld in response.json().get("invalid-params", [])}
    onbekend = codes - gedocumenteerde_regels(case.operation)
    assert codes and not onbekend, f"geldige invoer geweigerd met ongedocumenteerde codes {onbekend}: {response.text}"
    return None


def _fuzz(operatie, *, modus, headers, dossier_id, echte_id, per_status):
    """Run one operation's generated requests in one generation mode; count them per status."""

    @hypothesis_settings(
        max_examples=VOORBEELDEN,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operatie.as_strategy(generation_mode=modus), echt=st.booleans())
    def verstuur(case, echt):
        # Our token, dossier and path id go only where the case holds valid data: never over what it made invalid.
        ongeldig = {plek for plek, deel in case.meta.components.items() if deel.mode.is_negative}
        if echt and ParameterLocation.BODY not in ongeldig:
            _echte_dossiers(case.body, dossier_id)
        if echt and ParameterLocation.PATH not in ongeldig and "id" in (case.path_parameters or {}):
            case.path_parameters["id"] = echte_id
        response = case.call_and_validate(
            headers=None if ParameterLocation.HEADER in ongeldig else headers,
            checks=ALLE_CHECKS,
            additional_checks=[alleen_gedocumenteerde_regels],
        )
        per_status[modus, response.status_code] = per_status.get((modus, response.status_code), 0) + 1

    verstuur()


@pytest.mark.django_db(transaction=False)
def test_the_whole_schema_holds_under_generated_requests(partners, uren_bladel, settings, wsgi_in_de_testtransactie):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # a server error fails with its own traceback
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_in_de_testtransactie)
    # A documented business rule may refuse valid input (alleen_gedocumenteerde_regels holds it to that), and a
    # generated Idempotency-Key may repeat with another body: the documented 422, a conflict of state like 409.
    acceptatie = schema.config.checks.positive_data_acceptance
    acceptatie.expected_statuses = [*acceptatie.expected_statuses, "400", "422"]
    headers = {"Authorization": f"Bearer {partners.sleutel}"}
    dossier_id, per_status = partners.wereld.dossier_bladel.pk, {}

    operaties = [resultaat.ok() for resultaat in schema.get_all_operations()]
    assert len(operaties) == 9
    for operatie in operaties:
        echte_id = uren_bladel.pk if "correcties" in operatie.path else dossier_id
        for modus in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            _fuzz(
                operatie, modus=modus, headers=headers, dossier_id=dossier_id, echte_id=echte_id, per_status=per_status
            )

    verzoeken = sum(per_status.values())
    print(f"{verzoeken} verzoeken, per modus en status: {dict(sorted(per_status.items()))}")
    assert verzoeken >= MINIMAAL, per_status
    statussen = {status for _modus, status in per_status}
    assert not any(status >= 500 for status in statussen)
    assert 200 in statussen and 201 in statussen, per_status  # data was there and writes succeeded
    assert (GenerationMode.NEGATIVE, 400) in per_status, per_status  # invalid input was sent and refused
