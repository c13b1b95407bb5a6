"""Hours the plicht counts: an afronding of the Z-route or the MAP below the hour norm needs a motivation."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering.models import Doelgroep, Inburgeraar
from inburgering.rapportage import Selectie
from inburgering.rapportage.views import rijen
from leerroutes import regels, services
from leerroutes.models import Afronding
from leerroutes.queries import Normen
from tests.factories import geef_pip

D = datetime.date
pytestmark = pytest.mark.django_db
NORMEN = Normen(z_taal=800, z_participatie=800, map_les=64, map_praktijk=40, pvt_workshops=12)


@pytest.mark.parametrize(
    ("onderdeel", "taal", "participatie", "map_les", "asiel", "tekort"),
    [
        ("z_route", 800, 800, 0, True, []),
        ("z_route", 799, 800, 0, True, ["taal: 799 van 800 uur"]),
        ("z_route", 800, 120, 0, True, ["participatie (met MAP en PVT): 120 van 800 uur"]),
        ("z_route", 800, 0, 0, False, []),  # participation hours are asked of asielstatushouders only
        ("z_route", 300, 0, 0, False, ["taal: 300 van 800 uur"]),
        ("map", 0, 0, 64, True, []),
        ("map", 0, 0, 40, False, ["MAP-lessen: 40 van 64 uur"]),
        ("pvt", 0, 0, 0, True, []),
        ("onderwijsroute", 0, 0, 0, True, []),
    ],
)
def test_the_hour_norms_of_the_plicht(onderdeel, taal, participatie, map_les, asiel, tekort):
    assert (
        regels.uren_onder_norm(
            onderdeel=onderdeel,
            taaluren=taal,
            participatieuren=participatie,
            map_lesuren=map_les,
            is_asielstatushouder=asiel,
            normen=NORMEN,
        )
        == tekort
    )


def _activiteit(dossier, door, soort, uren):
    services.registreer_activiteit(
        door=door, inburgeraar=dossier, gegevens={"soort": soort, "datum": D(2026, 5, 1), "uren": Decimal(uren)}
    )


def _z_route(wereld, regisseur, *, taal, participatie):
    dossier = geef_pip(wereld.dossier_bladel, door=regisseur, leerroute="Z")
    services.registreer_deelname(
        door=regisseur,
        inburgeraar=dossier,
        gegevens={"periode_van": D(2025, 4, 1), "periode_tot": D(2026, 6, 30), "lesuren": taal, "knm_uren": 0},
    )
    _activiteit(dossier, regisseur, "werkervaringsplaats", participatie)
    return dossier


def _sluit_z_route_af(dossier, regisseur, **kwargs):
    return services.leg_afronding_vast(
        door=regisseur, inburgeraar=dossier, onderdeel="z_route", datum=D(2026, 11, 2), behaald=True, **kwargs
    )


def test_a_z_route_below_the_norm_needs_a_motivation_that_the_dossier_and_report_show(client, wereld, regisseur):
    dossier = _z_route(wereld, regisseur, taal=640, participatie=800)
    with pytest.raises(ValidationError) as fout:
        _sluit_z_route_af(dossier, regisseur)
    [melding] = fout.value.error_dict["motivatie_onder_norm"]
    assert melding.code == "motivatie_onder_norm_ontbreekt"
    assert "taal: 640 van 800 uur" in melding.messages[0]
    assert not Afronding.objects.exists()

    motivatie = "Langdurig ziek geweest; het eindgesprek toont A1 in de praktijk."
    afronding = _sluit_z_route_af(dossier, regisseur, motivatie_onder_norm=motivatie)
    assert afronding.motivatie_onder_norm == motivatie
    assert motivatie in dossier.tijdlijn.first().omschrijving

    client.force_login(regisseur)
    pagina = client.get(reverse("leerroutes:leerroute", args=[dossier.pk])).content.decode()
    assert "Afgerond onder de urennorm" in pagina and motivatie in pagina

    selectie = Selectie(
        gemeente_ids=(dossier.gemeente_id,), van=D(2026, 1, 1), tot=D(2026, 11, 23), peildatum=D(2026, 11, 23)
    )
    rij = {r.naam: r for r in rijen(selectie)}["Afgerond onder de urennorm"]
    assert rij.waarden["totaal"] == 1


def test_a_z_route_that_meets_the_norm_keeps_no_motivation(wereld, regisseur):
    dossier = _z_route(wereld, regisseur, taal=800, participatie=800)
    afronding = _sluit_z_route_af(dossier, regisseur, motivatie_onder_norm="Niet nodig.")
    assert afronding.motivatie_onder_norm == ""


def test_a_gezinsmigrants_z_route_counts_only_the_language_hours(wereld, regisseur):
    Inburgeraar.objects.filter(pk=wereld.dossier_bladel.pk).update(doelgroep=Doelgroep.GEZINSVORMER)
    wereld.dossier_bladel.refresh_from_db()
    dossier = _z_route(wereld, regisseur, taal=800, participatie=1)
    assert _sluit_z_route_af(dossier, regisseur).behaald


def test_the_map_lesson_hours_are_checked_in_the_browser_form(client, wereld, regisseur):
    dossier = geef_pip(wereld.dossier_bladel, door=regisseur)
    _activiteit(dossier, regisseur, "map_les", 30)
    _activiteit(dossier, regisseur, "stage", 40)
    client.force_login(regisseur)
    url = reverse("leerroutes:leerroute_afronding", args=[dossier.pk])
    gegevens = {"onderdeel": "map", "datum": "2026-11-02", "behaald": "on", "verwijtbaar": "", "toelichting": ""}
    pagina = client.post(url, gegevens).content.decode()
    assert "MAP-lessen: 30 van 64 uur" in pagina
    assert not Afronding.objects.exists()
    assert client.post(url, {**gegevens, "motivatie_onder_norm": "Lessen elders gevolgd."}).status_code == 302
    assert Afronding.objects.get().motivatie_onder_norm == "Lessen elders gevolgd."
