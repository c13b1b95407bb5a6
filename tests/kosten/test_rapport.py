"""The cost report per gemeente and year: totals per voorziening, persons suppressed below five, and XLSX."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from django.urls import reverse

from kosten import services
from kosten.berekening import Totaal, totalen
from kosten.models import Voorziening
from kosten.onderdrukking import rapportregels
from tests.factories import InburgeraarFactory
from tests.kosten import registratie

D = datetime.date
QUERIES = 21  # session, user, permissions, the dossier or gemeenten, prices, verhuizingen, one per source


def _dossiers_met_lesuren(wereld, taalschool, aantal, gemeente=None):
    for _ in range(aantal):
        dossier = InburgeraarFactory(gemeente=gemeente or wereld.bladel)
        registratie.aanbod(dossier, taalschool)
        registratie.deelname(dossier, D(2026, 3, 7), 10)
        registratie.activiteit(dossier, D(2026, 4, 2), "pvt_workshop")


def _rij(html, voorziening):
    start = html.index(f'scope="row">{voorziening}</th>')
    return html[start : html.index("</tr>", start)]


def test_the_beleidsmedewerker_sees_totals_per_voorziening_with_few_persons_suppressed(
    client, wereld, prijzen, taalschool
):
    _dossiers_met_lesuren(wereld, taalschool, 5)
    registratie.activiteit(wereld.dossier_bladel, D(2026, 4, 2), "map_les")
    client.force_login(wereld.beleidsmedewerker)
    response = client.get(reverse("kosten:kostenrapport"), {"gemeente": wereld.bladel.pk, "jaar": 2026})
    html = response.content.decode()
    assert response.status_code == 200
    taal = _rij(html, "Taalonderwijs B1-route")
    assert "€ 600,00" in taal and ">5<" in taal  # 5 × 10 lesuren × € 12 (Bladel's price), five persons
    assert "&lt;5" in _rij(html, "MAP") and "€ 900,00" in _rij(html, "MAP")  # one person: the count is hidden
    assert "€ 3.500,00" in html  # 600 + 2000 (five PVT modules) + 900
    assert wereld.dossier_bladel.naam not in html


def test_the_report_takes_the_same_number_of_queries_for_few_and_many_dossiers(
    client, wereld, prijzen, taalschool, django_assert_num_queries
):
    client.force_login(wereld.beleidsmedewerker)
    url = reverse("kosten:kostenrapport")
    parameters = {"gemeente": wereld.bladel.pk, "jaar": 2026}
    _dossiers_met_lesuren(wereld, taalschool, 1)
    client.get(url, parameters)  # warm the session and permission caches
    with django_assert_num_queries(QUERIES):
        client.get(url, parameters)
    _dossiers_met_lesuren(wereld, taalschool, 8)
    with django_assert_num_queries(QUERIES):
        assert "€ 1.080,00" in client.get(url, parameters).content.decode()  # 9 × 10 × € 12


@pytest.mark.parametrize(
    ("gebruiker", "gemeente", "ziet"),
    [
        ("beleidsmedewerker", "bladel", True),
        ("beleidsmedewerker", "emmen", False),  # the team has no rapportages_inzien on Emmen
        ("teamleider", "eersel", False),  # KempenPlus does no casusregie for Eersel
        ("teamleider", "bergeijk", True),
    ],
)
def test_a_report_covers_only_gemeenten_the_team_may_report_on(
    client, wereld, prijzen, taalschool, gebruiker, gemeente, ziet
):
    _dossiers_met_lesuren(wereld, taalschool, 5, gemeente=getattr(wereld, gemeente))
    client.force_login(getattr(wereld, gebruiker))
    response = client.get(reverse("kosten:kostenrapport"), {"gemeente": getattr(wereld, gemeente).pk, "jaar": 2026})
    assert ("Taalonderwijs B1-route</th>" in response.content.decode()) is ziet
    xlsx = client.get(reverse("kosten:kostenrapport_xlsx"), {"gemeente": getattr(wereld, gemeente).pk, "jaar": 2026})
    assert xlsx.status_code == (200 if ziet else 400)


def test_the_xlsx_has_the_screens_cells_with_numbers_as_numbers(client, wereld, prijzen, taalschool):
    _dossiers_met_lesuren(wereld, taalschool, 5)
    registratie.activiteit(wereld.dossier_bladel, D(2026, 4, 2), "map_les")
    client.force_login(wereld.beleidsmedewerker)
    response = client.get(reverse("kosten:kostenrapport_xlsx"), {"gemeente": wereld.bladel.pk, "jaar": 2026})
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rijen = {rij[0]: rij for rij in blad.iter_rows(values_only=True) if rij and rij[0]}
    assert rijen["Gemeente"][1] == "Bladel" and rijen["Jaar"][1] == 2026
    assert rijen["Taalonderwijs B1-route"][2:8] == (50, 5, 600, 0, 600, 0)
    assert rijen["MAP"][2:8] == (1, "<5", 900, 0, 900, 0)
    assert rijen["Totaal"][4:7] == (3500, 0, 3500)


def test_the_xlsx_amounts_carry_a_euro_format_and_quantities_a_number_format(client, wereld, prijzen, taalschool):
    _dossiers_met_lesuren(wereld, taalschool, 5)
    client.force_login(wereld.beleidsmedewerker)
    response = client.get(reverse("kosten:kostenrapport_xlsx"), {"gemeente": wereld.bladel.pk, "jaar": 2026})
    blad = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rijen = {rij[0].value: rij for rij in blad.iter_rows() if rij and rij[0].value}
    for naam in ("Taalonderwijs B1-route", "MAP", "Totaal"):
        assert [cel.number_format for cel in rijen[naam][4:7]] == ['"€" #,##0.00'] * 3, naam
    assert rijen["Taalonderwijs B1-route"][2].number_format == "#,##0"
    assert rijen["<5"][1].value == "Personen: 1 tot en met 4."


def test_a_cost_booked_by_hand_is_an_amount_beside_the_quantity_not_in_it(client, wereld, prijzen, taalschool):
    """The demo's MAP row read "Hoeveelheid 0 | Bedrag € 38,40": travel costs booked by hand have no modules."""
    services.boek_kosten(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        datum=D(2026, 11, 18),
        voorziening=Voorziening.MAP,
        bedrag=Decimal("38.40"),
        reden="Reiskosten naar het bedrijfsbezoek",
    )
    client.force_login(wereld.beleidsmedewerker)
    html = client.get(reverse("kosten:kostenrapport"), {"gemeente": wereld.bladel.pk, "jaar": 2026}).content.decode()
    cellen = re.findall(r"<td[^>]*>([^<]*)</td>", _rij(html, "MAP"))
    assert cellen == ["per module", "0", "&lt;5", "€ 0,00", "€ 38,40", "€ 38,40", "0"]
    xlsx = client.get(reverse("kosten:kostenrapport_xlsx"), {"gemeente": wereld.bladel.pk, "jaar": 2026})
    rijen = {r[0]: r for r in load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active.values if r[0]}
    assert rijen["MAP"][2:7] == (0, "<5", 0, 38.4, 38.4)
    client.force_login(wereld.regisseur)
    dossier = client.get(reverse("kosten:kosten_dossier", args=[wereld.dossier_bladel.pk])).content.decode()
    regel = dossier[dossier.rindex("<tr", 0, dossier.index("Reiskosten naar")) : dossier.index("Reiskosten naar")]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", regel)[3:5] == ["–", "€ 38,40"]


def test_a_use_without_a_contract_price_is_counted_apart_not_in_the_quantity(wereld, prijzen, taalschool):
    dossier = wereld.dossier_bladel
    registratie.aanbod(dossier, taalschool, leerroute="O", datum=D(2026, 3, 1))  # no taalschakeltraject price
    registratie.activiteit(dossier, D(2026, 4, 2), "map_les")
    totaal = {t.voorziening: t for t in totalen(wereld.bladel, 2026)}
    assert (totaal[Voorziening.TAALSCHAKELTRAJECT].hoeveelheid, totaal[Voorziening.TAALSCHAKELTRAJECT].bedrag) == (0, 0)
    assert totaal[Voorziening.TAALSCHAKELTRAJECT].zonder_prijs == 1
    assert (totaal[Voorziening.MAP].hoeveelheid, totaal[Voorziening.MAP].contractbedrag) == (1, 900)


def test_only_a_count_of_1_to_4_persons_shows_less_than_five():
    def regel(personen, anoniem=0):
        return rapportregels([Totaal(Voorziening.MAP, "MAP", personen=set(range(personen)), anoniem=anoniem)])[0]

    assert [regel(n).personen_tekst for n in range(7)] == ["0", "<5", "<5", "<5", "<5", "5", "6"]
    assert regel(3, anoniem=2).personen_tekst == "5"  # persons of destroyed dossiers count too
