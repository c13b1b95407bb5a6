"""Functioneel beheer in the Django admin: the core tables, and granting a team its gemeenten."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from inburgering.models import Inburgeraar, Team
from inburgering.permissions import INZIEN, WIJZIGEN
from inburgering.rollen import CASUSREGISSEUR, PRIVACYFUNCTIONARIS
from tests.factories import OrganisatieFactory, UserFactory


@pytest.fixture
def beheerder(client, wereld):
    client.force_login(wereld.beheerder)
    return wereld.beheerder


@pytest.mark.parametrize("model", ["team", "user", "apiclient"])
def test_a_functioneel_beheerder_manages_their_organisaties_tables(client, beheerder, model):
    assert client.get(reverse(f"admin:inburgering_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:inburgering_{model}_add")).status_code == 200


def test_a_functioneel_beheerder_changes_their_gemeenten_but_adds_none(client, wereld, beheerder):
    assert client.get(reverse("admin:inburgering_gemeente_change", args=[wereld.bladel.pk])).status_code == 200
    assert client.get(reverse("admin:inburgering_gemeente_add")).status_code == 403


@pytest.mark.parametrize("model", ["regio", "organisatie", "oidcconfig"])
def test_the_installations_tables_are_the_applicatiebeheerders(client, wereld, model):
    client.force_login(wereld.beheerder)
    assert client.get(reverse(f"admin:inburgering_{model}_changelist")).status_code == 403
    client.force_login(wereld.applicatiebeheerder)
    assert client.get(reverse(f"admin:inburgering_{model}_changelist")).status_code in (200, 302)
    assert client.get(reverse(f"admin:inburgering_{model}_add")).status_code == 200


@pytest.mark.parametrize("model", ["regio", "gemeente", "organisatie", "team", "user"])
def test_the_applicatiebeheerder_manages_the_installations_tables(client, wereld, model):
    client.force_login(wereld.applicatiebeheerder)
    assert client.get(reverse(f"admin:inburgering_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:inburgering_{model}_add")).status_code == 200


def test_the_admin_shows_no_dossiers(client, beheerder):
    html = client.get(reverse("admin:index")).content.decode()
    assert "Inburgeraars" not in html
    assert client.get("/beheer/inburgering/inburgeraar/").status_code == 404


def test_granting_a_team_its_gemeenten_opens_their_dossiers_to_its_members(client, wereld):
    # Which gemeenten a new organisatie serves is the installation's decision: the applicatiebeheerder's.
    client.force_login(wereld.applicatiebeheerder)
    organisatie = OrganisatieFactory(naam="Kempen Noord")
    nieuw_lid = UserFactory(username="nieuwe.regisseur", rol=CASUSREGISSEUR, organisatie=organisatie)

    response = client.post(
        reverse("admin:inburgering_team_add"),
        {
            "naam": "Casusregie",
            "organisatie": organisatie.pk,
            "leden": [nieuw_lid.pk],
            "gemeenten_inzien": [wereld.eersel.pk],
            "gemeenten_wijzigen": [wereld.eersel.pk],
            "gemeenten_rapportages": [],
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    team = Team.objects.get(organisatie=organisatie)
    assert nieuw_lid.groups.filter(pk=team.groep.pk).exists()
    assert list(Inburgeraar.objects.zichtbaar_voor(nieuw_lid, INZIEN)) == [wereld.dossier_eersel]
    assert list(Inburgeraar.objects.zichtbaar_voor(nieuw_lid, WIJZIGEN)) == [wereld.dossier_eersel]


def test_withdrawing_a_gemeente_closes_its_dossiers_to_the_team(client, wereld, beheerder):
    team = wereld.kempenplus
    blijft = [wereld.bergeijk.pk, wereld.reusel.pk]

    client.post(
        reverse("admin:inburgering_team_change", args=[team.pk]),
        {
            "naam": team.naam,
            "organisatie": team.organisatie.pk,
            "leden": list(team.groep.user_set.values_list("pk", flat=True)),
            "gemeenten_inzien": blijft,
            "gemeenten_wijzigen": blijft,
            "gemeenten_rapportages": blijft,
        },
    )

    zichtbaar = {d.gemeente_id for d in Inburgeraar.objects.zichtbaar_voor(wereld.regisseur)}
    assert zichtbaar == set(blijft)
    client.force_login(wereld.regisseur)
    assert client.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk])).status_code == 404


def test_a_functioneel_beheerder_cannot_make_anyone_superuser(client, wereld, beheerder):
    doel = wereld.regisseur
    formulier = client.get(reverse("admin:inburgering_user_change", args=[doel.pk])).content.decode()
    assert 'name="is_superuser"' not in formulier
    assert 'name="user_permissions"' not in formulier

    client.post(
        reverse("admin:inburgering_user_change", args=[doel.pk]),
        {
            "username": doel.username,
            "first_name": doel.first_name,
            "last_name": doel.last_name,
            "email": doel.email,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": list(doel.groups.values_list("pk", flat=True)),
        },
    )

    doel.refresh_from_db()
    assert doel.is_staff
    assert not doel.is_superuser


def test_the_member_picker_offers_only_the_teams_own_organisatie(client, wereld, beheerder):
    response = client.get(reverse("admin:inburgering_team_change", args=[wereld.kempenplus.pk]))

    leden = response.context["adminform"].form.fields["leden"].queryset
    assert wereld.regisseur in leden and wereld.teamleider in leden
    assert wereld.begeleider not in leden and wereld.regisseur_eersel not in leden


def test_a_member_of_another_organisatie_is_refused_with_a_reason(client, wereld, beheerder):
    team = wereld.kempenplus
    gemeenten = [wereld.bergeijk.pk, wereld.bladel.pk, wereld.reusel.pk]

    response = client.post(
        reverse("admin:inburgering_team_change", args=[team.pk]),
        {
            "naam": team.naam,
            "organisatie": team.organisatie.pk,
            "leden": [wereld.regisseur.pk, wereld.begeleider.pk],
            "gemeenten_inzien": gemeenten,
            "gemeenten_wijzigen": gemeenten,
            "gemeenten_rapportages": gemeenten,
        },
    )

    assert response.status_code == 200
    assert not wereld.begeleider.groups.filter(pk=team.groep.pk).exists()


def test_the_admin_speaks_dutch_also_in_its_widgets(client, beheerder):
    index = client.get(reverse("admin:index")).content.decode()
    catalogus = client.get(reverse("admin:jsi18n")).content.decode()

    assert '<html lang="nl"' in index
    assert "Model name" not in index and "Add link" not in index
    assert "Kies %s door ze te selecteren" in catalogus  # filter_horizontal: "Choose leden by selecting them"
    assert "Alle %s kiezen" in catalogus


def test_the_admin_index_links_to_the_beheer_pages_outside_the_admin(client, beheerder):
    html = client.get(reverse("admin:index")).content.decode()

    for naam in (
        "inburgering:vernietigingslijsten",
        "inburgering:duo_berichten",
        "admin:inburgering_apiclient_changelist",
    ):
        assert f'href="{reverse(naam)}"' in html
    assert "utrecht/tokens/theme.css" in html and "css/admin.css" in html
    # The inzage log is the privacyfunctionaris' (who checks who looked is not who grants access):
    # the index links it only for a beheerder who holds that role too.
    assert f'href="{reverse("inburgering:inzagelog")}"' not in html
    beheerder.groups.add(Group.objects.get(name=PRIVACYFUNCTIONARIS))
    html = client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("inburgering:inzagelog")}"' in html


def test_without_beheer_rights_the_admin_answers_our_403_and_has_no_login_form_of_its_own(client, wereld):
    client.force_login(wereld.regisseur)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.status_code == 403
    html = response.content.decode()
    assert "Geen toegang" in html and 'name="password"' not in html
    # Posting another account's password there signs nobody in: sign-in is the product's login only.
    client.post(reverse("admin:login"), {"username": wereld.beheerder.username, "password": "x"})
    assert client.get(reverse("admin:index")).status_code == 302
    assert int(client.session["_auth_user_id"]) == wereld.regisseur.pk


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_the_products_login(client):
    response = client.get(reverse("admin:index"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("login"))
    assert response.status_code == 200 and 'name="password"' in response.content.decode()
