"""Shared by the browser walks over the werkplek: one world with every kind of object (the isolation
matrix's fixtures), signing in as a role without the login form, the main pages per role, and axe-core."""

from dataclasses import dataclass
from pathlib import Path

import pytest

from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.inburgering import test_isolation as _isolatie

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
ERNSTIG = ("serious", "critical")


@dataclass(frozen=True)
class Pagina:
    naam: str
    rol: str
    url: str


@pytest.fixture
def werkplek(verwezen, signalen, leerroute_objecten):
    """Both dossiers through intake, PIP, leerroute and ontzorgen, with open signals and a group."""
    return verwezen


# The isolation matrix builds a world with every object a page needs; the walks reuse it as it is.
# A test module that walks the werkplek binds these names: `verwezen, ... = werkplek.FIXTURES`.
FIXTURES = (
    _isolatie.verwezen,
    _isolatie.intakes,
    _isolatie.pips,
    _isolatie.leerroute_objecten,
    _isolatie.signalen,
    werkplek,
)


def main_paginas(w) -> list[Pagina]:
    """The main screens of every role, on the Bladel dossier of the regisseur's team."""
    d = w.dossier_bladel.pk
    return [
        Pagina("werkvoorraad", "regisseur", reverse("inburgering:werkvoorraad")),
        Pagina("caseload", "regisseur", reverse("inburgering:caseload")),
        Pagina("dossier", "regisseur", reverse("inburgering:dossier", args=[d])),
        Pagina("intake", "regisseur", reverse("intake:intake", args=[d])),
        Pagina("pip", "regisseur", reverse("pip:pip", args=[d])),
        Pagina("leerroute", "regisseur", reverse("leerroutes:leerroute", args=[d])),
        Pagina("ontzorgen", "regisseur", reverse("ontzorgen:ontzorgen_dossier", args=[d])),
        Pagina("signalen", "regisseur", reverse("inburgering:signalen")),
        Pagina("rapportage", "teamleider", reverse("inburgering:rapportage")),
        Pagina("beheer", "beheerder", reverse("admin:index")),
        Pagina("uren", "begeleider", reverse("ontzorgen:uren_week")),
    ]


def alle_paginas(w) -> list[Pagina]:
    """The main screens plus every role's other pages and the error pages."""
    d = w.dossier_bladel.pk
    return [
        *main_paginas(w),
        Pagina("registreren", "regisseur", reverse("inburgering:dossier_registreren")),
        Pagina("dossier wijzigen", "regisseur", reverse("inburgering:dossier_wijzigen", args=[d])),
        Pagina(
            "signaal afhandelen", "regisseur", reverse("inburgering:signaal_afhandelen", args=[w.signaal_bladel.pk])
        ),
        Pagina("groepen", "regisseur", reverse("groepen:groepen")),
        Pagina("groep", "regisseur", reverse("groepen:groep", args=[w.groep_bladel.pk])),
        Pagina("uren beoordelen", "regisseur", reverse("ontzorgen:uren_beoordelen")),
        Pagina(
            "werkvoorraad lijst", "regisseur", reverse("inburgering:werkvoorraad_lijst", args=["termijnen_vandaag"])
        ),
        Pagina("werkvoorraad teamleider", "teamleider", reverse("inburgering:werkvoorraad")),
        Pagina("caseload teamleider", "teamleider", reverse("inburgering:caseload")),
        Pagina("signalen teamleider", "teamleider", reverse("inburgering:signalen")),
        Pagina("mijn inburgeraars", "begeleider", reverse("ontzorgen:mijn_inburgeraars")),
        Pagina("begeleiding", "begeleider", reverse("ontzorgen:begeleiding_dossier", args=[d])),
        Pagina("rapportage beleid", "beleidsmedewerker", reverse("inburgering:rapportage")),
        Pagina("inzagelog", "privacy", reverse("inburgering:inzagelog")),
        Pagina("vernietiging", "privacy", reverse("inburgering:vernietigingslijsten")),
        Pagina("beheer teams", "beheerder", reverse("admin:inburgering_team_changelist")),
        Pagina("beheer team", "beheerder", reverse("admin:inburgering_team_change", args=[w.kempenplus.pk])),
        Pagina("beheer gebruiker", "beheerder", reverse("admin:inburgering_user_change", args=[w.regisseur.pk])),
        Pagina("duo-berichten", "beheerder", reverse("inburgering:duo_berichten")),
        Pagina("niet gevonden", "regisseur", reverse("inburgering:dossier", args=[w.dossier_eersel.pk])),
        Pagina("geen toegang", "begeleider", reverse("inburgering:signalen")),
    ]


def als(context, live_server, gebruiker) -> None:
    """Sign the browser context in as `gebruiker` with a session made by Django's test client."""
    client = Client()
    client.force_login(gebruiker)
    context.clear_cookies()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]  # fmt: skip
    )


def ernstige_bevindingen(pagina) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one readable line each."""
    pagina.add_script_tag(path=str(AXE))
    resultaat = pagina.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in resultaat["violations"]
        if v["impact"] in ERNSTIG
    ]
