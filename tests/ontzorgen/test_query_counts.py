"""Every list page of ontzorgen costs the same number of queries for 2 rows as for 8."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ontzorgen import services
from tests.factories import InburgeraarFactory
from tests.ontzorgen.factories import regel, verwijs

pytestmark = pytest.mark.django_db

DAG = datetime.date(2026, 11, 20)


def _voeg_toe(wereld, partner, aantal):
    for _i in range(aantal):
        dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur)
        verwijs(door=wereld.regisseur, inburgeraar=dossier, team=partner)
        services.registreer_uren(door=wereld.begeleider, regels=[regel(dossier, DAG, 1), regel(dossier, DAG, 2)])
        services.maak_melding(door=wereld.begeleider, inburgeraar=dossier, soort="vraag", tekst="Vraag")


def _aantal_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("rol", "url_naam"),
    [
        ("begeleider", "ontzorgen:mijn_inburgeraars"),
        ("begeleider", "ontzorgen:uren_week"),
        ("regisseur", "ontzorgen:uren_beoordelen"),
    ],
)
def test_list_pages_cost_a_constant_number_of_queries(client, wereld, partner, rol, url_naam):
    client.force_login(getattr(wereld, rol))
    url = reverse(url_naam) + ("?week=2026-11-16" if url_naam == "ontzorgen:uren_week" else "")
    _voeg_toe(wereld, partner, 2)
    weinig = _aantal_queries(client, url)
    _voeg_toe(wereld, partner, 6)
    veel = _aantal_queries(client, url)
    assert veel == weinig


def test_the_dossier_page_of_ontzorgen_costs_a_constant_number_of_queries(client, wereld, partner):
    dossier = wereld.dossier_bladel
    verwijs(door=wereld.regisseur, inburgeraar=dossier, team=partner)
    client.force_login(wereld.regisseur)
    url = reverse("ontzorgen:ontzorgen_dossier", args=[dossier.pk])

    def _meer_uren(aantal):
        for dag in range(aantal):
            services.registreer_uren(
                door=wereld.begeleider, regels=[regel(dossier, DAG - datetime.timedelta(days=dag), 1)]
            )
            services.maak_melding(door=wereld.begeleider, inburgeraar=dossier, soort="vraag", tekst="Vraag")

    _meer_uren(2)
    weinig = _aantal_queries(client, url)
    _meer_uren(6)
    assert _aantal_queries(client, url) == weinig
