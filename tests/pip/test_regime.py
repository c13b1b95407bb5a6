"""Under the Wet inburgering 2013 the gemeente makes no PIP: the services refuse, the page hides the actions."""

import datetime
from decimal import Decimal

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering import services as dossier_services
from inburgering.models import Inburgeraar, Organisatie, Regime, Team
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst
from pip import handhaven, services
from tests.ontzorgen.factories import met_bijstand

pytestmark = pytest.mark.django_db


def _wi2013(dossier):
    Inburgeraar.objects.filter(pk=dossier.pk).update(regime=Regime.WI2013)
    dossier.refresh_from_db()
    return dossier


HANDHAVING = {
    "soort": "waarschuwing",
    "verplichting": "pvt",
    "feiten": "Twee workshops gemist.",
    "verwijtbaarheid": "volledig",
    "verwijtbaarheid_motivatie": "Geen reden gegeven.",
    "bedrag": None,
    "dagtekening": datetime.date(2026, 11, 21),
}


@pytest.mark.parametrize(
    "actie",
    [
        lambda door, d: services.start_concept(door=door, inburgeraar=d),
        lambda door, d: services.zet_wachten_op_derden(
            door=door, inburgeraar=d, sinds=datetime.date(2026, 11, 2), ontvangen_op=None
        ),
        lambda door, d: services.leg_voortgangsgesprek_vast(door=door, inburgeraar=d, gegevens={}),
        lambda door, d: services.start_wijziging(door=door, inburgeraar=d, reden="omstandigheden"),
        lambda door, d: handhaven.leg_vast(door=door, inburgeraar=d, gegevens=HANDHAVING),
    ],
    ids=["concept", "derden", "voortgangsgesprek", "wijziging", "handhaving"],
)
def test_every_pip_action_is_refused_for_a_wi2013_dossier(dossier, regisseur, actie):
    _wi2013(dossier)

    with pytest.raises(ValidationError) as fout:
        actie(regisseur, dossier)

    assert fout.value.code == "regime"
    assert "Wet inburgering 2013" in fout.value.messages[0]


def test_a_concept_made_before_the_change_of_regime_can_still_be_withdrawn(concept, regisseur):
    _wi2013(concept.inburgeraar)

    services.verwijder_concept(door=regisseur, pip=concept)

    assert not concept.inburgeraar.pips.exists()


def test_a_dossier_with_a_fixed_pip_cannot_become_wi2013(vastgesteld, regisseur):
    with pytest.raises(ValidationError) as fout:
        dossier_services.wijzig_dossier(
            door=regisseur, inburgeraar=vastgesteld.inburgeraar, wijzigingen={"regime": Regime.WI2013}
        )
    assert "vastgesteld PIP" in fout.value.message_dict["regime"][0]


def test_the_pip_page_explains_and_hides_its_actions(client, dossier, regisseur):
    _wi2013(dossier)
    client.force_login(regisseur)

    html = client.get(reverse("pip:pip", args=[dossier.pk])).content.decode()
    geweigerd = client.post(reverse("pip:pip_starten", args=[dossier.pk]), follow=True).content.decode()

    assert "valt onder de Wet inburgering 2013" in html
    assert "Concept-PIP starten" not in html
    assert "geen PIP vast en handhaaft zij niet" in geweigerd
    assert not dossier.pips.exists()


def test_begeleiding_and_ontzorgen_stay_available_under_wi2013(dossier, regisseur):
    _wi2013(dossier)
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)

    verwijzing = ontzorgen.verwijs(
        door=regisseur,
        inburgeraar=dossier,
        team=Team.objects.get(organisatie__naam="VluchtelingenWerk"),
        dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
        startdatum=datetime.date(2026, 11, 23),
    )
    met_bijstand(door=regisseur, inburgeraar=dossier, startdatum=datetime.date(2026, 11, 1))
    ontzorging = ontzorgen.start_ontzorging(
        door=regisseur, inburgeraar=dossier, startdatum=datetime.date(2026, 11, 1), leefgeld=Decimal(60)
    )

    assert verwijzing.pk and ontzorging.pk
