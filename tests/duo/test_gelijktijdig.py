"""Two workers at once on PostgreSQL, each thread on its own connection: messages and notifications of
one gemeente never wait for (or skip) each other, and no lock is held while DUO answers."""

import contextlib
import threading
import uuid

import httpx
import pytest

from django.db import OperationalError, connections, transaction

from inburgering.duo import client as duo_client
from inburgering.duo import outbox, verwerking
from inburgering.duo.models import DuoBericht, Notificatie
from inburgering.models import Gemeente

from .conftest import BSN

pytestmark = pytest.mark.django_db(transaction=True)

DUO_OIN = "00000001800866472000"
PIP = {
    "dagtekeningPip": "2026-11-02",
    "leerroute": "B",
    "indicatorMagOpleidingAfmaken": False,
    "indicatorAlfabetiseringsonderwijs": "AA",
}


def _in_thread(functie, *args):
    """Run on a thread of its own, hence on a database connection of its own; the result in a list."""
    uitkomst = []

    def doe():
        try:
            uitkomst.append(functie(*args))
        finally:
            connections.close_all()

    draad = threading.Thread(target=doe)
    draad.start()
    return draad, uitkomst


def _bericht(wereld):
    return DuoBericht.objects.create(
        inburgeraar=wereld.dossier_bladel,
        gemeente=wereld.bladel,
        soort="pip",
        methode="POST",
        pad=f"/personen/{BSN}/PIP",
        inhoud=PIP,
    )


def test_two_workers_claim_two_messages_of_one_gemeente_at_once_and_both_are_sent(duo_wereld, monkeypatch):
    duo_wereld.duo.zet("POST", "/PIP", (201, None))
    eerste, tweede = _bericht(duo_wereld), _bericht(duo_wereld)
    # Both claims wait for each other with their row selected and locked, so they overlap for certain.
    samen = threading.Barrier(2)
    opslaan = DuoBericht.save

    def save_na_elkaar(self, *args, **kwargs):
        if kwargs.get("update_fields") and "verzonden_door" in kwargs["update_fields"]:
            with contextlib.suppress(threading.BrokenBarrierError):  # the other claim never came
                samen.wait(timeout=5)
        return opslaan(self, *args, **kwargs)

    monkeypatch.setattr(DuoBericht, "save", save_na_elkaar)

    draden = [_in_thread(outbox.verstuur, bericht.pk) for bericht in (eerste, tweede)]
    for draad, _uitkomst in draden:
        draad.join(timeout=30)

    assert [uitkomst for _draad, uitkomst in draden] == [["confirmed"], ["confirmed"]]
    assert sorted(v.headers["berichtId"] for v in duo_wereld.duo.aan("POST", "/PIP")) == sorted(
        [str(eerste.bericht_id), str(tweede.bericht_id)]
    )
    assert set(DuoBericht.objects.values_list("status", "pogingen")) == {("confirmed", 1)}


def _notificatie(wereld, bsn):
    return Notificatie.objects.create(
        bericht_id=uuid.uuid4(),
        bron=DUO_OIN,
        doel=wereld.bladel.oin,
        gemeente=wereld.bladel,
        gebeurtenis_id="SS101",
        bsn=bsn,
        registratie_datum_tijd="2026-11-20T09:15:00+01:00",
        inhoud={},
    )


def test_a_notification_waiting_for_duo_holds_no_lock_and_another_of_its_gemeente_goes_ahead(duo_wereld):
    duo = duo_wereld.duo
    duo.zet("GET", "/inburgeringsplicht", (200, {"indicatorInburgeringsplicht": True}))
    duo.zet("GET", "/doelgroep", (200, {"gedetailleerdeDoelgroep": "Gezinsvormer"}))
    traag, vlot = _notificatie(duo_wereld, "111222333"), _notificatie(duo_wereld, "222333443")
    duo_leest, verder = threading.Event(), threading.Event()

    def duo_blijft_hangen(verzoek):
        if "111222333" in verzoek.url.path:  # DUO is slow to answer about the first person
            duo_leest.set()
            verder.wait(timeout=30)
        return duo(verzoek)

    duo_client.zet_transport(httpx.MockTransport(duo_blijft_hangen))
    draad, uitkomst = _in_thread(verwerking.verwerk, traag.pk)
    try:
        assert duo_leest.wait(timeout=10)
        # meanwhile the other notification of the same gemeente is processed in full
        assert verwerking.verwerk(vlot.pk) == "verwerkt"
        # and nothing of the waiting one is locked: its row, its gemeente
        with transaction.atomic():
            assert Notificatie.objects.select_for_update(nowait=True).get(pk=traag.pk).status == "ontvangen"
            Gemeente.objects.select_for_update(nowait=True).get(pk=duo_wereld.bladel.pk)
    except OperationalError as e:
        pytest.fail(f"Een rij bleef vergrendeld terwijl DUO antwoordde: {e}")
    finally:
        verder.set()
        draad.join(timeout=30)

    assert uitkomst == ["verwerkt"]
    assert Notificatie.objects.get(pk=traag.pk).inburgeraar.bsn == "111222333"
    assert len(duo.aan("GET", "/personen/111222333/inburgeringsplicht")) == 1  # read once, not per round
