"""The load-test commands on a small N: synthetic dossiers, the timings table and its honest references."""

import datetime
import json
from collections import Counter
from io import StringIO

import pytest
import time_machine

from django.core.management import call_command
from django.urls import reverse

from devtools.benchmark import benchmark_omgeving, genereer
from devtools.benchmark_referenties import Caseloadreferentie, Dossierreferentie, Zoekreferentie
from inburgering import services
from inburgering.bsn import valideer_bsn
from inburgering.duo.models import Notificatie
from inburgering.models import Inburgeraar, Organisatie, Signaal, Team, Termijn
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst
from tests.factories import InburgeraarFactory


@pytest.mark.django_db
def test_genereer_testdata_makes_synthetic_dossiers_with_realistic_facts():
    call_command("genereer_testdata", 200, stdout=StringIO())
    call_command("genereer_testdata", 50, stdout=StringIO())  # a second run adds, with new BSNs

    dossiers = list(Inburgeraar.objects.filter(gemeente__naam="Benchmark"))
    assert len(dossiers) == 250
    assert len({d.bsn for d in dossiers}) == 250
    for dossier in dossiers:
        valideer_bsn(dossier.bsn)
        assert dossier.bsn.startswith("88")
    fasen = Counter(d.fase for d in dossiers)
    assert {"aangemeld", "intake", "pip", "uitvoering", "afgerond"} <= set(fasen)
    uitvoering = [d for d in dossiers if d.fase == "uitvoering"]
    assert all(d.datum_eerste_pip and d.datum_huidige_pip >= d.datum_eerste_pip for d in uitvoering)
    assert all(d.datum_eerste_pip is None for d in dossiers if d.fase in ("aangemeld", "intake", "pip"))


@pytest.mark.django_db
def test_benchmark_prints_each_time_its_ratio_and_the_references_in_one_table(tmp_path):
    call_command("genereer_testdata", 50, stdout=StringIO())
    uitvoer = StringIO()
    # An earlier run at another size, as --bewaar writes it: the table adds each row's growth.
    eerder = tmp_path / "eerder.json"
    eerder.write_text(json.dumps({"dossiers": 10, "metingen": {"werkvoorraad (startpagina)": 1e-9}}))

    call_command("benchmark", herhalingen=1, stdout=uitvoer, vergelijk=eerder, bewaar=tmp_path / "nu.json")

    regels = {regel.split("  ")[0]: regel for regel in uitvoer.getvalue().splitlines()}
    assert regels["onderdeel"].split() == [
        "onderdeel",
        "tijd",
        "(ms)",
        "×",
        "minimaal",
        "SQL-grens",
        "(ms)",
        "admin",
        "(ms)",
        "groei",
        "×",
        "(t.o.v.",
        "10",
        "dossiers)",
    ]
    bewaard = json.loads((tmp_path / "nu.json").read_text())
    assert bewaard["dossiers"] == Inburgeraar.objects.count()
    assert set(bewaard["metingen"]) == {naam for naam in regels if naam != "onderdeel" and ":" not in naam}
    # 1 ns then, milliseconds now: a growth in the millions; rows without an earlier time say so
    assert float(regels["werkvoorraad (startpagina)"].split()[-1]) > 1000
    assert regels["dossierpagina"].split()[-1] == "—"
    for naam in ("werkvoorraad (startpagina)", "teller in het menu"):
        tijd, verhouding, grens, admin, _groei = regels[naam].removeprefix(naam).split()
        assert float(tijd) > 0 and float(grens) > 0 and admin == "—"
    for naam in (
        "volledige herbouw (eerste keer)",
        "scan (eerste keer)",
        "nachtelijke run (opnieuw, niets veranderd)",
        "signalen (team)",
        "DUO-notificatie aannemen (valideren, opslaan, in wachtrij)",
        "rapportage regio (3 jaar)",
    ):
        *_, grens, admin, _groei = regels[naam].split()
        assert (grens, admin) == ("—", "—")
    assert regels["minimale pagina (ingelogd)"].split()[-4] == "1.0"
    for naam in ("caseload, op naam", "caseload, op volgende termijn"):
        tijd, verhouding, grens, admin = (float(x) for x in regels[naam].removeprefix(naam).split()[:4])
        assert tijd > 0 and verhouding > 0 and grens > 0 and admin > 0
    for naam in ("zoeken op naam", "zoeken op veelvoorkomende voornaam", "zoeken op drie BSN-cijfers"):
        tijd, verhouding, grens, admin, _groei = regels[naam].removeprefix(naam).split()
        assert float(tijd) > 0 and float(grens) > 0 and admin == "—"
    *_, grens, admin, _groei = regels["dossierpagina"].split()
    assert float(grens) > 0 and admin == "—"
    assert Termijn.objects.exists() and Signaal.objects.exists()
    # The notifications were accepted (201, or the run stops) and then removed: nothing left to process.
    assert not Notificatie.objects.exists()


NU = datetime.datetime(2026, 11, 22, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def caseload_met_verwijzing(wereld, settings):
    """50 Benchmark dossiers, plus a dossier elsewhere the first regisseur reaches by a verwijzing only.

    Other gemeenten's dossiers, one named to sort first, stay out of sight."""
    settings.ROOT_URLCONF = "devtools.benchmark"
    with time_machine.travel(NU, tick=False):
        genereer(50)
        _, regisseurs = benchmark_omgeving()
        InburgeraarFactory(gemeente=wereld.eersel, achternaam="Aaa-verborgen")
        Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
        partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
        ontzorgen.verwijs(
            door=wereld.regisseur,
            inburgeraar=wereld.dossier_bladel,
            team=partner,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=NU.date(),
        )
        regisseurs[0].groups.add(partner.groep)
        services.synchroniseer_alle_termijnen()
        yield regisseurs[0]


@pytest.mark.parametrize("sortering", ["naam", "termijn"])
def test_the_sql_reference_fetches_the_caseload_pages_dossiers_in_its_order(
    client, wereld, caseload_met_verwijzing, sortering
):
    regisseur = caseload_met_verwijzing
    client.force_login(regisseur)

    with time_machine.travel(NU, tick=False):
        pagina = client.get(reverse("inburgering:caseload"), {"sorteer": sortering}).context["pagina"]
        referentie = Caseloadreferentie(regisseur, sortering)
        rijen = referentie.rijen()
        html = referentie.html()
        admin = client.get(reverse(f"benchmark_beheer_{sortering}:inburgering_inburgeraar_changelist"))

    pagina_ids = [d.pk for d in pagina.object_list]
    assert [rij[0] for rij in rijen] == pagina_ids
    assert len(pagina_ids) == 25
    assert {rij[-1] for rij in rijen} == {pagina.paginator.count} == {51}
    assert [d.pk for d in admin.context["cl"].result_list] == pagina_ids
    zichtbaar = Inburgeraar.objects.zichtbaar_voor(regisseur)
    assert set(pagina_ids) <= set(zichtbaar.values_list("pk", flat=True))
    assert not zichtbaar.filter(achternaam="Aaa-verborgen").exists()
    if sortering == "naam":
        assert wereld.dossier_bladel.pk in pagina_ids  # "Haile", reached through the verwijzing
    else:
        # Unknown deadlines first, then the nearest: the stored columns the page sorts on.
        onbekend = [d.termijn_onbekend for d in pagina.object_list]
        assert onbekend == sorted(onbekend, reverse=True) and onbekend[0]
    eerste = pagina.object_list[0]
    assert f"{eerste.achternaam}, {eerste.voornamen}" in html


@pytest.mark.parametrize("zoekterm", ["Amal", "proef", "Haile", "{cijfers}", "******{cijfers}", "{bsn}"])
def test_the_search_reference_fetches_the_caseload_pages_dossiers_in_its_order(
    client, wereld, caseload_met_verwijzing, zoekterm
):
    regisseur = caseload_met_verwijzing
    client.force_login(regisseur)
    zichtbaar = Inburgeraar.objects.filter(gemeente__naam="Benchmark").order_by("pk").first()
    zoekterm = zoekterm.format(cijfers=zichtbaar.bsn[-3:], bsn=zichtbaar.bsn)

    with time_machine.travel(NU, tick=False):
        pagina = client.get(reverse("inburgering:caseload"), {"q": zoekterm}).context["pagina"]
        referentie = Zoekreferentie(regisseur, zoekterm)
        rijen = referentie.rijen()
        html = referentie.html()

    assert [rij[0] for rij in rijen] == [d.pk for d in pagina.object_list]
    assert rijen, "the search finds something"
    assert {rij[-1] for rij in rijen} == {pagina.paginator.count}
    assert f"{pagina.object_list[0].achternaam}, {pagina.object_list[0].voornamen}" in html


def test_the_dossier_reference_fetches_the_dossiers_termijnen_and_tijdlijn_only_when_visible(
    client, wereld, caseload_met_verwijzing
):
    regisseur = caseload_met_verwijzing
    client.force_login(regisseur)
    dossier = wereld.dossier_bladel

    with time_machine.travel(NU, tick=False):
        context = client.get(reverse("inburgering:dossier", args=[dossier.pk])).context
        rij = Dossierreferentie(regisseur, dossier.pk).rij()
        html = Dossierreferentie(regisseur, dossier.pk).html()

    assert rij[0] == dossier.pk
    assert [t[0] for t in rij[-2] or []] == [t.soort for t in context["termijnen"]]
    assert [g[1] for g in rij[-1]] == [g.omschrijving for g in context["tijdlijn"]]
    assert dossier.achternaam in html
    assert Dossierreferentie(regisseur, wereld.dossier_eersel.pk).rij() is None
