"""Dates the product proposes for planning are working days; a date a person picks on a Saturday, Sunday or
holiday is accepted with a warning that says which day it is (Algemene termijnenwet, inburgering/atw.py)."""

import datetime

import pytest
import time_machine

from django.contrib.messages import get_messages
from django.urls import reverse

from inburgering.models import Termijn
from inburgering.termijnen import Soort
from pip import overleg as diensten

D = datetime.date

pytestmark = pytest.mark.django_db


def _meldingen(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_the_voortgangsgesprek_form_proposes_a_working_day(client, regisseur, vastgesteld):
    # Monday 7 December 2026: three months on is Sunday 7 March 2027, so the form proposes Friday 5 March
    with time_machine.travel(datetime.datetime(2026, 12, 7, 10, 0, tzinfo=datetime.UTC), tick=False):
        client.force_login(regisseur)
        response = client.get(reverse("pip:pip", args=[vastgesteld.inburgeraar.pk]))
    assert response.context["voortgang_form"].initial["volgende_datum"] == D(2027, 3, 5)


def test_a_voortgangsgesprek_agreed_on_a_sunday_is_kept_with_a_warning(client, regisseur, vastgesteld):
    client.force_login(regisseur)
    response = client.post(
        reverse("pip:pip_voortgangsgesprek", args=[vastgesteld.inburgeraar.pk]),
        {"datum": "2026-11-20", "deelnemers": "Inburgeraar en regisseur", "volgende_datum": "2027-03-07"},
        follow=True,
    )
    assert ("warning", "Let op: 7 maart 2027 is een zondag.") in _meldingen(response)
    assert "Let op: 7 maart 2027 is een zondag." in response.content.decode()
    assert vastgesteld.inburgeraar.voortgangsgesprekken.get().volgende_datum == D(2027, 3, 7)


def test_a_voortgangsgesprek_on_a_working_day_gets_no_warning(client, regisseur, vastgesteld):
    client.force_login(regisseur)
    response = client.post(
        reverse("pip:pip_voortgangsgesprek", args=[vastgesteld.inburgeraar.pk]),
        {"datum": "2026-11-20", "deelnemers": "Inburgeraar en regisseur", "volgende_datum": "2027-03-05"},
    )
    assert [niveau for niveau, _tekst in _meldingen(response)] == ["success"]


def test_an_overleg_planned_on_tweede_kerstdag_is_planned_with_a_warning(client, wereld):
    client.force_login(wereld.regisseur)
    response = client.post(reverse("overleggen:overleg_plannen"), {"datum": "2026-12-26", "tijd": "10:00"})
    assert response.status_code == 302
    assert ("warning", "Let op: 26 december 2026 is een feestdag (Tweede Kerstdag).") in _meldingen(response)
    assert diensten.overleggen_voor(wereld.regisseur).get().datum == D(2026, 12, 26)


def test_an_agreement_due_on_tweede_kerstdag_is_accepted_with_a_warning(client, wereld):
    overleg = diensten.plan_overleg(door=wereld.regisseur, datum=D(2026, 11, 24), deelnemers=[wereld.collega])
    punt = diensten.zet_op_agenda(door=wereld.regisseur, overleg=overleg, inburgeraar=wereld.dossier_bladel)
    client.force_login(wereld.regisseur)
    response = client.post(
        reverse("overleggen:overleg_afspraak", args=[overleg.pk, punt.pk]),
        {
            f"a{punt.pk}-omschrijving": "Schuldhulp inschakelen",
            f"a{punt.pk}-eigenaar": wereld.collega.pk,
            f"a{punt.pk}-uiterlijk": "2026-12-26",
        },
    )
    assert response.status_code == 302
    assert ("warning", "Let op: 26 december 2026 is een feestdag (Tweede Kerstdag).") in _meldingen(response)
    termijn = Termijn.objects.get(inburgeraar=wereld.dossier_bladel, soort=Soort.AFSPRAAK_OVERLEG)
    assert termijn.uiterste_datum == D(2026, 12, 26)  # the team's own date, as agreed


def test_an_agreement_without_a_date_or_on_a_working_day_gets_no_warning(client, wereld):
    overleg = diensten.plan_overleg(door=wereld.regisseur, datum=D(2026, 11, 24), deelnemers=[wereld.collega])
    punt = diensten.zet_op_agenda(door=wereld.regisseur, overleg=overleg, inburgeraar=wereld.dossier_bladel)
    client.force_login(wereld.regisseur)
    for uiterlijk in ("", "2026-12-23"):
        response = client.post(
            reverse("overleggen:overleg_afspraak", args=[overleg.pk, punt.pk]),
            {
                f"a{punt.pk}-omschrijving": "Bellen",
                f"a{punt.pk}-eigenaar": wereld.collega.pk,
                f"a{punt.pk}-uiterlijk": uiterlijk,
            },
            follow=True,
        )
        assert [niveau for niveau, _tekst in _meldingen(response)] == ["success"]
