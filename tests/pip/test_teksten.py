"""The letter's plain Dutch follows the person: doelgroep, and the exam parts DUO exempted."""

import datetime

import pytest

from inburgering.models import Doelgroep, Inburgeraar
from pip import services
from pip.teksten import inhoud_in_gewone_taal

D = datetime.date
pytestmark = pytest.mark.django_db


def _inhoud(dossier, regisseur, **gegevens) -> dict:
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    concept = services.wijzig_concept(door=regisseur, pip=concept, gegevens=gegevens)
    return dict(inhoud_in_gewone_taal(concept))


def _doelgroep(dossier, doelgroep):
    Inburgeraar.objects.filter(pk=dossier.pk).update(doelgroep=doelgroep)
    dossier.refresh_from_db()


def test_the_z_route_asks_participation_of_an_asielstatushouder_without_an_if(dossier, regisseur):
    tekst = _inhoud(dossier, regisseur, leerroute="Z", niveau="")["Leerroute"]
    assert "800 uur Nederlands en 800 uur participatie" in tekst
    assert "als u asielstatushouder bent" not in tekst


def test_the_z_route_asks_no_participation_of_a_gezinsmigrant(dossier, regisseur):
    _doelgroep(dossier, Doelgroep.GEZINSVORMER)
    tekst = _inhoud(dossier, regisseur, leerroute="Z", niveau="")["Leerroute"]
    assert "800 uur Nederlands" in tekst
    assert "participatie" not in tekst and "asielstatushouder" not in tekst


def test_a_gezinsmigrant_reads_that_ontzorgen_is_offered_only_to_asielstatushouders(dossier, regisseur):
    _doelgroep(dossier, Doelgroep.GEZINSVORMER)
    inhoud = _inhoud(dossier, regisseur)
    assert inhoud["Financieel ontzorgen en maatschappelijke begeleiding"] == (
        "De gemeente biedt financieel ontzorgen en maatschappelijke begeleiding alleen aan asielstatushouders."
    )


def test_exam_parts_duo_exempted_leave_the_letter(dossier, regisseur):
    Inburgeraar.objects.filter(pk=dossier.pk).update(duo_vrijgestelde_onderdelen="KNM,SC")
    dossier.refresh_from_db()

    tekst = _inhoud(dossier, regisseur, leerroute="B", niveau="")["Examens"]

    assert "U doet de examens lezen, luisteren en spreken op niveau B1." in tekst
    assert "Voor schrijven heeft u vrijstelling of ontheffing van DUO" in tekst
    assert "Voor het examen Kennis van de Nederlandse Maatschappij (KNM) heeft u vrijstelling" in tekst
    assert "U doet ook het examen" not in tekst
