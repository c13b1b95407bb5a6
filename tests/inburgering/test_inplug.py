"""The apps plug their pages into the core's menu, start page and dossier page (navigatie, dossier_secties)."""

import re

import pytest

from django.urls import reverse


def _menu(html: str) -> list[str]:
    nav = re.search(r'<ul class="app-nav__lijst">(.*?)</ul>', html, re.S).group(1)
    # The text of each link, without the count badge htmx loads into the werkvoorraad's.
    return [
        re.sub(r"<span.*?</span>", "", tekst).strip()
        for tekst in re.findall(r'<a class="utrecht-link" href="[^"]*"[^>]*>(.*?)</a>', nav)
    ]


@pytest.mark.parametrize(
    ("rol", "menu"),
    [
        (
            "regisseur",
            [
                "Werkvoorraad",
                "Caseload",
                "Signalen",
                "Casuïstiekoverleg",
                "Nieuw dossier",
                "Uren beoordelen",
                "Groepen PVT en MAP",
            ],
        ),
        (
            "teamleider",
            [
                "Werkvoorraad",
                "Caseload",
                "Signalen",
                "Casuïstiekoverleg",
                "Nieuw dossier",
                "Uren beoordelen",
                "Groepen PVT en MAP",
                "Rapportage",
                "Kosten (SPUK)",
            ],
        ),
        ("begeleider", ["Casuïstiekoverleg", "Mijn inburgeraars", "Uren invullen"]),
        ("beleidsmedewerker", ["Rapportage", "Kosten (SPUK)"]),
        ("privacy", ["Vernietiging", "Inzagelog"]),
        ("beheerder", ["Vernietiging", "DUO-berichten", "Functioneel beheer"]),
    ],
)
def test_the_menu_shows_each_role_the_core_and_app_pages_it_may_open_in_order(client, wereld, rol, menu):
    client.force_login(getattr(wereld, rol))
    assert _menu(client.get(reverse("inburgering:caseload")).content.decode()) == menu


def test_the_menu_marks_the_current_page_of_an_app(client, wereld):
    client.force_login(wereld.begeleider)
    html = client.get(reverse("ontzorgen:uren_week")).content.decode()
    assert f'href="{reverse("ontzorgen:uren_week")}" aria-current="page">Uren invullen<' in html
    assert f'href="{reverse("ontzorgen:mijn_inburgeraars")}">Mijn inburgeraars<' in html


def test_a_begeleider_on_the_caseload_is_pointed_to_the_referred_inburgeraars(client, wereld):
    client.force_login(wereld.begeleider)
    html = client.get(reverse("inburgering:caseload")).content.decode()
    assert (
        "De inburgeraars die naar uw organisatie zijn doorverwezen staan onder "
        f'<a class="utrecht-link" href="{reverse("ontzorgen:mijn_inburgeraars")}">Mijn inburgeraars</a>.'
    ) in html

    client.force_login(wereld.regisseur)
    assert "doorverwezen staan onder" not in client.get(reverse("inburgering:caseload")).content.decode()


def test_the_dossier_page_shows_each_apps_part_in_order_with_a_link_to_its_page(client, wereld):
    client.force_login(wereld.regisseur)
    dossier = wereld.dossier_bladel
    html = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    koppen = re.findall(r'<h2 class="utrecht-heading-2" id="kop-(intake|pip|leerroute)">([^<]*)</h2>', html)
    assert koppen == [
        ("intake", "Brede intake"),
        ("pip", "PIP"),
        ("leerroute", "Leerroute"),
    ]
    for naam in ("intake:intake", "pip:pip", "leerroutes:leerroute"):
        assert f'href="{reverse(naam, args=[dossier.pk])}"' in html
    # Ontzorgen has no summary: it is a tab under the dossier's header, before the person's data.
    ontzorgen = html.index(f'href="{reverse("ontzorgen:ontzorgen_dossier", args=[dossier.pk])}"')
    assert ontzorgen < html.index('id="kop-persoon"')
    assert "Ontzorgen en begeleiding</a>" in html
