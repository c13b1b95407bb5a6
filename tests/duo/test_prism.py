"""End to end: the product sends real HTTP to a mock DUO that Prism serves from DUO's OpenAPI files,
and DUO's notifications reach our endpoint through Prism's validating proxy. Prism reports no violation.
Under CI=true a missing Prism fails instead of skipping."""

import contextlib
import datetime
import json
import shutil
import uuid

import httpx
import pytest

from django.conf import settings

from inburgering.duo import client as duo_client
from inburgering.duo.models import DuoBericht, Notificatie
from inburgering.models import Inburgeraar
from leerroutes import regels
from leerroutes import services as leerroutes
from ontzorgen.models import Urensoort
from tests.conftest import vereist
from tests.factories import geef_pip

from .conftest import keur_uren_goed
from .prism import PRISM, Router, mock, prism

MOCKS = {
    "PIP": "PIP.openapi.yml",
    "map": "MAP-PVT-Zroute.openapi.yml",
    "pvt": "MAP-PVT-Zroute.openapi.yml",
    "Inburgeringsaanbod": "Inburgeringsaanbod.openapi.yml",
    "inburgeringsplicht": "Inburgeringsplicht.openapi.yml",
    "doelgroep": "Inburgeringsplicht.openapi.yml",
    "inburgeringstermijn": "Inburgeringstermijn.openapi.yml",
    "uren": "GevolgdeUren.openapi.yml",
}
DUO_OIN = "00000001800866472000"

# Starting the mocks takes seconds: the tests share them on one xdist worker.
pytestmark = pytest.mark.xdist_group("prism")


@pytest.fixture(scope="module")
def duo_mock():
    vereist(PRISM.exists() and shutil.which("node") is not None, "Prism ontbreekt (npm ci)")
    with contextlib.ExitStack() as stapel:
        per_bestand = {bestand: stapel.enter_context(mock(bestand)) for bestand in sorted(set(MOCKS.values()))}
        router = stapel.enter_context(Router({bron: per_bestand[bestand] for bron, bestand in MOCKS.items()}))
        yield router


@pytest.fixture
def echt_http(duo_wereld, duo_mock):
    duo_client.zet_transport(None)  # real HTTP, not the fake transport of the other tests
    duo_wereld.bladel.duo_basis_url = duo_mock.basis_url
    duo_wereld.bladel.save()
    duo_mock.overtredingen.clear()
    duo_mock.verzoeken.clear()
    return duo_mock


def test_our_messages_to_duo_conform_to_prisms_mock(
    duo_wereld, echt_http, aanbieder, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(regels, "minimum_uren_overtredingen", lambda **kwargs: [])
    with django_capture_on_commit_callbacks(execute=True):
        dossier = geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur, leerroute="B")
        leerroutes.leg_afronding_vast(
            door=duo_wereld.regisseur,
            inburgeraar=dossier,
            onderdeel="map",
            datum=datetime.date(2026, 11, 2),
            behaald=True,
            motivatie_onder_norm="De lessen werden gevolgd voordat dit systeem ze registreerde.",
        )
        leerroutes.leg_aanbod_vast(
            door=duo_wereld.regisseur,
            inburgeraar=dossier,
            gegevens={"aanbieder": aanbieder, "leerroute": "B", "datum_aanbod": datetime.date(2026, 11, 2)},
        )
        keur_uren_goed(duo_wereld, dossier, "3", Urensoort.PARTICIPATIE_ALS_TAALLES)

    assert echt_http.overtredingen == []
    assert [(m, p.split("/")[3]) for m, p, _status in echt_http.verzoeken] == [
        ("POST", "PIP"),
        ("PUT", "map"),
        ("POST", "Inburgeringsaanbod"),
        ("PUT", "uren"),
    ]
    assert set(DuoBericht.objects.values_list("soort", "status")) == {
        ("pip", "confirmed"),
        ("map", "confirmed"),
        ("aanbod", "confirmed"),
        ("uren", "confirmed"),
    }


@pytest.mark.django_db(transaction=True)
def test_a_notification_through_prisms_proxy_opens_a_dossier_from_duos_details(duo_wereld, echt_http, live_server):
    bsn = "111222333"
    inhoud = {"gebeurtenisId": "SS101", "bsn": bsn, "registratieDatumTijd": "2026-11-20T09:15:00+01:00"}
    headers = {
        "bron": DUO_OIN,
        "doel": duo_wereld.bladel.oin,
        "berichtId": str(uuid.uuid4()),
        "X-SSL-Client-S-DN": f"serialNumber={DUO_OIN}",
        "Content-Type": "application/json",
    }
    with prism("proxy", str(settings.DUO_SPEC_DIR / "Notificatie.openapi.yml"), f"{live_server.url}/duo/v1") as poort:
        antwoord = httpx.post(f"http://127.0.0.1:{poort}/notificaties", content=json.dumps(inhoud), headers=headers)
        onbekend = httpx.post(
            f"http://127.0.0.1:{poort}/notificaties",
            content=json.dumps(inhoud),
            headers={**headers, "doel": "9" * 20, "berichtId": str(uuid.uuid4())},
        )

    assert "sl-violations" not in antwoord.headers, antwoord.headers.get("sl-violations")
    assert (antwoord.status_code, antwoord.headers["API-Version"]) == (201, "1.8.0")
    assert "sl-violations" not in onbekend.headers, onbekend.headers.get("sl-violations")
    assert onbekend.status_code == 403
    assert Notificatie.objects.get().status == "verwerkt"
    assert Inburgeraar.objects.filter(bsn=bsn, gemeente=duo_wereld.bladel).exists()
    # DUO's details were read from the mock, within its contract
    assert echt_http.overtredingen == []
    assert {p.split("/")[3] for _m, p, _s in echt_http.verzoeken} == {"inburgeringsplicht", "doelgroep"}


def test_prism_reports_a_message_outside_duos_contract(duo_wereld, echt_http):
    """The harness itself: a body DUO's schema refuses is reported, so an empty list above means something."""
    with duo_client.client_voor(duo_wereld.bladel) as client:
        antwoord = client.verstuur("POST", "/personen/123456782/PIP", inhoud={"leerroute": "X"})

    assert not antwoord.is_success
    assert len(echt_http.overtredingen) == 1
    assert "dagtekeningPip" in echt_http.overtredingen[0]
