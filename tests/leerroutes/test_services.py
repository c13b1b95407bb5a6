"""The leerroute's services: DUO's rules on real dossiers, the milestones they write, and completion."""

import datetime
from decimal import Decimal

import jsonschema
import pytest
import yaml

from django.conf import settings
from django.core.exceptions import ValidationError

from inburgering.fasen import Fase, RedenAfronding
from inburgering.models import Doelgroep, Gebeurtenis, Termijn
from leerroutes import duo, queries, services
from leerroutes.models import Afronding
from pip import services as pip_services
from tests.factories import InburgeraarFactory, geef_pip

D = datetime.date


def _codes(fout, veld):
    return [e.code for e in fout.value.error_dict[veld]]


def _aanbod(dossier, aanbieder, **anders):
    return {
        "aanbieder": aanbieder,
        "leerroute": "B",
        "datum_aanbod": D(2025, 4, 1),
        "verwachte_startdatum": D(2025, 4, 7),
        "verwachte_einddatum": D(2027, 12, 1),
        **anders,
    }


def test_it_records_an_aanbod_that_fits_duos_message(dossier, aanbieder, regisseur):
    aanbod = services.leg_aanbod_vast(door=regisseur, inburgeraar=dossier, gegevens=_aanbod(dossier, aanbieder))

    with open(settings.DUO_SPEC_DIR / "Inburgeringsaanbod.openapi.yml") as f:
        schemas = yaml.safe_load(f)["components"]["schemas"]
    bericht = duo.aanbod_bericht(aanbod)
    jsonschema.validate(bericht, {"components": {"schemas": schemas}, **schemas["Inburgeringsaanbod"]})
    assert bericht["datumInburgeringsaanbod"] == "2025-04-01"
    assert dossier.tijdlijn.filter(soort=services.Soort.AANBOD).exists()


def test_it_refuses_an_aanbod_before_the_pip_or_at_an_aanbieder_without_keurmerk(dossier, aanbieder, regisseur):
    aanbieder.keurmerk_geldig_tot = D(2025, 3, 31)
    aanbieder.save()
    with pytest.raises(ValidationError) as fout:
        services.leg_aanbod_vast(
            door=regisseur,
            inburgeraar=dossier,
            gegevens=_aanbod(dossier, aanbieder, verwachte_startdatum=D(2025, 3, 1)),
        )
    assert _codes(fout, "verwachte_startdatum") == ["voor_pip"]
    assert _codes(fout, "aanbieder") == ["geen_keurmerk"]


def test_only_asielstatushouders_get_an_aanbod(wereld, aanbieder, regisseur):
    gezinsmigrant = InburgeraarFactory(
        gemeente=wereld.bladel, doelgroep=Doelgroep.GEZINSVORMER, door=regisseur, met_pip=True
    )
    with pytest.raises(ValidationError) as fout:
        services.leg_aanbod_vast(door=regisseur, inburgeraar=gezinsmigrant, gegevens=_aanbod(gezinsmigrant, aanbieder))
    assert _codes(fout, "__all__") == ["geen_asielstatushouder"]


def test_the_aanbod_follows_the_current_pips_leerroute(dossier, aanbieder, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.leg_aanbod_vast(
            door=regisseur, inburgeraar=dossier, gegevens=_aanbod(dossier, aanbieder, leerroute="Z")
        )
    assert _codes(fout, "leerroute") == ["andere_leerroute"]


def _deelname(lesuren, knm=0, **anders):
    return {"periode_van": D(2025, 4, 1), "periode_tot": D(2025, 6, 30), "lesuren": lesuren, "knm_uren": knm, **anders}


def test_deelname_keeps_the_lesuren_the_pip_reads_for_afschalen(dossier, regisseur):
    services.registreer_deelname(door=regisseur, inburgeraar=dossier, gegevens=_deelname(500, 99))
    dossier.refresh_from_db()
    assert dossier.lesuren_gevolgd == 599

    wijziging = pip_services.start_wijziging(door=regisseur, inburgeraar=dossier, reden="afschalen")
    gronden = {"afschalen_b1_onhaalbaar": True, "afschalen_voldoende_inspanning": True}
    pip_services.wijzig_concept(
        door=regisseur,
        pip=wijziging,
        gegevens={"niveau": "A2", **gronden, "afschalen_motivatie": "B1 blijft buiten bereik."},
    )
    with pytest.raises(ValidationError) as fout:
        pip_services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 20))
    assert _codes(fout, "reden_wijziging") == ["afschalen_te_weinig_lesuren"]

    services.registreer_deelname(
        door=regisseur,
        inburgeraar=dossier,
        gegevens=_deelname(1, periode_van=D(2025, 7, 1), periode_tot=D(2025, 7, 31)),
    )
    pip_services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 20))  # 600 lesuren: enough


def test_removing_a_deelname_lowers_the_total(dossier, regisseur):
    deelname = services.registreer_deelname(door=regisseur, inburgeraar=dossier, gegevens=_deelname(120))
    services.verwijder_deelname(door=regisseur, deelname=deelname)
    dossier.refresh_from_db()
    assert dossier.lesuren_gevolgd == 0


def test_an_absence_needs_its_reason(dossier, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.registreer_deelname(door=regisseur, inburgeraar=dossier, gegevens=_deelname(40, afwezig_uren=6))
    assert "reden_afwezigheid" in fout.value.error_dict


def _examens(dossier, regisseur, niveau="B1"):
    for onderdeel in ("LE", "LU", "SC", "SP"):
        services.leg_examen_vast(
            door=regisseur,
            inburgeraar=dossier,
            gegevens={"onderdeel": onderdeel, "examendatum": D(2026, 10, 1), "niveau": niveau, "resultaat": "Geslaagd"},
        )
    services.leg_examen_vast(
        door=regisseur,
        inburgeraar=dossier,
        gegevens={"onderdeel": "KNM", "examendatum": D(2026, 10, 1), "niveau": "", "resultaat": "Geslaagd"},
    )


def _map_en_pvt(dossier, regisseur):
    for soort, uren in [("map_les", 64), ("stage", 40), ("pvt_workshop", 12), ("excursie", 4)]:
        services.registreer_activiteit(
            door=regisseur,
            inburgeraar=dossier,
            gegevens={"soort": soort, "datum": D(2026, 5, 1), "uren": Decimal(uren)},
        )
    services.leg_afronding_vast(door=regisseur, inburgeraar=dossier, onderdeel="map", datum=D(2026, 6, 1), behaald=True)
    services.leg_afronding_vast(door=regisseur, inburgeraar=dossier, onderdeel="pvt", datum=D(2026, 6, 2), behaald=True)


def test_the_map_eindgesprek_writes_the_milestone_and_meets_the_deadline(dossier, regisseur):
    _map_en_pvt(dossier, regisseur)
    dossier.refresh_from_db()
    assert dossier.datum_map_afgerond == D(2026, 6, 1)
    assert dossier.datum_pvt_afgerond == D(2026, 6, 2)
    assert Termijn.objects.get(inburgeraar=dossier, soort="map_afronding").voldaan_op == D(2026, 6, 1)


def test_the_map_is_not_passed_without_its_practical_hours(dossier, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.leg_afronding_vast(
            door=regisseur, inburgeraar=dossier, onderdeel="map", datum=D(2026, 6, 1), behaald=True
        )
    assert _codes(fout, "behaald") == ["map_te_weinig_praktijk"]
    assert not Afronding.objects.exists()


def test_a_map_date_inside_the_termijn_carries_no_verwijtbaarheid(dossier, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.leg_afronding_vast(
            door=regisseur, inburgeraar=dossier, onderdeel="map", datum=D(2026, 6, 1), behaald=False, verwijtbaar="Nee"
        )
    assert _codes(fout, "verwijtbaar") == ["binnen_termijn"]


def test_complete_results_propose_voldaan_once_and_the_regisseur_closes(dossier, regisseur):
    _map_en_pvt(dossier, regisseur)
    _examens(dossier, regisseur, niveau="A2")
    assert not queries.stand(dossier).compleet  # the PIP asks B1
    with pytest.raises(ValidationError):
        services.sluit_af_als_voldaan(door=regisseur, inburgeraar=dossier)

    _examens(dossier, regisseur, niveau="B1")
    assert dossier.tijdlijn.filter(soort=services.Soort.VOORSTEL).count() == 1
    dossier.refresh_from_db()
    assert dossier.fase == Fase.UITVOERING  # only a proposal: nothing closes by itself

    services.sluit_af_als_voldaan(door=regisseur, inburgeraar=dossier)
    dossier.refresh_from_db()
    assert (dossier.fase, dossier.reden_afronding) == (Fase.AFGEROND, RedenAfronding.VOLDAAN)
    assert dossier.tijdlijn.filter(soort=services.Soort.VOLDAAN).exists()


def test_the_z_route_counts_participation_from_ontzorgen_and_map_and_pvt(wereld, regisseur, monkeypatch):
    dossier = geef_pip(wereld.dossier_bladel, door=regisseur, leerroute="Z")
    monkeypatch.setattr(
        queries,
        "uren_totalen",
        lambda ids: {ids[0]: {"duo": {queries.DuoUren.PARTICIPATIEACTIVITEITEN: Decimal(100)}}},
    )
    services.registreer_activiteit(
        door=regisseur, inburgeraar=dossier, gegevens={"soort": "stage", "datum": D(2026, 5, 1), "uren": Decimal(20)}
    )
    services.registreer_deelname(door=regisseur, inburgeraar=dossier, gegevens=_deelname(300, 20))

    balken = {b.label: b for b in queries.stand(dossier).balken}
    assert balken["Participatie (Z-route, met MAP en PVT)"].waarde == 120
    assert balken["Taal en KNM (Z-route)"].waarde == 320
    assert balken["Taal en KNM (Z-route)"].doel == 800
    assert "Eindgesprek Z-route" in queries.stand(dossier).ontbreekt


def test_every_event_lands_on_the_tijdlijn_with_who_did_it(dossier, regisseur):
    services.registreer_deelname(door=regisseur, inburgeraar=dossier, gegevens=_deelname(40))
    gebeurtenis = Gebeurtenis.objects.filter(inburgeraar=dossier, soort=services.Soort.DEELNAME).get()
    assert gebeurtenis.actor == regisseur
    assert "Totaal gevolgd: 40 uur" in gebeurtenis.omschrijving


def test_the_aanbieder_must_offer_the_route_and_be_contracted_by_the_gemeente(wereld, dossier, aanbieder, regisseur):
    aanbieder.biedt_b1_route = False
    aanbieder.save()
    aanbieder.gemeenten.set([wereld.eersel])
    with pytest.raises(ValidationError) as fout:
        services.leg_aanbod_vast(door=regisseur, inburgeraar=dossier, gegevens=_aanbod(dossier, aanbieder))
    assert _codes(fout, "aanbieder") == ["route_niet_aangeboden", "niet_gecontracteerd"]
