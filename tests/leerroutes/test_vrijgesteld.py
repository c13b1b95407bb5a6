"""Exam parts DUO exempted (a partial vrijstelling or ontheffing) leave the exam overview and what is missing."""

import pytest

from django.urls import reverse

from inburgering.models import Inburgeraar
from leerroutes import queries, regels

pytestmark = pytest.mark.django_db


def test_an_exempt_part_is_not_required():
    vereist = regels.vereiste_examens(leerroute="B", niveau="", met_knm=True, vrijgesteld=frozenset({"SC", "KNM"}))
    assert vereist == {"LE": "B1", "LU": "B1", "SP": "B1"}
    ontbreekt = regels.wat_ontbreekt(
        leerroute="B",
        niveau="",
        met_knm=True,
        behaald={"LE": "B1", "LU": "B1", "SP": "B1"},
        afgerond={"map", "pvt"},
        vrijgesteld=frozenset({"SC", "KNM"}),
    )
    assert ontbreekt == []


def test_the_tab_shows_the_exempt_parts_and_counts_only_the_required_ones(client, dossier, regisseur):
    Inburgeraar.objects.filter(pk=dossier.pk).update(duo_vrijgestelde_onderdelen="SC")
    dossier.refresh_from_db()
    client.force_login(regisseur)

    html = client.get(reverse("leerroutes:leerroute", args=[dossier.pk])).content.decode()

    assert "0 van 4 examens behaald" in html
    assert "Examen Schrijven op B1" not in html
    assert "Vrijstelling of ontheffing van DUO" in html
    assert [str(o.label) for o in queries.stand(dossier).vrijgesteld] == ["Schrijven"]
