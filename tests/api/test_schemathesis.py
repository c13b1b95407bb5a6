"""Schemathesis over the whole OpenAPI document, through the Django app's WSGI interface: at least 500
generated requests as a partner client with data present, no 5xx, and every answer as the schema says."""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Per operation; hypothesis stops early on an operation with few distinct inputs (the totals are asserted).
# API_FUZZ_VOORBEELDEN raises it for a longer hunt; CI keeps the run to well under a minute or two.
VOORBEELDEN = int(os.environ.get("API_FUZZ_VOORBEELDEN", "70"))
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


def _fuzz(operatie, *, headers, dossier_id, echte_id, per_status):
    """Run one operation's generated requests; count them per status."""

    @hypothesis_settings(
        max_examples=VOORBEELDEN,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operatie.as_strategy(), echt=st.booleans())
    def verstuur(case, echt):
        if echt:
            _echte_dossiers(case.body, dossier_id)
            if case.path_parameters and "id" in case.path_parameters:
                case.path_parameters["id"] = echte_id
        response = case.call_and_validate(headers=headers, checks=CHECKS)
        per_status[response.status_code] = per_status.get(response.status_code, 0) + 1

    verstuur()


@pytest.mark.django_db(transaction=False)
def test_the_whole_schema_holds_under_generated_requests(partners, uren_bladel, settings, wsgi_in_de_testtransactie):
    settings.DEBUG_PROPAGATE_EXCEPTIONS = True  # a server error fails with its own traceback
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", wsgi_in_de_testtransactie)
    headers = {"Authorization": f"Bearer {partners.sleutel}"}
    dossier_id, per_status = partners.wereld.dossier_bladel.pk, {}

    operaties = [resultaat.ok() for resultaat in schema.get_all_operations()]
    assert len(operaties) == 9
    for operatie in operaties:
        echte_id = uren_bladel.pk if "correcties" in operatie.path else dossier_id
        _fuzz(operatie, headers=headers, dossier_id=dossier_id, echte_id=echte_id, per_status=per_status)

    verzoeken = sum(per_status.values())
    print(f"{verzoeken} verzoeken, per status: {dict(sorted(per_status.items()))}")
    assert verzoeken >= MINIMAAL, per_status
    assert not any(status >= 500 for status in per_status)
    assert per_status.get(200) and per_status.get(201), per_status  # data was there and writes succeeded
