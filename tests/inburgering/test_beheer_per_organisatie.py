"""Beheer and privacy per organisatie: KempenPlus' functioneel beheerder and privacyfunctionaris reach the users and
teams of KempenPlus and the gemeenten it serves (Bergeijk, Bladel, Reusel-De Mierden), never Menso's Emmen or
Gemeente Eersel's; the applicatiebeheerder keeps what the installation shares and sees no one's dossier."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inburgering import services as dossier_services
from inburgering import tasks
from inburgering.duo.models import DuoBericht
from inburgering.fasen import Fase
from inburgering.models import Regio, Vernietigingslijst
from inburgering.permissions import INZIEN, RAPPORTAGES, gemeenten_van_organisatie
from inburgering.privacy import vernietiging
from inburgering.rollen import APPLICATIEBEHEERDER, CASUSREGISSEUR, FUNCTIONEEL_BEHEERDER
from kosten.models import Contractprijs, Eenheid, Voorziening
from leerroutes.models import Aanbieder
from tests.factories import InburgeraarFactory, UserFactory

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
VIJF_JAAR_LATER = datetime.datetime(2031, 11, 23, 10, 0, tzinfo=datetime.UTC)


def test_an_organisatie_serves_the_gemeenten_whose_dossiers_its_teams_work_on(wereld):
    assert set(gemeenten_van_organisatie(wereld.beheerder)) == {wereld.bergeijk, wereld.bladel, wereld.reusel}
    assert set(gemeenten_van_organisatie(wereld.privacy_emmen)) == {wereld.emmen}
    # Gemeente Bladel's policy team reports on all of Kempen: reporting is no service.
    assert not gemeenten_van_organisatie(wereld.beleidsmedewerker).exists()
    assert not gemeenten_van_organisatie(wereld.applicatiebeheerder).exists()


def _wijzigpagina(client, model, obj):
    return client.get(reverse(f"admin:inburgering_{model}_change", args=[obj.pk]))


def test_a_beheerder_sees_only_their_own_organisaties_users(client, wereld):
    client.force_login(wereld.beheerder)

    gebruikers = set(client.get(reverse("admin:inburgering_user_changelist")).context["cl"].queryset)

    assert {wereld.regisseur, wereld.collega, wereld.teamleider, wereld.privacy} <= gebruikers
    assert not {wereld.regisseur_emmen, wereld.beheerder_emmen, wereld.regisseur_eersel} & gebruikers
    assert _wijzigpagina(client, "user", wereld.regisseur_emmen).status_code == 302
    assert _wijzigpagina(client, "user", wereld.regisseur).status_code == 200


def test_a_beheerder_cannot_put_a_colleague_in_another_organisaties_team(client, wereld):
    client.force_login(wereld.beheerder)
    doel = wereld.regisseur
    keuzes = _wijzigpagina(client, "user", doel).context["adminform"].form.fields["groups"].queryset
    assert wereld.kempenplus.groep in keuzes and wereld.menso.groep not in keuzes
    assert not keuzes.filter(name=APPLICATIEBEHEERDER).exists()

    antwoord = client.post(
        reverse("admin:inburgering_user_change", args=[doel.pk]),
        {
            "username": doel.username,
            "first_name": doel.first_name,
            "last_name": doel.last_name,
            "email": doel.email,
            "is_active": "on",
            "organisatie": doel.organisatie_id,
            "groups": [*doel.groups.values_list("pk", flat=True), wereld.menso.groep.pk],
        },
    )

    assert antwoord.status_code == 200  # the form again, with the refused choice
    assert not doel.groups.filter(pk=wereld.menso.groep.pk).exists()


def test_a_new_account_works_for_the_beheerders_organisatie(client, wereld):
    client.force_login(wereld.beheerder_emmen)

    antwoord = client.post(
        reverse("admin:inburgering_user_add"),
        {"username": "nieuw.menso", "password1": "Lang-genoeg-2026!", "password2": "Lang-genoeg-2026!"},
    )

    assert antwoord.status_code == 302
    nieuw = type(wereld.regisseur).objects.get(username="nieuw.menso")
    assert nieuw.organisatie == wereld.menso.organisatie
    assert _wijzigpagina(client, "user", nieuw).status_code == 200


def test_a_team_gets_only_the_gemeenten_its_organisatie_serves_and_keeps_the_rest(client, wereld):
    dossier_services.ken_gemeenten_toe(
        team=wereld.kempenplus, rechten={RAPPORTAGES: [wereld.bergeijk, wereld.bladel, wereld.reusel, wereld.eersel]}
    )
    client.force_login(wereld.beheerder)
    team = wereld.kempenplus
    formulier = _wijzigpagina(client, "team", team).context["adminform"].form
    assert set(formulier.fields["gemeenten_inzien"].queryset) == {wereld.bergeijk, wereld.bladel, wereld.reusel}
    assert list(formulier.fields["organisatie"].queryset) == [team.organisatie]
    alle = [wereld.bergeijk.pk, wereld.bladel.pk, wereld.reusel.pk]
    gegevens = {
        "naam": team.naam,
        "organisatie": team.organisatie_id,
        "leden": list(team.groep.user_set.values_list("pk", flat=True)),
        "gemeenten_inzien": alle,
        "gemeenten_wijzigen": alle,
        "gemeenten_rapportages": alle,
    }

    geweigerd = client.post(
        reverse("admin:inburgering_team_change", args=[team.pk]), {**gegevens, "gemeenten_inzien": [wereld.emmen.pk]}
    )
    assert geweigerd.status_code == 200
    assert client.post(reverse("admin:inburgering_team_change", args=[team.pk]), gegevens).status_code == 302

    # Eersel's reports were the applicatiebeheerder's to give: the beheerder's save left them.
    assert wereld.eersel in _gemeenten_met(team, RAPPORTAGES)
    assert wereld.emmen not in _gemeenten_met(team, INZIEN)


def _gemeenten_met(team, codename):
    return {
        r.content_object for r in team.groep.gemeentegroupobjectpermission_set.filter(permission__codename=codename)
    }


def test_a_beheerder_changes_the_letterhead_of_their_gemeenten_only(client, wereld):
    client.force_login(wereld.beheerder)

    assert _wijzigpagina(client, "gemeente", wereld.bladel).status_code == 200
    assert _wijzigpagina(client, "gemeente", wereld.emmen).status_code == 302
    assert client.get(reverse("inburgering:gemeente_logo", args=[wereld.emmen.pk])).status_code == 404
    gemeenten = set(client.get(reverse("admin:inburgering_gemeente_changelist")).context["cl"].queryset)
    assert gemeenten == {wereld.bergeijk, wereld.bladel, wereld.reusel}


def test_an_aanbieder_keeps_the_contracts_of_another_organisaties_gemeenten(client, wereld):
    aanbieder = Aanbieder.objects.create(naam="Taalschool Zuid")
    aanbieder.gemeenten.set([wereld.bladel, wereld.emmen])
    client.force_login(wereld.beheerder)
    keuzes = client.get(reverse("admin:leerroutes_aanbieder_change", args=[aanbieder.pk])).context["adminform"]
    assert wereld.emmen not in keuzes.form.fields["gemeenten"].queryset

    antwoord = client.post(
        reverse("admin:leerroutes_aanbieder_change", args=[aanbieder.pk]),
        {"naam": aanbieder.naam, "instellingsnummer": "", "gemeenten": [wereld.bergeijk.pk]},
    )

    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert set(aanbieder.gemeenten.all()) == {wereld.bergeijk, wereld.emmen}


def test_a_regio_price_belongs_to_whoever_serves_the_whole_regio(client, wereld):
    kempen, drenthe = Regio.objects.get(naam="Kempen"), Regio.objects.get(naam="Zuidoost-Drenthe")
    prijzen = {
        naam: Contractprijs.objects.create(
            voorziening=Voorziening.TOLK,
            eenheid=Eenheid.INZET,
            prijs=Decimal(70),
            geldig_van=datetime.date(2026, 1, 1),
            **plaats,
        )
        for naam, plaats in [
            ("kempen", {"regio": kempen}),
            ("drenthe", {"regio": drenthe}),
            ("bladel", {"gemeente": wereld.bladel}),
        ]
    }

    gezien = {}
    for rol in ("beheerder", "beheerder_emmen"):
        client.force_login(getattr(wereld, rol))
        lijst = client.get(reverse("admin:kosten_contractprijs_changelist")).context["cl"].queryset
        gezien[rol] = {naam for naam, prijs in prijzen.items() if prijs in lijst}

    # KempenPlus does not serve Eersel, so the Kempen regio's price is nobody's but the superuser's.
    assert gezien == {"beheerder": {"bladel"}, "beheerder_emmen": {"drenthe"}}


def test_the_applicatiebeheerder_hands_out_beheer_accounts_only(client, wereld):
    client.force_login(wereld.applicatiebeheerder)

    gebruikers = set(client.get(reverse("admin:inburgering_user_changelist")).context["cl"].queryset)
    keuzes = _wijzigpagina(client, "user", wereld.beheerder).context["adminform"].form.fields["groups"].queryset

    assert {wereld.beheerder, wereld.beheerder_emmen} <= gebruikers
    assert not {wereld.regisseur, wereld.privacy, wereld.begeleider} & gebruikers
    assert set(keuzes.values_list("name", flat=True)) == {FUNCTIONEEL_BEHEERDER, APPLICATIEBEHEERDER}
    for pagina in ("inburgering:caseload", "inburgering:inzagelog", "inburgering:duo_berichten"):
        antwoord = client.get(reverse(pagina))
        assert antwoord.status_code == 403 or not antwoord.context.get("pagina"), pagina
    avg = reverse("inburgering:avg_export", args=[wereld.dossier_bladel.pk])
    assert client.get(avg).status_code == 404


def test_a_beheerder_sees_the_duo_messages_of_their_gemeenten_only(client, wereld):
    for dossier in (wereld.dossier_bladel, wereld.dossier_emmen):
        DuoBericht.objects.create(
            inburgeraar=dossier,
            gemeente=dossier.gemeente,
            soort="pip",
            methode="POST",
            pad=f"/personen/{dossier.bsn}/PIP",
            inhoud={},
            status=DuoBericht.Status.GEWEIGERD,
        )
    client.force_login(wereld.beheerder)

    berichten = client.get(reverse("inburgering:duo_berichten")).context["pagina"]

    assert [b.inburgeraar for b in berichten] == [wereld.dossier_bladel]


@pytest.fixture
def lijsten(wereld):
    """A closed dossier in Bladel (KempenPlus) and in Emmen (Menso), both past their retention period."""
    with time_machine.travel(NU, tick=False):
        for gemeente in (wereld.bladel, wereld.emmen):
            InburgeraarFactory(gemeente=gemeente, fase=Fase.AFGEROND)
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        tasks.bewaartermijnen()
    return {naam: Vernietigingslijst.objects.get(items__gemeente=getattr(wereld, naam)) for naam in ("bladel", "emmen")}


def test_each_organisatie_sees_and_approves_only_its_own_gemeenten_vernietigingslijsten(client, wereld, lijsten):
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        for rol in ("beheerder", "privacy"):
            client.force_login(getattr(wereld, rol))
            lijst = client.get(reverse("inburgering:vernietigingslijsten")).context["pagina"]
            assert list(lijst) == [lijsten["bladel"]], rol
            emmen = reverse("inburgering:vernietigingslijst", args=[lijsten["emmen"].pk])
            assert client.get(emmen).status_code == 404, rol
        assert client.post(emmen).status_code == 404
        with pytest.raises(ValidationError, match="organisatie bedient"):
            vernietiging.keur_goed(door=wereld.beheerder, lijst=lijsten["emmen"])
        client.force_login(wereld.beheerder_emmen)
        assert client.get(emmen).status_code == 200
    lijsten["emmen"].refresh_from_db()
    assert lijsten["emmen"].status == Vernietigingslijst.Status.VOORGESTELD


def test_the_privacyfunctionaris_finds_no_inzage_of_another_organisaties_dossier(client, wereld):
    with time_machine.travel(NU, tick=False):
        dossier_services.log_inzage(user=wereld.regisseur_emmen, inburgeraar=wereld.dossier_emmen, pagina="/e/")
    client.force_login(wereld.privacy)

    antwoord = client.get(reverse("inburgering:inzagelog"), {"bsn": wereld.dossier_emmen.bsn})

    assert list(antwoord.context["pagina"]) == [] and antwoord.context["dossier"] is None
    client.force_login(wereld.privacy_emmen)
    antwoord = client.get(reverse("inburgering:inzagelog"), {"bsn": wereld.dossier_emmen.bsn})
    assert [i.pagina for i in antwoord.context["pagina"]] == ["/e/"]
    assert antwoord.context["dossier"] == wereld.dossier_emmen


def test_another_organisaties_privacyfunctionaris_neither_exports_nor_blocks(client, wereld):
    client.force_login(wereld.privacy)
    for naam in ("inburgering:avg_export", "inburgering:dossier_blokkade"):
        assert client.get(reverse(naam, args=[wereld.dossier_emmen.pk])).status_code == 404
    antwoord = client.post(
        reverse("inburgering:dossier_blokkade", args=[wereld.dossier_emmen.pk]), {"reden": "Bezwaar"}
    )
    assert antwoord.status_code == 404
    wereld.dossier_emmen.refresh_from_db()
    assert wereld.dossier_emmen.blokkade_reden == ""


@pytest.mark.parametrize("pad", ["admin:inburgering_user_changelist", "admin:inburgering_team_changelist"])
def test_the_beheer_lists_take_a_constant_number_of_queries(client, wereld, pad):
    client.force_login(wereld.beheerder)
    aantallen = []
    for extra in (1, 6):
        for _ in range(extra):
            team = dossier_services.maak_team(organisatie=wereld.kempenplus.organisatie, naam=f"Team {_}{extra}")
            UserFactory(rol=CASUSREGISSEUR, team=team)
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(reverse(pad)).status_code == 200
        aantallen.append(len(vastgelegd))
    assert aantallen[0] == aantallen[1]


def test_a_new_teams_member_picker_offers_only_the_beheerders_own_people(client, wereld):
    client.force_login(wereld.beheerder)

    leden = client.get(reverse("admin:inburgering_team_add")).context["adminform"].form.fields["leden"].queryset

    assert wereld.regisseur in leden
    assert not {wereld.regisseur_emmen, wereld.regisseur_eersel, wereld.begeleider} & set(leden)
