"""The API's permission matrix: every endpoint as every kind of client. A partner system reaches only the
dossiers referred to its own team, through the same rule as the begeleider's pages; never another
organisation's, never another gemeente's, never one nobody referred. test_isolation.py checks that every
API URL is in API_MATRIX (and, for the browser roles, in its own MATRIX)."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inburgering.models import Inburgeraar, Inzage
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst
from tests.conftest import assert_niet_bewaard
from tests.factories import InburgeraarFactory

CLIENTS = ["eigen", "ander", "ingetrokken", "verlopen", "geen"]
_GEWEIGERD = {"ingetrokken": 401, "verlopen": 401, "geen": 401}


def _beide(eigen, ander):
    return {"eigen": eigen, "ander": ander, **_GEWEIGERD}


def _uren(dossier):
    return {"regels": [{"dossier": dossier, "datum": "2026-11-20", "uren": "1.5", "soort": "praktische_zaken"}]}


def _deelname(dossier):
    return {"regels": [{"dossier": dossier, "periode_van": "2026-11-16", "periode_tot": "2026-11-20", "lesuren": 8}]}


def _examen(dossier):
    return {"dossier": dossier, "onderdeel": "LE", "examendatum": "2026-11-20", "niveau": "B1", "resultaat": "Geslaagd"}


def _melding(dossier):
    return {"dossier": dossier, "soort": "vraag", "tekst": "Kan het intakegesprek een week later?"}


def _correctie(_dossier):
    return {"uren": "1.25", "soort": "praktische_zaken", "reden": "Een kwartier te veel geschreven."}


# url name, method, object ("bladel", "eersel", "niet_verwezen", "uren_bladel" or None), body for a dossier
# id (or None), {client: status}. The other organisation's client refers to the Eersel dossier only.
API_MATRIX = [
    ("api_schema", "get", None, None, dict.fromkeys(CLIENTS, 200)),
    ("api_docs", "get", None, None, dict.fromkeys(CLIENTS, 200)),
    ("api_dossiers", "get", None, None, _beide(200, 200)),
    ("api_dossier", "get", "bladel", None, _beide(200, 404)),
    ("api_dossier", "get", "eersel", None, _beide(404, 200)),
    ("api_dossier", "get", "niet_verwezen", None, _beide(404, 404)),
    ("api_verwijzingen", "get", None, None, _beide(200, 200)),
    ("api_uren", "get", None, None, _beide(200, 200)),
    # A dossier the client may not see is, in a body, a dossier that does not exist: 400 on that field.
    ("api_uren", "post", "bladel", _uren, _beide(201, 400)),
    ("api_uren", "post", "niet_verwezen", _uren, _beide(400, 400)),
    ("api_uren_correctie", "post", "uren_bladel", _correctie, _beide(201, 404)),
    ("api_deelnames", "post", "bladel", _deelname, _beide(201, 400)),
    ("api_deelnames", "post", "eersel", _deelname, _beide(400, 201)),
    ("api_examenresultaten", "post", "bladel", _examen, _beide(201, 400)),
    ("api_examenresultaten", "post", "niet_verwezen", _examen, _beide(400, 400)),
    ("api_meldingen", "post", "bladel", _melding, _beide(201, 400)),
    ("api_meldingen", "post", "eersel", _melding, _beide(400, 201)),
]


def _sleutel(partners, wie):
    return {
        "eigen": partners.sleutel,
        "ander": partners.andere_sleutel,
        "ingetrokken": partners.ingetrokken_sleutel,
        "verlopen": partners.verlopen_sleutel,
        "geen": None,
    }[wie]


def _object(partners, naam, uren_bladel):
    if naam == "uren_bladel":
        return uren_bladel
    if naam == "niet_verwezen":
        return partners.niet_verwezen
    return getattr(partners.wereld, f"dossier_{naam}")


@pytest.mark.parametrize(
    ("url_name", "methode", "doel", "body", "wie", "status"),
    [
        pytest.param(naam, methode, doel, body, wie, verwacht[wie], id=f"{naam}-{methode}-{doel}-{wie}")
        for naam, methode, doel, body, verwacht in API_MATRIX
        for wie in CLIENTS
    ],
)
def test_every_client_gets_exactly_what_its_referrals_allow(
    request, partners, api, url_name, methode, doel, body, wie, status
):
    uren_bladel = request.getfixturevalue("uren_bladel") if doel == "uren_bladel" else None
    obj = _object(partners, doel, uren_bladel) if doel else None
    kwargs = {"pk": obj.pk} if obj is not None and (url_name.endswith(("dossier", "correctie"))) else {}
    url = reverse(url_name, kwargs=kwargs)
    api.als(_sleutel(partners, wie))
    if methode == "get":
        response = api.get(url)
    else:
        dossier_id = obj.inburgeraar_id if doel == "uren_bladel" else obj.pk
        response = api.post(url, body(dossier_id))
    assert response.status_code == status, response.content
    if wie != "geen":
        assert_niet_bewaard(response)
    if status >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == status


@pytest.mark.parametrize("url_name", ["api_dossiers", "api_verwijzingen", "api_uren"])
@pytest.mark.parametrize("wie", ["eigen", "ander"])
def test_lists_hold_only_the_dossiers_referred_to_the_clients_team(partners, api, uren_bladel, url_name, wie):
    client = partners.client if wie == "eigen" else partners.ander
    verwezen = set(
        Inburgeraar.objects.filter(verwijzingen__team=client.team, verwijzingen__beeindigd=False).values_list(
            "pk", flat=True
        )
    )
    response = api.als(_sleutel(partners, wie)).get(reverse(url_name))

    assert response.status_code == 200
    getoond = {rij["id"] if url_name == "api_dossiers" else rij["dossier"] for rij in response.json()["results"]}
    assert getoond <= verwezen
    if url_name != "api_uren" or wie == "eigen":  # only the own client has hours here
        assert getoond == verwezen
    # Never a dossier of a gemeente the team was not referred in, nor one nobody referred.
    assert partners.niet_verwezen.pk not in getoond
    assert partners.wereld.dossier_emmen.pk not in getoond


def test_a_dossier_shows_only_the_minimal_fields_with_a_masked_bsn_and_is_logged(partners, api):
    dossier = partners.wereld.dossier_bladel
    response = api.als(partners.sleutel).get(reverse("api_dossier", args=[dossier.pk]))

    data = response.json()
    assert set(data) == {
        "id",
        "bsn_gemaskeerd",
        "voornamen",
        "tussenvoegsel",
        "achternaam",
        "gemeente",
        "fase",
        "taal",
        "tolk_nodig",
        "telefoon",
        "email",
        "gewijzigd_op",
    }
    assert data["bsn_gemaskeerd"].endswith(dossier.bsn[-3:]) and dossier.bsn not in response.content.decode()
    assert Inzage.objects.filter(user=partners.client.gebruiker, inburgeraar=dossier).count() == 1


def test_an_ended_referral_closes_the_api_at_once(partners, api):
    verwijzing = partners.wereld.dossier_bladel.verwijzingen.get()
    ontzorgen.beeindig_verwijzing(door=partners.wereld.regisseur, verwijzing=verwijzing, reden="Klaar.")

    response = api.als(partners.sleutel).get(reverse("api_dossier", args=[partners.wereld.dossier_bladel.pk]))
    assert response.status_code == 404
    assert api.get(reverse("api_dossiers")).json()["results"] == []


def test_a_browser_session_is_no_api_credential(partners, client):
    client.force_login(partners.wereld.regisseur)
    response = client.get(reverse("api_dossiers"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_malformed_authorization_header_is_refused(partners, client):
    response = client.get(reverse("api_dossiers"), HTTP_AUTHORIZATION="Bearer een twee")
    assert response.status_code == 401


@pytest.mark.parametrize("url_name", ["api_dossiers", "api_verwijzingen", "api_uren"])
def test_a_list_takes_as_many_queries_for_many_dossiers_as_for_one(partners, api, uren_bladel, url_name):
    def tel():
        with CaptureQueriesContext(connection) as queries:
            assert api.als(partners.sleutel).get(reverse(url_name)).status_code == 200
        return len(queries)

    een = tel()
    for _i in range(3):
        dossier = InburgeraarFactory(gemeente=partners.wereld.bladel)
        ontzorgen.verwijs(
            door=partners.wereld.regisseur,
            inburgeraar=dossier,
            team=partners.vwn,
            dienst=Dienst.TAALMAATJE,
            startdatum=datetime.date(2026, 11, 2),
        )
        ontzorgen.registreer_uren(
            door=partners.client.gebruiker,
            regels=[{"inburgeraar": dossier, "datum": datetime.date(2026, 11, 20), "uren": 1, "soort": "taalmaatje"}],
        )
    assert len(api.get(reverse(url_name)).json()["results"]) >= 4
    assert tel() == een
