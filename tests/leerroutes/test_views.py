"""The leerroute tab, group attendance and aanbieder beheer, as a user sees them."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from inburgering.fasen import Fase
from leerroutes import groepen, services
from leerroutes.models import Aanbieder, Activiteit
from tests.factories import InburgeraarFactory

from .test_services import _examens, _map_en_pvt

D = datetime.date


@pytest.fixture
def ingelogd(client, regisseur):
    client.force_login(regisseur)
    return client


def test_the_dossier_page_links_to_the_leerroute_tab(ingelogd, dossier):
    html = ingelogd.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    assert reverse("leerroutes:leerroute", args=[dossier.pk]) in html


def test_the_tab_shows_accessible_progress_bars_and_what_is_missing(ingelogd, dossier, regisseur):
    services.registreer_activiteit(
        door=regisseur,
        inburgeraar=dossier,
        gegevens={"soort": "pvt_workshop", "datum": D(2026, 5, 1), "uren": Decimal(6)},
    )
    html = ingelogd.get(reverse("leerroutes:leerroute", args=[dossier.pk])).content.decode()
    assert '<label class="utrecht-form-label" for="balk-3">PVT: workshops</label>' in html
    assert 'max="12" value="6' in html
    assert "6 van 12 uur" in html
    assert "Examen Lezen op B1" in html
    assert "0 van 5 examens behaald" in html
    assert "Afsluiten als voldaan" not in html


def test_a_complete_dossier_shows_the_proposal_and_the_regisseur_closes_it(ingelogd, dossier, regisseur):
    _map_en_pvt(dossier, regisseur)
    _examens(dossier, regisseur)
    html = ingelogd.get(reverse("leerroutes:leerroute", args=[dossier.pk])).content.decode()
    assert "Voorstel: alle resultaten" in html

    response = ingelogd.post(reverse("leerroutes:leerroute_afsluiten", args=[dossier.pk]))
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.fase == Fase.AFGEROND


def test_a_refused_exam_keeps_what_was_typed_and_says_why(ingelogd, dossier):
    response = ingelogd.post(
        reverse("leerroutes:leerroute_examen", args=[dossier.pk]),
        {"onderdeel": "KNM", "examendatum": "2026-11-01", "niveau": "B1", "resultaat": "Geslaagd"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "KNM heeft geen niveau" in html
    assert 'value="2026-11-01"' in html


@pytest.fixture
def groep(wereld, regisseur, dossier):
    pvt = groepen.maak_groep(door=regisseur, naam="PVT Bladel najaar", onderdeel="pvt", gemeenten=[wereld.bladel])
    groepen.voeg_leden_toe(door=regisseur, groep=pvt, inburgeraars=[dossier])
    return pvt


def _sessie(groep, regisseur):
    return groepen.plan_sessie(
        door=regisseur,
        groep=groep,
        gegevens={"datum": D(2026, 11, 20), "soort": "pvt_workshop", "onderwerp": "Grondrechten", "uren": Decimal(3)},
    )


def _post(leden, rijen):
    data = {
        "aanwezig-TOTAL_FORMS": len(leden),
        "aanwezig-INITIAL_FORMS": 0,
        "aanwezig-MIN_NUM_FORMS": len(leden),
        "aanwezig-MAX_NUM_FORMS": len(leden),
    }
    for i, (lid, (aanwezig, uren, reden)) in enumerate(zip(leden, rijen, strict=True)):
        data[f"aanwezig-{i}-lid"] = lid.pk
        if aanwezig:
            data[f"aanwezig-{i}-aanwezig"] = "on"
        data[f"aanwezig-{i}-uren"] = uren
        data[f"aanwezig-{i}-reden_afwezigheid"] = reden
    return data


def _leden(wereld, groep, regisseur, aantal):
    extra = [InburgeraarFactory(gemeente=wereld.bladel, door=regisseur, met_pip=True) for _ in range(aantal)]
    groepen.voeg_leden_toe(door=regisseur, groep=groep, inburgeraars=extra)
    return list(groep.leden.order_by("achternaam", "voornamen", "pk"))


def test_group_attendance_checks_every_row_before_writing_any(ingelogd, wereld, groep, regisseur):
    sessie = _sessie(groep, regisseur)
    leden = _leden(wereld, groep, regisseur, 2)
    url = reverse("groepen:groep_aanwezigheid", args=[groep.pk, sessie.pk])

    fout = ingelogd.post(url, _post(leden, [(True, "3", ""), (True, "5", ""), (False, "", "Ziek")]))
    html = fout.content.decode()
    assert "Er is niets opgeslagen" in html
    assert "Meer dan de sessie duurde (3.00 uur)" in html or "Meer dan de sessie duurde (3,00 uur)" in html
    assert 'value="5"' in html  # what was typed stays
    assert not Activiteit.objects.exists()

    goed = ingelogd.post(url, _post(leden, [(True, "3", ""), (True, "2.5", ""), (False, "", "Ziek")]))
    assert goed.status_code == 302
    assert Activiteit.objects.filter(sessie=sessie, aanwezig=True).count() == 2
    assert Activiteit.objects.get(sessie=sessie, aanwezig=False).reden_afwezigheid == "Ziek"


def test_the_attendance_screen_lists_only_members_the_user_may_see(client, wereld, groep, regisseur):
    sessie = _sessie(groep, regisseur)
    buiten = InburgeraarFactory(gemeente=wereld.bergeijk, door=regisseur, met_pip=True)
    groep.leden.add(buiten)  # a member of Bergeijk, which tom of Eersel does not see either
    groep.gemeenten.add(wereld.eersel)
    client.force_login(wereld.regisseur_eersel)
    html = client.get(reverse("groepen:groep_aanwezigheid", args=[groep.pk, sessie.pk])).content.decode()
    assert buiten.naam not in html
    assert "geen deelnemers die u mag zien" in html


@pytest.mark.parametrize("aantal", [1, 6])
def test_the_attendance_screen_takes_a_fixed_number_of_queries(
    ingelogd, wereld, groep, regisseur, aantal, django_assert_num_queries
):
    sessie = _sessie(groep, regisseur)
    _leden(wereld, groep, regisseur, aantal)
    url = reverse("groepen:groep_aanwezigheid", args=[groep.pk, sessie.pk])
    with django_assert_num_queries(12):
        assert ingelogd.get(url).status_code == 200


@pytest.mark.parametrize("aantal", [1, 5])
def test_the_group_list_takes_a_fixed_number_of_queries(ingelogd, wereld, regisseur, aantal, django_assert_num_queries):
    for i in range(aantal):
        groepen.maak_groep(door=regisseur, naam=f"MAP {i}", onderdeel="map", gemeenten=[wereld.bladel, wereld.reusel])
    with django_assert_num_queries(11):
        assert ingelogd.get(reverse("groepen:groepen")).status_code == 200


def test_a_functioneel_beheerder_manages_aanbieders_and_a_regisseur_does_not(client, wereld):
    client.force_login(wereld.beheerder)
    response = client.post(
        reverse("admin:leerroutes_aanbieder_add"),
        {
            "naam": "ROC De Kempen",
            "instellingsnummer": "30AB000001",
            "keurmerk_nummer": "123",
            "keurmerk_geldig_van": "2026-01-01",
            "keurmerk_geldig_tot": "2025-12-31",
            "taalschakelinstelling": "on",
            "gemeenten": [wereld.bladel.pk],
        },
    )
    assert "Het keurmerk eindigt vóór het begint." in response.content.decode()
    assert not Aanbieder.objects.exists()

    client.force_login(wereld.regisseur)
    assert client.get(reverse("admin:leerroutes_aanbieder_changelist")).status_code == 302


def test_a_member_leaves_the_group_and_keeps_the_attendance_recorded(ingelogd, wereld, groep, regisseur):
    sessie = _sessie(groep, regisseur)
    blijft, vertrekt = _leden(wereld, groep, regisseur, 2)[-2:]
    ingelogd.post(
        reverse("groepen:groep_aanwezigheid", args=[groep.pk, sessie.pk]),
        _post(list(groep.leden.order_by("achternaam", "voornamen", "pk")), [(True, "3", "")] * groep.leden.count()),
    )

    response = ingelogd.post(reverse("groepen:groep", args=[groep.pk]), {"uit_groep": vertrekt.pk}, follow=True)

    html = response.content.decode()
    assert "De deelnemer is uit de groep gehaald." in html
    assert set(groep.leden.all()) >= {blijft} and vertrekt not in groep.leden.all()
    assert Activiteit.objects.filter(sessie=sessie, inburgeraar=vertrekt, aanwezig=True).exists()


def test_a_regisseur_cannot_take_a_dossier_of_another_gemeente_out_of_a_group(client, wereld, groep, regisseur):
    [lid] = _leden(wereld, groep, regisseur, 1)[-1:]
    groep.gemeenten.add(wereld.eersel)  # the group is shared, the Bladel dossier stays hidden from Eersel
    client.force_login(wereld.regisseur_eersel)

    response = client.post(reverse("groepen:groep", args=[groep.pk]), {"uit_groep": lid.pk}, follow=True)

    assert "geen deelnemer van deze groep die u kunt wijzigen" in response.content.decode()
    assert lid in groep.leden.all()
