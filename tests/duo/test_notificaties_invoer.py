"""No input to POST /duo/v1/notificaties gives a 5xx, and every answer carries API-Version: hypothesis
mixes valid values with malformed ones in every field and header."""

import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.urls import reverse

from inburgering.duo.models import Notificatie

DUO_OIN = "00000001800866472000"

json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda kinderen: st.lists(kinderen, max_size=3) | st.dictionaries(st.text(max_size=5), kinderen, max_size=3),
    max_leaves=8,
)


def _of_kapot(goed):
    """A valid value, or anything JSON can hold."""
    return goed | json_waarden


notificatie = st.fixed_dictionaries(
    {},
    optional={
        "gebeurtenisId": _of_kapot(st.from_regex(r"[0-9A-Z]{1,6}", fullmatch=True) | st.just("SS1010\n")),
        "registratieDatumTijd": _of_kapot(
            st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat())
            | st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2026-11-20T09:15:00Z"])
        ),
        "bsn": _of_kapot(st.from_regex(r"[0-9]{9}", fullmatch=True) | st.from_regex(r"\d{9}", fullmatch=True)),
        "vNummer": _of_kapot(st.integers(min_value=-1, max_value=10**10 + 1)),
        "extra": json_waarden,
    },
)


@pytest.mark.django_db
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    inhoud=notificatie.map(lambda d: json.dumps(d).encode()) | st.binary(max_size=64),
    bericht_id=st.uuids().map(str) | st.text(max_size=40),
    doel=st.none() | st.text(min_size=20, max_size=20),
    content_type=st.sampled_from(["application/json", "application/json; charset=utf-8", "text/plain"]),
)
def test_no_input_gives_a_server_error(client, duo_wereld, inhoud, bericht_id, doel, content_type):
    headers = {
        "bron": DUO_OIN,
        "doel": doel or duo_wereld.bladel.oin,
        "berichtId": bericht_id,
        "X-SSL-Client-S-DN": f"serialNumber={DUO_OIN}",
    }

    antwoord = client.post(reverse("duo_notificaties"), data=inhoud, content_type=content_type, headers=headers)

    assert antwoord.status_code in ({415} if content_type == "text/plain" and inhoud else {201, 400, 401, 403})
    assert antwoord["API-Version"] == "1.8.0"
    if antwoord.status_code == 201:
        assert Notificatie.objects.filter(bericht_id=uuid.UUID(bericht_id)).exists()
