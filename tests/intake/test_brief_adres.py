"""The letter after a no-show is final once its step is chosen: only with the postal address it goes to."""

import datetime

import pytest

from django.urls import reverse

from inburgering import services as dossier_services
from intake import services
from intake.models import NietVerschenen

pytestmark = pytest.mark.django_db


@pytest.fixture
def gemist(wereld, regisseur, intake):
    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=wereld.dossier_bladel, wijzigingen={"adres": ""})
    return services.registreer_niet_verschenen(
        door=regisseur, intake=intake, datum=datetime.date(2026, 10, 5), geldige_reden=False
    )


def test_choosing_a_step_with_a_letter_needs_the_address_and_links_to_its_field(client, wereld, regisseur, gemist):
    client.force_login(regisseur)
    antwoord = client.post(
        reverse("intake:intake_vervolgstap", args=[wereld.dossier_bladel.pk, gemist.pk]),
        {"vervolgstap-stap": "waarschuwing"},
        follow=True,
    )

    html = antwoord.content.decode()
    assert "Een brief wordt pas definitief met het postadres" in html
    assert f'href="{reverse("inburgering:dossier_wijzigen", args=[wereld.dossier_bladel.pk])}#id_adres"' in html
    gemist.refresh_from_db()
    assert gemist.vervolgstap == ""


def test_no_step_needs_no_address(regisseur, gemist):
    services.kies_vervolgstap(door=regisseur, niet_verschenen=gemist, stap=NietVerschenen.Vervolgstap.GEEN)
    gemist.refresh_from_db()
    assert gemist.vervolgstap == "geen"


def test_a_chosen_letter_is_not_shown_without_an_address(client, wereld, regisseur, gemist):
    NietVerschenen.objects.filter(pk=gemist.pk).update(vervolgstap="waarschuwing")  # chosen before the address went
    client.force_login(regisseur)

    html = client.get(reverse("intake:intake_brief", args=[wereld.dossier_bladel.pk, gemist.pk])).content.decode()

    assert 'id="adres-ontbreekt"' in html
    assert 'class="app-brief"' not in html
