"""DUO fixtures: a fake DUO on httpx's MockTransport that validates every request against DUO's
OpenAPI file with openapi-core, and a gemeente connected to it."""

import datetime
import functools
import ipaddress
import json

import httpx
import pytest
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from django.conf import settings

from inburgering.duo import client as duo_client
from inburgering.models import Inburgeraar
from tests.leerroutes.conftest import aanbieder  # noqa: F401  (a fixture, shared with the leerroutes tests)

BASIS = "https://duo.test/v1"
BSN = "123456782"

# Which of DUO's files describes a path under /personen/{bsn}/.
SPECS = {
    "PIP": "PIP.openapi.yml",
    "map": "MAP-PVT-Zroute.openapi.yml",
    "pvt": "MAP-PVT-Zroute.openapi.yml",
    "zroute": "MAP-PVT-Zroute.openapi.yml",
    "Inburgeringsaanbod": "Inburgeringsaanbod.openapi.yml",
    "uren": "GevolgdeUren.openapi.yml",
    "inburgeringsplicht": "Inburgeringsplicht.openapi.yml",
    "doelgroep": "Inburgeringsplicht.openapi.yml",
    "inburgeringstermijn": "Inburgeringstermijn.openapi.yml",
    "lbt": "Leerbaarheidstoets.openapi.yml",
    "examens": "Examen.openapi.yml",
    "vrijstellingen": "Vrijstelling.openapi.yml",
    "ontheffingen": "Ontheffing.openapi.yml",
}


@functools.cache
def spec(bestand: str) -> OpenAPI:
    return OpenAPI.from_file_path(str(settings.DUO_SPEC_DIR / bestand))


def spec_voor(pad: str) -> str:
    """'/personen/123/PIP' -> 'PIP.openapi.yml'."""
    return SPECS[pad.split("/")[3]]


def valideer_verzoek(verzoek: httpx.Request) -> str:
    """Raise when our request (headers and body) does not conform to DUO's OpenAPI file."""
    pad = verzoek.url.path.removeprefix("/v1")
    spec(spec_voor(pad)).validate_request(
        MockRequest(
            "https://duo.test",
            verzoek.method.lower(),
            pad,
            headers=dict(verzoek.headers),
            data=verzoek.content or None,
            content_type=verzoek.headers.get("content-type", "application/json").split(";")[0],
        )
    )
    return pad


def valideer_notificatie_antwoord(verzoek_headers: dict, inhoud: bytes, antwoord) -> None:
    """Our endpoint's answer checked against Notificatie.openapi.yml (status, API-Version, body)."""
    verzoek = MockRequest("http://testserver", "post", "/notificaties", headers=verzoek_headers, data=inhoud)
    spec("Notificatie.openapi.yml").validate_response(
        verzoek,
        MockResponse(
            antwoord.content,
            status_code=antwoord.status_code,
            headers=dict(antwoord.headers),
            content_type=antwoord.headers.get("Content-Type", "").split(";")[0] or None,
        ),
    )


class NepDuo:
    """Answers per (method, path suffix), in order; every request is validated and recorded."""

    def __init__(self):
        self.verzoeken: list[httpx.Request] = []
        self.antwoorden: dict[tuple[str, str], list] = {}

    def zet(self, methode: str, suffix: str, *antwoorden) -> None:
        """Each answer: (status, json) or an exception to raise (e.g. httpx.ReadTimeout)."""
        self.antwoorden[(methode, suffix)] = list(antwoorden)

    def __call__(self, verzoek: httpx.Request) -> httpx.Response:
        pad = valideer_verzoek(verzoek)
        self.verzoeken.append(verzoek)
        for (methode, suffix), rij in self.antwoorden.items():
            if verzoek.method == methode and pad.endswith(suffix):
                antwoord = rij.pop(0) if len(rij) > 1 else rij[0]
                if isinstance(antwoord, Exception):
                    raise antwoord
                status, inhoud = antwoord
                return httpx.Response(status, json=inhoud, headers={"API-Version": "1.0.0"})
        return httpx.Response(404, headers={"API-Version": "1.0.0"})

    def aan(self, methode: str, suffix: str) -> list[httpx.Request]:
        return [v for v in self.verzoeken if v.method == methode and v.url.path.endswith(suffix)]

    @staticmethod
    def inhoud(verzoek: httpx.Request) -> dict:
        return json.loads(verzoek.content)


@pytest.fixture(autouse=True)
def _vaste_tijd(klok):
    """Every test in this folder runs at tests.conftest.NU."""
    return klok


@pytest.fixture
def nep_duo():
    nep = NepDuo()
    duo_client.zet_transport(httpx.MockTransport(nep))
    yield nep
    duo_client.zet_transport(None)


@pytest.fixture
def duo_wereld(wereld, settings, nep_duo, tmp_path):
    """Bladel talks to the fake DUO; the proxy's certificate header is checked."""
    settings.DUO_OIN = "00000001800866472000"
    settings.DUO_CERTIFICAAT_HEADER = "X-SSL-Client-S-DN"
    settings.DUO_PROXY_ADRESSEN = [ipaddress.ip_network("127.0.0.1/32")]  # the test client's REMOTE_ADDR
    settings.DUO_BACKOFF_SECONDEN = 1
    settings.MEDIA_ROOT = tmp_path / "media"
    wereld.bladel.duo_basis_url = BASIS
    wereld.bladel.save()
    # update(), not save(): the fixture's in-memory dossier predates its regisseur's assignment
    Inburgeraar.objects.filter(pk=wereld.dossier_bladel.pk).update(bsn=BSN)
    wereld.dossier_bladel.refresh_from_db()
    wereld.duo = nep_duo
    return wereld


def keur_uren_goed(wereld, dossier, uren: str, soort: str):
    """The partner (referred once) registers hours for the dossier and the regisseur approves them."""
    from decimal import Decimal

    from inburgering.models import Organisatie, Team
    from ontzorgen import services as ontzorgen
    from ontzorgen.models import Dienst

    partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
    if not dossier.verwijzingen.exists():
        Organisatie.objects.filter(pk=partner.organisatie_id).update(soort=Organisatie.Soort.PARTNER)
        ontzorgen.verwijs(
            door=wereld.regisseur,
            inburgeraar=dossier,
            team=partner,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=datetime.date(2026, 11, 2),
        )
    registraties = ontzorgen.registreer_uren(
        door=wereld.begeleider,
        regels=[{"inburgeraar": dossier, "datum": datetime.date(2026, 11, 20), "uren": Decimal(uren), "soort": soort}],
    )
    return ontzorgen.keur_uren_goed(door=wereld.regisseur, registraties=registraties)
