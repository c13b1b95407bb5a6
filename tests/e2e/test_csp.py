"""The Content-Security-Policy holds in a real browser: the main pages load without a single
violation (no inline script, style or handler slipped in, htmx injects no styles)."""

import pytest

from django.contrib.auth.models import Group

from inburgering.rollen import GEZONDHEIDSGEGEVENS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _log_in(pagina, live_server, user, url):
    pagina.goto(f"{live_server.url}{url}")
    pagina.get_by_label("Gebruikersnaam").fill(user.username)
    pagina.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    pagina.locator("main").get_by_role("button", name="Inloggen").click()


def test_the_main_pages_load_without_a_csp_violation(wereld, live_server, pagina):
    wereld.regisseur.groups.add(Group.objects.get(name=GEZONDHEIDSGEGEVENS))
    meldingen = []
    pagina.on("console", lambda bericht: meldingen.append(bericht.text))
    pagina.on("pageerror", lambda fout: meldingen.append(str(fout)))
    dossier = wereld.dossier_bladel.pk

    _log_in(pagina, live_server, wereld.regisseur, "/dossiers/")
    for url in ("/dossiers/", f"/dossiers/{dossier}/", f"/dossiers/{dossier}/wijzigen/", "/signalen/"):
        pagina.goto(f"{live_server.url}{url}")
    # htmx at work on the intake page (its requests show no indicator style either).
    pagina.goto(f"{live_server.url}/dossiers/{dossier}/intake/")
    pagina.get_by_role("button", name="Brede intake starten").click()
    pagina.wait_for_load_state("networkidle")

    for user, url in ((wereld.beheerder, "/privacy/vernietigingslijsten/"), (wereld.privacy, "/privacy/inzagelog/")):
        pagina.context.clear_cookies()
        _log_in(pagina, live_server, user, url)
        pagina.wait_for_load_state("networkidle")
        assert pagina.locator("h1").count() == 1

    schendingen = [m for m in meldingen if "Content Security Policy" in m or "Refused to" in m]
    assert schendingen == []
    assert len(pagina.context.pages) == 1
