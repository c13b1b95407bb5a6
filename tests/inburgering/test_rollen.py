"""Each app registers what it gives each role; together they make exactly these groups."""

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured

from inburgering import rollen

_LEERROUTES_REGIE = {
    f"leerroutes.{actie}_{model}"
    for model in ("inburgeringsaanbod", "deelname", "examen", "activiteit", "afronding", "groep", "sessie")
    for actie in ("view", "add")
} | {"leerroutes.delete_deelname", "leerroutes.change_groep", "leerroutes.view_aanbieder"}
_DOSSIERWERK = {
    "inburgering.view_inburgeraar",
    "inburgering.add_inburgeraar",
    "inburgering.change_inburgeraar",
    "inburgering.historie_inzien",
    "inburgering.view_signaal",
    "inburgering.change_signaal",
    "intake.view_bredeintake",
    "intake.add_bredeintake",
    "intake.change_bredeintake",
    "ontzorgen.view_verwijzing",
    "ontzorgen.add_verwijzing",
    "ontzorgen.change_verwijzing",
    "ontzorgen.view_ontzorging",
    "ontzorgen.add_ontzorging",
    "ontzorgen.change_ontzorging",
    "ontzorgen.view_urenregistratie",
    "ontzorgen.uren_beoordelen",
    "ontzorgen.view_melding",
    "ontzorgen.change_melding",
    "pip.view_pip",
    "pip.add_pip",
    "pip.change_pip",
    "pip.view_voortgangsgesprek",
    "pip.add_voortgangsgesprek",
    "pip.view_handhaving",
    "pip.add_handhaving",
    "pip.view_overleg",
    "pip.add_overleg",
    *_LEERROUTES_REGIE,
    "kosten.view_tolkinzet",
    "kosten.add_tolkinzet",
    "kosten.view_kostenpost",
    "kosten.add_kostenpost",
}
_BEGELEIDING = {"ontzorgen.begeleiding_inzien", "ontzorgen.add_urenregistratie", "ontzorgen.add_melding"}
_VERNIETIGING = {"inburgering.view_vernietigingslijst", "inburgering.vernietiging_blokkeren"}

# Every role's permissions: the core's own and what each app registers.
VERWACHT = {
    rollen.CASUSREGISSEUR: _DOSSIERWERK,
    rollen.TEAMLEIDER: _DOSSIERWERK | {"inburgering.rapportages_inzien"},
    rollen.BEGELEIDER: _BEGELEIDING | {"pip.view_overleg"},
    rollen.BELEIDSMEDEWERKER: {"inburgering.rapportages_inzien"},
    # One organisatie's users and teams, and the gemeenten it serves; never the installation's regio's,
    # organisaties or single sign-on, never adding a gemeente.
    rollen.FUNCTIONEEL_BEHEERDER: {
        f"{app}.{actie}_{model}"
        for app, model in [
            ("inburgering", "team"),
            ("inburgering", "user"),
            ("inburgering", "apiclient"),
            ("leerroutes", "aanbieder"),
            ("kosten", "contractprijs"),
            ("pip", "toelichting"),
        ]
        for actie in ("view", "add", "change")
    }
    | {"inburgering.view_gemeente", "inburgering.change_gemeente"}
    | {"auth.view_group", "inburgering.view_duobericht", "inburgering.change_duobericht"}
    | {"inburgering.view_notificatie", "inburgering.vernietiging_goedkeuren"}
    | _VERNIETIGING,
    # What the whole installation shares; no dossier, inzage log, export, DUO message or vernietigingslijst.
    rollen.APPLICATIEBEHEERDER: {
        f"inburgering.{actie}_{model}"
        for model in ("regio", "gemeente", "organisatie", "team", "user", "oidcconfig", "oidcgroep")
        for actie in ("view", "add", "change")
    }
    | {"inburgering.delete_oidcgroep", "auth.view_group"}
    # The days a decree equates with the holidays (Atw art. 3 lid 3), for the whole installation.
    | {f"inburgering.{actie}_gelijkgesteldedag" for actie in ("view", "add", "change", "delete")}
    # The translated explanation pages for every gemeente.
    | {"pip.view_toelichting", "pip.add_toelichting", "pip.change_toelichting"},
    rollen.PRIVACYFUNCTIONARIS: _VERNIETIGING | {"inburgering.inzagelog_doorzoeken", "inburgering.avg_exporteren"},
    rollen.GEZONDHEIDSGEGEVENS: {"intake.gezondheid_verwerken"},
    rollen.PARTNERSYSTEEM: _BEGELEIDING | {"leerroutes.add_deelname", "leerroutes.add_examen"},
}


def test_the_core_and_the_apps_together_give_each_role_its_permissions():
    assert {rol: set(codes) for rol, codes in rollen.rechten().items()} == VERWACHT


@pytest.mark.django_db
def test_sync_rollen_makes_every_group_hold_exactly_its_roles_permissions():
    Group.objects.get(name=rollen.BEGELEIDER).permissions.clear()

    rollen.sync_rollen()

    for rol, verwacht in VERWACHT.items():
        groep = Group.objects.get(name=rol)
        codes = {f"{p.content_type.app_label}.{p.codename}" for p in groep.permissions.select_related("content_type")}
        assert codes == verwacht, rol


def test_an_app_cannot_give_rights_to_a_role_the_core_does_not_know():
    with pytest.raises(ImproperlyConfigured, match="onbekende rollen: Stagiair"):
        rollen.registreer("intake", {"Stagiair": ["view_bredeintake"]})
