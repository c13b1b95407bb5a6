"""Shared fixtures: safe test settings, and a small multi-gemeente world like the demo's."""

import datetime
import hashlib
import math
import os
import shutil
from types import SimpleNamespace

import pytest
import time_machine

from inburgering import atw
from inburgering import pdf as pdf_module
from inburgering.celery import app as celery_app
from inburgering.rollen import (
    APPLICATIEBEHEERDER,
    BEGELEIDER,
    BELEIDSMEDEWERKER,
    CASUSREGISSEUR,
    FUNCTIONEEL_BEHEERDER,
    PRIVACYFUNCTIONARIS,
    TEAMLEIDER,
)
from tests.factories import GemeenteFactory, InburgeraarFactory, RegioFactory, UserFactory, maak_team

IN_CI = os.environ.get("CI", "").lower() == "true"

# The suite's "now": a Monday morning. Folders whose tests all run then request `klok` from an autouse
# fixture in their conftest; other tests request it, or travel themselves.
NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
VANDAAG = datetime.date(2026, 11, 23)


# The decree in force, as the data migration loads it (Algemene termijnenwet art. 3 lid 3).
BESLUIT_2026_2028 = (
    "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 "
    "met een algemeen erkende feestdag"
)
GELIJKGESTELDE_DAGEN = dict.fromkeys(
    [
        datetime.date(2026, 1, 2),
        datetime.date(2026, 5, 15),
        datetime.date(2027, 5, 7),
        datetime.date(2028, 4, 28),
        datetime.date(2028, 5, 26),
    ],
    BESLUIT_2026_2028,
)


@pytest.fixture(autouse=True)
def _atw_kalender():
    """Every test starts from the decree in force as the process's copy of the equated days, without a
    query (so query counts stay what a warm process does); saving or deleting a day makes it read the
    test's table instead."""
    atw.gebruik(atw.Kalender(GELIJKGESTELDE_DAGEN), seconden=math.inf)
    yield
    atw.vergeet()


def vereist(beschikbaar: bool, reden: str):
    """Skip locally when a service or browser is missing; under CI=true that is a failure instead."""
    if beschikbaar:
        return
    if IN_CI:
        pytest.fail(f"CI=true en {reden}")
    pytest.skip(reden)


def assert_niet_bewaard(response):
    """No browser or proxy may keep what a signed-in user or a partner system received."""
    richtlijnen = {deel.strip() for deel in response["Cache-Control"].split(",")}
    assert {"no-store", "private"} <= richtlijnen, response["Cache-Control"]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """`make test` spreads the suite over the CPUs (pytest-xdist, --dist loadgroup). Tests that start a
    real Celery worker share one Redis broker, so they all run on the same xdist worker, one by one:
    otherwise one test's worker takes another's tasks. First among the hooks, because xdist's own
    reads the group marker once, in its hook, which pluggy would otherwise call before this one."""
    for item in items:
        if item.get_closest_marker("celery_worker"):
            item.add_marker(pytest.mark.xdist_group("celery_worker"))


def pytest_runtest_setup(item):
    """Fail a grouped test that xdist did not group (as pytest 9.2 with pytest-xdist 3.8.0 silently
    did): run beside the other tests on the broker, it would fail at random, for the wrong reason."""
    gegroepeerd = "@" in item.nodeid  # xdist's mark of a group
    if getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group") and not gegroepeerd:
        pytest.fail("--dist loadgroup heeft deze test niet bij zijn xdist_group ingedeeld.", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _test_database_opruimen(django_db_setup, django_db_blocker):
    """Leave no connection behind when the session ends, so pytest-django can drop the test database.
    Playwright's greenlets each get a connection of their own, which no teardown of ours can reach."""
    yield
    from django.db import connection
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    # A run without database tests makes no test database; the configured one is not ours to touch.
    if connection.vendor == "postgresql" and connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX):
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _test_instellingen(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TWEE_FACTOR_VERPLICHT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.SITE_URL = "https://inburgering.test"


def minimale_pdf(html: str) -> bytes:
    """A valid PDF of one empty page; its bytes follow the HTML, so every document keeps its own SHA-256."""
    objecten = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    pdf = bytearray(b"%PDF-1.7\n%" + hashlib.sha256(html.encode()).hexdigest().encode() + b"\n")
    posities = []
    for nummer, inhoud in enumerate(objecten, start=1):
        posities.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (nummer, inhoud)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objecten) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % positie for positie in posities)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objecten) + 1, xref)
    return bytes(pdf)


@pytest.fixture(autouse=True)
def _pdf_zonder_weasyprint(request, monkeypatch):
    """WeasyPrint is most of the time of a test that fixes a beschikking. Tests that read or check a PDF
    ask for the real renderer with @pytest.mark.pdf; the others get a valid empty page instead (the HTML
    is still rendered from its template, and the file and its SHA-256 are still stored)."""
    if request.node.get_closest_marker("pdf") is None:
        monkeypatch.setattr(pdf_module, "html_naar_pdf", minimale_pdf)


@pytest.fixture(autouse=True)
def _taken_in_proces():
    """Run tasks in-process, also when CI points CELERY_BROKER_URL at Redis; the worker test opts out."""
    vorige = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = vorige


@pytest.fixture
def klok():
    """Time stands still at NU; the traveller lets a test move it (klok.shift(...), klok.move_to(...))."""
    with time_machine.travel(NU, tick=False) as reiziger:
        yield reiziger


@pytest.fixture
def wereld(db):
    """Kempen as in the seeds (KempenPlus runs casusregie for all but Eersel) plus Emmen (Menso)."""
    return bouw_wereld()


def bouw_wereld() -> SimpleNamespace:
    """The `wereld` fixture's objects, for a fixture of a wider scope that builds it once."""
    kempen = RegioFactory(naam="Kempen")
    drenthe = RegioFactory(naam="Zuidoost-Drenthe")
    bergeijk = GemeenteFactory(naam="Bergeijk", gemeentecode="1724", regio=kempen)
    bladel = GemeenteFactory(naam="Bladel", gemeentecode="1728", regio=kempen)
    eersel = GemeenteFactory(naam="Eersel", gemeentecode="0770", regio=kempen)
    reusel = GemeenteFactory(naam="Reusel-De Mierden", gemeentecode="1667", regio=kempen)
    emmen = GemeenteFactory(naam="Emmen", gemeentecode="0114", regio=drenthe)
    kempenplus_gemeenten = [bergeijk, bladel, reusel]
    kempenplus = maak_team(
        "KempenPlus", inzien=kempenplus_gemeenten, wijzigen=kempenplus_gemeenten, rapportages=kempenplus_gemeenten
    )
    team_eersel = maak_team("Gemeente Eersel", inzien=[eersel], wijzigen=[eersel], rapportages=[eersel])
    menso = maak_team("Menso", inzien=[emmen], wijzigen=[emmen], rapportages=[emmen])
    beleid = maak_team("Gemeente Bladel", "Beleid Kempen", rapportages=[bergeijk, bladel, eersel, reusel])
    partner = maak_team("VluchtelingenWerk", "Begeleiding")

    w = SimpleNamespace(
        bergeijk=bergeijk,
        bladel=bladel,
        eersel=eersel,
        reusel=reusel,
        emmen=emmen,
        kempenplus=kempenplus,
        team_eersel=team_eersel,
        menso=menso,
        regisseur=UserFactory(username="sanne", rol=CASUSREGISSEUR, team=kempenplus),
        collega=UserFactory(username="youssef", rol=CASUSREGISSEUR, team=kempenplus),
        teamleider=UserFactory(username="marieke", rol=TEAMLEIDER, team=kempenplus),
        regisseur_eersel=UserFactory(username="tom", rol=CASUSREGISSEUR, team=team_eersel),
        regisseur_emmen=UserFactory(username="jeroen", rol=CASUSREGISSEUR, team=menso),
        begeleider=UserFactory(username="amal", rol=BEGELEIDER, team=partner),
        beleidsmedewerker=UserFactory(username="peter", rol=BELEIDSMEDEWERKER, team=beleid),
        # KempenPlus' beheer, without a team: their organisatie decides what they reach.
        beheerder=UserFactory(
            username="anouk", rol=FUNCTIONEEL_BEHEERDER, is_staff=True, organisatie=kempenplus.organisatie
        ),
        privacy=UserFactory(username="fatima", rol=PRIVACYFUNCTIONARIS, organisatie=kempenplus.organisatie),
        # Menso's (Emmen) own beheer and privacy, and the installation's applicatiebeheerder.
        beheerder_emmen=UserFactory(
            username="bram", rol=FUNCTIONEEL_BEHEERDER, is_staff=True, organisatie=menso.organisatie
        ),
        privacy_emmen=UserFactory(username="wendy", rol=PRIVACYFUNCTIONARIS, organisatie=menso.organisatie),
        applicatiebeheerder=UserFactory(username="henk", rol=APPLICATIEBEHEERDER, is_staff=True),
    )
    w.dossier_bladel = InburgeraarFactory(gemeente=bladel, regisseur=w.regisseur, achternaam="Haile")
    w.dossier_bergeijk = InburgeraarFactory(gemeente=bergeijk, regisseur=w.collega)
    w.dossier_reusel = InburgeraarFactory(gemeente=reusel)
    w.dossier_eersel = InburgeraarFactory(gemeente=eersel, regisseur=w.regisseur_eersel, achternaam="Yilmaz")
    w.dossier_emmen = InburgeraarFactory(gemeente=emmen, regisseur=w.regisseur_emmen)
    return w


def chromium_pad() -> str | None:
    return shutil.which("chromium") or (os.path.exists("/usr/bin/chromium") and "/usr/bin/chromium") or None
