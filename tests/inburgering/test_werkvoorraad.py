"""The werkvoorraad: the regisseur's start page with what waits on them, and the teamleider's table."""

import datetime

import pytest
import time_machine

from django.db import connection
from django.urls import reverse
from django.utils.html import escape

from inburgering import werkvoorraad
from inburgering.models import Doelgroep, Organisatie, Signaal, Team
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
    # the fixture's overdue deadline and Thursday's, each once (as its open signaal); not the colleague's
    assert werk == 2
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
    # session, user, the role check, permissions (user, group) for the view and the menu, the user's
    # rights read once (gemeenten, single dossiers), one query per block (its ids
    # up to the limit), the first items of the blocks with any (signalen at once, intakes), renewing the
    # idle timeout (savepoint, update, release)
    with django_assert_num_queries(22):
        client.get(reverse("inburgering:werkvoorraad"))


@pytest.mark.parametrize("aantal", [2, 12])
def test_the_teamleiders_table_takes_a_fixed_number_of_queries(client, wereld, aantal, django_assert_num_queries):
    for i in range(aantal):
        _dossier(wereld, wereld.collega if i % 2 else wereld.regisseur, D(2026, 10, 20))
    client.force_login(wereld.teamleider)
    with django_assert_num_queries(21):
        client.get(reverse("inburgering:werkvoorraad"))


# Counts that match, one block per piece of work --------------------------------------------------------


@pytest.fixture
def vol(wereld):
    """Work in every block for the regisseur: deadlines unknown, overdue, this week and later, an overdue
    voortgangsgesprek, an intake, a concept PIP, hours waiting, and the colleague's work beside it."""
    from ontzorgen import services as ontzorgen_services
    from tests.ontzorgen.factories import regel, verwijs

    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
    # no kennisgeving: the brede intake's start cannot be computed for a gezinsmigrant
    _dossier(wereld, wereld.regisseur, D(2026, 11, 1), doelgroep=Doelgroep.GEZINSVORMER, achternaam="Onbekend")
    for i in range(3):
        _dossier(wereld, wereld.regisseur, D(2026, 10, 20) + datetime.timedelta(days=i), achternaam=f"Laat{i}")
    _dossier(wereld, wereld.regisseur, D(2026, 10, 29), achternaam="Donderdag")
    _dossier(wereld, wereld.regisseur, D(2026, 11, 10), achternaam="Later")
    _dossier(wereld, wereld.collega, D(2026, 10, 27), achternaam="Collega")
    gesprek = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, met_pip=True, achternaam="Gesprek")
    intake_services.start_intake(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel)
    concept = _dossier(wereld, wereld.regisseur, D(2026, 11, 20), fase="pip", achternaam="Concept")
    pip_services.start_concept(door=wereld.regisseur, inburgeraar=concept)
    verwijs(door=wereld.regisseur, inburgeraar=gesprek, team=partner)
    ontzorgen_services.registreer_uren(door=wereld.begeleider, regels=[regel(gesprek, D(2026, 11, 20), 2)])
    return wereld


def _aantal_in_lijst(client, url) -> int:
    response = client.get(url)
    assert response.status_code == 200
    return response.context["pagina"].paginator.count


@pytest.mark.parametrize("kijker", ["regisseur", "teamleider"])
def test_each_blocks_count_is_what_its_link_opens(client, vol, kijker):
    client.force_login(getattr(vol, kijker))
    params = {"regisseur": vol.regisseur.pk} if kijker == "teamleider" else {}

    blokken = client.get(reverse("inburgering:werkvoorraad"), params).context["blokken"]

    assert {blok.post.sleutel for blok in blokken if blok.aantal} == {
        "termijnen_onbekend", "termijnen_vandaag", "termijnen_week", "signalen_later",
        "voortgangsgesprekken", "intakes", "concept_pips", "uren",
    }  # fmt: skip
    for blok in blokken:
        assert _aantal_in_lijst(client, blok.url) == blok.aantal, blok.post.sleutel


def test_a_piece_of_work_stands_in_one_block(client, vol):
    client.force_login(vol.regisseur)

    blokken = client.get(reverse("inburgering:werkvoorraad")).context["blokken"]

    gezien = [(blok.post.sleutel, item.dossier.achternaam, item.detail) for blok in blokken for item in blok.items]
    assert len(gezien) == len(set(gezien))
    waar = {}
    for sleutel, naam, _detail in gezien:
        waar.setdefault(naam, set()).add(sleutel)
    # the overdue voortgangsgesprek stands in its own block only, not also under today's deadlines
    assert "voortgangsgesprekken" in waar["Gesprek"] and "termijnen_vandaag" not in waar["Gesprek"]
    # the concept PIP whose deadline lies beyond this week is a concept to finish; not a deadline block
    assert waar["Concept"] >= {"concept_pips"}
    # every signaal in exactly one block
    signalen = [item for blok in blokken if blok.post.signaalblok for item in blok.items]
    assert (
        sum(blok.aantal for blok in blokken if blok.post.signaalblok)
        == Signaal.objects.filter(status=Signaal.Status.OPEN, termijn__inburgeraar__regisseur=vol.regisseur).count()
    )
    assert signalen


def test_a_concept_pip_whose_deadline_is_due_stands_under_the_deadline(client, wereld):
    # koppeling and facts 10 weeks ago: the PIP deadline falls this week
    concept = _dossier(
        wereld,
        wereld.regisseur,
        D(2026, 9, 17),
        fase="pip",
        datum_kennisgeving=D(2026, 9, 17),
        datum_vestiging=D(2026, 9, 17),
        achternaam="Tienweken",
    )
    pip_services.start_concept(door=wereld.regisseur, inburgeraar=concept)
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:werkvoorraad"))

    assert [item.dossier for item in _blok(response, "termijnen_week").items if "PIP" in item.detail] == [concept]
    assert concept not in [item.dossier for item in _blok(response, "concept_pips").items]


def test_work_that_is_done_leaves_every_block_on_the_next_load(client, vol):
    client.force_login(vol.regisseur)
    signaal = Signaal.objects.get(
        status=Signaal.Status.OPEN, termijn__inburgeraar__achternaam="Gesprek", termijn__soort="voortgangsgesprek"
    )

    response = client.post(reverse("inburgering:signaal_afhandelen", args=[signaal.pk]), {"reden": "Gesprek gevoerd."})
    assert response.status_code == 302

    blokken = client.get(reverse("inburgering:werkvoorraad")).context["blokken"]
    assert "Gesprek" not in {
        item.dossier.achternaam for blok in blokken for item in blok.items if blok.post.signaalblok
    }
    assert _blok_uit(blokken, "voortgangsgesprekken").aantal == 0


def _blok_uit(blokken, sleutel):
    return next(blok for blok in blokken if blok.post.sleutel == sleutel)


def test_a_block_that_shows_fewer_than_it_counts_links_to_the_whole_list(client, wereld):
    for i in range(7):
        _dossier(wereld, wereld.regisseur, D(2026, 10, 1) + datetime.timedelta(days=i), achternaam=f"Laat{i}")
    client.force_login(wereld.regisseur)

    blok = _blok(client.get(reverse("inburgering:werkvoorraad")), "termijnen_vandaag")
    lijst = client.get(blok.url)

    assert len(blok.items) == 5 and blok.aantal == 8
    assert f'href="{escape(blok.url)}"' in client.get(reverse("inburgering:werkvoorraad")).content.decode()
    assert "Alle 8 bekijken" in client.get(reverse("inburgering:werkvoorraad")).content.decode()
    namen = {signaal.inburgeraar.achternaam for signaal in lijst.context["pagina"]}
    assert namen == {f"Laat{i}" for i in range(7)} | {"Haile"}
    assert "8 te doen." in lijst.content.decode()


def test_the_list_of_another_regisseur_is_for_their_teamleider_only(client, wereld):
    url = reverse("inburgering:werkvoorraad_lijst", args=["termijnen_vandaag"])
    client.force_login(wereld.collega)
    assert client.get(url, {"regisseur": wereld.regisseur.pk}).status_code == 404
    client.force_login(wereld.teamleider)
    assert client.get(url, {"regisseur": wereld.regisseur.pk}).status_code == 200
    assert client.get(url, {"regisseur": wereld.regisseur_eersel.pk}).status_code == 404
    assert client.get(reverse("inburgering:werkvoorraad_lijst", args=["bestaat_niet"])).status_code == 404


def test_the_menu_count_stops_at_99_plus(client, wereld, monkeypatch):
    monkeypatch.setattr(werkvoorraad, "GRENS", 4)
    for i in range(5):
        _dossier(wereld, wereld.regisseur, D(2026, 10, 1) + datetime.timedelta(days=i))
    client.force_login(wereld.regisseur)

    teller = client.get(reverse("inburgering:werkvoorraad_teller")).content.decode()
    blok = _blok(client.get(reverse("inburgering:werkvoorraad")), "termijnen_vandaag")

    assert '<span class="app-teller" id="werkvoorraad-teller">3+<' in teller
    assert blok.als_tekst == "3+"


def test_a_new_regisseur_takes_the_open_signalen_along(client, wereld):
    from inburgering import services

    dossier = _dossier(wereld, wereld.regisseur, D(2026, 10, 20), achternaam="Overgedragen")
    services.wijs_regisseur_toe(door=wereld.teamleider, inburgeraar=dossier, regisseur=wereld.collega)

    client.force_login(wereld.collega)
    namen = {
        item.dossier.achternaam
        for item in _blok(client.get(reverse("inburgering:werkvoorraad")), "termijnen_vandaag").items
    }
    assert "Overgedragen" in namen
    client.force_login(wereld.regisseur)
    namen = {
        item.dossier.achternaam
        for item in _blok(client.get(reverse("inburgering:werkvoorraad")), "termijnen_vandaag").items
    }
    assert "Overgedragen" not in namen


@pytest.mark.skipif(connection.vendor != "postgresql", reason="de referentie is handgeschreven SQL voor PostgreSQL")
def test_the_sql_reference_fetches_the_werkvoorraads_blocks_items_and_counts(client, vol):
    from devtools.benchmark_referenties import Menutellerreferentie, Werkvoorraadreferentie

    client.force_login(vol.regisseur)
    blokken = client.get(reverse("inburgering:werkvoorraad")).context["blokken"]
    referentie = Werkvoorraadreferentie(vol.regisseur)

    verwacht = {blok.post.sleutel: (blok.aantal, [item.dossier.pk for item in blok.items]) for blok in blokken}
    gekregen = {blok: (aantal, [rij[1] for rij in rijen]) for blok, (aantal, rijen) in referentie.blokken().items()}
    assert gekregen == verwacht
    assert sum(aantal for aantal, _ in verwacht.values()) > 8
    assert "Gesprek" in referentie.html()
    assert (
        Menutellerreferentie(vol.regisseur).aantal()
        == werkvoorraad.totaal(vol.regisseur)
        == sum(aantal for aantal, _ in verwacht.values())
    )


def test_a_regisseur_written_past_the_services_follows_with_the_nightly_run(client, wereld):
    from inburgering import services
    from inburgering.models import Inburgeraar

    dossier = _dossier(wereld, wereld.regisseur, D(2026, 10, 20), achternaam="Omweg")
    Inburgeraar.objects.filter(pk=dossier.pk).update(regisseur=wereld.collega)  # as an import would
    client.force_login(wereld.collega)
    vandaag = reverse("inburgering:werkvoorraad_lijst", args=["termijnen_vandaag"])
    assert "Omweg" not in client.get(vandaag).content.decode()  # never shown to the wrong one meanwhile

    services.nachtelijke_run()

    assert "Omweg" in client.get(vandaag).content.decode()
