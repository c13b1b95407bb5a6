"""The fasen's state machine (docs/dossier.md), exhaustively, and the service that is the only way to use it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from django.core.exceptions import ValidationError

from inburgering import services
from inburgering.fasen import Fase, RedenAfronding, RedenUitschrijving, handmatige_fasen, mag_naar, volgende_fasen
from inburgering.models import Gebeurtenis, Regime
from tests.factories import InburgeraarFactory

TOEGESTAAN = {
    (Fase.AANGEMELD, Fase.INTAKE),
    (Fase.INTAKE, Fase.PIP),
    (Fase.PIP, Fase.UITVOERING),
    (Fase.UITVOERING, Fase.AFGEROND),
    (Fase.AANGEMELD, Fase.AFGEROND),  # an ontheffing or vrijstelling ends the plicht in any fase
    (Fase.INTAKE, Fase.AFGEROND),
    (Fase.PIP, Fase.AFGEROND),
    (Fase.AANGEMELD, Fase.UITGESCHREVEN),
    (Fase.INTAKE, Fase.UITGESCHREVEN),
    (Fase.PIP, Fase.UITGESCHREVEN),
    (Fase.UITVOERING, Fase.UITGESCHREVEN),
}


@pytest.mark.parametrize("van", list(Fase))
@pytest.mark.parametrize("naar", list(Fase))
def test_it_allows_exactly_the_transitions_of_the_design(van, naar):
    assert mag_naar(van, naar) == ((van, naar) in TOEGESTAAN)


# Under the Wet inburgering 2013 there is no PIP: the dossier goes to the uitvoering from aangemeld or
# after an intake (and from pip, when found to be Wi2013 before its PIP), by the regisseur's hand.
TOEGESTAAN_WI2013 = (TOEGESTAAN - {(Fase.INTAKE, Fase.PIP)}) | {
    (Fase.AANGEMELD, Fase.UITVOERING),
    (Fase.INTAKE, Fase.UITVOERING),
}


@pytest.mark.parametrize("van", list(Fase))
@pytest.mark.parametrize("naar", list(Fase))
def test_under_the_wi2013_it_allows_exactly_the_path_without_a_pip(van, naar):
    assert mag_naar(van, naar, Regime.WI2013) == ((van, naar) in TOEGESTAAN_WI2013)


@pytest.mark.parametrize(
    "regime, huidig, aangeboden",
    [
        (Regime.WI2021, Fase.AANGEMELD, [Fase.AFGEROND, Fase.UITGESCHREVEN]),
        (Regime.WI2021, Fase.PIP, [Fase.AFGEROND, Fase.UITGESCHREVEN]),  # the vaststelling moves it on
        (Regime.WI2013, Fase.AANGEMELD, [Fase.UITVOERING, Fase.AFGEROND, Fase.UITGESCHREVEN]),
        (Regime.WI2013, Fase.INTAKE, [Fase.UITVOERING, Fase.AFGEROND, Fase.UITGESCHREVEN]),
        (Regime.WI2013, Fase.UITVOERING, [Fase.AFGEROND, Fase.UITGESCHREVEN]),
    ],
)
def test_the_fase_form_offers_what_no_service_does(regime, huidig, aangeboden):
    assert handmatige_fasen(huidig, regime) == aangeboden


def test_a_wi2013_dossier_goes_to_the_uitvoering_without_a_pip(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, regime=Regime.WI2013)

    services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITVOERING)

    dossier.refresh_from_db()
    assert dossier.fase == Fase.UITVOERING
    with pytest.raises(ValidationError):  # a Wi2021 dossier still needs its PIP first
        services.wijzig_fase(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, fase=Fase.UITVOERING)


def test_it_offers_the_next_fasen_in_process_order():
    assert volgende_fasen(Fase.AANGEMELD) == [Fase.INTAKE, Fase.AFGEROND, Fase.UITGESCHREVEN]
    assert volgende_fasen(Fase.AFGEROND) == []
    assert volgende_fasen(Fase.UITGESCHREVEN) == []


def test_it_moves_a_dossier_forward_and_writes_the_tijdlijn(wereld):
    dossier = services.wijzig_fase(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, fase=Fase.INTAKE)

    dossier.refresh_from_db()
    assert dossier.fase == Fase.INTAKE
    gebeurtenis = dossier.tijdlijn.first()
    assert gebeurtenis.soort == Gebeurtenis.Soort.FASE
    assert gebeurtenis.omschrijving == "Fase gewijzigd van 'Aangemeld' naar 'Brede intake'."
    assert gebeurtenis.actor == wereld.regisseur
    assert gebeurtenis.gemeente == wereld.bladel


def test_it_refuses_skipping_a_fase_with_a_dutch_message(wereld):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_fase(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, fase=Fase.UITVOERING)

    assert fout.value.message_dict["fase"] == ["Een dossier in fase 'Aangemeld' kan niet naar fase 'Uitvoering'."]
    wereld.dossier_bladel.refresh_from_db()
    assert wereld.dossier_bladel.fase == Fase.AANGEMELD


def test_it_refuses_uitschrijven_without_a_reason(wereld):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_fase(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, fase=Fase.UITGESCHREVEN)

    assert "reden_uitschrijving" in fout.value.message_dict


def test_it_records_the_reason_of_uitschrijving(wereld):
    dossier = services.wijzig_fase(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        fase=Fase.UITGESCHREVEN,
        reden_uitschrijving=RedenUitschrijving.OVERLEDEN,
    )

    assert dossier.reden_uitschrijving == RedenUitschrijving.OVERLEDEN
    assert dossier.tijdlijn.first().omschrijving.endswith("Reden: Overleden.")


@time_machine.travel(datetime.datetime(2026, 3, 31, 23, 30, tzinfo=ZoneInfo("UTC")), tick=False)
def test_afronden_needs_a_reason_and_dates_the_end_in_amsterdam(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.UITVOERING)
    with pytest.raises(ValidationError) as fout:
        services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.AFGEROND)
    assert fout.value.message_dict["reden_afronding"] == ["Kies de reden van afronding."]

    dossier = services.wijzig_fase(
        door=wereld.regisseur, inburgeraar=dossier, fase=Fase.AFGEROND, reden_afronding=RedenAfronding.ONTHEFFING
    )

    assert (dossier.reden_afronding, dossier.datum_einde) == (RedenAfronding.ONTHEFFING, datetime.date(2026, 4, 1))
    assert dossier.tijdlijn.first().omschrijving.endswith("Reden: Ontheffing.")


def test_a_finished_dossier_cannot_move_again(wereld):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)

    with pytest.raises(ValidationError):
        services.wijzig_fase(door=wereld.regisseur, inburgeraar=dossier, fase=Fase.UITVOERING)


@pytest.mark.parametrize("fase", [Fase.AANGEMELD, Fase.INTAKE, Fase.PIP])
def test_before_the_uitvoering_a_dossier_ends_by_ontheffing_or_vrijstelling_never_as_voldaan(wereld, fase):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=fase)
    with pytest.raises(ValidationError) as fout:
        services.wijzig_fase(
            door=wereld.regisseur, inburgeraar=dossier, fase=Fase.AFGEROND, reden_afronding=RedenAfronding.VOLDAAN
        )
    assert "Voldaan kan pas in de uitvoering" in fout.value.message_dict["reden_afronding"][0]

    services.wijzig_fase(
        door=wereld.regisseur, inburgeraar=dossier, fase=Fase.AFGEROND, reden_afronding=RedenAfronding.VRIJSTELLING
    )
    dossier.refresh_from_db()
    assert (dossier.fase, dossier.reden_afronding) == (Fase.AFGEROND, RedenAfronding.VRIJSTELLING)
