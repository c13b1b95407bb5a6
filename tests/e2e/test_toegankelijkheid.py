"""axe-core over every main page and state, as every role: no serious and no critical finding.

axe-core is pinned in package.json and injected from node_modules; the context bypasses the
Content-Security-Policy only so that the injected script may run (test_csp checks the policy itself)."""

import pytest

from tests.e2e import werkplek as _werkplek
from tests.e2e.werkplek import alle_paginas, als, ernstige_bevindingen

# The world of the walk, as fixtures of this module.
verwezen, intakes, pips, leerroute_objecten, signalen, werkplek = _werkplek.FIXTURES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", bypass_csp=True)
    yield context
    context.close()


def test_every_page_of_every_role_has_no_serious_or_critical_finding(werkplek, live_server, context):
    pagina = context.new_page()
    bevindingen, rol = [], None
    for p in alle_paginas(werkplek):
        if p.rol != rol:
            als(context, live_server, getattr(werkplek, p.rol))
            rol = p.rol
        antwoord = pagina.goto(f"{live_server.url}{p.url}")
        assert antwoord.status < 500, p.naam
        bevindingen += [f"{p.naam} ({p.rol}): {b}" for b in ernstige_bevindingen(pagina)]

    assert bevindingen == [], "\n".join(bevindingen)


def test_forms_showing_their_errors_have_no_serious_or_critical_finding(werkplek, live_server, context):
    pagina = context.new_page()
    als(context, live_server, werkplek.regisseur)
    bevindingen = []
    for naam, url in [
        ("registreren", "/dossiers/nieuw/"),
        ("signaal afhandelen", f"/signalen/{werkplek.signaal_bladel.pk}/afhandelen/"),
        ("dossier wijzigen", f"/dossiers/{werkplek.dossier_bladel.pk}/wijzigen/"),
    ]:
        pagina.goto(f"{live_server.url}{url}")
        formulier = pagina.locator("main form[method=post]").last
        for veld in formulier.locator("input[type=text], textarea").all():
            veld.fill("")
        with pagina.expect_navigation():
            formulier.locator("button[type=submit]").first.click()
        assert pagina.locator(".utrecht-form-field-error-message, .utrecht-alert--error").count() > 0, naam
        bevindingen += [f"{naam}: {b}" for b in ernstige_bevindingen(pagina)]

    als(context, live_server, werkplek.beheerder)
    pagina.goto(f"{live_server.url}/beheer/inburgering/team/{werkplek.kempenplus.pk}/change/")
    pagina.locator("#id_naam").fill("")
    with pagina.expect_navigation():
        pagina.locator("input[name=_save]").click()
    assert pagina.locator(".errornote").count() == 1
    bevindingen += [f"beheer team: {b}" for b in ernstige_bevindingen(pagina)]

    assert bevindingen == [], "\n".join(bevindingen)


def test_the_member_picker_in_beheer_speaks_dutch(werkplek, live_server, context):
    pagina = context.new_page()
    als(context, live_server, werkplek.beheerder)
    pagina.goto(f"{live_server.url}/beheer/inburgering/team/{werkplek.kempenplus.pk}/change/")

    tekst = pagina.locator("#content").inner_text() + " ".join(
        pagina.locator(".selector [title]").evaluate_all("els => els.map(e => e.title)")
    )
    assert "Alle leden kiezen" in tekst
    assert "Choose" not in tekst and "Remove" not in tekst
