"""The intake's answer 'bijstand' registers the bijstand once, where ontzorgen and the PIP read it."""

import datetime

import pytest

from django.urls import reverse

from inburgering.models import Inburgeraar
from intake import services
from intake.leefgebieden import PER_SLUG
from ontzorgen import services as ontzorgen

pytestmark = pytest.mark.django_db
FINANCIEN = PER_SLUG["financien"]


def _bijstand_events(dossier):
    return dossier.tijdlijn.filter(soort=ontzorgen.BIJSTAND_GESTART).count()


def test_the_answer_bijstand_registers_the_bijstand_once(wereld, regisseur, intake):
    gegevens = {"inkomen": "bijstand", "bijstand_sinds": datetime.date(2026, 10, 1)}

    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=FINANCIEN, gegevens=gegevens)
    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=FINANCIEN, gegevens={**gegevens, "score": 3})

    dossier = Inburgeraar.objects.get(pk=wereld.dossier_bladel.pk)
    assert dossier.datum_start_bijstand == datetime.date(2026, 10, 1)
    assert _bijstand_events(dossier) == 1


def test_bijstand_registered_on_the_ontzorgen_tab_first_is_not_registered_again(wereld, regisseur, intake):
    ontzorgen.registreer_bijstand(
        door=regisseur, inburgeraar=wereld.dossier_bladel, startdatum=datetime.date(2026, 9, 1)
    )

    services.sla_leefgebied_op(
        door=regisseur,
        intake=intake,
        sectie=FINANCIEN,
        gegevens={"inkomen": "bijstand", "bijstand_sinds": datetime.date(2026, 9, 1)},
    )

    dossier = Inburgeraar.objects.get(pk=wereld.dossier_bladel.pk)
    assert dossier.datum_start_bijstand == datetime.date(2026, 9, 1)
    assert _bijstand_events(dossier) == 1


def test_the_ontzorgen_tab_shows_the_bijstand_the_intake_answered(client, wereld, regisseur, intake):
    client.force_login(regisseur)
    antwoord = client.post(
        reverse("intake:intake_leefgebied", args=[wereld.dossier_bladel.pk, "financien"]),
        {"financien-inkomen": "bijstand", "financien-bijstand_sinds": "2026-10-01"},
    )
    assert antwoord.status_code == 302

    tab = client.get(reverse("ontzorgen:ontzorgen_dossier", args=[wereld.dossier_bladel.pk])).content.decode()
    assert "Bijstand sinds 1 oktober 2026." in tab
    assert "Geen bijstand geregistreerd" not in tab


def test_the_answer_bijstand_asks_for_its_start_beside_the_field(client, wereld, regisseur, intake):
    client.force_login(regisseur)
    antwoord = client.post(
        reverse("intake:intake_leefgebied", args=[wereld.dossier_bladel.pk, "financien"]),
        {"financien-inkomen": "bijstand"},
    )

    assert "Vul in sinds wanneer de bijstand loopt" in antwoord.content.decode()
    assert Inburgeraar.objects.get(pk=wereld.dossier_bladel.pk).datum_start_bijstand is None
