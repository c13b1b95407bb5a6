"""POST /duo/v1/notificaties: every answer checked against Notificatie.openapi.yml with openapi-core."""

import ipaddress
import json
import logging
import uuid

import pytest

from django.urls import reverse

from inburgering.duo.models import Notificatie
from inburgering.fasen import Fase
from inburgering.models import Inburgeraar

from .conftest import BSN, valideer_notificatie_antwoord

DUO_OIN = "00000001800866472000"
NIEUW_BSN = "111222333"


def _headers(gemeente, bericht_id=None, **extra):
    return {
        "bron": DUO_OIN,
        "doel": gemeente.oin,
        "berichtId": str(bericht_id or uuid.uuid4()),
        "X-SSL-Client-S-DN": f"CN=DUO,O=Dienst Uitvoering Onderwijs,serialNumber={DUO_OIN}",
        **extra,
    }


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """The test client, with the tasks queued on commit run at once (as the worker would)."""
    client.na_commit = django_capture_on_commit_callbacks
    return client


def _post(client, headers, inhoud, **omgeving):
    data = json.dumps(inhoud).encode() if isinstance(inhoud, dict) else inhoud
    with client.na_commit(execute=True):
        antwoord = client.post(
            reverse("duo_notificaties"), data=data, content_type="application/json", headers=headers, **omgeving
        )
    spec_headers = {k: v for k, v in headers.items() if k in {"bron", "doel", "berichtId"}}
    valideer_notificatie_antwoord(spec_headers, data, antwoord)
    return antwoord


def _nieuw(gebeurtenis="SS101", bsn=NIEUW_BSN):
    return {"gebeurtenisId": gebeurtenis, "bsn": bsn, "registratieDatumTijd": "2026-11-20T09:15:00+01:00"}


def _duo_kent_persoon(duo, doelgroep="Asielstatushouder"):
    duo.zet(
        "GET",
        "/inburgeringsplicht",
        (200, {"indicatorInburgeringsplicht": True, "datumKennisgevingInburgeringsplicht": "2026-11-18"}),
    )
    duo.zet("GET", "/doelgroep", (200, {"gedetailleerdeDoelgroep": doelgroep, "indeling": "Asielstatushouder"}))


def test_a_new_inburgeringsplichtige_is_stored_answered_201_and_opens_a_dossier(client, duo_wereld):
    _duo_kent_persoon(duo_wereld.duo)

    antwoord = _post(client, _headers(duo_wereld.bladel), _nieuw())

    assert antwoord.status_code == 201
    assert antwoord["API-Version"] == "1.8.0"
    notificatie = Notificatie.objects.get()
    assert (notificatie.status, notificatie.gemeente_id) == ("verwerkt", duo_wereld.bladel.pk)
    dossier = Inburgeraar.objects.get(bsn=NIEUW_BSN)
    assert (dossier.gemeente_id, dossier.fase) == (duo_wereld.bladel.pk, Fase.AANGEMELD)
    assert dossier.doelgroep == "Asielstatushouder"
    assert str(dossier.datum_kennisgeving) == "2026-11-18"
    assert dossier.tijdlijn.filter(soort="duo", omschrijving__contains="SS101").exists()
    assert "BRP" in notificatie.actie  # the regisseur completes the person's details


def test_the_same_notification_twice_is_processed_once(client, duo_wereld):
    _duo_kent_persoon(duo_wereld.duo)
    headers = _headers(duo_wereld.bladel, bericht_id=uuid.uuid4())

    eerste = _post(client, headers, _nieuw())
    tweede = _post(client, headers, _nieuw())

    assert (eerste.status_code, tweede.status_code) == (201, 201)
    assert Notificatie.objects.count() == 1
    assert Inburgeraar.objects.filter(bsn=NIEUW_BSN).count() == 1
    assert len(duo_wereld.duo.aan("GET", "/inburgeringsplicht")) == 1  # DUO was read once
    assert Notificatie.objects.get().pogingen == 1


def test_an_unknown_oin_in_doel_is_refused_with_403_and_logged(client, duo_wereld, caplog):
    headers = _headers(duo_wereld.bladel)
    headers["doel"] = "99999999999999999999"

    with caplog.at_level(logging.WARNING, logger="inburgering.duo.inbox"):
        antwoord = _post(client, headers, _nieuw())

    assert antwoord.status_code == 403
    assert antwoord["API-Version"] == "1.8.0"
    assert Notificatie.objects.count() == 0
    assert "99999999999999999999" in caplog.text


@pytest.mark.parametrize(
    "subject", [None, "CN=Iemand anders,serialNumber=00000001234567890000", f"serialNumber=9{DUO_OIN}"]
)
def test_a_sender_without_duos_certificate_is_refused_with_401(client, duo_wereld, subject, caplog):
    headers = _headers(duo_wereld.bladel)
    del headers["X-SSL-Client-S-DN"]
    if subject:
        headers["X-SSL-Client-S-DN"] = subject

    antwoord = _post(client, headers, _nieuw())

    assert antwoord.status_code == 401
    assert Notificatie.objects.count() == 0


@pytest.mark.parametrize(
    "subject",
    [
        f"CN=evil {DUO_OIN}",  # the OIN in another attribute
        f"CN=evil,serialNumber=NL-{DUO_OIN}",  # the OIN as part of the serialNumber
        f"serialNumber={DUO_OIN}-1",
        f"serialNumber={DUO_OIN},serialNumber=00000001234567890000",  # two serialNumbers
        f"CN=evil+serialNumber=00000001234567890000,serialNumber={DUO_OIN}",
        f"CN=evil\\,serialNumber={DUO_OIN}",  # an escaped comma: one CN that merely reads like it
        f"O=serialNumber\\={DUO_OIN}",
        f"/C=NL/O=evil/serialNumber={DUO_OIN}x",
        f"CN=evil, serialNumber={DUO_OIN}",  # not a subject as the terminator writes one
    ],
)
def test_a_forged_subject_carrying_duos_oin_elsewhere_is_refused_with_401(client, duo_wereld, subject):
    antwoord = _post(client, _headers(duo_wereld.bladel, **{"X-SSL-Client-S-DN": subject}), _nieuw())

    assert antwoord.status_code == 401
    assert Notificatie.objects.count() == 0


def test_duos_subject_from_an_address_that_is_not_the_tls_terminator_is_refused_with_401(client, duo_wereld):
    # Straight to the web process, past the terminator: the header and X-Forwarded-For are the sender's own.
    headers = _headers(duo_wereld.bladel, **{"X-Forwarded-For": "127.0.0.1"})

    antwoord = _post(client, headers, _nieuw(), REMOTE_ADDR="198.51.100.7")

    assert antwoord.status_code == 401
    assert Notificatie.objects.count() == 0


def test_without_a_configured_terminator_no_subject_is_believed(client, duo_wereld, settings):
    settings.DUO_PROXY_ADRESSEN = []

    assert _post(client, _headers(duo_wereld.bladel), _nieuw()).status_code == 401


def test_duos_full_pkioverheid_subject_from_the_terminators_network_is_accepted(client, duo_wereld, settings):
    settings.DUO_PROXY_ADRESSEN = [ipaddress.ip_network("10.0.0.0/24")]
    _duo_kent_persoon(duo_wereld.duo)
    subject = (
        f"CN=notificaties.duo.nl,serialNumber={DUO_OIN},organizationIdentifier=NTRNL-50057657,"
        "O=Dienst Uitvoering Onderwijs,L=Groningen,C=NL"
    )

    antwoord = _post(
        client, _headers(duo_wereld.bladel, **{"X-SSL-Client-S-DN": subject}), _nieuw(), REMOTE_ADDR="10.0.0.2"
    )

    assert antwoord.status_code == 201
    assert Notificatie.objects.count() == 1


@pytest.mark.parametrize(
    "wijziging",
    [
        {"gebeurtenisId": "ss101"},
        {"gebeurtenisId": "SS1010X"},
        {"gebeurtenisId": "SS1010\n"},  # seven characters; the spec's $ ends the value
        {"gebeurtenisId": None},
        {"registratieDatumTijd": "gisteren"},
        {"registratieDatumTijd": "2026-11-20T09:15:00"},  # no offset
        {"registratieDatumTijd": "2026-11-20 09:15:00+01:00"},
        {"registratieDatumTijd": "2026-11-20T09:15:00+01:00\n"},
        {"registratieDatumTijd": "2026-02-30T09:15:00+01:00"},
        {"registratieDatumTijd": "0001-01-01T00:30:00+01:00"},  # before year 1 in UTC
        {"registratieDatumTijd": "٢٠٢٦-11-20T09:15:00+01:00"},
        {"bsn": "12345"},
        {"bsn": "١٢٣٤٥٦٧٨٢"},  # Arabic-Indic digits: \d in the spec is ASCII only
        {"bsn": "12345678\n"},
        {"bsn": None},
        {"vNummer": "abc"},
        {"vNummer": True},
        {"vNummer": None},
        {"vNummer": 10000000000},
        {"extra": "nul\x00teken"},  # PostgreSQL stores no NUL character
    ],
)
def test_a_body_outside_the_spec_gets_400(client, duo_wereld, wijziging):
    antwoord = _post(client, _headers(duo_wereld.bladel), {**_nieuw(), **wijziging})

    assert antwoord.status_code == 400
    assert Notificatie.objects.count() == 0


def test_missing_headers_or_no_json_get_400(client, duo_wereld):
    headers = _headers(duo_wereld.bladel)
    uuid_ = headers["berichtId"]
    assert _post(client, {**headers, "berichtId": "geen-uuid"}, _nieuw()).status_code == 400
    assert _post(client, {**headers, "berichtId": "{" + uuid_ + "}"}, _nieuw()).status_code == 400
    assert _post(client, {**headers, "berichtId": uuid_.replace("-", "")}, _nieuw()).status_code == 400
    assert _post(client, {**headers, "bron": "123"}, _nieuw()).status_code == 400
    assert _post(client, headers, b"{niet json").status_code == 400
    assert _post(client, headers, b"").status_code == 400
    assert _post(client, headers, b'{"gebeurtenisId": "SS101", "vNummer": NaN}').status_code == 400
    assert _post(client, headers, b"[" * 5000 + b"]" * 5000).status_code == 400
    assert Notificatie.objects.count() == 0


def test_a_datetime_in_lower_case_is_rfc_3339_and_accepted(client, duo_wereld):
    _duo_kent_persoon(duo_wereld.duo)

    antwoord = _post(client, _headers(duo_wereld.bladel), {**_nieuw(), "registratieDatumTijd": "2026-11-20t08:15:00z"})

    assert antwoord.status_code == 201
    assert Notificatie.objects.get().registratie_datum_tijd.isoformat() == "2026-11-20T08:15:00+00:00"


def _post_ruw(client, headers, data, content_type="application/json"):
    return client.post(reverse("duo_notificaties"), data=data, content_type=content_type, headers=headers)


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", ""])
def test_a_body_that_is_not_application_json_gets_415_with_api_version(client, duo_wereld, content_type):
    antwoord = _post_ruw(client, _headers(duo_wereld.bladel), json.dumps(_nieuw()), content_type)

    assert (antwoord.status_code, antwoord["API-Version"]) == (415, "1.8.0")
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["status"] == 415
    assert "application/json" in antwoord.json()["detail"]
    assert Notificatie.objects.count() == 0


def test_json_with_a_charset_is_application_json(client, duo_wereld):
    _duo_kent_persoon(duo_wereld.duo)

    antwoord = _post_ruw(client, _headers(duo_wereld.bladel), json.dumps(_nieuw()), "application/json; charset=utf-8")

    assert antwoord.status_code == 201


@pytest.mark.parametrize("omvang", [17 * 1024, 3 * 1024 * 1024])  # ours, and beyond Django's own limit
def test_an_oversized_body_gets_problem_json_413_with_api_version(client, duo_wereld, omvang):
    inhoud = json.dumps({**_nieuw(), "opvulling": "x" * omvang})

    antwoord = _post_ruw(client, _headers(duo_wereld.bladel), inhoud)

    assert (antwoord.status_code, antwoord["API-Version"]) == (413, "1.8.0")
    assert antwoord["Content-Type"] == "application/problem+json"
    assert antwoord.json()["status"] == 413
    assert Notificatie.objects.count() == 0


def test_even_a_refused_method_carries_api_version(client, duo_wereld):
    antwoord = client.get(reverse("duo_notificaties"))

    assert (antwoord.status_code, antwoord["API-Version"], antwoord["Allow"]) == (405, "1.8.0", "POST")


def test_an_event_nobody_handles_is_stored_and_ignored(client, duo_wereld):
    antwoord = _post(client, _headers(duo_wereld.bladel), _nieuw(gebeurtenis="SS999", bsn=BSN))

    assert antwoord.status_code == 201
    notificatie = Notificatie.objects.get()
    assert notificatie.status == "genegeerd"
    assert "SS999" in notificatie.laatste_fout


def test_a_notification_that_cannot_be_stored_gets_500_with_api_version(client, duo_wereld, monkeypatch):
    from django.db import OperationalError

    from inburgering.duo import inbox

    def kapot(**kwargs):
        raise OperationalError("database weg")

    monkeypatch.setattr(inbox, "ontvang", kapot)

    antwoord = _post(client, _headers(duo_wereld.bladel), _nieuw())

    assert (antwoord.status_code, antwoord["API-Version"]) == (500, "1.8.0")


@pytest.mark.django_db(transaction=True)
def test_a_repeat_outside_any_transaction_is_stored_and_queued_once(client, duo_wereld, monkeypatch):
    """As in production: no transaction around the view, so the INSERT commits by itself and a repeat's
    IntegrityError leaves the connection usable."""
    gepland = []
    monkeypatch.setattr("inburgering.duo.inbox._plan", gepland.append)
    headers = _headers(duo_wereld.bladel, bericht_id=uuid.uuid4())

    antwoorden = [_post(client, headers, _nieuw()).status_code for _ in range(2)]

    assert antwoorden == [201, 201]
    notificatie = Notificatie.objects.get()
    assert gepland == [notificatie.pk]
