"""The ondertussen-groep (Wet inburgering 2013): the dossier, its deadlines, the caseload and the reports."""

import datetime

import pytest
import time_machine

from django.urls import reverse

from inburgering import services
from inburgering.fasen import Fase
from inburgering.models import Inburgeraar, Regime
from inburgering.termijnen import Soort
from tests.factories import InburgeraarFactory
from tests.inburgering.test_rapportage import _rijen, _w

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
D = datetime.date

pytestmark = pytest.mark.django_db


def _wi2013(gemeente, *, fase=Fase.INTAKE, **duo):
    dossier = InburgeraarFactory(
        gemeente=gemeente,
        regime=Regime.WI2013,
        fase=fase,
        datum_koppeling=D(2021, 11, 1),
        datum_kennisgeving=D(2021, 11, 15),
        datum_vestiging=D(2021, 12, 1),
    )
    if duo:
        Inburgeraar.objects.filter(pk=dossier.pk).update(**duo)
        services.synchroniseer_termijnen([dossier.pk])
        dossier.refresh_from_db()
    return dossier


@time_machine.travel(NU, tick=False)
def test_a_new_dossier_is_wi2021_unless_registered_as_wi2013(wereld):
    assert wereld.dossier_bladel.regime == Regime.WI2021
    assert _wi2013(wereld.bladel).regime == Regime.WI2013


@time_machine.travel(NU, tick=False)
def test_a_wi2013_dossier_runs_duos_termijn_and_neither_pip_nor_intake_deadline(wereld):
    zonder = _wi2013(wereld.bladel)
    met = _wi2013(wereld.bladel, duo_startdatum_termijn=D(2021, 12, 1), datum_einde_termijn_duo=D(2027, 6, 1))

    assert {t.soort: t.uiterste_datum for t in zonder.termijnen.all()} == {Soort.INBURGERINGSTERMIJN: None}
    assert zonder.termijn_onbekend
    assert {t.soort: t.uiterste_datum for t in met.termijnen.all()} == {Soort.INBURGERINGSTERMIJN: D(2027, 6, 1)}
    assert (met.volgende_termijn, met.termijn_onbekend) == (D(2027, 6, 1), False)


@time_machine.travel(NU, tick=False)
def test_the_dossier_page_shows_the_ondertussen_groep_instead_of_the_pip(client, wereld):
    dossier = _wi2013(wereld.bladel, duo_startdatum_termijn=D(2021, 12, 1), datum_einde_termijn_duo=D(2027, 6, 1))
    client.force_login(wereld.regisseur)

    html = client.get(dossier.get_absolute_url()).content.decode()
    gewoon = client.get(wereld.dossier_bladel.get_absolute_url()).content.decode()

    assert "Ondertussen-groep (Wet inburgering 2013)" in html
    assert reverse("ontzorgen:ontzorgen_dossier", args=[dossier.pk]) in html  # begeleiding and ontzorgen stay
    assert "Naar het PIP" not in html
    assert "1 december 2021 – 1 juni 2027" in html  # DUO's termijn, with its source
    assert "Ondertussen-groep" not in gewoon and "Naar het PIP" in gewoon


def _namen(response):
    return {d.pk for d in response.context["pagina"].object_list}


@time_machine.travel(NU, tick=False)
def test_the_caseload_filters_on_regime(client, wereld):
    oud = _wi2013(wereld.bladel)
    client.force_login(wereld.regisseur)

    wi2013 = client.get(reverse("inburgering:caseload"), {"regime": Regime.WI2013})
    wi2021 = client.get(reverse("inburgering:caseload"), {"regime": Regime.WI2021})

    assert _namen(wi2013) == {oud.pk}
    assert oud.pk not in _namen(wi2021) and wereld.dossier_bladel.pk in _namen(wi2021)
    assert "Wi2013" in wi2013.content.decode()


@pytest.mark.parametrize("aantal", [2, 30])
@time_machine.travel(NU, tick=False)
def test_the_regime_filter_keeps_the_caseloads_query_count(client, wereld, aantal, django_assert_num_queries):
    for _ in range(aantal):
        _wi2013(wereld.bladel)
    client.force_login(wereld.regisseur)

    # as test_caseload: session, user, permissions (2), gemeente choices, count, page, unknown deadlines,
    # and the idle timeout's savepoint, update and release
    with django_assert_num_queries(11):
        response = client.get(reverse("inburgering:caseload"), {"regime": Regime.WI2013, "sorteer": "termijn"})
    assert response.context["pagina"].paginator.count == aantal


@time_machine.travel(NU, tick=False)
def test_the_reports_count_the_ondertussen_groep_apart(wereld):
    for _ in range(2):
        _wi2013(wereld.emmen)
    _wi2013(wereld.emmen, fase=Fase.AFGEROND)
    InburgeraarFactory(gemeente=wereld.emmen, regime=Regime.WI2013, datum_koppeling=D(2026, 3, 1))

    r = _rijen(wereld.emmen)

    assert _w(r["Lopende dossiers Wi2013 (ondertussen-groep)"]) == [3, 0, 0, 3]
    assert _w(r["Lopende dossiers Wi2021"]) == [1, 0, 0, 1]  # the world's own Emmen dossier
    assert _w(r["Instroom onder de Wi2013"]) == [1, 0, 0, 1]
