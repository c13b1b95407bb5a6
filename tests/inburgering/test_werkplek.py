"""The dossier as a workspace: one header (who, fase, next deadline, actions) and sections as tabs."""

import datetime
import re

import pytest
import time_machine

from django.urls import reverse
from django.utils.html import escape

from inburgering import services as dossier_services
from inburgering.fasen import Fase
from inburgering.models import Regime
from intake import services as intake_services
from pip.models import Pip
from tests.factories import InburgeraarFactory, geef_pip

NU = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nu():
    with time_machine.travel(NU, tick=False):
        yield


def _tabs(html: str) -> list[tuple[str, bool]]:
    nav = re.search(r'<nav class="app-tabs[^>]*>(.*?)</nav>', html, re.S).group(1)
    return [(titel, "aria-current" in attrs) for attrs, titel in re.findall(r"<a ([^>]*)>([^<]*)</a>", nav)]


@pytest.mark.parametrize(
    ("url_name", "actief"),
    [
        ("inburgering:dossier", "Overzicht"),
        ("intake:intake", "Brede intake"),
        ("pip:pip", "PIP"),
        ("leerroutes:leerroute", "Leerroute"),
        ("ontzorgen:ontzorgen_dossier", "Ontzorgen en begeleiding"),
        ("kosten:kosten_dossier", "Tolken en kosten"),
        ("inburgering:dossier_documenten", "Documenten"),
        ("inburgering:dossier_tijdlijn", "Tijdlijn"),
    ],
)
def test_every_section_shows_the_header_and_marks_its_own_tab(client, wereld, url_name, actief):
    client.force_login(wereld.regisseur)
    html = client.get(reverse(url_name, args=[wereld.dossier_bladel.pk])).content.decode()

    assert _tabs(html) == [
        (titel, titel == actief)
        for titel in (
            "Overzicht",
            "Brede intake",
            "PIP",
            "Leerroute",
            "Ontzorgen en begeleiding",
            "Tolken en kosten",
            "Documenten",
            "Tijdlijn",
        )
    ]
    kop = re.search(r'<header class="app-dossierkop".*?</header>', html, re.S).group(0)
    assert escape(wereld.dossier_bladel.naam) in kop  # names like "van 't Hof" arrive escaped
    assert "Asielstatushouder" in kop and "Bladel" in kop and escape(str(wereld.regisseur)) in kop
    assert "Brede intake starten: 29 september 2026" in kop  # the next deadline, passed
    assert reverse("inburgering:dossier_wijzigen", args=[wereld.dossier_bladel.pk]) in kop


@pytest.mark.parametrize(
    ("url_name", "kop"),
    [
        ("inburgering:dossier_wijzigen", "Gegevens wijzigen"),
        ("inburgering:dossier_overdragen", "Dossier overdragen aan een andere gemeente"),
        ("inburgering:dossier_historie", "Wijzigingshistorie"),
    ],
)
def test_the_header_actions_open_inside_the_workspace_under_the_overview_tab(client, wereld, url_name, kop):
    client.force_login(wereld.regisseur)
    html = client.get(reverse(url_name, args=[wereld.dossier_bladel.pk])).content.decode()

    assert [titel for titel, actief in _tabs(html) if actief] == ["Overzicht"]
    kop_html = re.search(r'<header class="app-dossierkop".*?</header>', html, re.S).group(0)
    assert escape(wereld.dossier_bladel.naam) in kop_html
    assert re.search(rf'<h1 class="utrecht-heading-2">{kop}</h1>', html)


def test_the_fase_stepper_marks_the_current_step_for_screen_readers(client, wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.PIP)
    client.force_login(wereld.regisseur)
    html = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    stappen = re.search(r'<ol class="app-fasen"[^>]*>(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r"<li[^>]*>([^<]*)", stappen) == [
        "Aangemeld",
        "Brede intake",
        "PIP in voorbereiding",
        "Uitvoering",
        "Afgerond",
    ]
    assert re.findall(r'<li[^>]*aria-current="step"[^>]*>([^<]*)', stappen) == ["PIP in voorbereiding"]
    assert stappen.count("(gedaan)") == 2


def test_under_the_wi2013_the_stepper_has_no_pip_to_prepare(client, wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.UITVOERING, regime=Regime.WI2013)
    client.force_login(wereld.regisseur)
    html = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()

    stappen = re.search(r'<ol class="app-fasen"[^>]*>(.*?)</ol>', html, re.S).group(1)
    assert re.findall(r"<li[^>]*>([^<]*)", stappen) == ["Aangemeld", "Brede intake", "Uitvoering", "Afgerond"]
    assert re.findall(r'<li[^>]*aria-current="step"[^>]*>([^<]*)', stappen) == ["Uitvoering"]


def test_the_tijdlijn_section_has_every_event_and_the_overview_the_latest(client, wereld):
    dossier = wereld.dossier_bladel
    for i in range(12):
        dossier_services.schrijf_gebeurtenis(
            inburgeraar=dossier, soort="notitie", omschrijving=f"Gebeurtenis {i}", door=wereld.regisseur
        )
    client.force_login(wereld.regisseur)

    overzicht = client.get(reverse("inburgering:dossier", args=[dossier.pk]))
    tijdlijn = client.get(reverse("inburgering:dossier_tijdlijn", args=[dossier.pk]))

    alle = list(dossier.tijdlijn.all())
    assert list(tijdlijn.context["tijdlijn"]) == alle
    assert list(overzicht.context["tijdlijn"]) == alle[:10]
    assert reverse("inburgering:dossier_tijdlijn", args=[dossier.pk]) in overzicht.content.decode()


def test_the_documents_section_lists_the_letters_of_every_app(client, wereld):
    dossier = wereld.dossier_bladel
    intake = intake_services.start_intake(door=wereld.regisseur, inburgeraar=dossier)
    gemist = intake_services.registreer_niet_verschenen(
        door=wereld.regisseur, intake=intake, datum=datetime.date(2026, 11, 9), geldige_reden=False
    )
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:dossier_documenten", args=[dossier.pk]))

    assert [(d.titel, d.url) for d in response.context["documenten"]] == [
        ("Samenvatting brede intake", reverse("intake:intake_samenvatting", args=[dossier.pk])),
        ("Brief na niet verschijnen op 9 november 2026", reverse("intake:intake_brief", args=[dossier.pk, gemist.pk])),
    ]
    assert "Brief na niet verschijnen op 9 november 2026" in response.content.decode()


def test_a_beschikking_is_listed_also_before_its_pdf_is_rendered(client, wereld):
    dossier = geef_pip(wereld.dossier_bladel, door=wereld.regisseur)
    # As after a batch vaststelling whose rendering task has not run yet, and in the demo.
    Pip.objects.filter(inburgeraar=dossier).update(pdf="")
    client.force_login(wereld.regisseur)

    response = client.get(reverse("inburgering:dossier_documenten", args=[dossier.pk]))

    download = reverse("pip:pip_download", args=[dossier.pk, 1])
    assert [(d.soort, d.url) for d in response.context["documenten"]] == [("Beschikking", download)]
    assert client.get(download)["Content-Type"] == "application/pdf"


def test_a_dossier_without_letters_says_so(client, wereld):
    client.force_login(wereld.regisseur)
    html = client.get(reverse("inburgering:dossier_documenten", args=[wereld.dossier_bladel.pk])).content.decode()
    assert "Dit dossier heeft nog geen brieven of beschikkingen." in html
