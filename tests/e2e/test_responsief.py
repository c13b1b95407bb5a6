"""The werkplek from 360 to 1920 px: the page never scrolls sideways; wide tables scroll in their own
box. Screenshots at 390 and 1366 px of every main page land in the test's tmp_path."""

import pytest

from tests.e2e import werkplek as _werkplek
from tests.e2e.werkplek import als, main_paginas

# The world of the walk, as fixtures of this module.
verwezen, intakes, pips, leerroute_objecten, signalen, werkplek = _werkplek.FIXTURES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BREEDTES = (360, 390, 1366, 1920)
# The outermost elements that stick out on the right and that no scrolling box clips, as tag.class.
_TE_BREED = """() => {
  const rechts = window.innerWidth + 1;
  const geknipt = el => { for (let a = el.parentElement; a; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= rechts) return true; }
    return false; };
  return [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > rechts && !geknipt(el)
      && el.parentElement.getBoundingClientRect().right <= rechts)
    .slice(0, 4).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.')
      + ' «' + el.textContent.trim().slice(0, 30) + '»');
}"""
SCHERMAFDRUK = (390, 1366)


def test_no_main_page_scrolls_sideways_from_360_to_1920_px(werkplek, live_server, browser, tmp_path):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    pagina = context.new_page()
    te_breed, rol = [], None
    for p in main_paginas(werkplek):
        if p.rol != rol:
            als(context, live_server, getattr(werkplek, p.rol))
            rol = p.rol
        for breedte in BREEDTES:
            pagina.set_viewport_size({"width": breedte, "height": 900})
            pagina.goto(f"{live_server.url}{p.url}")
            scroll, venster = pagina.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > venster:
                te_breed.append(f"{p.naam} bij {breedte} px: {scroll} px breed door {pagina.evaluate(_TE_BREED)}")
            if breedte in SCHERMAFDRUK:
                pagina.screenshot(path=tmp_path / f"{p.naam}-{breedte}.png", full_page=True)
    context.close()

    assert te_breed == [], "\n".join(te_breed)
    assert len(list(tmp_path.glob("*.png"))) == len(main_paginas(werkplek)) * len(SCHERMAFDRUK)


def test_a_wide_table_scrolls_inside_a_focusable_named_region(werkplek, live_server, browser):
    context = browser.new_context(
        locale="nl-NL", timezone_id="Europe/Amsterdam", viewport={"width": 360, "height": 800}
    )
    pagina = context.new_page()
    als(context, live_server, werkplek.regisseur)
    pagina.goto(f"{live_server.url}/dossiers/")

    doos = pagina.locator(".app-tabel-scroll").first
    assert doos.get_attribute("role") == "region" and doos.get_attribute("tabindex") == "0"
    assert doos.get_attribute("aria-label")
    breedtes = doos.evaluate("el => [el.scrollWidth, el.clientWidth]")
    context.close()

    assert breedtes[0] > breedtes[1]  # the caseload is wider than a phone: it scrolls in its box
