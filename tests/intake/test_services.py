"""The intake's services: fasen, partial saving, the finish rules, advice warnings, the no-show ladder."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from inburgering.fasen import Fase
from inburgering.models import Gebeurtenis, Inburgeraar, Regime
from intake import services
from intake.leefgebieden import PER_SLUG
from intake.models import BredeIntake, Leerroute, NietVerschenen
from tests.factories import InburgeraarFactory

pytestmark = pytest.mark.django_db


def _soorten(inburgeraar):
    return list(inburgeraar.tijdlijn.order_by("pk").values_list("soort", flat=True))


def _vul_verplichte_delen(regisseur, intake, *, route=Leerroute.B1):
    services.leg_gesprek_vast(
        door=regisseur, intake=intake, gegevens={"datum": datetime.date(2026, 11, 2), "plaats": "azc"}
    )
    services.sla_leerbaarheidstoets_op(
        door=regisseur,
        intake=intake,
        gegevens={"resultaat": "B1-route haalbaar", "datum_afname": datetime.date(2026, 11, 10)},
    )
    for slug in ("opleiding", "werkervaring", "gezondheid", "gezin"):
        services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=PER_SLUG[slug], gegevens={"score": 3})
    services.leg_advies_vast(door=regisseur, intake=intake, leerroute=route, niveau="", motivatie="Leert snel.")


def test_starting_moves_an_aangemeld_dossier_to_intake_and_says_so(wereld, regisseur):
    intake = services.start_intake(door=regisseur, inburgeraar=wereld.dossier_bladel)

    intake.inburgeraar.refresh_from_db()
    assert intake.inburgeraar.fase == Fase.INTAKE
    assert intake.gestart_op == datetime.date(2026, 11, 23)
    assert _soorten(intake.inburgeraar)[-2:] == [Gebeurtenis.Soort.FASE, "intake_gestart"]


def test_it_starts_once_and_only_before_the_pip(wereld, regisseur, intake):
    with pytest.raises(ValidationError, match="loopt al een brede intake"):
        services.start_intake(door=regisseur, inburgeraar=wereld.dossier_bladel)
    in_pip = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.PIP)
    with pytest.raises(ValidationError, match="fase 'PIP in voorbereiding'"):
        services.start_intake(door=regisseur, inburgeraar=in_pip)
    assert not BredeIntake.objects.filter(inburgeraar=in_pip).exists()


def test_the_first_gesprek_is_the_dossiers_milestone_for_the_deadlines(regisseur, intake):
    for datum in (datetime.date(2026, 11, 9), datetime.date(2026, 11, 2), datetime.date(2026, 11, 16)):
        services.leg_gesprek_vast(door=regisseur, intake=intake, gegevens={"datum": datum, "plaats": "video"})

    intake.inburgeraar.refresh_from_db()
    assert intake.inburgeraar.datum_eerste_intakegesprek == datetime.date(2026, 11, 2)
    assert intake.gesprekken.count() == 3


def test_a_section_saves_partially_and_the_tijdlijn_notes_only_when_it_is_complete(regisseur, intake):
    opleiding = PER_SLUG["opleiding"]
    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=opleiding, gegevens={"jaren_onderwijs": 9})
    assert "intake_leefgebied" not in _soorten(intake.inburgeraar)

    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=opleiding, gegevens={"score": 4})
    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=opleiding, gegevens={"land_diploma": "Syrië"})

    bewaard = opleiding.model.objects.get(intake=intake)
    assert (bewaard.jaren_onderwijs, bewaard.score, bewaard.land_diploma) == (9, 4, "Syrië")
    assert _soorten(intake.inburgeraar).count("intake_leefgebied") == 1


def test_finishing_is_refused_with_everything_that_is_missing(regisseur, intake):
    with pytest.raises(ValidationError) as fout:
        services.rond_af(door=regisseur, intake=intake)

    assert fout.value.messages == [
        "Leg ten minste één intakegesprek vast.",
        "Leerbaarheidstoets: vul de uitslag in, een vrijstelling met reden, of waarom de toets niet kon.",
        "Opleiding: kies een score, of schrijf waarom dit niet in kaart te brengen is.",
        "Werkervaring: kies een score, of schrijf waarom dit niet in kaart te brengen is.",
        "Gezondheid: kies een score, of schrijf waarom dit niet in kaart te brengen is.",
        "Gezin en kinderopvang: kies een score, of schrijf waarom dit niet in kaart te brengen is.",
        "Leg het advies voor de leerroute vast.",
    ]
    intake.refresh_from_db()
    assert intake.afgerond_op is None


def test_finishing_makes_the_dossier_ready_for_the_pip(regisseur, intake):
    _vul_verplichte_delen(regisseur, intake)

    services.rond_af(door=regisseur, intake=intake)

    intake.refresh_from_db()
    intake.inburgeraar.refresh_from_db()
    assert intake.afgerond_op == datetime.date(2026, 11, 23)
    assert intake.inburgeraar.fase == Fase.PIP
    laatste = intake.inburgeraar.tijdlijn.first()
    assert laatste.soort == "intake_afgerond"
    assert laatste.omschrijving == (
        "Brede intake afgerond met advies B1-route (B1). Het dossier is klaar voor het PIP."
    )


def test_under_the_wi2013_finishing_puts_the_dossier_in_the_uitvoering_as_there_is_no_pip(regisseur, intake):
    Inburgeraar.objects.filter(pk=intake.inburgeraar.pk).update(regime=Regime.WI2013)
    _vul_verplichte_delen(regisseur, intake)

    services.rond_af(door=regisseur, intake=intake)

    intake.inburgeraar.refresh_from_db()
    assert intake.inburgeraar.fase == Fase.UITVOERING
    assert intake.inburgeraar.tijdlijn.first().omschrijving == (
        "Brede intake afgerond met advies B1-route (B1). "
        "Onder de Wet inburgering 2013 volgt geen PIP: het dossier is in de uitvoering."
    )


def test_a_part_marked_impossible_with_a_reason_counts_as_done(regisseur, intake):
    _vul_verplichte_delen(regisseur, intake)
    services.sla_leefgebied_op(
        door=regisseur,
        intake=intake,
        sectie=PER_SLUG["werkervaring"],
        gegevens={"score": None, "niet_mogelijk_reden": ""},
    )
    with pytest.raises(ValidationError, match="Werkervaring"):
        services.rond_af(door=regisseur, intake=intake)

    services.sla_leefgebied_op(
        door=regisseur,
        intake=intake,
        sectie=PER_SLUG["werkervaring"],
        gegevens={"niet_mogelijk_reden": "Te zware traumaklachten om over werk te praten."},
    )
    services.rond_af(door=regisseur, intake=intake)


def test_an_lbt_exemption_counts_as_done(regisseur, intake):
    _vul_verplichte_delen(regisseur, intake)
    services.sla_leerbaarheidstoets_op(
        door=regisseur,
        intake=intake,
        gegevens={"resultaat": "", "datum_afname": None, "vrijstelling": "visueel", "vrijstelling_reden": "Blind."},
    )
    services.rond_af(door=regisseur, intake=intake)


def test_parents_of_young_children_must_have_heard_about_vve(regisseur, intake):
    _vul_verplichte_delen(regisseur, intake)
    gezin = PER_SLUG["gezin"]
    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=gezin, gegevens={"jonge_kinderen": 2})
    with pytest.raises(ValidationError, match="voor- en vroegschoolse educatie"):
        services.rond_af(door=regisseur, intake=intake)

    services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=gezin, gegevens={"vve_informatie_gegeven": True})
    services.rond_af(door=regisseur, intake=intake)


def test_a_finished_intake_is_not_changed_anymore(regisseur, intake):
    _vul_verplichte_delen(regisseur, intake)
    services.rond_af(door=regisseur, intake=intake)

    with pytest.raises(ValidationError, match="afgerond op 23 november 2026"):
        services.sla_leefgebied_op(door=regisseur, intake=intake, sectie=PER_SLUG["taal"], gegevens={"score": 2})


def test_an_advice_against_the_rules_needs_each_warning_acknowledged(wereld, regisseur):
    jong = InburgeraarFactory(gemeente=wereld.bladel, geboortedatum=datetime.date(2009, 3, 1))
    intake = services.start_intake(door=regisseur, inburgeraar=jong)

    with pytest.raises(services.WaarschuwingenNietErkend) as fout:
        services.leg_advies_vast(
            door=regisseur, intake=intake, leerroute=Leerroute.ONDERWIJS, niveau="", motivatie="Wil naar het mbo."
        )
    assert [w.code for w in fout.value.waarschuwingen] == ["onderwijsroute_jonger_dan_18"]
    intake.refresh_from_db()
    assert intake.advies_leerroute == ""

    services.leg_advies_vast(
        door=regisseur,
        intake=intake,
        leerroute=Leerroute.ONDERWIJS,
        niveau="",
        motivatie="Wordt over drie maanden 18.",
        erkend={"onderwijsroute_jonger_dan_18"},
    )
    intake.refresh_from_db()
    assert (intake.advies_leerroute, intake.advies_niveau) == ("O", "B1")
    assert intake.advies_erkende_waarschuwingen == ["onderwijsroute_jonger_dan_18"]
    assert "Erkende waarschuwingen: De onderwijsroute is er voor inburgeraars van 18 jaar en ouder" in (
        jong.tijdlijn.first().omschrijving
    )


@pytest.mark.parametrize(
    ("leerroute", "niveau"),
    [
        (Leerroute.B1, "A2"),  # DUO refuses A2 on a first PIP: afschalen comes later
        (Leerroute.B1, "A1"),
        (Leerroute.ONDERWIJS, "A2"),
        (Leerroute.Z, "B1"),
    ],
)
def test_a_niveau_must_fit_the_route(regisseur, intake, leerroute, niveau):
    with pytest.raises(ValidationError, match="past niet bij de gekozen leerroute"):
        services.leg_advies_vast(door=regisseur, intake=intake, leerroute=leerroute, niveau=niveau, motivatie="x")


def test_no_shows_propose_the_ladder_and_impose_nothing(regisseur, intake):
    eerste = services.registreer_niet_verschenen(
        door=regisseur, intake=intake, datum=datetime.date(2026, 10, 5), geldige_reden=False
    )
    services.registreer_niet_verschenen(
        door=regisseur, intake=intake, datum=datetime.date(2026, 10, 12), geldige_reden=True, toelichting="Ziek."
    )
    services.registreer_niet_verschenen(
        door=regisseur, intake=intake, datum=datetime.date(2026, 10, 19), geldige_reden=False
    )

    teksten = list(
        intake.inburgeraar.tijdlijn.filter(soort="intake_niet_verschenen")
        .order_by("pk")
        .values_list("omschrijving", flat=True)
    )
    assert teksten == [
        "Niet verschenen op 5 oktober 2026 zonder geldige reden. Voorgestelde vervolgstap: schriftelijke waarschuwing.",
        "Niet verschenen op 12 oktober 2026, met geldige reden; telt niet mee voor handhaving.",
        "Niet verschenen op 19 oktober 2026 zonder geldige reden. "
        "Voorgestelde vervolgstap: voorstel bestuurlijke boete.",
    ]
    # proposals only: nothing is decided until the regisseur chooses
    assert not NietVerschenen.objects.exclude(vervolgstap="").exists()

    services.kies_vervolgstap(door=regisseur, niet_verschenen=eerste, stap=NietVerschenen.Vervolgstap.WAARSCHUWING)
    eerste.refresh_from_db()
    assert (eerste.vervolgstap, eerste.vervolgstap_op) == ("waarschuwing", datetime.date(2026, 11, 23))
    with pytest.raises(ValidationError, match="al een vervolgstap gekozen"):
        services.kies_vervolgstap(door=regisseur, niet_verschenen=eerste, stap=NietVerschenen.Vervolgstap.BOETE)


def test_a_no_show_with_a_valid_reason_gets_no_step_and_none_lies_in_the_future(regisseur, intake):
    verschoond = services.registreer_niet_verschenen(
        door=regisseur, intake=intake, datum=datetime.date(2026, 10, 5), geldige_reden=True
    )
    with pytest.raises(ValidationError, match="geldige reden"):
        services.kies_vervolgstap(door=regisseur, niet_verschenen=verschoond, stap="waarschuwing")
    with pytest.raises(ValidationError, match="toekomst"):
        services.registreer_niet_verschenen(
            door=regisseur, intake=intake, datum=datetime.date(2026, 11, 24), geldige_reden=False
        )
