"""Sustained load on POST /duo/v1/notificaties of a running server (gunicorn), as DUO's TLS terminator sends it.

Every notification has its own berichtId, so each is checked, stored and queued (docs/load-test.md, "Duurbelasting
DUO-notificaties"). Threads with http.client: nothing to install, and light enough to share two cores with the
server it loads. Never point it at production: it fills the inbox with notifications about a test BSN.
"""

import http.client
import json
import statistics
import threading
import time
import urllib.parse
import uuid
from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from devtools.benchmark import benchmark_omgeving
from inburgering.celery import app as celery_app
from inburgering.duo.models import Notificatie


class Command(BaseCommand):
    help = (
        "Stuurt een draaiende server (--url) zoveel DUO-notificaties als hij aanneemt, elk met een eigen berichtId, "
        "gedurende --seconden, en meldt het aantal aangenomen per seconde. Alleen tegen een wegwerpdatabase."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="de server, zonder pad")
        parser.add_argument("--seconden", type=float, default=30)
        parser.add_argument("--gelijktijdig", type=int, default=8, help="verzoeken tegelijk (threads)")

    def handle(self, *args, url, seconden, gelijktijdig, **options):
        gemeente, _regisseurs = benchmark_omgeving()  # the Benchmark gemeente, addressed by its OIN
        al_ontvangen = Notificatie.objects.count()
        server = urllib.parse.urlsplit(url)
        statussen, duren, slot = Counter(), [], threading.Lock()
        einde = time.monotonic() + seconden

        def stuur():
            while time.monotonic() < einde:
                begin = time.monotonic()
                try:
                    status = _notificatie(server, gemeente.oin)
                except OSError as fout:
                    status = type(fout).__name__
                with slot:
                    statussen[status] += 1
                    duren.append(time.monotonic() - begin)

        begin = time.monotonic()
        threads = [threading.Thread(target=stuur) for _ in range(gelijktijdig)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        verstreken = time.monotonic() - begin

        aangenomen = statussen[201]
        kwantielen = statistics.quantiles(duren, n=100) if len(duren) > 1 else [0.0] * 99
        self.stdout.write(f"{sum(statussen.values())} verzoeken in {verstreken:.1f} s, {gelijktijdig} tegelijk")
        self.stdout.write("statussen: " + ", ".join(f"{status}: {aantal}" for status, aantal in statussen.items()))
        self.stdout.write(f"aangenomen (201): {aangenomen / verstreken:.1f} per seconde")
        self.stdout.write(
            f"antwoordtijd: mediaan {kwantielen[49] * 1000:.0f} ms, p95 {kwantielen[94] * 1000:.0f} ms, "
            f"p99 {kwantielen[98] * 1000:.0f} ms"
        )
        self.stdout.write(f"opgeslagen: {Notificatie.objects.count() - al_ontvangen}, {_in_wachtrij()}")


def _notificatie(server, oin: str) -> int:
    """One POST as DUO's TLS terminator passes it on: the verified certificate's subject in a header, HTTPS said
    in X-Forwarded-Proto (the server then needs no redirect to HTTPS). A new connection each time, as gunicorn's
    sync workers close every one."""
    inhoud = {"gebeurtenisId": "SS101", "bsn": "880000008", "registratieDatumTijd": timezone.now().isoformat()}
    headers = {
        "Content-Type": "application/json",
        "bron": settings.DUO_OIN,
        "doel": oin,
        "berichtId": str(uuid.uuid4()),
        "X-Forwarded-Proto": "https",
    }
    if settings.DUO_CERTIFICAAT_HEADER:
        headers[settings.DUO_CERTIFICAAT_HEADER] = f"CN=DUO,serialNumber={settings.DUO_OIN}"
    verbinding = http.client.HTTPConnection(server.hostname, server.port or 80, timeout=30)
    try:
        verbinding.request("POST", "/duo/v1/notificaties", body=json.dumps(inhoud), headers=headers)
        antwoord = verbinding.getresponse()
        antwoord.read()
        return antwoord.status
    finally:
        verbinding.close()


def _in_wachtrij() -> str:
    """How many processing tasks wait in Celery's queue (no worker needs to run)."""
    if celery_app.conf.task_always_eager:
        return "geen broker: verwerkt in het webproces"
    wachtrij = celery_app.conf.task_default_queue
    with celery_app.connection_for_write() as verbinding:
        aantal = verbinding.default_channel.queue_declare(queue=wachtrij, passive=True).message_count
    return f"in de Celery-wachtrij {wachtrij!r}: {aantal}"
