"""The production shape, run on this machine: what docker-compose.yml runs, without Docker.

gunicorn, a Celery worker and Celery beat start through bin/proces (the command lines of the
Dockerfile and docker-compose.yml) with DEBUG off, manifest static files collected into a fresh
STATIC_ROOT, this test's PostgreSQL database and Redis. Chromium reaches gunicorn as through the
TLS-terminating proxy of docs/deployment.md: every request carries X-Forwarded-Proto: https and an
X-Forwarded-For (VERTROUWDE_PROXIES=1). A user signs in with two-factor authentication, fixes a PIP,
downloads its beschikking and the report as XLSX; then every process stops on SIGTERM.
`make productie-proef` runs this file.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.utils import timezone

from inburgering import services as dossier_services
from inburgering.celery import app as celery_app
from inburgering.fasen import Fase
from inburgering.models import User
from intake import services as intake_services
from tests.conftest import vereist

pytestmark = [pytest.mark.e2e, pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

PROJECT = Path(__file__).resolve().parents[2]
BROKER = os.environ.get("CELERY_BROKER_URL", "")
WACHTWOORD = "productie-proef-wachtwoord"
# For every wait on gunicorn, also expect()'s, which do not follow the page's default timeout (5 s):
# on two cores busy with the rest of the suite its first answers (imports, templates) can take longer.
GEDULD_MS = 60_000


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url() -> str:
    instellingen = connection.settings_dict
    wachtwoord = f":{instellingen['PASSWORD']}" if instellingen["PASSWORD"] else ""
    return (
        f"postgres://{instellingen['USER']}{wachtwoord}@{instellingen['HOST'] or '127.0.0.1'}:"
        f"{instellingen['PORT'] or 5432}/{instellingen['NAME']}"
    )


@pytest.fixture
def gebruiker(wereld):
    """The teamleider (dossiers, PIP and reports of KempenPlus) with a production password hash and an
    authenticator app; the Bladel dossier after its brede intake advised the B1-route: fase pip."""
    teamleider = wereld.teamleider
    # The test settings hash with MD5, which production does not accept.
    User.objects.filter(pk=teamleider.pk).update(password=PBKDF2PasswordHasher().encode(WACHTWOORD, "zout1234"))
    apparaat = TOTPDevice.objects.create(user=teamleider, name="app", confirmed=True)
    intake = intake_services.start_intake(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel)
    intake.advies_leerroute = "B"
    intake.advies_niveau = "B1"
    intake.save()
    dossier = dossier_services.wijzig_fase(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, fase=Fase.PIP)
    return SimpleNamespace(gebruiker=teamleider, apparaat=apparaat, dossier=dossier)


@pytest.fixture
def productie(gebruiker, tmp_path):
    """gunicorn, worker and beat as in docker-compose.yml; stopped with SIGTERM, each must exit cleanly."""
    vereist(connection.vendor == "postgresql", "DATABASE_URL wijst niet naar PostgreSQL")
    vereist(BROKER.startswith("redis://"), "CELERY_BROKER_URL wijst niet naar Redis")
    poort = _vrije_poort()
    omgeving = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DJANGO_READ_DOT_ENV": "false",
        "DEBUG": "false",
        "SECRET_KEY": "productie-proef-sleutel-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ",
        "ALLOWED_HOSTS": "localhost",
        # The browser talks plain HTTP to the simulated proxy's address, so its Origin is http://.
        "CSRF_TRUSTED_ORIGINS": f"http://localhost:{poort}",
        "VERTROUWDE_PROXIES": "1",
        "TWEE_FACTOR_VERPLICHT": "true",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CACHE_URL": BROKER,
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_URL": "consolemail://",
        "WEB_BIND": f"127.0.0.1:{poort}",
        "WEB_WORKERS": "2",
        "BEAT_SCHEDULE": str(tmp_path / "celerybeat-schedule"),
    }
    verzameld = subprocess.run(
        ["bin/proces", "collectstatic"], cwd=PROJECT, env=omgeving, capture_output=True, text=True, timeout=300
    )
    assert verzameld.returncode == 0, verzameld.stderr[-2000:]

    processen = {}
    for naam in ("web", "worker", "beat"):
        with open(tmp_path / f"{naam}.log", "w") as log:
            processen[naam] = subprocess.Popen(
                ["bin/proces", naam], cwd=PROJECT, env=omgeving, stdout=log, stderr=subprocess.STDOUT
            )
    url = f"http://localhost:{poort}"
    try:
        _wacht_tot_gezond(url, processen["web"], tmp_path / "web.log")
        yield SimpleNamespace(url=url, poort=poort, logs=tmp_path)
    finally:
        for proces in processen.values():
            if proces.poll() is None:
                proces.send_signal(signal.SIGTERM)
        codes = {}
        for naam, proces in processen.items():
            try:
                codes[naam] = proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proces.kill()
                codes[naam] = "hangt"
    logs = {naam: (tmp_path / f"{naam}.log").read_text()[-1500:] for naam in codes}
    assert codes == {"web": 0, "worker": 0, "beat": 0}, logs


def _wacht_tot_gezond(url, web, log):
    einde = time.monotonic() + 90
    while time.monotonic() < einde:
        assert web.poll() is None, log.read_text()[-3000:]
        try:
            with urllib.request.urlopen(f"{url}/health/", timeout=5) as antwoord:  # noqa: S310 - our own server
                if antwoord.status == 200:
                    return
        except OSError:  # refused, reset, or still booting past the read timeout (TimeoutError)
            pass
        time.sleep(0.5)
    pytest.fail(f"gunicorn antwoordt niet op /health/: {log.read_text()[-3000:]}")


def test_the_production_processes_serve_a_pip_and_a_report_over_https(gebruiker, productie, browser, tmp_path):
    # Without the proxy's header a request is sent to HTTPS; /health/ (the container check) is not.
    verbinding = http.client.HTTPConnection("localhost", productie.poort, timeout=30)
    verbinding.request("GET", "/")
    omleiding = verbinding.getresponse()
    verbinding.close()
    assert (omleiding.status, omleiding.headers["Location"]) == (301, f"https://localhost:{productie.poort}/")

    # The worker takes a task from Redis and runs it against this database; beat is scheduling.
    celery_app.conf.task_always_eager = False  # the suite's autouse fixture puts it back
    celery_app.send_task("inburgering.tasks.herbereken_termijnen").get(timeout=60)
    assert "beat: Starting" in (productie.logs / "beat.log").read_text()

    context = browser.new_context(locale="nl-NL", timezone_id="Europe/Amsterdam")
    # The proxy's headers on every request; a route also reaches the requests of downloads, which
    # extra_http_headers does not.
    proxy = {"x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7"}
    context.route("**/*", lambda route: route.continue_(headers={**route.request.headers, **proxy}))
    pagina = context.new_page()
    pagina.set_default_timeout(GEDULD_MS)
    try:
        _proef(pagina, gebruiker, productie, proxy, tmp_path)
    except Exception:
        # What the browser saw and what gunicorn logged, for a failure on a machine we cannot watch.
        print(f"URL: {pagina.url}\n{pagina.content()[:3000]}\n--- web.log ---")
        print((productie.logs / "web.log").read_text()[-4000:])
        raise
    finally:
        context.close()


def _proef(pagina, gebruiker, productie, proxy, tmp_path):
    dossier = gebruiker.dossier

    antwoord = pagina.goto(f"{productie.url}/dossiers/{dossier.pk}/")
    assert "max-age=31536000" in antwoord.headers["strict-transport-security"]
    pagina.get_by_label("Gebruikersnaam").fill(gebruiker.gebruiker.username)
    pagina.get_by_label("Wachtwoord").fill(WACHTWOORD)
    pagina.locator("main").get_by_role("button", name="Inloggen").click()
    apparaat = gebruiker.apparaat
    code = totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits)
    pagina.get_by_label("Code uit uw authenticator-app").fill(f"{code:0{apparaat.digits}d}")
    pagina.get_by_role("button", name="Bevestigen").click()

    # The NL Design System CSS under its hashed name, served by whitenoise for a year.
    expect(pagina.get_by_role("link", name="Naar het PIP (nog niet vastgesteld)")).to_be_visible(timeout=GEDULD_MS)
    stijl = pagina.locator("link[rel=stylesheet][href*='utrecht/components/']").get_attribute("href")
    assert re.fullmatch(r"/static/utrecht/components/index\.[0-9a-f]{12}\.css", stijl)
    css = pagina.request.get(f"{productie.url}{stijl}", headers=proxy)
    assert css.ok and "immutable" in css.headers["cache-control"]

    pagina.get_by_role("link", name="Naar het PIP (nog niet vastgesteld)").click()
    pagina.get_by_role("button", name="Concept-PIP starten").click()
    concept = pagina.locator("#concept")
    concept.get_by_label("Leerroute", exact=True).select_option(label="B1-route")
    concept.get_by_label("Dagtekening").fill(timezone.localdate().isoformat())
    concept.get_by_role("button", name="Opslaan en vaststellen").click()
    expect(pagina.get_by_text("Het PIP is vastgesteld")).to_be_visible(timeout=GEDULD_MS)
    kenmerk = f"PIP-{dossier.gemeente.gemeentecode}-{dossier.pk}-1"
    with pagina.expect_download() as pdf:
        pagina.get_by_role("link", name="Beschikking downloaden (PDF)").click()
    assert pdf.value.suggested_filename == f"{kenmerk}.pdf"
    pdf.value.save_as(tmp_path / "beschikking.pdf")
    assert (tmp_path / "beschikking.pdf").read_bytes().startswith(b"%PDF")

    pagina.get_by_role("link", name="Rapportage").click()
    pagina.get_by_label("Gemeente of regio").select_option(label="– Bladel")
    pagina.get_by_label("Periode van").fill("2026-01-01")
    pagina.get_by_label("Periode tot en met").fill("2026-12-31")
    pagina.get_by_role("button", name="Tonen").click()
    expect(pagina.get_by_role("heading", name="Bladel")).to_be_visible(timeout=GEDULD_MS)
    # Chromium sends a download that follows a plain link without the route's headers (the PDF's
    # link above is fine), so the export goes through the page's own session with the proxy's headers.
    export = pagina.get_by_role("link", name="Download Excel (XLSX)").get_attribute("href")
    xlsx = pagina.request.get(f"{productie.url}{export}", headers=proxy)
    assert xlsx.ok and "spreadsheetml" in xlsx.headers["content-type"]
    (tmp_path / "rapportage.xlsx").write_bytes(xlsx.body())
    assert openpyxl.load_workbook(tmp_path / "rapportage.xlsx").active["B1"].value == "Bladel"
