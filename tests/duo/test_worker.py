"""A real Celery worker on real Redis processes notifications and sends the outbox with its backoff."""

import time
import uuid

import pytest

from inburgering.duo import inbox
from inburgering.duo.models import DuoBericht, Notificatie
from inburgering.models import Inburgeraar
from tests.factories import geef_pip
from tests.inburgering.test_celery_worker import echte_worker  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.celery_worker, pytest.mark.django_db(transaction=True)]

DUO_OIN = "00000001800866472000"


def _wacht_tot(voorwaarde, seconden=30):
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        time.sleep(0.2)
    return False


def test_the_worker_processes_a_stored_notification(duo_wereld, echte_worker):  # noqa: F811
    duo_wereld.duo.zet("GET", "/inburgeringsplicht", (200, {"indicatorInburgeringsplicht": True}))
    duo_wereld.duo.zet("GET", "/doelgroep", (200, {"gedetailleerdeDoelgroep": "Gezinsvormer"}))

    inbox.ontvang(
        bron=DUO_OIN,
        doel=duo_wereld.bladel.oin,
        bericht_id=uuid.uuid4(),
        inhoud={"gebeurtenisId": "SS101", "bsn": "111222333", "registratieDatumTijd": "2026-11-20T09:15:00+01:00"},
        certificaat_subject=f"serialNumber={DUO_OIN}",
        proxy_adres="127.0.0.1",
    )

    assert _wacht_tot(lambda: Notificatie.objects.get().status == "verwerkt")
    assert Inburgeraar.objects.get(bsn="111222333").doelgroep == "Gezinsvormer"


def test_the_worker_retries_after_a_500_and_confirms_once(duo_wereld, echte_worker):  # noqa: F811
    duo_wereld.duo.zet("POST", "/PIP", (500, {"fouttekst": "storing"}), (201, None))

    geef_pip(duo_wereld.dossier_bladel, door=duo_wereld.regisseur)

    assert _wacht_tot(lambda: DuoBericht.objects.get().status == "confirmed")
    bericht = DuoBericht.objects.get()
    assert bericht.pogingen == 2
    assert len(duo_wereld.duo.aan("POST", "/PIP")) == 2
