"""The regisseur's workplace in a real browser: the werkvoorraad, the dossier's sections as tabs and the
brede intake's steps, at a phone's width (390 px) and a laptop's (1366 × 768), never wider than the screen.

Screenshots of every page at both widths go to a temporary folder, for a person to look at."""

import datetime

import pytest
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from inburgering.rollen import GEZONDHEIDSGEGEVENS
from intake import services as intake_services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TELEFOON = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
KLEINE_LAPTOP = {"width": 1280, "height": 600}
SECTIES = [
    "Overzicht",
    "Brede intake",
    "PIP",
    "Leerroute",
    "Ontzorgen en begeleiding",
    "Tolken en kosten",
    "Documenten",
    "Tijdlijn",
]


@pytest.fixture
def intake(wereld):
    """The Bladel dossier in intake, with a missed invitation: a letter among its documents."""
    wereld.regisseur.groups.add(Group.objects.get(name=GEZONDHEIDSGEGEVENS))
    intake = intake_services.start_intake(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel)
    intake_services.registreer_niet_verschenen(
        door=wereld.regisseur, intake=intake, datum=datetime.date(2026, 11, 2), geldige_reden=False
    )
    return intake


def _inloggen(pagina, url, user):
    pagina.goto(url)
    pagina.get_by_label("Gebruikersnaam").fill(user.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()


def _op_beide_breedtes(pagina, map, naam):
    """A screenshot at each width; the page never scrolls sideways."""
    for maat in (TELEFOON, LAPTOP):
        pagina.set_viewport_size(maat)
        pagina.screenshot(path=map / f"{naam}-{maat['width']}.png", full_page=True)
        breedte = pagina.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert breedte[0] <= breedte[1], f"{naam} scrolls sideways at {maat['width']} px: {_te_breed(pagina)}"


def _te_breed(pagina) -> list[str]:
    """The outermost elements that reach past the window's right edge, to say what to fix."""
    return pagina.evaluate(
        """[...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
        .slice(0, 8).map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))"""
    )


def test_a_regisseur_starts_the_day_at_the_werkvoorraad_and_goes_to_the_work(
    wereld, intake, live_server, pagina, tmp_path
):
    _inloggen(pagina, f"{live_server.url}/", wereld.regisseur)

    expect(pagina.get_by_role("heading", name="Werkvoorraad", level=1)).to_be_visible()
    menu = pagina.get_by_role("navigation", name="Hoofdmenu")
    expect(menu.get_by_role("link", name="Werkvoorraad")).to_have_attribute("aria-current", "page")
    expect(menu.locator(".app-teller")).to_be_visible()  # the badge, fetched after the page
    expect(menu.get_by_role("link", name="Caseload")).to_be_visible()
    _op_beide_breedtes(pagina, tmp_path, "werkvoorraad")

    blok = pagina.locator("section", has=pagina.get_by_role("heading", name="Brede intake af te ronden"))
    expect(blok.locator(".app-teller")).to_have_text("1")
    blok.get_by_role("link", name=wereld.dossier_bladel.naam).click()

    secties = pagina.get_by_role("navigation", name="Onderdelen van het dossier")
    expect(secties.get_by_role("link", name="Brede intake")).to_have_attribute("aria-current", "page")


def test_the_dossier_sections_are_tabs_under_one_header(wereld, intake, live_server, pagina, tmp_path):
    _inloggen(pagina, f"{live_server.url}/dossiers/{wereld.dossier_bladel.pk}/", wereld.regisseur)

    expect(pagina.get_by_role("heading", name=wereld.dossier_bladel.naam, level=1)).to_be_visible()
    expect(pagina.locator('.app-fasen [aria-current="step"]')).to_have_text("Brede intake")
    secties = pagina.get_by_role("navigation", name="Onderdelen van het dossier")
    expect(secties.get_by_role("link")).to_have_text(SECTIES)
    for titel in SECTIES:
        secties.get_by_role("link", name=titel, exact=True).click()
        expect(secties.get_by_role("link", name=titel, exact=True)).to_have_attribute("aria-current", "page")
        expect(secties.locator('[aria-current="page"]')).to_have_count(1)
        expect(pagina.locator(".app-dossierkop")).to_contain_text(wereld.dossier_bladel.naam)
        _op_beide_breedtes(pagina, tmp_path, f"dossier-{titel.split()[0].lower()}")

    secties.get_by_role("link", name="Documenten").click()
    expect(pagina.get_by_role("link", name="Brief na niet verschijnen op 2 november 2026")).to_be_visible()


def test_every_step_of_the_intake_is_reachable_from_a_panel_that_never_clips(
    wereld, intake, live_server, pagina, tmp_path
):
    pagina.set_viewport_size(LAPTOP)
    _inloggen(pagina, f"{live_server.url}/dossiers/{wereld.dossier_bladel.pk}/intake/", wereld.regisseur)

    paneel = pagina.locator("#voortgang")
    stappen = paneel.locator(".app-voortgang a")
    expect(stappen).to_have_count(15)
    for scrollpositie in (0, 2000):  # at the top of the page and scrolled down: the panel is sticky
        pagina.evaluate(f"window.scrollTo(0, {scrollpositie})")
        for i in range(stappen.count()):
            stap = stappen.nth(i)
            stap.scroll_into_view_if_needed()
            vak = stap.bounding_box()
            assert vak is not None and vak["y"] >= 0 and vak["y"] + vak["height"] <= LAPTOP["height"], stap.inner_text()
    # At the end of a step, on a small laptop, every step is in view at once, without scrolling the
    # panel: the footer below never pushes the panel's top out of the window.
    pagina.set_viewport_size(KLEINE_LAPTOP)
    pagina.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    buiten_beeld = [
        stap.inner_text()
        for stap in stappen.all()
        if not (vak := stap.bounding_box()) or vak["y"] < 0 or vak["y"] + vak["height"] > KLEINE_LAPTOP["height"]
    ]
    assert buiten_beeld == []
    _op_beide_breedtes(pagina, tmp_path, "intake-stap")

    pagina.set_viewport_size(LAPTOP)
    stappen.filter(has_text="Niet verschenen").click()
    expect(pagina.get_by_role("heading", name="Niet verschenen", level=2)).to_be_visible()
    expect(stappen.filter(has_text="Niet verschenen")).to_have_attribute("aria-current", "step")
    stappen.filter(has_text="Mobiliteit").click()
    expect(pagina.locator("#mobiliteit")).to_be_visible()
    pagina.get_by_role("link", name="Volgende stap: Zelfredzaamheid").click()
    expect(pagina.locator("#zelfredzaamheid")).to_be_visible()
