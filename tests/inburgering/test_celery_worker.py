"""A real Celery worker on real Redis runs the mail task end to end (CI sets CELERY_BROKER_URL)."""

import datetime
import os
import time

import pytest
from celery.contrib.testing.worker import start_worker
from celery.signals import task_failure, task_postrun, task_prerun

from django.core import mail
from django.db import connections

from inburgering import services, tasks
from inburgering.celery import app
from inburgering.models import Inburgeraar, Signaal, Termijn
from tests.conftest import vereist
from tests.factories import InburgeraarFactory

pytestmark = pytest.mark.celery_worker

BROKER = os.environ.get("CELERY_BROKER_URL", "")


@pytest.fixture
def echte_worker(settings):
    """A worker thread on the broker's queue, which it finds empty: a message an earlier test left
    (a retry waiting for its countdown, a stopped worker's task) would otherwise run first, here.
    Yields the list of what it ran, for a failure to show."""
    vereist(BROKER.startswith("redis://"), "CELERY_BROKER_URL wijst niet naar Redis")
    app.conf.update(broker_url=BROKER, result_backend=BROKER, task_always_eager=False)
    app.control.purge()
    uitgevoerd = []

    def begonnen(sender, args, **kwargs):
        uitgevoerd.append(f"{sender.name}{tuple(args)}")

    def mislukt(sender, exception, **kwargs):
        uitgevoerd.append(f"{sender.name} mislukte: {exception!r}")

    def klaar(**kwargs):
        # The worker thread opens its own database connection; close it so the test database can go.
        connections.close_all()

    signalen = {task_prerun: begonnen, task_failure: mislukt, task_postrun: klaar}
    for signaal, ontvanger in signalen.items():
        signaal.connect(ontvanger, weak=False)
    try:
        with start_worker(app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            yield uitgevoerd
    finally:
        for signaal, ontvanger in signalen.items():
            signaal.disconnect(ontvanger)
        app.conf.task_always_eager = True


@pytest.mark.django_db(transaction=True)
def test_assigning_a_regisseur_mails_them_through_the_worker(wereld, echte_worker):
    dossier = InburgeraarFactory(gemeente=wereld.bladel)
    mail.outbox.clear()

    services.wijs_regisseur_toe(door=wereld.teamleider, inburgeraar=dossier, regisseur=wereld.collega)

    # on_commit queued the task on Redis; the worker thread picks it up and sends the mail.
    bericht = _wacht_op_mail(echte_worker, aan=wereld.collega.email)
    assert f"/dossiers/{dossier.pk}/" in bericht.body


@pytest.mark.django_db(transaction=True)
def test_the_daily_scan_runs_on_the_worker_and_queues_the_digest(wereld, echte_worker):
    dossier = InburgeraarFactory(
        gemeente=wereld.bladel, regisseur=wereld.collega, datum_koppeling=datetime.date(2026, 1, 5)
    )
    # As after a bulk load: facts without computed termijnen; the worker's nightly run makes them.
    Termijn.objects.all().delete()
    Inburgeraar.objects.filter(pk=dossier.pk).update(termijnen_bijgewerkt_op=None)
    mail.outbox.clear()

    resultaat = tasks.scan_termijnen.delay()

    assert resultaat.get(timeout=30)["nieuwe_signalen"] >= 1
    signaal = Signaal.objects.get(termijn__inburgeraar=dossier)
    assert (signaal.termijn.soort, signaal.niveau) == ("brede_intake_start", 0)
    # the scan queued a digest task per regisseur on Redis; the worker sent it
    bericht = _wacht_op_mail(echte_worker, aan=wereld.collega.email)
    assert f"/dossiers/{dossier.pk}/" in bericht.body
    # marked as mailed when the worker's transaction commits, just after sending
    einde = time.monotonic() + 10
    while Signaal.objects.get(pk=signaal.pk).gemaild_op is None and time.monotonic() < einde:
        time.sleep(0.1)
    assert Signaal.objects.get(pk=signaal.pk).gemaild_op is not None
    # a second run on the worker duplicates nothing
    tasks.scan_termijnen.delay().get(timeout=30)
    assert Signaal.objects.filter(termijn__inburgeraar=dossier).count() == 1


def _wacht_op_mail(uitgevoerd, *, aan, seconden=20):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        for bericht in mail.outbox:
            if bericht.to == [aan]:
                return bericht
        time.sleep(0.1)
    pytest.fail(f"De worker verstuurde binnen {seconden} s geen e-mail aan {aan}; hij voerde uit: {uitgevoerd}")
