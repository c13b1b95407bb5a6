"""Totals per dossier per kind, and the three counts DUO takes (GevolgdeUren.openapi.yml)."""

import datetime
import re
from decimal import Decimal

import pytest

from django.conf import settings

from ontzorgen import services
from ontzorgen.models import Urensoort
from ontzorgen.queries import DuoUren, uren_totalen
from tests.conftest import vereist
from tests.ontzorgen.factories import regel, verwijs

pytestmark = pytest.mark.django_db

DAG = datetime.date(2026, 11, 20)


def test_every_duo_kind_is_an_operation_of_duos_contract():
    spec = settings.DUO_SPEC_DIR / "GevolgdeUren.openapi.yml"
    vereist(spec.is_file(), f"{spec} ontbreekt")
    paden = set(re.findall(r"^  /personen/\{bsn\}/uren/(\S+):$", spec.read_text(), flags=re.MULTILINE))
    assert paden == set(DuoUren.values)


def test_it_totals_approved_hours_per_kind_and_per_duo_count(wereld, partner):
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bergeijk, team=partner)
    d = wereld.dossier_bladel
    rijen = services.registreer_uren(
        door=wereld.begeleider,
        regels=[
            regel(d, DAG, 2, Urensoort.PRAKTISCHE_ZAKEN, z_route=True),
            regel(d, DAG, "1.5", Urensoort.PARTICIPATIE, z_route=True),
            regel(d, DAG, 1, Urensoort.TAALMAATJE, z_route=False),
            regel(d, DAG, 3, Urensoort.TAALLES_BREDE_INTAKE),
            regel(d, DAG, "0.75", Urensoort.PARTICIPATIE_ALS_TAALLES),
            regel(wereld.dossier_bergeijk, DAG, 4, Urensoort.FINANCIELE_ZELFREDZAAMHEID, z_route=True),
        ],
    )
    services.keur_uren_goed(door=wereld.regisseur, registraties=rijen[:5])
    services.corrigeer_uren(
        door=wereld.regisseur, registratie=rijen[0], uren=1, soort=rijen[0].soort, telt_voor_z_route=True, reden="x"
    )

    totalen = uren_totalen([d.pk, wereld.dossier_bergeijk.pk, wereld.dossier_reusel.pk])

    bladel = totalen[d.pk]
    assert bladel["per_soort"][Urensoort.PRAKTISCHE_ZAKEN] == Decimal(1)  # the correction, not the original
    assert bladel["per_soort"][Urensoort.PARTICIPATIE] == Decimal("1.5")
    assert bladel["duo"] == {
        DuoUren.PARTICIPATIEACTIVITEITEN: Decimal("2.5"),
        DuoUren.TAALLES_KNM_BREDE_INTAKE: Decimal(3),
        DuoUren.PARTICIPATIE_ALS_TAALLES: Decimal("0.75"),
    }
    assert bladel["totaal"] == Decimal("7.25")
    assert totalen[wereld.dossier_bergeijk.pk]["totaal"] == 0  # pending hours do not count
    assert uren_totalen([wereld.dossier_bergeijk.pk], alleen_goedgekeurd=False)[wereld.dossier_bergeijk.pk]["duo"][
        DuoUren.PARTICIPATIEACTIVITEITEN
    ] == Decimal(4)
    assert totalen[wereld.dossier_reusel.pk]["totaal"] == 0


def test_it_totals_any_number_of_dossiers_in_one_query(wereld, django_assert_num_queries):
    with django_assert_num_queries(1):
        uren_totalen([wereld.dossier_bladel.pk, wereld.dossier_bergeijk.pk])
