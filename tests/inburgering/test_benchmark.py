"""The load-test commands on a small N: synthetic dossiers, and the timings table."""

from collections import Counter
from io import StringIO

import pytest

from django.core.management import call_command

from inburgering.bsn import valideer_bsn
from inburgering.models import Inburgeraar, Signaal, Termijn


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
def test_benchmark_prints_each_time_and_its_ratio_to_a_minimal_page():
    call_command("genereer_testdata", 200, stdout=StringIO())
    uitvoer = StringIO()

    call_command("benchmark", herhalingen=1, stdout=uitvoer)

    tekst = uitvoer.getvalue()
    for regel in (
        "sync van alle dossiers (eerste keer)",
        "scan (eerste keer)",
        "minimale pagina (ingelogd)",
        "caseload, op volgende termijn",
        "signalen (team)",
        "dossierpagina",
        "rapportage regio (3 jaar)",
        "× minimaal",
    ):
        assert regel in tekst
    minimaal = next(r for r in tekst.splitlines() if r.startswith("minimale pagina"))
    assert minimaal.split()[-1] == "1.0"
    assert Termijn.objects.exists() and Signaal.objects.exists()
