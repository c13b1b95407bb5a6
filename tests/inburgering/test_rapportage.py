"""Reports for beleidsmedewerkers: every indicator on a hand-built dataset, suppression, exports, scope."""

import csv
import datetime
import html as html_module
import io
import re
from decimal import Decimal

import openpyxl
import pytest
import time_machine

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inburgering import services
from inburgering.fasen import Fase, RedenAfronding, RedenUitschrijving, Uitstroom
from inburgering.models import Doelgroep, Inburgeraar, Inzage, Organisatie, Team
from inburgering.rapportage import Selectie
from inburgering.rapportage import selectie as selectie_module
from inburgering.rapportage.views import rijen
from inburgering.rollen import BELEIDSMEDEWERKER
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst, Urenregistratie, Urensoort
from pip.models import Leerroute, Pip, RedenWijziging
from tests.factories import InburgeraarFactory, UserFactory, maak_team
from tests.inburgering.test_onderdrukking import _controleer

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
VAN = datetime.date(2026, 1, 1)
TOT = datetime.date(2026, 11, 23)
D = datetime.date
KOPPELING = D(2026, 2, 1)

pytestmark = pytest.mark.django_db


def _dossier(gemeente, doelgroep=Doelgroep.ASIELSTATUSHOUDER, *, fase=Fase.AANGEMELD, koppeling=KOPPELING, **feiten):
    dossier = InburgeraarFactory(gemeente=gemeente, doelgroep=doelgroep, fase=fase, datum_koppeling=koppeling)
    if feiten:
        Inburgeraar.objects.filter(pk=dossier.pk).update(**feiten)
        dossier.refresh_from_db()
    return dossier


def _pip(dossier, versie, leerroute, dagtekening, vorige=None, reden=""):
    return Pip.objects.create(
        inburgeraar=dossier,
        versie=versie,
        vorige=vorige,
        leerroute=leerroute,
        voortgangsgesprek_maanden=3,
        status=Pip.Status.VASTGESTELD,
        dagtekening=dagtekening,
        reden_wijziging=reden,
    )


@pytest.fixture
def emmen(wereld):
    """Emmen's hand-built year 2026 (see each indicator's expected values in the tests below)."""
    with time_machine.travel(NU, tick=False):
        e = wereld.emmen
        asiel = [
            _dossier(
                e,
                datum_kennisgeving=D(2026, 2, 1),
                datum_vestiging=D(2026, 2, 5),
                datum_eerste_intakegesprek=D(2026, 2, 11),  # 10 days after the koppeling
            )
            for _ in range(6)
        ]
        # Five first PIPs: four on 1 April (55 days after the vestiging: within 10 weeks), one on 1 May (85).
        for i, dossier in enumerate(asiel[:5]):
            dagtekening = D(2026, 5, 1) if i == 4 else D(2026, 4, 1)
            Inburgeraar.objects.filter(pk=dossier.pk).update(datum_eerste_pip=dagtekening)
            route = [Leerroute.B1, Leerroute.B1, Leerroute.B1, Leerroute.Z, Leerroute.ONDERWIJS][i]
            eerste = _pip(dossier, 1, route, dagtekening)
            if i == 0:
                _pip(dossier, 2, Leerroute.Z, D(2026, 9, 1), vorige=eerste, reden=RedenWijziging.SCHAKELEN)
        Inburgeraar.objects.filter(pk=asiel[0].pk).update(datum_map_afgerond=D(2026, 10, 1))
        Inburgeraar.objects.filter(pk__in=[asiel[1].pk, asiel[2].pk]).update(datum_pvt_afgerond=D(2026, 9, 1))
        Inburgeraar.objects.filter(pk__in=[d.pk for d in asiel[:3]]).update(datum_start_ontzorgen=D(2026, 2, 10))
        for _ in range(2):
            _dossier(e, Doelgroep.GEZINSVORMER, koppeling=D(2026, 3, 1))
        # Before the period: ontzorgen that ended in 2025 and a koppeling in 2025.
        _dossier(
            e,
            Doelgroep.OVERIG,
            koppeling=D(2025, 6, 1),
            datum_start_ontzorgen=D(2025, 6, 1),
            datum_einde_ontzorgen=D(2025, 12, 31),
        )
        # In uitvoering: one with its voortgangsgesprek due in January (on time), one overdue since August.
        for doelgroep, gesprek, route in [
            (Doelgroep.ASIELSTATUSHOUDER, D(2026, 10, 1), Leerroute.Z),
            (Doelgroep.GEZINSVORMER, D(2026, 5, 1), Leerroute.B1),
        ]:
            dossier = _dossier(
                e,
                doelgroep,
                fase=Fase.UITVOERING,
                koppeling=D(2025, 1, 1),
                datum_eerste_pip=D(2025, 6, 1),
                datum_huidige_pip=D(2025, 6, 1),
                datum_laatste_voortgangsgesprek=gesprek,
                leerroute=route,
            )
            services.synchroniseer_termijnen([dossier.pk])
        # Ended in the period: afgerond with vrijstelling to work, afgerond voldaan, uitgeschreven to education.
        x = _dossier(e, Doelgroep.OVERIG, fase=Fase.UITVOERING, koppeling=D(2024, 1, 1))
        services.wijzig_fase(
            door=None,
            inburgeraar=x,
            fase=Fase.AFGEROND,
            reden_afronding=RedenAfronding.VRIJSTELLING,
            uitstroom=Uitstroom.WERK,
        )
        _dossier(e, Doelgroep.GEZINSHERENIGER, fase=Fase.AFGEROND, koppeling=D(2024, 1, 1))
        z = _dossier(e, koppeling=D(2024, 1, 1))
        services.wijzig_fase(
            door=None,
            inburgeraar=z,
            fase=Fase.UITGESCHREVEN,
            reden_uitschrijving=RedenUitschrijving.VERHUISD,
            uitstroom=Uitstroom.OPLEIDING,
        )
        # Begeleiding: 6 approved hours for one person, 2 of which count for the Z-route.
        partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
        Organisatie.objects.filter(pk=partner.organisatie_id).update(soort=Organisatie.Soort.PARTNER)
        ontzorgen.verwijs(
            door=wereld.regisseur_emmen,
            inburgeraar=asiel[0],
            team=partner,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=D(2026, 11, 2),
        )
        geregistreerd = ontzorgen.registreer_uren(
            door=wereld.begeleider,
            regels=[
                {
                    "inburgeraar": asiel[0],
                    "datum": D(2026, 11, 16),
                    "uren": Decimal(4),
                    "soort": Urensoort.PRAKTISCHE_ZAKEN,
                },
                {
                    "inburgeraar": asiel[0],
                    "datum": D(2026, 11, 17),
                    "uren": Decimal(2),
                    "soort": Urensoort.PARTICIPATIE,
                    "telt_voor_z_route": True,
                },
            ],
        )
        Urenregistratie.objects.filter(pk__in=[u.pk for u in geregistreerd]).update(
            status=Urenregistratie.Status.GOEDGEKEURD
        )
    wereld.beleid_emmen = UserFactory(
        username="ilse", rol=BELEIDSMEDEWERKER, team=maak_team("Gemeente Emmen", "Beleid", rapportages=[e])
    )
    return wereld


def _rijen(gemeente, **kwargs):
    selectie = Selectie(gemeente_ids=(gemeente.pk,), van=VAN, tot=TOT, peildatum=TOT, **kwargs)
    return {rij.naam: rij for rij in rijen(selectie)}


def _w(rij):
    return [rij.waarden[k] for k in ("asiel", "gezin", "overig", "totaal")]


def _b(rij):
    return [rij.basis[k] for k in ("asiel", "gezin", "overig", "totaal")]


@time_machine.travel(NU, tick=False)
def test_every_indicator_has_its_value_on_a_hand_built_dataset(emmen):
    r = _rijen(emmen.emmen)

    assert _w(r["Instroom (koppeling of aanmelding)"]) == [7, 2, 0, 9]
    assert _w(r["Brede intake gestart"]) == [6, 0, 0, 6]
    dagen_intake = r["Dagen van koppeling tot eerste intakegesprek (mediaan)"]
    assert dagen_intake.waarden["asiel"] == 10 and dagen_intake.waarden["totaal"] == 10
    assert _w(r["Eerste PIP vastgesteld"]) == [5, 0, 0, 5]
    binnen = r["PIP binnen 10 weken"]
    assert (_w(binnen), _b(binnen)) == ([4, 0, 0, 4], [5, 0, 0, 5])
    assert r["Dagen van koppeling tot eerste PIP (mediaan)"].waarden["totaal"] == 59
    assert _w(r["Gestart met B1-route"]) == [3, 0, 0, 3]
    assert _w(r["Gestart met Z-route"]) == [1, 0, 0, 1]
    assert _w(r["Gestart met Onderwijsroute"]) == [1, 0, 0, 1]
    assert _w(r["Gewisseld van leerroute"]) == [1, 0, 0, 1]
    assert _w(r["Afgeschaald van B1 naar A2"]) == [0, 0, 0, 0]
    assert _w(r["In uitvoering: B1-route"]) == [0, 1, 0, 1]
    assert _w(r["In uitvoering: Onderwijsroute"]) == [0, 0, 0, 0]
    assert _w(r["In uitvoering: Z-route"]) == [1, 0, 0, 1]
    assert _w(r["MAP afgerond"]) == [1, 0, 0, 1]
    assert _w(r["PVT afgerond"]) == [2, 0, 0, 2]
    assert _w(r["Financieel ontzorgen gestart"]) == [3, 0, 0, 3]
    assert _w(r["Financieel ontzorgen actief"]) == [3, 0, 0, 3]
    uren = r["Uren maatschappelijke begeleiding (goedgekeurd)"]
    assert (_w(uren), _b(uren)) == ([6, 0, 0, 6], [1, 0, 0, 1])
    assert _w(r["Participatie-uren Z-route bij begeleiders"]) == [2, 0, 0, 2]
    assert _w(r["Dossiers in uitvoering"]) == [1, 1, 0, 2]
    op_tijd = r["Voortgangsgesprek op tijd"]
    assert (_w(op_tijd), _b(op_tijd)) == ([1, 0, 0, 1], [1, 1, 0, 2])
    assert _w(r["Dossiers afgerond"]) == [0, 1, 1, 2]
    assert _w(r["Afgerond: Voldaan aan de inburgeringsplicht"]) == [0, 1, 0, 1]
    assert _w(r["Afgerond: Ontheffing"]) == [0, 0, 0, 0]
    assert _w(r["Afgerond: Vrijstelling"]) == [0, 0, 1, 1]
    assert _w(r["Uitgeschreven (verhuisd, vertrokken, overleden)"]) == [1, 0, 0, 1]
    assert _w(r["Uitstroom naar betaald werk"]) == [0, 0, 1, 1]
    assert _w(r["Uitstroom naar een reguliere opleiding"]) == [1, 0, 0, 1]


@time_machine.travel(NU, tick=False)
def test_on_the_hand_built_dataset_no_cell_claims_less_than_five_for_more_nor_gives_a_hidden_one_away(emmen):
    rijen = list(_rijen(emmen.emmen).values())
    _controleer(rijen)
    # Instroom 7 | 2 | 0 | 9: the 7 is hidden for the 2's sake and says so; 6 lesuren of one person are hidden.
    assert [c.tekst for c in _rijen(emmen.emmen)["Instroom (koppeling of aanmelding)"].cellen] == ["×", "<5", "0", "9"]
    uren = _rijen(emmen.emmen)["Uren maatschappelijke begeleiding (goedgekeurd)"]
    assert [c.tekst for c in uren.cellen] == ["×", "–", "–", "×"]


@time_machine.travel(NU, tick=False)
def test_the_cohort_is_the_year_the_plicht_started(emmen):
    cohort_2026 = _rijen(emmen.emmen, cohort=2026)
    cohort_2024 = _rijen(emmen.emmen, cohort=2024)

    assert _w(cohort_2026["Instroom (koppeling of aanmelding)"]) == [7, 2, 0, 9]
    assert _w(cohort_2026["Dossiers afgerond"]) == [0, 0, 0, 0]
    assert _w(cohort_2024["Instroom (koppeling of aanmelding)"]) == [0, 0, 0, 0]
    assert _w(cohort_2024["Dossiers afgerond"]) == [0, 1, 1, 2]


@time_machine.travel(NU, tick=False)
def test_medians_computed_in_python_match_sql(emmen, monkeypatch):
    in_sql = _rijen(emmen.emmen)
    monkeypatch.setattr(selectie_module, "mediaan_in_sql", lambda: False)
    in_python = _rijen(emmen.emmen)

    for naam in (
        "Dagen van koppeling tot eerste intakegesprek (mediaan)",
        "Dagen van koppeling tot eerste PIP (mediaan)",
    ):
        assert in_sql[naam].waarden == in_python[naam].waarden


def _pagina(client, user, naam="inburgering:rapportage", **params):
    client.force_login(user)
    params = {"gebied": f"gemeente-{user.gemeente_pk}", "van": "2026-01-01", "tot": "2026-11-23", **params}
    return client.get(reverse(naam), params)


@pytest.fixture
def beleid(emmen):
    emmen.beleid_emmen.gemeente_pk = emmen.emmen.pk
    emmen.beleid_emmen.regio_pk = emmen.emmen.regio_id
    return emmen.beleid_emmen


@time_machine.travel(NU, tick=False)
def test_the_dashboard_shows_small_counts_as_less_than_five_and_no_person(client, emmen, beleid):
    inzages = Inzage.objects.count()

    response = _pagina(client, beleid)

    html = response.content.decode()
    assert response.status_code == 200
    # Instroom: asiel 7 (the world has one) and gezin 2; gezin is suppressed, so asiel is too (else 9 - 7 gives
    # it away), with the sign of a cell hidden for another's sake: 7 is not "<5".
    rij = html.split("Instroom (koppeling of aanmelding)")[1].split("</tr>")[0]
    assert [c.split(">")[-1] for c in rij.split("</td>")[:-1]] == ["×", "&lt;5", "0", "9"]
    # PIP binnen 10 weken: 4 of 5 rests on fewer than five persons; 80% is not "<5" either.
    rij = html.split("PIP binnen 10 weken")[1].split("</tr>")[0]
    assert "80%" not in rij and "&lt;5" not in rij and "×" in rij
    # The legend says what the signs mean.
    assert "<dt>&lt;5</dt><dd>1 tot en met 4 personen.</dd>" in html and "<dt>×</dt>" in html
    assert "<svg" in html and "<title" in html
    for dossier in Inburgeraar.objects.filter(gemeente=emmen.emmen):
        assert dossier.naam not in html and dossier.bsn not in html
        assert reverse("inburgering:dossier", args=[dossier.pk]) not in html
    assert Inzage.objects.count() == inzages


@time_machine.travel(NU, tick=False)
def test_the_csv_export_streams_the_same_suppressed_cells(client, beleid):
    response = _pagina(client, beleid, "inburgering:rapportage_csv")

    assert response.status_code == 200 and response.streaming
    tekst = b"".join(response.streaming_content).decode("utf-8-sig")
    regels = {r[1]: r[2:] for r in csv.reader(io.StringIO(tekst), delimiter=";") if len(r) > 2}
    assert regels["Instroom (koppeling of aanmelding)"] == ["×", "<5", "0", "9"]
    assert regels["Brede intake gestart"] == ["6", "0", "0", "6"]
    assert regels["Dagen van koppeling tot eerste intakegesprek (mediaan)"] == ["10", "–", "–", "10"]


@time_machine.travel(NU, tick=False)
def test_the_xlsx_export_reads_back_with_numbers_and_suppressed_cells(client, beleid):
    response = _pagina(client, beleid, "inburgering:rapportage_xlsx")

    assert response.status_code == 200
    werkboek = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    regels = {r[1]: list(r[2:]) for r in werkboek.active.iter_rows(values_only=True) if len(r) > 2 and r[1]}
    assert regels["Instroom (koppeling of aanmelding)"] == ["×", "<5", 0, 9]
    assert regels["Brede intake gestart"] == [6, 0, 0, 6]


_KOP = ["Onderwerp", "Indicator", "Asielstatushouder", "Gezinsmigrant", "Overige migrant", "Totaal"]


@time_machine.travel(NU, tick=False)
def test_screen_csv_and_xlsx_show_the_same_cells_and_the_same_legend_for_every_row(client, emmen, beleid):
    html = _pagina(client, beleid).content.decode()
    tekst = b"".join(_pagina(client, beleid, "inburgering:rapportage_csv").streaming_content).decode("utf-8-sig")
    csv_regels = list(csv.reader(io.StringIO(tekst), delimiter=";"))
    xlsx = _pagina(client, beleid, "inburgering:rapportage_xlsx")
    xlsx_regels = list(openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active.values)

    scherm = {
        html_module.unescape(naam): [html_module.unescape(c) for c in re.findall(r"<td[^>]*>([^<]*)</td>", cellen)]
        for naam, cellen in re.findall(r'scope="row">([^<]+)(?:<br>.*?)?</th>(.*?)</tr>', html, re.S)
    }
    in_csv = {r[1]: r[2:] for r in csv_regels[csv_regels.index(_KOP) + 1 :]}
    in_xlsx = {r[1]: list(r[2:]) for r in xlsx_regels[xlsx_regels.index(tuple(_KOP)) + 1 :]}
    verwacht = {naam: rij.cellen for naam, rij in _rijen(emmen.emmen).items()}
    assert set(scherm) == set(in_csv) == set(in_xlsx) == set(verwacht)
    for naam, cellen in verwacht.items():
        assert scherm[naam] == in_csv[naam] == [cel.tekst for cel in cellen], naam
        assert in_xlsx[naam] == [cel.tekst if cel.getal is None else cel.getal for cel in cellen], naam
    assert any("×" in [c.tekst for c in cellen] for cellen in verwacht.values())
    legenda = [r[:2] for r in csv_regels if r and r[0] in ("<5", "×")]
    assert legenda == [list(r[:2]) for r in xlsx_regels if r and r[0] in ("<5", "×")]
    assert legenda[0] == ["<5", "1 tot en met 4 personen."] and legenda[1][0] == "×"
    assert f"<dt>×</dt><dd>{html_module.escape(legenda[1][1], quote=False)}</dd>" in html


@time_machine.travel(NU, tick=False)
def test_a_beleidsmedewerker_of_eersel_cannot_see_bladel(client, wereld):
    beleid_eersel = UserFactory(
        username="eva", rol=BELEIDSMEDEWERKER, team=maak_team("Gemeente Eersel", "Beleid", rapportages=[wereld.eersel])
    )
    client.force_login(beleid_eersel)

    eigen = client.get(reverse("inburgering:rapportage"))
    bladel = client.get(
        reverse("inburgering:rapportage"),
        {"gebied": f"gemeente-{wereld.bladel.pk}", "van": "2026-01-01", "tot": "2026-11-23"},
    )
    export = client.get(
        reverse("inburgering:rapportage_csv"),
        {"gebied": f"gemeente-{wereld.bladel.pk}", "van": "2026-01-01", "tot": "2026-11-23"},
    )

    assert "Eersel" in eigen.content.decode() and "Bladel" not in eigen.content.decode()
    assert bladel.status_code == 200 and "geldige keuze" in bladel.content.decode()
    assert export.status_code == 400
    # Regio Kempen for her is Eersel alone: the Bladel dossier of the world is not counted.
    regio = client.get(
        reverse("inburgering:rapportage"),
        {"gebied": f"regio-{wereld.eersel.regio_id}", "van": "2026-01-01", "tot": "2026-11-23"},
    )
    rij = regio.content.decode().split("Instroom (koppeling of aanmelding)")[1].split("</tr>")[0]
    assert rij.split("</td>")[-2].endswith("&lt;5")  # Eersel's one dossier, not Kempen's four


def test_a_period_that_ends_before_it_starts_is_refused_with_the_dates_kept(client, beleid):
    response = _pagina(client, beleid, van="2026-06-01", tot="2026-05-01")

    html = response.content.decode()
    assert "De einddatum ligt voor de begindatum van de periode." in html
    assert 'value="2026-06-01"' in html and "Instroom" not in html


def test_a_role_without_report_rights_gets_403(client, wereld):
    client.force_login(wereld.regisseur)
    assert client.get(reverse("inburgering:rapportage")).status_code == 403


def _query_aantal(client, user):
    _pagina(client, user)  # logs in; the first request of a test also fills Django's caches
    params = {"gebied": f"regio-{user.regio_pk}", "van": "2026-01-01", "tot": "2026-11-23"}
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("inburgering:rapportage"), params).status_code == 200
    return len(queries)


@time_machine.travel(NU, tick=False)
def test_the_dashboard_takes_the_same_bounded_number_of_queries_for_10_and_300_dossiers(client, beleid, emmen):
    for _ in range(10 - Inburgeraar.objects.filter(gemeente=emmen.emmen).count()):
        _dossier(emmen.emmen)
    weinig = _query_aantal(client, beleid)
    Inburgeraar.objects.bulk_create(
        [
            Inburgeraar(
                bsn=f"{880000000 + i * 11:09d}"[:9],
                voornamen="X",
                achternaam="Y",
                geboortedatum=D(1990, 1, 1),
                doelgroep=Doelgroep.GEZINSVORMER,
                gemeente=emmen.emmen,
                datum_koppeling=D(2026, 3, 1),
                datum_eerste_intakegesprek=D(2026, 3, 20),
            )
            for i in range(290)
        ]
    )
    veel = _query_aantal(client, beleid)

    # Session (read and save: 4), user, permissions (2), gemeenten, two core queries (three on SQLite, where
    # the medians are taken in Python), six from domain apps (pip twice, ontzorgen, leerroutes three times).
    assert weinig == veel <= 17


def test_uitstroom_is_recorded_only_when_a_dossier_ends(wereld):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_fase(
            door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, fase=Fase.INTAKE, uitstroom=Uitstroom.WERK
        )
    assert "alleen vast bij afronden of uitschrijven" in fout.value.message_dict["uitstroom"][0]


def test_the_regisseur_records_uitstroom_when_closing_the_dossier(client, wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regisseur=wereld.regisseur, fase=Fase.UITVOERING)
    client.force_login(wereld.regisseur)

    client.post(
        reverse("inburgering:fase_wijzigen", args=[dossier.pk]),
        {"fase": Fase.AFGEROND, "reden_afronding": RedenAfronding.VOLDAAN, "uitstroom": Uitstroom.OPLEIDING},
    )

    dossier.refresh_from_db()
    assert (dossier.fase, dossier.uitstroom) == (Fase.AFGEROND, Uitstroom.OPLEIDING)
    assert (
        "Uitstroom: Reguliere opleiding"
        in client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    )


@pytest.mark.parametrize(
    ("rol", "pagina"),
    [
        ("beleidsmedewerker", "inburgering:rapportage"),
        ("teamleider", "inburgering:werkvoorraad"),
        ("regisseur", "inburgering:werkvoorraad"),
        ("privacy", "inburgering:inzagelog"),
        ("begeleider", "ontzorgen:mijn_inburgeraars"),
        ("beheerder", "admin:index"),
    ],
)
def test_the_home_page_leads_each_role_to_its_own_work(client, wereld, rol, pagina):
    client.force_login(getattr(wereld, rol))
    assert client.get("/").url == reverse(pagina)


@pytest.mark.parametrize(
    ("rol", "caseload"), [("regisseur", True), ("begeleider", False), ("beleidsmedewerker", False)]
)
def test_the_menu_offers_the_caseload_only_to_those_who_work_on_dossiers(client, wereld, rol, caseload):
    client.force_login(getattr(wereld, rol))
    pagina = client.get("/", follow=True).content.decode()
    assert (f'href="{reverse("inburgering:caseload")}"' in pagina) is caseload
    assert f'href="{reverse("inburgering:start")}" class="app-merk"' in pagina


def test_the_home_page_sends_an_anonymous_visitor_to_login(client, wereld):
    client.logout()
    assert client.get("/").url == f"{reverse('login')}?next=/"


@time_machine.travel(NU, tick=False)
def test_a_pip_on_the_working_day_after_a_deadline_on_saturday_counts_as_within_10_weeks(wereld):
    # Kennisgeving Saturday 7 March 2026: ten weeks end on Saturday 16 May, which the Algemene termijnenwet
    # runs on to Monday 18 May. A PIP dated that Monday is on time; one dated Tuesday is not.
    dossiers = [
        _dossier(wereld.bladel, datum_kennisgeving=D(2026, 3, 7), datum_vestiging=D(2026, 3, 1)) for _ in range(2)
    ]
    for dossier, dagtekening in zip(dossiers, (D(2026, 5, 18), D(2026, 5, 19)), strict=True):
        _pip(dossier, 1, Leerroute.B1, dagtekening)
        Inburgeraar.objects.filter(pk=dossier.pk).update(datum_eerste_pip=dagtekening, fase=Fase.UITVOERING)
    services.synchroniseer_termijnen([d.pk for d in dossiers])
    binnen = _rijen(wereld.bladel)["PIP binnen 10 weken"]
    assert (binnen.waarden["totaal"], binnen.basis["totaal"]) == (1, 2)
