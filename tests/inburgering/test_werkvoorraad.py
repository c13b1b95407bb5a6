"""The werkvoorraad: the regisseur's start page with what waits on them, and the teamleider's table."""

import datetime

import pytest
import time_machine

from django.urls import reverse
from django.utils.html import escape

from intake import services as intake_services
from pip import services as pip_services
from tests.factories import InburgeraarFactory

# A Tuesday: "this week" runs to Sunday 29 November.
NU = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)
D = datetime.date

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nu():
    with time_machine.travel(NU, tick=False):
        yield


def _dossier(wereld, regisseur, koppeling, gemeente=None, **kwargs):
    """An asielstatushouder's brede intake must start four weeks after the koppeling."""
    return InburgeraarFactory(
        gemeente=gemeente or wereld.bladel, regisseur=regisseur, datum_koppeling=koppeling, **kwargs
    )


def _blok(response, sleutel):
    return next(blok for blok in response.context["blokken"] if blok.post.sleutel == sleutel)


@pytest.mark.parametrize(
    ("rol", "pagina"),
    [
        ("regisseur", "inburgering:werkvoorraad"),
        ("teamleider", "inburgering:werkvoorraad"),
        ("begeleider", "ontzorgen:mijn_inburgeraars"),
        ("beleidsmedewerker", "inburgering:rapportage"),
        ("privacy", "inburgering:inzagelog"),
    ],
)
def test_the_start_page_is_the_werkvoorraad_only_for_those_who_work_on_dossiers(client, wereld, rol, pagina):
    client.force_login(getattr(wereld, rol))
    assert client.get(reverse("inburgering:start")).url == reverse(pagina)


def test_a_regisseur_sees_todays_and_this_weeks_deadlines_of_their_own_dossiers(client, wereld):
    vandaag = _dossier(wereld, wereld.regisseur, D(2026, 10, 27), achternaam="Vandaag")
    donderdag = _dossier(wereld, wereld.regisseur, D(2026, 10, 29), achternaam="Donderdag")
    _dossier(wereld, wereld.regisseur, D(2026, 11, 5), achternaam="Volgendeweek")
    _dossier(wereld, wereld.collega, D(2026, 10, 27), achternaam="Collega")
    _dossier(wereld, wereld.regisseur_eersel, D(2026, 10, 27), gemeente=wereld.eersel, achternaam="Eersel")
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:werkvoorraad"))

    vandaag_blok = _blok(response, "termijnen_vandaag")
    # the fixture's own dossier passed its deadline in September: still today's work
    assert {item.dossier.achternaam for item in vandaag_blok.items} == {"Vandaag", "Haile"}
    assert vandaag_blok.aantal == 2
    week = _blok(response, "termijnen_week")
    assert [item.dossier for item in week.items] == [donderdag]
    assert week.items[0].url == reverse("inburgering:dossier", args=[donderdag.pk])
    assert week.items[0].detail == "Brede intake starten – 26 november 2026"
    pagina = response.content.decode()
    assert escape(vandaag.naam) in pagina
    assert "Collega" not in pagina
    assert "Yilmaz" not in pagina and "Eersel" not in pagina


def test_each_entry_links_to_the_place_where_the_work_is_done(client, wereld):
    dossier = wereld.dossier_bladel
    intake_services.start_intake(door=wereld.regisseur, inburgeraar=dossier)
    ander = _dossier(wereld, wereld.regisseur, D(2026, 11, 20), fase="pip")
    pip_services.start_concept(door=wereld.regisseur, inburgeraar=ander)
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:werkvoorraad"))

    assert [item.url for item in _blok(response, "intakes").items] == [reverse("intake:intake", args=[dossier.pk])]
    assert [item.url for item in _blok(response, "concept_pips").items] == [reverse("pip:pip", args=[ander.pk])]
    assert _blok(response, "uren").aantal == 0
    assert "Niets te doen." in response.content.decode()


def test_a_list_shows_five_items_and_the_count_of_all(client, wereld):
    for i in range(7):
        _dossier(wereld, wereld.regisseur, D(2026, 10, 20) + datetime.timedelta(days=i))
    client.force_login(wereld.regisseur)

    blok = _blok(client.get(reverse("inburgering:werkvoorraad")), "termijnen_vandaag")

    assert blok.aantal == 8  # the seven, and the fixture's dossier
    assert len(blok.items) == 5


def test_the_menu_badge_counts_the_regisseurs_own_work(client, wereld):
    _dossier(wereld, wereld.regisseur, D(2026, 10, 29))
    _dossier(wereld, wereld.collega, D(2026, 10, 29))
    client.force_login(wereld.regisseur)

    pagina = client.get(reverse("inburgering:caseload")).content.decode()
    teller = client.get(reverse("inburgering:werkvoorraad_teller")).content.decode()
    werk = sum(blok.aantal for blok in client.get(reverse("inburgering:werkvoorraad")).context["blokken"])

    assert f'hx-get="{reverse("inburgering:werkvoorraad_teller")}"' in pagina
    # the fixture's overdue deadline and Thursday's, each with its open signaal; not the colleague's
    assert werk == 4
    assert f'<span class="app-teller" id="werkvoorraad-teller">{werk}<' in teller


def test_the_teamleider_sees_the_work_per_regisseur_of_the_team(client, wereld):
    _dossier(wereld, wereld.collega, D(2026, 10, 29))
    _dossier(wereld, None, D(2026, 10, 29))
    _dossier(wereld, wereld.regisseur_eersel, D(2026, 10, 29), gemeente=wereld.eersel)
    client.force_login(wereld.teamleider)

    response = client.get(reverse("inburgering:werkvoorraad"))

    posten = [post.sleutel for post in response.context["posten"]]
    rijen = {str(lid): dict(zip(posten, aantallen, strict=True)) for lid, aantallen in response.context["tabel"]}
    assert set(rijen) == {str(wereld.regisseur), str(wereld.collega)}  # not Eersel's regisseur
    assert rijen[str(wereld.regisseur)]["termijnen_vandaag"] == 1
    assert rijen[str(wereld.collega)]["termijnen_week"] == 1
    # the reusel dossier of the fixture has no regisseur, nor does the new one
    assert dict(zip(posten, response.context["niet_toegewezen"], strict=True))["termijnen_week"] == 1
    assert response.context["blokken"] is None

    gekozen = client.get(reverse("inburgering:werkvoorraad"), {"regisseur": wereld.collega.pk})
    assert _blok(gekozen, "termijnen_week").aantal == 1
    assert client.get(reverse("inburgering:werkvoorraad"), {"regisseur": wereld.regisseur_eersel.pk}).status_code == 404


@pytest.mark.parametrize("aantal", [2, 12])
def test_the_werkvoorraad_takes_a_fixed_number_of_queries(client, wereld, aantal, django_assert_num_queries):
    for i in range(aantal):
        dossier = _dossier(wereld, wereld.regisseur, D(2026, 10, 20) + datetime.timedelta(days=i % 10))
        intake_services.start_intake(door=wereld.regisseur, inburgeraar=dossier)
    client.force_login(wereld.regisseur)
    # session, user, the role check, permissions (user, group) for the view and the menu, one query per
    # entry (count and items at once), renewing the idle timeout (savepoint, update, release)
    with django_assert_num_queries(17):
        client.get(reverse("inburgering:werkvoorraad"))


@pytest.mark.parametrize("aantal", [2, 12])
def test_the_teamleiders_table_takes_a_fixed_number_of_queries(client, wereld, aantal, django_assert_num_queries):
    for i in range(aantal):
        _dossier(wereld, wereld.collega if i % 2 else wereld.regisseur, D(2026, 10, 20))
    client.force_login(wereld.teamleider)
    with django_assert_num_queries(18):
        client.get(reverse("inburgering:werkvoorraad"))
