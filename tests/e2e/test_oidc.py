"""Single sign-on in a real browser against a real OpenID Provider: oidc-provider (npm, pinned in package.json)
started from tests/e2e/oidc_op.mjs on a free port for this module, with four fixed accounts. Inburgering reads
the provider's endpoints from its discovery document, as the beheerder's form in /beheer/ does."""

import os
import shutil
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from django.contrib.auth.models import Group

from inburgering import oidc
from inburgering.models import OidcConfig, OidcGroep, User
from inburgering.rollen import TEAMLEIDER
from tests.conftest import vereist
from tests.e2e.werkplek import ernstige_bevindingen

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROJECT = Path(__file__).resolve().parents[2]
SCRIPT = PROJECT / "tests" / "e2e" / "oidc_op.mjs"
CLIENT_ID, CLIENT_SECRET = "inburgering-e2e", "e2e-geheim-0123456789"


@pytest.fixture(scope="module")
def op(live_server, tmp_path_factory):
    """The provider, once for this module; it knows the live server's callback and login page."""
    node = shutil.which("node")
    vereist(
        node is not None and (PROJECT / "node_modules" / "oidc-provider").is_dir(), "node of oidc-provider ontbreekt"
    )
    log = tmp_path_factory.mktemp("oidc-op") / "op.log"
    omgeving = {
        **os.environ,
        "OP_CLIENT_ID": CLIENT_ID,
        "OP_CLIENT_SECRET": CLIENT_SECRET,
        "OP_REDIRECT_URI": f"{live_server.url}/inloggen/organisatie/callback/",
        "OP_POST_LOGOUT_URI": f"{live_server.url}/inloggen/",
    }
    with open(log, "w") as uitvoer:
        proces = subprocess.Popen([node, str(SCRIPT)], cwd=PROJECT, env=omgeving, stdout=uitvoer, stderr=uitvoer)
    try:
        yield SimpleNamespace(issuer=_wacht_op_issuer(proces, log))
    finally:
        proces.terminate()
        proces.wait(timeout=10)


def _wacht_op_issuer(proces, log: Path) -> str:
    einde = time.monotonic() + 30
    while time.monotonic() < einde:
        for regel in log.read_text().splitlines():
            if regel.startswith("OP "):
                return regel.removeprefix("OP ").strip()
        assert proces.poll() is None, log.read_text()
        time.sleep(0.1)
    pytest.fail(f"de test-OP start niet: {log.read_text()}")


@pytest.fixture
def sso(op, wereld, settings):
    """The provider as the beheerder sets it up, with the group claim's teamleiders mapped to the role; the
    accounts the beheerder made for the provider's people; two-factor authentication required."""
    settings.TWEE_FACTOR_VERPLICHT = True
    config = OidcConfig.objects.create(
        actief=True,
        discovery_url=f"{op.issuer}/.well-known/openid-configuration",
        **oidc.lees_discovery(f"{op.issuer}/.well-known/openid-configuration"),
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        scopes="openid email groups",
        groepen_claim="groups",
    )
    OidcGroep.objects.create(config=config, waarde="inburgering-teamleiders", groep=Group.objects.get(name=TEAMLEIDER))
    User.objects.filter(pk=wereld.regisseur.pk).update(email="m.jansen@kempenplus.test")
    User.objects.filter(pk=wereld.collega.pk).update(email="r.devries@kempenplus.test")
    User.objects.filter(pk=wereld.regisseur_eersel.pk).update(email="oud@kempenplus.test", is_active=False)
    apparaat = TOTPDevice.objects.create(user=wereld.regisseur, name="app", confirmed=True)
    return SimpleNamespace(config=config, apparaat=apparaat)


def _bij_de_provider(pagina, account):
    expect(pagina.get_by_role("heading", name="Test-OP: inloggen")).to_be_visible()
    pagina.get_by_label("Testaccount").fill(account)
    pagina.get_by_role("button", name="Inloggen bij de test-OP").click()


def _organisatie_account(pagina, url, account):
    pagina.goto(url)
    pagina.get_by_role("link", name="Inloggen met uw organisatie-account").click()
    _bij_de_provider(pagina, account)


def test_an_employee_logs_in_with_the_mapped_role_the_own_second_factor_and_logs_out_at_the_provider_too(
    wereld, sso, live_server, pagina
):
    assert not wereld.regisseur.groups.filter(name=TEAMLEIDER).exists()
    _organisatie_account(pagina, f"{live_server.url}/", "medewerker")

    # The provider asserted only a password (amr ["pwd"]), so Inburgering asks its own second factor.
    expect(pagina.get_by_role("heading", name="Tweestapsverificatie")).to_be_visible()
    apparaat = sso.apparaat
    code = totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits)
    pagina.get_by_label("Code uit uw authenticator-app").fill(f"{code:0{apparaat.digits}d}")
    pagina.get_by_role("button", name="Bevestigen").click()

    expect(pagina.get_by_role("heading", name="Werkvoorraad", level=1)).to_be_visible()
    # The group claim's teamleiders are mapped to the role: the reports are in the menu now.
    expect(pagina.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportage")).to_be_visible()
    assert wereld.regisseur.groups.filter(name=TEAMLEIDER).exists()

    pagina.get_by_role("button", name="Uitloggen").click()
    pagina.get_by_role("button", name="Ja, uitloggen bij de test-OP").click()
    expect(pagina.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    # The provider's session ended too: it asks who you are again.
    pagina.get_by_role("link", name="Inloggen met uw organisatie-account").click()
    expect(pagina.get_by_role("heading", name="Test-OP: inloggen")).to_be_visible()


def test_the_providers_multi_factor_authentication_replaces_the_own_second_factor(wereld, sso, live_server, pagina):
    _organisatie_account(pagina, f"{live_server.url}/dossiers/", "mfa")  # amr ["pwd", "mfa"]

    expect(pagina.get_by_role("heading", name="Caseload", level=1)).to_be_visible()
    expect(pagina.get_by_role("navigation", name="Hoofdmenu")).to_contain_text(str(wereld.collega))


@pytest.mark.parametrize(
    ("account", "titel"),
    [
        ("onbekend", "U heeft geen account in Inburgering"),
        ("gedeactiveerd", "Uw account in Inburgering is uitgeschakeld"),
    ],
)
def test_an_unknown_or_deactivated_person_gets_a_dutch_page_and_nothing_else(
    wereld, sso, live_server, browser, account, titel
):
    # Only so that axe-core may be injected; test_csp checks the policy itself.
    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam", bypass_csp=True)
    pagina = context.new_page()
    pagina.goto(f"{live_server.url}/")
    assert ernstige_bevindingen(pagina) == []
    pagina.get_by_role("link", name="Inloggen met uw organisatie-account").click()
    _bij_de_provider(pagina, account)

    expect(pagina.get_by_role("heading", name=titel)).to_be_visible()
    assert ernstige_bevindingen(pagina) == []
    expect(pagina.get_by_role("navigation", name="Hoofdmenu")).to_have_count(0)
    pagina.goto(f"{live_server.url}/dossiers/")
    expect(pagina.get_by_role("heading", name="Inloggen", level=1)).to_be_visible()
    context.close()
