"""A send's claim is a lease: a worker that died while DUO had not answered (a container recreated
under another hostname) leaves a claim that runs out, and any other worker sends the message again
within two minutes; a claim still within its lease, or renewed by a worker that is waiting for DUO,
is left alone."""

import datetime
import threading

import httpx
import pytest

from inburgering.duo import client as duo_client
from inburgering.duo import outbox, tasks
from inburgering.duo.models import DuoBericht

from .conftest import BSN

PIP = {
    "dagtekeningPip": "2026-11-02",
    "leerroute": "B",
    "indicatorMagOpleidingAfmaken": False,
    "indicatorAlfabetiseringsonderwijs": "AA",
}
DODE_WORKER = "celery@container-oud"
NIEUWE_WORKER = "celery@container-nieuw"


def _geclaimd_door_dode_worker(wereld):
    """A message the old worker claimed (committed as sent, attempt 1) before it was killed."""
    bericht = DuoBericht.objects.create(
        inburgeraar=wereld.dossier_bladel,
        gemeente=wereld.bladel,
        soort="pip",
        methode="POST",
        pad=f"/personen/{BSN}/PIP",
        inhoud=PIP,
    )
    assert outbox._claim(bericht.pk, DODE_WORKER) is not None
    return bericht


@pytest.fixture
def gepland(monkeypatch):
    """What beat queues on the broker, instead of running it eagerly at once."""
    pks = []
    monkeypatch.setattr(outbox, "_plan", lambda pk, countdown=None: pks.append(pk))
    return pks


@pytest.mark.django_db
def test_a_claim_past_its_lease_is_sent_again_by_a_worker_of_another_name(duo_wereld, klok, gepland):
    duo_wereld.duo.zet("POST", "/PIP", (201, None))
    bericht = _geclaimd_door_dode_worker(duo_wereld)

    klok.shift(datetime.timedelta(seconds=61))  # the lease is a minute; nobody renewed it
    assert tasks.neem_verlopen_claims_terug.delay().get() == 1

    assert gepland == [bericht.pk]
    assert outbox.verstuur(bericht.pk, knooppunt=NIEUWE_WORKER) == "confirmed"
    bericht.refresh_from_db()
    assert (bericht.verzonden_door, bericht.pogingen, bericht.geclaimd_tot) == (NIEUWE_WORKER, 2, None)
    [verzoek] = duo_wereld.duo.aan("POST", "/PIP")
    assert verzoek.headers["berichtId"] == str(bericht.bericht_id)  # DUO recognises the repeat


@pytest.mark.django_db
def test_a_worker_starting_under_another_name_takes_an_expired_claim_back_too(duo_wereld, klok, gepland):
    bericht = _geclaimd_door_dode_worker(duo_wereld)
    klok.shift(datetime.timedelta(seconds=90))

    outbox.verstuur_openstaande(herstart=NIEUWE_WORKER)

    assert gepland == [bericht.pk]
    assert DuoBericht.objects.get(pk=bericht.pk).status == "pending"


@pytest.mark.django_db
def test_a_claim_within_its_lease_is_left_to_its_worker(duo_wereld, klok, gepland):
    bericht = _geclaimd_door_dode_worker(duo_wereld)

    klok.shift(datetime.timedelta(seconds=59))
    assert tasks.neem_verlopen_claims_terug.delay().get() == 0
    outbox.verstuur_openstaande(herstart=NIEUWE_WORKER)

    assert gepland == []
    assert outbox.verstuur(bericht.pk, knooppunt=NIEUWE_WORKER) is None
    bericht.refresh_from_db()
    assert (bericht.status, bericht.verzonden_door, bericht.pogingen) == ("sent", DODE_WORKER, 1)
    assert duo_wereld.duo.aan("POST", "/PIP") == []


@pytest.mark.django_db(transaction=True)
def test_a_worker_waiting_long_for_duo_renews_its_lease_and_keeps_its_claim(duo_wereld, klok, monkeypatch):
    """DUO takes two minutes to answer (connect, write and read each within the timeout): the sending
    worker's renewals keep the claim, so beat never hands the message to a second worker meanwhile."""
    monkeypatch.setattr(outbox, "VERLENG_ELKE", datetime.timedelta(seconds=0.05))
    bericht = DuoBericht.objects.create(
        inburgeraar=duo_wereld.dossier_bladel,
        gemeente=duo_wereld.bladel,
        soort="pip",
        methode="POST",
        pad=f"/personen/{BSN}/PIP",
        inhoud=PIP,
    )
    teruggenomen = []

    def trage_duo(verzoek):
        for _ in range(4):  # 4 × 30 s of DUO's time; the renewal thread runs in between
            klok.shift(datetime.timedelta(seconds=30))
            verlengd = threading.Event()
            # wait (in real time) until the renewal thread has pushed the lease past the new now
            for _ in range(200):
                if DuoBericht.objects.get(pk=bericht.pk).geclaimd_tot > outbox.timezone.now():
                    verlengd.set()
                    break
                threading.Event().wait(0.01)
            assert verlengd.is_set(), "de claim werd niet verlengd"
            teruggenomen.append(outbox.neem_verlopen_claims_terug())
        return httpx.Response(201, headers={"API-Version": "1.0.0"})

    duo_client.zet_transport(httpx.MockTransport(trage_duo))

    assert outbox.verstuur(bericht.pk, knooppunt=DODE_WORKER) == "confirmed"

    assert teruggenomen == [0, 0, 0, 0]
    bericht.refresh_from_db()
    assert (bericht.pogingen, bericht.verzonden_door, bericht.geclaimd_tot) == (1, DODE_WORKER, None)
