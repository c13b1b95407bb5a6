"""Handhaving: a waarschuwing or boete within the law, its beschikking, and its withdrawal."""

import datetime
import hashlib
import io
from decimal import Decimal

import pytest
import time_machine
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering.models import Gebeurtenis
from pip import handhaven
from pip.models import Handhaving

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _vandaag():
    with time_machine.travel(datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC), tick=False):
        yield


def _tekst(pdf: bytes) -> str:
    return " ".join(" ".join(pagina.extract_text().split()) for pagina in PdfReader(io.BytesIO(pdf)).pages)


def _handhaving(**kwargs):
    return {
        "soort": "boete",
        "verplichting": "pvt",
        "feiten": "Niet verschenen op drie PVT-workshops.",
        "verwijtbaarheid": "volledig",
        "verwijtbaarheid_motivatie": "Uitgenodigd met tolk; geen reden gegeven.",
        "bedrag": Decimal(250),
        "dagtekening": D(2026, 11, 20),
        **kwargs,
    }


@pytest.fixture
def boete(vastgesteld, regisseur):
    return handhaven.leg_vast(door=regisseur, inburgeraar=vastgesteld.inburgeraar, gegevens=_handhaving())


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"bedrag": Decimal("800.01")}, "bedrag"),
        ({"bedrag": None}, "bedrag"),
        ({"verwijtbaarheid": "niet"}, "verwijtbaarheid"),
        ({"verwijtbaarheid_motivatie": ""}, "verwijtbaarheid_motivatie"),
        ({"soort": "waarschuwing"}, "bedrag"),
    ],
)
def test_handhaving_refuses_what_the_law_forbids(vastgesteld, regisseur, kwargs, veld):
    with pytest.raises(ValidationError) as fout:
        handhaven.leg_vast(door=regisseur, inburgeraar=vastgesteld.inburgeraar, gegevens=_handhaving(**kwargs))
    assert veld in fout.value.error_dict
    assert not Handhaving.objects.exists()


@pytest.mark.pdf
def test_a_boete_gets_its_own_beschikking(boete):
    tekst = _tekst(boete.pdf.read())
    for verwacht in ["boete van € 250", "PVT", "Uitgenodigd met tolk", boete.kenmerk, "binnen 6 weken", "bezwaar"]:
        assert verwacht in tekst.replace(",00", ""), verwacht
    # Six weeks after Friday 20 November 2026 is Nieuwjaarsdag 2027, a Friday: the Atw moves it to Monday.
    assert "uiterlijk op 4 januari 2027" in tekst
    boete.pdf.seek(0)
    assert hashlib.sha256(boete.pdf.read()).hexdigest() == boete.sha256


@pytest.mark.pdf
def test_withdrawing_a_boete_keeps_the_original_and_sends_a_letter_of_its_own(boete, regisseur):
    origineel = boete.sha256

    ingetrokken = handhaven.trek_in(
        door=regisseur, handhaving=boete, datum=D(2026, 11, 23), reden="Het bezwaar is gegrond: de brief kwam te laat."
    )

    assert (ingetrokken.ingetrokken_op, ingetrokken.ingetrokken_door) == (D(2026, 11, 23), regisseur)
    assert ingetrokken.sha256 == origineel and ingetrokken.pdf
    tekst = _tekst(ingetrokken.intrekking_pdf.read())
    for verwacht in [
        "de boete van € 250",
        "vervalt",
        "niet te betalen",
        "bezwaar is gegrond",
        boete.kenmerk,
        "binnen 6 weken",
    ]:
        assert verwacht in tekst.replace(",00", ""), verwacht
    ingetrokken.intrekking_pdf.seek(0)
    assert hashlib.sha256(ingetrokken.intrekking_pdf.read()).hexdigest() == ingetrokken.intrekking_sha256
    gebeurtenis = Gebeurtenis.objects.filter(inburgeraar=boete.inburgeraar).order_by("-pk").first()
    assert gebeurtenis.soort == "pip_handhaving_ingetrokken"
    assert "bezwaar is gegrond" in gebeurtenis.omschrijving
    boete.inburgeraar.refresh_from_db()
    assert boete.inburgeraar.datum_laatste_bekendmaking == D(2026, 11, 23)  # a new bezwaartermijn


@pytest.mark.parametrize(
    ("datum", "reden", "veld"),
    [
        (D(2026, 11, 19), "Bezwaar gegrond.", "ingetrokken_op"),  # before the decision itself
        (D(2026, 11, 24), "Bezwaar gegrond.", "ingetrokken_op"),  # in the future
        (D(2026, 11, 23), "  ", "reden_intrekking"),
    ],
)
def test_a_withdrawal_needs_a_reason_and_a_date_between_the_decision_and_today(boete, regisseur, datum, reden, veld):
    with pytest.raises(ValidationError) as fout:
        handhaven.trek_in(door=regisseur, handhaving=boete, datum=datum, reden=reden)
    assert veld in fout.value.error_dict
    boete.refresh_from_db()
    assert boete.ingetrokken_op is None and not boete.intrekking_pdf


def test_a_decision_is_withdrawn_only_once(boete, regisseur):
    handhaven.trek_in(door=regisseur, handhaving=boete, datum=D(2026, 11, 23), reden="Bezwaar gegrond.")
    with pytest.raises(ValidationError, match="al ingetrokken op 23 november 2026"):
        handhaven.trek_in(door=regisseur, handhaving=boete, datum=D(2026, 11, 23), reden="Nogmaals.")


@pytest.mark.pdf
def test_the_regisseur_withdraws_on_the_pip_page_and_downloads_the_letter(client, boete, regisseur):
    client.force_login(regisseur)
    dossier = boete.inburgeraar.pk
    intrekken = reverse("pip:pip_handhaving_intrekken", args=[dossier, boete.pk])
    assert intrekken in client.get(reverse("pip:pip", args=[dossier])).content.decode()

    leeg = client.post(intrekken, {"ingetrokken_op": "2026-11-23", "reden_intrekking": ""})
    assert "Dit veld is verplicht." in leeg.content.decode()

    response = client.post(
        intrekken, {"ingetrokken_op": "2026-11-23", "reden_intrekking": "Bezwaar gegrond."}, follow=True
    )
    pagina = response.content.decode()
    assert "Ingetrokken op 23 november 2026</strong>: Bezwaar gegrond." in pagina
    assert "Besluit tot intrekking downloaden (PDF)" in pagina
    assert intrekken not in pagina  # withdrawn once: no second offer
    brief = client.get(reverse("pip:pip_handhaving_download", args=[dossier, boete.pk]), {"brief": "intrekking"})
    assert brief["Content-Disposition"] == f'attachment; filename="{boete.kenmerk}-intrekking.pdf"'
    assert "Bezwaar gegrond." in _tekst(b"".join(brief.streaming_content))
