"""A partner world for the API: VluchtelingenWerk (partner) has a referral for the Bladel dossier and a
client with a token; Taalhuis (another partner) has a referral for the Eersel dossier and its own client."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
import time_machine

from django.utils import timezone

from inburgering.api import sleutels
from inburgering.fasen import Fase
from inburgering.models import Organisatie, Team
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst
from tests.conftest import NU
from tests.factories import InburgeraarFactory, maak_team


def maak_client(team, *, naam="Systeem", dagen=365):
    return sleutels.maak_client(naam=naam, team=team, geldig_tot=timezone.now() + datetime.timedelta(days=dagen))


@pytest.fixture
def partners(wereld, klok, settings):
    settings.API_RATE_LIMIET = "10000/min"
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    vwn = Team.objects.get(organisatie__naam="VluchtelingenWerk")
    taalhuis = maak_team("Taalhuis Eersel", "Docenten")
    Organisatie.objects.filter(pk=taalhuis.organisatie_id).update(soort=Organisatie.Soort.PARTNER)
    taalhuis.refresh_from_db()
    for dossier, door, team in [
        (wereld.dossier_bladel, wereld.regisseur, vwn),
        (wereld.dossier_eersel, wereld.regisseur_eersel, taalhuis),
    ]:
        ontzorgen.verwijs(
            door=door,
            inburgeraar=dossier,
            team=team,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=datetime.date(2026, 11, 2),
        )
    client, sleutel = maak_client(vwn, naam="VWN-systeem")
    ander, andere_sleutel = maak_client(taalhuis, naam="Taalhuis-systeem")
    ingetrokken, ingetrokken_sleutel = maak_client(vwn, naam="Oud systeem")
    sleutels.trek_in(client=ingetrokken)
    with time_machine.travel(NU - datetime.timedelta(days=30), tick=False):
        _verlopen, verlopen_sleutel = maak_client(vwn, naam="Verlopen systeem", dagen=1)
    return SimpleNamespace(
        wereld=wereld,
        vwn=vwn,
        taalhuis=taalhuis,
        client=client,
        sleutel=sleutel,
        ander=ander,
        andere_sleutel=andere_sleutel,
        ingetrokken_sleutel=ingetrokken_sleutel,
        verlopen_sleutel=verlopen_sleutel,
        # A dossier of Bladel that nobody referred: visible to KempenPlus, never to a partner.
        niet_verwezen=InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.INTAKE),
    )


@pytest.fixture
def api(client):
    """Django's test client with a token: api.als(sleutel).get(...)."""

    class Api:
        def __init__(self):
            self.sleutel = None

        def als(self, sleutel):
            self.sleutel = sleutel
            return self

        def _headers(self, extra):
            headers = {"HTTP_AUTHORIZATION": f"Bearer {self.sleutel}"} if self.sleutel else {}
            return {**headers, **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in extra.items()}}

        def get(self, url, data=None, **headers):
            return client.get(url, data, **self._headers(headers))

        def post(self, url, data, **headers):
            return client.post(url, data, content_type="application/json", **self._headers(headers))

    return Api()


@pytest.fixture
def uren_bladel(partners):
    [registratie] = ontzorgen.registreer_uren(
        door=partners.client.gebruiker,
        regels=[
            {
                "inburgeraar": partners.wereld.dossier_bladel,
                "datum": datetime.date(2026, 11, 19),
                "uren": Decimal("1.5"),
                "soort": "praktische_zaken",
            }
        ],
    )
    return registratie
