"""One Dutch notation: `30 november 2026`, `30 november 2026, 22:56`, `1.234,56`, `€ 1.234,56`,
and no other date style on any main page."""

import datetime
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest

from django.template import Context, Template
from django.urls import reverse

from inburgering import opmaak
from tests.inburgering import test_isolation as _isolatie

# The isolation matrix's world has every object the main pages show.
verwezen, intakes, pips, leerroute_objecten, signalen = (
    _isolatie.verwezen, _isolatie.intakes, _isolatie.pips, _isolatie.leerroute_objecten, _isolatie.signalen,
)  # fmt: skip

ANDERE_DATUMSTIJLEN = [
    re.compile(r"\b\d{1,2}-\d{1,2}-\d{2,4}\b"),  # 20-11-2026
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # 2026-11-20
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),  # 20/11/2026
    re.compile(
        r"\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.? \d{4}\b", re.IGNORECASE
    ),  # 30 Nov 2026
    re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b"),  # 29 Juni 1980
    re.compile(r"\b\d{1,2} [a-z]+ \d{4} \d{1,2}:\d{2}\b"),  # a time without the comma
]


@pytest.mark.parametrize(
    "tekst", ["20-11-2026", "2026-11-20", "30 Nov 2026 22:56", "23 Okt 2026", "30 november 2026 22:56"]
)
def test_the_scan_catches_the_styles_that_used_to_appear(tekst):
    assert any(patroon.search(tekst) for patroon in ANDERE_DATUMSTIJLEN)


@pytest.mark.parametrize("tekst", ["30 november 2026", "30 november 2026, 22:56", "29 juni 1980", "BSN ******123"])
def test_the_scan_lets_the_one_notation_pass(tekst):
    assert not any(patroon.search(tekst) for patroon in ANDERE_DATUMSTIJLEN)


def test_a_date_a_moment_a_number_and_an_amount_in_the_one_notation():
    moment = datetime.datetime(2026, 11, 30, 21, 56, tzinfo=datetime.UTC)  # 22:56 in Amsterdam

    assert opmaak.datum(datetime.date(2026, 11, 30)) == "30 november 2026"
    assert opmaak.datum(moment) == "30 november 2026, 22:56"
    assert opmaak.datum(datetime.datetime(2026, 6, 29, 22, 30, tzinfo=datetime.UTC)) == "30 juni 2026, 00:30"
    assert opmaak.datum(None) == ""
    assert opmaak.getal(Decimal("1234.56")) == "1.234,56"
    assert opmaak.getal(Decimal("2.50")) == "2,50"
    assert opmaak.getal(Decimal("6.00")) == "6"
    assert opmaak.bedrag(Decimal("1234.5")) == "€ 1.234,50"
    assert opmaak.bedrag(250) == "€ 250,00"


def test_the_filters_work_in_every_template_without_loading_them():
    html = Template("{{ d|datum }} · {{ m|datum }} · {{ m|datum:'dag' }} · {{ b|bedrag }} · {{ g|getal }}").render(
        Context(
            {
                "d": datetime.date(1980, 6, 29),
                "m": datetime.datetime(2026, 10, 23, 8, 5, tzinfo=datetime.UTC),
                "b": Decimal("1234.56"),
                "g": Decimal("12345.5"),
            }
        )
    )

    assert html == "29 juni 1980 · 23 oktober 2026, 10:05 · 23 oktober 2026 · € 1.234,56 · 12.345,5"


class _Tekst(HTMLParser):
    """The text a reader sees: no tags, attributes (datetime="…", input values), scripts or styles."""

    def __init__(self):
        super().__init__()
        self.delen, self._verborgen = [], 0

    def handle_starttag(self, tag, attrs):
        self._verborgen += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._verborgen -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._verborgen:
            self.delen.append(data)


def _zichtbare_tekst(html: str) -> str:
    parser = _Tekst()
    parser.feed(html)
    return " ".join(parser.delen)


@pytest.fixture
def wereld_vol(verwezen, signalen, leerroute_objecten):
    return verwezen


def test_no_main_page_shows_another_date_style(client, wereld_vol):
    w = wereld_vol
    d = w.dossier_bladel.pk
    paginas = [
        ("regisseur", reverse("inburgering:caseload")),
        ("regisseur", reverse("inburgering:dossier", args=[d])),
        ("regisseur", reverse("intake:intake", args=[d])),
        ("regisseur", reverse("pip:pip", args=[d])),
        ("regisseur", reverse("leerroutes:leerroute", args=[d])),
        ("regisseur", reverse("ontzorgen:ontzorgen_dossier", args=[d])),
        ("regisseur", reverse("inburgering:signalen")),
        ("regisseur", reverse("groepen:groep", args=[w.groep_bladel.pk])),
        ("teamleider", reverse("inburgering:rapportage")),
        ("begeleider", reverse("ontzorgen:uren_week")),
        ("begeleider", reverse("ontzorgen:begeleiding_dossier", args=[d])),
        ("begeleider", reverse("ontzorgen:mijn_inburgeraars")),
        ("privacy", reverse("inburgering:inzagelog")),
        ("beheerder", reverse("inburgering:duo_berichten")),
        ("beheerder", reverse("inburgering:vernietigingslijsten")),
    ]
    gevonden = []
    for rol, url in paginas:
        client.force_login(getattr(w, rol))
        response = client.get(url)
        assert response.status_code == 200, url
        tekst = _zichtbare_tekst(response.content.decode())
        gevonden += [f"{url}: {m.group(0)}" for patroon in ANDERE_DATUMSTIJLEN for m in patroon.finditer(tekst)]

    assert gevonden == []
