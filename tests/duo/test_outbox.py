"""The outbox: queued where the fact happens, sent with backoff, confirmed once, refusals on the dossier.

Every request the fake DUO receives is validated against DUO's OpenAPI file (conftest.NepDuo).
"""

import datetime

import httpx
import pytest

from django.urls import reverse

from inburgering.duo import outbox, tasks
from inburgering.duo.models import DuoBericht
from leerroutes import services as leerroutes
from ontzorgen.models import Urensoort
from tests.factories import geef_pip

from .conftest import BASIS, BSN, keur_uren_goed

DUO_OIN = "00000001800866472000"


@pytest.fixture
def na_commit(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _met_pip(wereld, na_commit):
    with na_commit(execute=True):
        return geef_pip(wereld.dossier_bladel, door=wereld.regisseur, leerroute="B", alfabetisering="AA")


def test_a_fixed_pip_goes_to_duo_with_its_headers_and_is_confirmed(duo_wereld, na_commit):
    duo = duo_wereld.duo
    duo.zet("POST", "/PIP", (201, None))

    _met_pip(duo_wereld, na_commit)

    [verzoek] = duo.aan("POST", f"/personen/{BSN}/PIP")
    assert str(verzoek.url) == f"{BASIS}/personen/{BSN}/PIP"
    assert verzoek.headers["bron"] == duo_wereld.bladel.oin
    assert verzoek.headers["doel"] == DUO_OIN
    assert duo.inhoud(verzoek) == {
        "dagtekeningPip": "2025-03-03",
        "leerroute": "B",
        "indicatorMagOpleidingAfmaken": False,
        "indicatorAlfabetiseringsonderwijs": "AA",
    }
    bericht = DuoBericht.objects.get()
    assert str(bericht.bericht_id) == verzoek.headers["berichtId"]
    assert (bericht.status, bericht.pogingen, bericht.soort) == ("confirmed", 1, "pip")
    assert duo_wereld.dossier_bladel.tijdlijn.filter(soort="duo", omschrijving__contains="bevestigde").exists()


def test_duo_answers_500_then_201_and_the_message_is_confirmed_once(duo_wereld, na_commit):
    duo = duo_wereld.duo
    duo.zet("POST", "/PIP", (500, {"fouttekst": "storing"}), (201, None))

    _met_pip(duo_wereld, na_commit)

    bericht = DuoBericht.objects.get()
    assert (bericht.status, bericht.pogingen) == ("confirmed", 2)
    assert len(duo.aan("POST", "/PIP")) == 2
    # the same berichtId both times: DUO can recognise the retry
    assert len({v.headers["berichtId"] for v in duo.aan("POST", "/PIP")}) == 1
    # a confirmed message is never sent again, by the task or the safety net
    assert outbox.verstuur(bericht.pk) is None
    tasks.verstuur_openstaande.delay()
    assert len(duo.aan("POST", "/PIP")) == 2
    assert duo_wereld.dossier_bladel.tijdlijn.filter(soort="duo", omschrijving__contains="bevestigde").count() == 1


def test_backoff_doubles_and_gives_up_after_the_maximum(duo_wereld, na_commit, settings, monkeypatch):
    settings.DUO_MAX_POGINGEN = 3
    settings.DUO_BACKOFF_SECONDEN = 60
    geplande = []
    monkeypatch.setattr(outbox, "_plan", lambda pk, countdown=None: geplande.append(countdown))
    duo_wereld.duo.zet("POST", "/PIP", httpx.ReadTimeout("te traag"))
    _met_pip(duo_wereld, na_commit)
    bericht = DuoBericht.objects.get()

    assert [outbox.verstuur(bericht.pk) for _ in range(3)] == ["pending", "pending", "failed"]

    assert geplande == [None, 60, 120]  # queued on commit, then 1 and 2 times the backoff
    bericht.refresh_from_db()
    assert "ReadTimeout" in bericht.laatste_fout
    assert outbox.verstuur(bericht.pk) is None  # failed: only the beheerder sends it again


def test_a_refusal_shows_duos_fouttekst_on_the_dossier(duo_wereld, na_commit, client):
    duo_wereld.duo.zet("POST", "/PIP", (403, [{"fouttekst": "De dagtekening ligt voor de vestiging in de gemeente."}]))

    dossier = _met_pip(duo_wereld, na_commit)

    bericht = DuoBericht.objects.get()
    assert (bericht.status, bericht.fouttekst) == ("refused", "De dagtekening ligt voor de vestiging in de gemeente.")
    client.force_login(duo_wereld.regisseur)
    pagina = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    assert "DUO weigerde het bericht PIP" in pagina
    assert "De dagtekening ligt voor de vestiging in de gemeente." in pagina


def test_the_beheerder_lists_and_resends_a_failed_message(duo_wereld, na_commit, client, settings):
    settings.DUO_MAX_POGINGEN = 1
    duo = duo_wereld.duo
    duo.zet("POST", "/PIP", (503, None), (201, None))
    _met_pip(duo_wereld, na_commit)
    bericht = DuoBericht.objects.get()
    assert bericht.status == "failed"
    client.force_login(duo_wereld.beheerder)

    lijst = client.get(reverse("inburgering:duo_berichten"), {"status": "failed"}).content.decode()
    assert str(bericht.bericht_id) in lijst
    assert (
        str(bericht.bericht_id)
        not in client.get(reverse("inburgering:duo_berichten"), {"status": "confirmed"}).content.decode()
    )
    assert '<option value="failed" selected>Mislukt</option>' in lijst  # the status is chosen by its Dutch name
    assert (
        str(bericht.bericht_id)
        not in client.get(reverse("inburgering:duo_berichten"), {"status": "mislukt"}).content.decode()
    )
    with na_commit(execute=True):
        antwoord = client.post(reverse("inburgering:duo_bericht_opnieuw", args=[bericht.pk]))

    assert antwoord.status_code == 302
    bericht.refresh_from_db()
    assert bericht.status == "confirmed"
    assert len(duo.aan("POST", "/PIP")) == 2


def test_the_beheer_page_is_for_the_beheerder_only(duo_wereld, client):
    client.force_login(duo_wereld.regisseur)
    assert client.get(reverse("inburgering:duo_berichten")).status_code == 403


def test_map_and_pvt_go_as_put_with_duos_resultaat(duo_wereld, na_commit, monkeypatch):
    from leerroutes import regels

    dossier = _met_pip(duo_wereld, na_commit)
    monkeypatch.setattr(regels, "minimum_uren_overtredingen", lambda **kwargs: [])
    duo_wereld.duo.zet("PUT", "/map", (200, None))
    duo_wereld.duo.zet("PUT", "/pvt", (200, None))

    with na_commit(execute=True):
        for onderdeel in ("map", "pvt"):
            leerroutes.leg_afronding_vast(
                door=duo_wereld.regisseur,
                inburgeraar=dossier,
                onderdeel=onderdeel,
                datum=datetime.date(2026, 11, 2),
                behaald=True,
                motivatie_onder_norm="De lessen werden gevolgd voordat dit systeem ze registreerde.",
            )

    [map_] = duo_wereld.duo.aan("PUT", f"/personen/{BSN}/map")
    [pvt] = duo_wereld.duo.aan("PUT", f"/personen/{BSN}/pvt")
    assert duo_wereld.duo.inhoud(map_) == {"datumEindgesprekMap": "2026-11-02"}
    assert duo_wereld.duo.inhoud(pvt) == {"datumOndertekeningPvt": "2026-11-02"}
    assert set(DuoBericht.objects.values_list("soort", "status")) >= {("map", "confirmed"), ("pvt", "confirmed")}


def test_an_aanbod_goes_to_duo_at_the_instelling(duo_wereld, na_commit, aanbieder):
    dossier = _met_pip(duo_wereld, na_commit)
    duo_wereld.duo.zet("POST", "/Inburgeringsaanbod/12AB345678", (201, None))

    with na_commit(execute=True):
        leerroutes.leg_aanbod_vast(
            door=duo_wereld.regisseur,
            inburgeraar=dossier,
            gegevens={"aanbieder": aanbieder, "leerroute": "B", "datum_aanbod": datetime.date(2026, 11, 2)},
        )

    [verzoek] = duo_wereld.duo.aan("POST", f"/personen/{BSN}/Inburgeringsaanbod/12AB345678")
    assert duo_wereld.duo.inhoud(verzoek)["datumInburgeringsaanbod"] == "2026-11-02"
    assert DuoBericht.objects.get(soort="aanbod").status == "confirmed"


def test_a_gemeente_without_duo_connection_queues_nothing(duo_wereld, na_commit):
    duo_wereld.bladel.duo_basis_url = ""
    duo_wereld.bladel.save()

    _met_pip(duo_wereld, na_commit)

    assert not DuoBericht.objects.exists()
    assert duo_wereld.duo.verzoeken == []


def test_approved_hours_go_to_duo_as_changed_totals(duo_wereld, na_commit):
    dossier = duo_wereld.dossier_bladel
    duo = duo_wereld.duo
    duo.zet("PUT", "/uren/bredeintake/taallesknm", (200, None))

    with na_commit(execute=True):
        keur_uren_goed(duo_wereld, dossier, "2.5", Urensoort.TAALLES_BREDE_INTAKE)
        # hours DUO does not count change none of its totals: nothing more is sent
        keur_uren_goed(duo_wereld, dossier, "1", Urensoort.PRAKTISCHE_ZAKEN)
        keur_uren_goed(duo_wereld, dossier, "1.5", Urensoort.TAALLES_BREDE_INTAKE)

    verzoeken = duo.aan("PUT", f"/personen/{BSN}/uren/bredeintake/taallesknm")
    assert [duo.inhoud(v) for v in verzoeken] == [{"uren": 2}, {"uren": 4}]  # whole hours, rounded down
    assert set(DuoBericht.objects.values_list("status", flat=True)) == {"confirmed"}


def test_destroying_a_dossier_removes_its_duo_messages(duo_wereld, na_commit):
    import time_machine

    from inburgering.duo.models import Notificatie
    from inburgering.fasen import Fase
    from inburgering.privacy import vernietiging
    from tests.factories import InburgeraarFactory

    with time_machine.travel(datetime.datetime(2020, 6, 1, 10, 0, tzinfo=datetime.UTC), tick=False):
        oud = InburgeraarFactory(gemeente=duo_wereld.bladel, fase=Fase.AFGEROND)
    DuoBericht.objects.create(
        inburgeraar=oud,
        gemeente=duo_wereld.bladel,
        soort="pip",
        methode="POST",
        pad=f"/personen/{oud.bsn}/PIP",
        inhoud={},
    )
    Notificatie.objects.create(
        bericht_id="3fa85f64-5717-4562-b3fc-2c963f66afa6",
        bron=DUO_OIN,
        doel=duo_wereld.bladel.oin,
        gemeente=duo_wereld.bladel,
        gebeurtenis_id="SS106",
        bsn=oud.bsn,
        registratie_datum_tijd="2020-05-01T10:00:00+02:00",
        inburgeraar=oud,
    )

    [lijst] = vernietiging.stel_vernietigingslijsten_voor()
    vernietiging.keur_goed(door=duo_wereld.beheerder, lijst=lijst)
    procesverbaal = vernietiging.vernietig(lijst_id=lijst.pk)

    assert not DuoBericht.objects.filter(inburgeraar=oud).exists()
    assert not Notificatie.objects.filter(bsn=oud.bsn).exists()
    assert procesverbaal.aantallen["berichten aan DUO"] == 1
