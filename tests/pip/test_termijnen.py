"""Fixing a PIP brings the dossier's deadlines up to date at once, not only at the nightly sync."""

import datetime

import pytest

from inburgering.models import Termijn
from pip import services

pytestmark = pytest.mark.django_db


def _termijnen(dossier) -> dict:
    return {t.soort: t for t in Termijn.objects.filter(inburgeraar=dossier)}


def test_fixing_the_first_pip_meets_its_deadline_and_starts_the_termijn(vastgesteld):
    termijnen = _termijnen(vastgesteld.inburgeraar)

    assert termijnen["pip_vaststelling"].voldaan_op == datetime.date(2026, 11, 2)
    assert termijnen["inburgeringstermijn"].startdatum == datetime.date(2026, 11, 3)
    assert termijnen["inburgeringstermijn"].uiterste_datum == datetime.date(2029, 11, 2)
    assert termijnen["bezwaartermijn"].uiterste_datum == datetime.date(2026, 12, 14)
    assert termijnen["voortgangsgesprek"].uiterste_datum == datetime.date(2027, 2, 2)


def test_a_voortgangsgesprek_moves_the_next_one_at_once(vastgesteld, regisseur):
    services.leg_voortgangsgesprek_vast(
        door=regisseur,
        inburgeraar=vastgesteld.inburgeraar,
        gegevens={
            "datum": datetime.date(2026, 11, 20),
            "deelnemers": "Inburgeraar en regisseur",
            "volgende_datum": datetime.date(2027, 2, 20),
        },
    )

    # three months after the gesprek is Saturday 20 February 2027: the product proposes the Friday before
    assert _termijnen(vastgesteld.inburgeraar)["voortgangsgesprek"].uiterste_datum == datetime.date(2027, 2, 19)


def test_the_caseload_deadline_follows_the_frequency_the_pip_fixed(concept, regisseur):
    services.wijzig_concept(door=regisseur, pip=concept, gegevens={"voortgangsgesprek_maanden": 1})
    services.stel_vast(door=regisseur, pip=concept, dagtekening=datetime.date(2026, 11, 2))

    assert _termijnen(concept.inburgeraar)["voortgangsgesprek"].uiterste_datum == datetime.date(2026, 12, 2)


def test_the_dossier_keeps_the_leerroute_of_its_current_pip(vastgesteld):
    vastgesteld.inburgeraar.refresh_from_db()

    assert vastgesteld.inburgeraar.leerroute == "B"
    assert "map_afronding" in _termijnen(vastgesteld.inburgeraar)
