"""A real Celery worker process, killed with SIGKILL while DUO has not answered yet, and started again
under its own name or (a recreated container) under another with beat: every message reaches DUO and
is confirmed once, within two minutes, and the resend carries the berichtId of the lost send. DUO is a
local HTTP server that checks each request against its OpenAPI file and keeps the first request hanging."""

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from django.conf import settings
from django.db import connection, transaction

from inburgering.celery import app
from inburgering.duo import outbox
from inburgering.duo.models import DuoBericht
from inburgering.models import Gebeurtenis
from pip.duo import SPEC
from tests.conftest import vereist

from .conftest import valideer_verzoek
from .test_worker import _wacht_tot

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

BROKER = os.environ.get("CELERY_BROKER_URL", "")
KNOOPPUNT = "duo-herstel@test"


class TrageDuo(ThreadingHTTPServer):
    """Answers 201 to every valid request; the first one hangs until `verder` is set."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Verzoek)
        self.ontvangen: list[str] = []  # berichtId of every request, in order
        self.fouten: list[str] = []
        self.eerste, self.verder = threading.Event(), threading.Event()

    @property
    def basis_url(self):
        return f"http://127.0.0.1:{self.server_port}/v1"


class _Verzoek(BaseHTTPRequestHandler):
    def do_POST(self):
        inhoud = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        duo = self.server
        try:
            valideer_verzoek(
                httpx.Request("POST", f"https://duo.test{self.path}", headers=dict(self.headers), content=inhoud)
            )
        except Exception as e:
            duo.fouten.append(str(e))
        duo.ontvangen.append(self.headers["berichtId"])
        if len(duo.ontvangen) == 1:
            duo.eerste.set()
            duo.verder.wait(timeout=60)
        try:
            self.send_response(201)
            self.send_header("API-Version", "1.0.0")
            self.send_header("Content-Length", "0")
            self.end_headers()
        except OSError:
            pass  # the worker that asked is gone

    def log_message(self, *args):
        pass


@pytest.fixture
def trage_duo(duo_wereld):
    server = TrageDuo()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    duo_wereld.bladel.duo_basis_url = server.basis_url
    duo_wereld.bladel.save()
    yield server
    server.verder.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def worker_proces(tmp_path):
    """Starts `celery worker` processes on the test database; each is stopped at the end."""
    vereist(BROKER.startswith("redis://"), "CELERY_BROKER_URL wijst niet naar Redis")
    app.conf.update(broker_url=BROKER, result_backend=BROKER, task_always_eager=False)
    db = connection.settings_dict
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "inburgering.settings",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
    }
    gestart = []

    def start(log_naam, knooppunt=KNOOPPUNT, *, met_beat=False):
        log = tmp_path / log_naam
        # -B: beat inside this worker, its schedule state in the test's own folder
        beat = ["-B", "-s", str(tmp_path / "beat-schema")] if met_beat else []
        proces = subprocess.Popen(  # noqa: S603  (our own worker, fixed arguments)
            [sys.executable, "-m", "celery", "-A", "inburgering", "worker", "-P", "solo", "-n", knooppunt]
            + ["-l", "info", "--without-heartbeat", "--without-gossip", "--without-mingle", *beat],
            cwd=settings.BASE_DIR,
            env=omgeving,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        gestart.append(proces)
        assert _wacht_tot(lambda: "ready." in log.read_text(), 60), log.read_text()[-3000:]
        return proces

    yield start
    for proces in gestart:
        if proces.poll() is None:
            proces.terminate()
            try:
                proces.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proces.pid, signal.SIGKILL)
                proces.wait()
    # A killed worker's message stays unacknowledged in Redis until the visibility timeout (hours);
    # then a later run's worker on this broker would get it back, for a message id of another
    # database. No worker is running now, so nothing else is unacknowledged.
    with app.connection_for_write() as verbinding:
        kanaal = verbinding.default_channel
        kanaal.client.delete(kanaal.unacked_key, kanaal.unacked_index_key)
    app.conf.task_always_eager = True


def _zet_pip_klaar(wereld, dagtekening):
    inhoud = {
        "dagtekeningPip": dagtekening,
        "leerroute": "B",
        "indicatorMagOpleidingAfmaken": False,
        "indicatorAlfabetiseringsonderwijs": "AA",
    }
    with transaction.atomic():  # queued on Redis when it commits
        return outbox.zet_klaar(
            inburgeraar=wereld.dossier_bladel,
            soort="pip",
            methode="POST",
            pad="/personen/{bsn}/PIP",
            inhoud=inhoud,
            spec=SPEC,
        )


def _dood_midden_in_verzenden(worker, trage_duo):
    """SIGKILL the worker while DUO holds its first send; DUO then answers again. The claimed message and
    the moment of death, from which the recovery is timed."""
    assert trage_duo.eerste.wait(timeout=30), "de worker verstuurde niets"
    verloren = DuoBericht.objects.get(bericht_id=trage_duo.ontvangen[0])
    assert (verloren.status, verloren.verzonden_door) == ("sent", KNOOPPUNT)
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    gedood = time.monotonic()
    trage_duo.verder.set()
    return verloren, gedood


def test_a_worker_killed_while_sending_resends_on_restart_and_every_message_is_confirmed_once(
    duo_wereld, trage_duo, worker_proces
):
    eerste_worker = worker_proces("eerste.log")
    berichten = [_zet_pip_klaar(duo_wereld, f"2026-11-0{dag}") for dag in (2, 3, 4)]
    verloren, gedood = _dood_midden_in_verzenden(eerste_worker, trage_duo)
    worker_proces("tweede.log")

    assert _wacht_tot(lambda: set(DuoBericht.objects.values_list("status", flat=True)) == {"confirmed"}, 120)
    assert time.monotonic() - gedood < 120
    # DUO got every message, the lost one a second time under the same berichtId, and nothing more
    assert sorted(trage_duo.ontvangen) == sorted([str(b.bericht_id) for b in berichten] + [str(verloren.bericht_id)])
    assert trage_duo.fouten == []
    assert DuoBericht.objects.get(pk=verloren.pk).pogingen == 2
    for bericht in berichten:
        bevestigd = Gebeurtenis.objects.filter(
            soort="duo", gegevens__bericht=bericht.pk, omschrijving__contains="bevestigde"
        )
        assert bevestigd.count() == 1


def test_a_worker_killed_while_sending_is_replaced_under_another_name_and_its_message_goes_within_two_minutes(
    duo_wereld, trage_duo, worker_proces
):
    """A recreated container: the new worker has another hostname, so the dead one's claim is not its
    own; the claim's lease runs out and beat queues the message again for it."""
    eerste_worker = worker_proces("eerste.log")
    bericht = _zet_pip_klaar(duo_wereld, "2026-11-02")
    _, gedood = _dood_midden_in_verzenden(eerste_worker, trage_duo)
    worker_proces("tweede.log", "duo-herstel-nieuwe-container@test", met_beat=True)

    assert _wacht_tot(lambda: DuoBericht.objects.get(pk=bericht.pk).status == "confirmed", 120)
    assert time.monotonic() - gedood < 120
    bericht.refresh_from_db()
    assert (bericht.pogingen, bericht.verzonden_door) == (2, "duo-herstel-nieuwe-container@test")
    assert trage_duo.ontvangen == [str(bericht.bericht_id)] * 2
    assert trage_duo.fouten == []
