"""A regisseur books an interpreter for a conversation; the price comes from the contract of that day."""

import datetime

import pytest

from django.urls import reverse

from kosten.models import Eenheid, Tolkinzet, Voorziening
from tests.kosten import registratie
from tests.kosten.conftest import prijs

D = datetime.date
QUERIES = 24  # session, user, permissions, the dossier or gemeenten, prices, verhuizingen, one per source,
# and the dossier header's deadline row


def _boek(client, dossier, aanbieder, **anders):
    gegevens = {
        "gesprek": "intakegesprek",
        "datum": "30-11-2026",
        "taal": "Tigrinya",
        "wijze": "telefoon",
        "aanbieder": aanbieder.pk,
        "duur_minuten": 90,
        **anders,
    }
    return client.post(reverse("kosten:tolk_boeken", kwargs={"pk": dossier.pk}), gegevens)


def test_booking_an_interpreter_shows_on_the_dossier_and_the_tijdlijn(client, wereld, prijzen, tolkbureau):
    client.force_login(wereld.regisseur)
    form = client.get(
        reverse("kosten:tolk_boeken", kwargs={"pk": wereld.dossier_bladel.pk}), {"gesprek": "pip_gesprek"}
    )
    assert 'value="pip_gesprek" selected' in form.content.decode()
    response = _boek(client, wereld.dossier_bladel, tolkbureau)
    assert response.status_code == 302
    inzet = Tolkinzet.objects.get()
    assert (inzet.eenheid, inzet.bedrag, inzet.geboekt_door) == (Eenheid.INZET, 75, wereld.regisseur)
    pagina = client.get(response.url).content.decode()
    assert "Tigrinya" in pagina and "Telefonisch" in pagina and "€ 75,00" in pagina
    assert wereld.dossier_bladel.tijdlijn.filter(soort="tolk_geboekt").get().omschrijving == (
        "Tolk Tigrinya (telefonisch) geboekt voor het intakegesprek op 30 november 2026 bij Tolkbureau Brabant."
    )


def test_an_hourly_price_is_paid_for_the_minutes_booked(client, wereld, tolkbureau):
    prijs(Voorziening.TOLK, Eenheid.UUR, "60.00", aanbieder=tolkbureau, gemeente=wereld.bladel)
    client.force_login(wereld.regisseur)
    _boek(client, wereld.dossier_bladel, tolkbureau)
    assert Tolkinzet.objects.get().bedrag == 90


@pytest.mark.parametrize(
    ("anders", "melding"),
    [
        ({"taal": ""}, "Dit veld is verplicht."),
        ({"duur_minuten": 0}, "Zorg ervoor dat deze waarde minstens 5 is."),
        ({"datum": "2025-12-01"}, "geen contractprijs voor tolken"),  # before the contract
    ],
)
def test_it_refuses_a_booking_with_a_clear_message(client, wereld, prijzen, tolkbureau, anders, melding):
    client.force_login(wereld.regisseur)
    response = _boek(client, wereld.dossier_bladel, tolkbureau, **anders)
    assert response.status_code == 200
    assert melding in response.content.decode()
    assert not Tolkinzet.objects.exists()


def test_only_aanbieders_with_a_tolk_contract_for_the_gemeente_are_offered(
    client, wereld, prijzen, taalschool, tolkbureau
):
    client.force_login(wereld.regisseur)
    response = _boek(client, wereld.dossier_bladel, taalschool)
    assert "Selecteer een geldige keuze" in response.content.decode()
    client.force_login(wereld.regisseur_emmen)
    html = client.get(reverse("kosten:tolk_boeken", kwargs={"pk": wereld.dossier_emmen.pk})).content.decode()
    assert "Tolkbureau Brabant" not in html and "Er is nog geen tolkaanbieder" in html


def test_the_dossiers_cost_page_takes_the_same_queries_for_few_and_many_lines(
    client, wereld, prijzen, tolkbureau, taalschool, django_assert_num_queries
):
    dossier = wereld.dossier_bladel
    registratie.aanbod(dossier, taalschool)
    client.force_login(wereld.regisseur)
    url = reverse("kosten:kosten_dossier", kwargs={"pk": dossier.pk})
    _boek(client, dossier, tolkbureau)
    registratie.deelname(dossier, D(2026, 3, 7), 10)
    client.get(url)
    with django_assert_num_queries(QUERIES):
        client.get(url)
    for dag in range(1, 9):
        _boek(client, dossier, tolkbureau, datum=f"{dag:02d}-10-2026")
        registratie.deelname(dossier, D(2026, 4, dag), 10)
    with django_assert_num_queries(QUERIES):
        html = client.get(url).content.decode()
    assert html.count("Tolkbureau Brabant") == 9 and "€ 1.755,00" in html  # 9 × € 75 + 90 lesuren × € 12
