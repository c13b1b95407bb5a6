"""The regisseur's caseload: columns, search, filters, sorting, pages, and a constant query count."""

import datetime

import pytest
import time_machine

from django.urls import reverse
from django.utils.html import escape

from inburgering.fasen import Fase
from inburgering.models import Doelgroep, Inburgeraar
from tests.factories import InburgeraarFactory

NU = datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def regisseur(client, wereld):
    client.force_login(wereld.regisseur)
    return wereld.regisseur


def _namen(response):
    return [d.achternaam for d in response.context["pagina"].object_list]


@time_machine.travel(NU, tick=False)
def test_it_shows_the_columns_a_regisseur_needs_with_the_bsn_masked(client, wereld, regisseur):
    response = client.get(reverse("inburgering:caseload"))

    html = response.content.decode()
    dossier = wereld.dossier_bladel
    assert f"Haile, {dossier.voornamen}" in html
    assert f"******{dossier.bsn[-3:]}" in html
    assert dossier.bsn not in html
    assert "Asielstatushouder" in html
    assert "Aangemeld" in html
    assert escape(str(wereld.regisseur)) in html  # names like 's-Gravensande are escaped
    # koppeling on 1 September 2026, today is 22 November 2026
    assert ">82</td>" in html


def test_it_finds_a_dossier_by_a_full_bsn_even_as_typed_with_dots(client, wereld, regisseur):
    bsn = wereld.dossier_bergeijk.bsn
    getypt = f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}"

    response = client.get(reverse("inburgering:caseload"), {"q": getypt})

    assert [d.pk for d in response.context["pagina"].object_list] == [wereld.dossier_bergeijk.pk]


def test_it_does_not_find_another_gemeentes_dossier_by_bsn(client, wereld, regisseur):
    response = client.get(reverse("inburgering:caseload"), {"q": wereld.dossier_eersel.bsn})

    assert response.context["pagina"].paginator.count == 0
    assert "Geen dossiers die aan deze zoekopdracht voldoen." in response.content.decode()


@pytest.mark.parametrize("getypt", ["{laatste}", "******{laatste}", " {laatste} "])
def test_it_finds_a_dossier_by_the_bsn_digits_the_list_shows(client, wereld, regisseur, getypt):
    laatste = wereld.dossier_bladel.bsn[-3:]
    zichtbaar = set(Inburgeraar.objects.zichtbaar_voor(regisseur).values_list("pk", flat=True))

    response = client.get(reverse("inburgering:caseload"), {"q": getypt.format(laatste=laatste)})

    gevonden = [d.pk for d in response.context["pagina"].object_list]
    assert wereld.dossier_bladel.pk in gevonden
    assert set(gevonden) <= zichtbaar
    assert all(d.bsn.endswith(laatste) for d in response.context["pagina"].object_list)


def test_the_shown_digits_never_find_a_dossier_the_user_may_not_see(client, wereld, regisseur):
    response = client.get(reverse("inburgering:caseload"), {"q": wereld.dossier_eersel.bsn[-3:]})

    assert wereld.dossier_eersel.pk not in [d.pk for d in response.context["pagina"].object_list]


def test_it_searches_names_word_by_word(client, wereld, regisseur):
    InburgeraarFactory(gemeente=wereld.bladel, voornamen="Semhar", achternaam="Tesfamariam")
    InburgeraarFactory(gemeente=wereld.bladel, voornamen="Semhar", achternaam="Berhane")

    response = client.get(reverse("inburgering:caseload"), {"q": "semhar tesfa"})

    assert _namen(response) == ["Tesfamariam"]


def test_it_filters_on_gemeente_fase_doelgroep_and_mine(client, wereld, regisseur):
    InburgeraarFactory(gemeente=wereld.bladel, achternaam="Osman", fase=Fase.INTAKE, regisseur=regisseur)
    InburgeraarFactory(gemeente=wereld.bladel, achternaam="Kaya", doelgroep=Doelgroep.GEZINSVORMER)

    assert set(_namen(client.get(reverse("inburgering:caseload"), {"gemeente": wereld.bladel.pk}))) == {
        "Haile",
        "Osman",
        "Kaya",
    }
    assert _namen(client.get(reverse("inburgering:caseload"), {"fase": Fase.INTAKE})) == ["Osman"]
    assert _namen(client.get(reverse("inburgering:caseload"), {"doelgroep": Doelgroep.GEZINSVORMER})) == ["Kaya"]
    assert set(_namen(client.get(reverse("inburgering:caseload"), {"van": "mijn"}))) == {"Haile", "Osman"}


def test_it_refuses_to_filter_on_a_gemeente_outside_the_team(client, wereld, regisseur):
    response = client.get(reverse("inburgering:caseload"), {"gemeente": wereld.eersel.pk})

    assert "gemeente" in response.context["form"].errors
    assert wereld.dossier_eersel.pk not in [d.pk for d in response.context["pagina"].object_list]


def test_it_sorts_by_koppeling_both_ways(client, wereld, regisseur):
    InburgeraarFactory(gemeente=wereld.bladel, achternaam="Oud", datum_koppeling=datetime.date(2024, 1, 5))
    InburgeraarFactory(gemeente=wereld.bladel, achternaam="Nieuw", datum_koppeling=datetime.date(2026, 11, 1))

    oplopend = _namen(client.get(reverse("inburgering:caseload"), {"sorteer": "koppeling"}))
    aflopend = _namen(client.get(reverse("inburgering:caseload"), {"sorteer": "-koppeling"}))

    assert oplopend[0] == "Oud"
    assert aflopend[0] == "Nieuw"
    html = client.get(reverse("inburgering:caseload"), {"sorteer": "koppeling"}).content.decode()
    assert 'aria-sort="ascending"' in html


def test_it_pages_through_a_long_caseload(client, wereld, regisseur, settings):
    settings.CASELOAD_PAGINA_GROOTTE = 5
    for i in range(9):
        InburgeraarFactory(gemeente=wereld.bergeijk, achternaam=f"Persoon{i}")

    eerste = client.get(reverse("inburgering:caseload"))
    derde = client.get(reverse("inburgering:caseload"), {"pagina": 3})

    assert eerste.context["pagina"].paginator.count == 12
    assert len(derde.context["pagina"].object_list) == 2
    assert "Pagina 1 van 3" in eerste.content.decode()


@pytest.mark.parametrize("aantal", [3, 60])
def test_the_query_count_does_not_grow_with_the_caseload(client, wereld, regisseur, aantal, django_assert_num_queries):
    for i in range(aantal):
        InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.collega if i % 2 else regisseur)

    # session and user; the role's permissions (user and group) for the menu; the gemeente filter
    # choices; the count and the page itself; the page's unknown deadlines (one prefetch); renewing the
    # idle timeout (savepoint, update, release)
    with django_assert_num_queries(11):
        response = client.get(reverse("inburgering:caseload"), {"sorteer": "gemeente"})
    assert response.status_code == 200


def test_filtering_with_htmx_returns_only_the_results(client, wereld, regisseur):
    response = client.get(reverse("inburgering:caseload"), {"q": "Haile"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert '<div id="resultaten">' in html
    assert "<form" not in html
    assert "Haile" in html
