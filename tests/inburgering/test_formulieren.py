"""Forms tell the truth: a field the validation requires never says "(niet verplicht)", defaults are
sensible, and a choice offers only what the rules allow."""

import ast
import datetime
import inspect
from pathlib import Path

import pytest
import time_machine

from django.conf import settings

from inburgering.fasen import Fase
from inburgering.forms import FaseForm
from intake.forms import niveau_keuzes
from intake.regels import NIVEAUS_PER_ROUTE
from tests.factories import InburgeraarFactory

FORMULIEREN = ["inburgering/forms.py", "inburgering/privacy/forms.py", *(f"{app}/forms.py" for app in
               ("intake", "pip", "leerroutes", "ontzorgen"))]  # fmt: skip


def _leeg_getest(test: ast.expr) -> set[str]:
    """Fields an `if` tests for emptiness: `not cleaned.get("x")`, `not (cleaned.get("x") or "").strip()`."""
    namen = set()
    for knoop in ast.walk(test):
        if isinstance(knoop, ast.UnaryOp) and isinstance(knoop.op, ast.Not):
            for binnen in ast.walk(knoop.operand):
                if (
                    isinstance(binnen, ast.Call)
                    and isinstance(binnen.func, ast.Attribute)
                    and binnen.func.attr == "get"
                    and binnen.args
                    and isinstance(binnen.args[0], ast.Constant)
                ):
                    namen.add(binnen.args[0].value)
    return namen


def _voorwaardelijk_verplicht(klasse: ast.ClassDef) -> set[str]:
    """Fields that clean() refuses when empty in some case: `if not cleaned.get(x): add_error(x, ...)`."""
    velden = set()
    for knoop in ast.walk(klasse):
        if not isinstance(knoop, ast.If):
            continue
        leeg = _leeg_getest(knoop.test)
        for opdracht in ast.walk(ast.Module(body=knoop.body, type_ignores=[])):
            if (
                isinstance(opdracht, ast.Call)
                and isinstance(opdracht.func, ast.Attribute)
                and opdracht.func.attr == "add_error"
                and isinstance(opdracht.args[0], ast.Constant)
                and opdracht.args[0].value in leeg
            ):
                velden.add(opdracht.args[0].value)
    return velden


def _gemarkeerd(klasse: ast.ClassDef, bron: str) -> set[str]:
    tekst = ast.get_source_segment(bron, klasse)
    return {veld for veld in _voorwaardelijk_verplicht(klasse) if f'verplicht_als(self.fields["{veld}"]' in tekst}


@pytest.mark.parametrize("pad", FORMULIEREN)
def test_every_field_the_validation_requires_in_some_case_says_when(pad):
    bron = (Path(settings.BASE_DIR) / pad).read_text()
    klassen = [k for k in ast.walk(ast.parse(bron)) if isinstance(k, ast.ClassDef)]

    zonder_markering = {
        f"{k.name}.{veld}" for k in klassen for veld in _voorwaardelijk_verplicht(k) - _gemarkeerd(k, bron)
    }

    assert zonder_markering == set(), "label says '(niet verplicht)', clean() requires it: " + str(zonder_markering)


def test_the_walk_finds_the_conditionally_required_fields_it_guards():
    bron = inspect.getsource(inspect.getmodule(FaseForm))
    fase = next(k for k in ast.walk(ast.parse(bron)) if isinstance(k, ast.ClassDef) and k.name == "FaseForm")

    assert _voorwaardelijk_verplicht(fase) == {"reden_uitschrijving", "reden_afronding"}


def test_the_fase_form_preselects_nothing_and_says_when_a_reason_is_required(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.UITVOERING)

    html = FaseForm(inburgeraar=dossier).as_div()

    keuzelijst = html.split('name="fase"')[1].split("</select>")[0]
    assert keuzelijst.count("selected") == 1 and 'value="" selected' in keuzelijst  # only the placeholder
    assert "(verplicht bij afronden)" in html and "(verplicht bij uitschrijven)" in html
    assert "niet verplicht" not in html.split("Uitstroom")[0]
    assert not FaseForm({"fase": ""}, inburgeraar=dossier).is_valid()


def test_the_advice_offers_only_levels_some_route_allows_each_naming_its_routes():
    keuzes = dict(niveau_keuzes())

    toegestaan = {niveau.value for niveaus in NIVEAUS_PER_ROUTE.values() for niveau in niveaus}
    assert set(keuzes) - {""} == toegestaan
    assert "A2" not in keuzes
    assert keuzes["A1"] == "A1 (Z-route)"


@time_machine.travel(datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC), tick=False)
def test_the_pip_dagtekening_defaults_to_today_and_says_it_is_required_to_vaststellen(wereld):
    from pip import services as pip_services
    from pip.forms import ConceptForm

    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.PIP)
    concept = pip_services.start_concept(door=None, inburgeraar=dossier)

    veld = ConceptForm(instance=concept)["dagtekening"]

    assert veld.value() == datetime.date(2026, 11, 30)
    assert "(verplicht bij vaststellen)" in veld.as_field_group()
