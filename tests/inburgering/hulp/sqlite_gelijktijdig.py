"""Concurrent saves beside the menu's count request on a SQLite file, served as `make run` serves them.

Run in a process of its own (`DATABASE_URL` pointing at a fresh file) by
tests/inburgering/test_sqlite_demo.py: Django's threaded development server, one thread and one
connection per request. Prints one line per answer status and exits 0; the test reads the lines.
"""

import collections
import concurrent.futures
import logging
import os
import sys
import threading

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inburgering.settings")
django.setup()

import httpx  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.urls import reverse  # noqa: E402

from inburgering.rollen import CASUSREGISSEUR  # noqa: E402
from tests.factories import GemeenteFactory, InburgeraarFactory, RegioFactory, UserFactory, maak_team  # noqa: E402

SAVES = 40
TELLINGEN = 40


class StilleHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def wereld():
    call_command("migrate", verbosity=0)
    bladel = GemeenteFactory(naam="Bladel", gemeentecode="1728", regio=RegioFactory(naam="Kempen"))
    team = maak_team("KempenPlus", inzien=[bladel], wijzigen=[bladel])
    regisseurs = [UserFactory(username=naam, rol=CASUSREGISSEUR, team=team) for naam in ("sanne", "youssef")]
    dossier = InburgeraarFactory(gemeente=bladel, regisseur=regisseurs[0])
    return regisseurs, dossier


def sessiecookie(user) -> dict:
    sessie = SessionStore()
    sessie[SESSION_KEY] = str(user.pk)
    sessie[BACKEND_SESSION_KEY] = "inburgering.oidc.WachtwoordBackend"
    sessie[HASH_SESSION_KEY] = user.get_session_auth_hash()
    sessie.create()
    return {settings.SESSION_COOKIE_NAME: sessie.session_key, settings.CSRF_COOKIE_NAME: "x" * 32}


def main():
    logging.getLogger("httpx").setLevel(logging.WARNING)
    regisseurs, dossier = wereld()
    server = ThreadedWSGIServer(("127.0.0.1", 0), StilleHandler)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    basis = f"http://127.0.0.1:{server.server_address[1]}"
    cookies = sessiecookie(regisseurs[0])
    koppen = {"X-CSRFToken": "x" * 32, "Referer": basis + "/"}
    toewijzen = basis + reverse("inburgering:regisseur_toewijzen", args=[dossier.pk])
    teller = basis + reverse("inburgering:werkvoorraad_teller")

    def save(i):
        with httpx.Client(cookies=cookies, headers=koppen, timeout=60) as client:
            return client.post(toewijzen, data={"regisseur": regisseurs[i % 2].pk}).status_code

    def telling(_):
        with httpx.Client(cookies=cookies, timeout=60) as client:
            return client.get(teller).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        saves = [pool.submit(save, i) for i in range(SAVES)]
        tellingen = [pool.submit(telling, i) for i in range(TELLINGEN)]
        statussen = collections.Counter(f"save {f.result()}" for f in saves)
        statussen.update(f"telling {f.result()}" for f in tellingen)
    server.shutdown()
    for status, aantal in sorted(statussen.items()):
        print(status, aantal)
    return 0


if __name__ == "__main__":
    sys.exit(main())
