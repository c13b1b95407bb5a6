"""What a beschikking must have before it is final: ontzorgen where the law owes it, and a postal address."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering import services as dossier_services
from ontzorgen import services as ontzorgen
from pip import handhaven, services
from pip.models import Pip
from tests.pip.test_handhaven import _handhaving

D = datetime.date
pytestmark = pytest.mark.django_db


def _zonder_adres(dossier, regisseur):
    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=dossier, wijzigingen={"adres": ""})
    dossier.refresh_from_db()


def test_a_concept_for_an_asielstatushouder_with_bijstand_starts_with_ontzorgen(dossier, regisseur):
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 10, 1))

    concept = services.start_concept(door=regisseur, inburgeraar=dossier)

    assert (concept.bijstand, concept.ontzorgen, concept.ontzorgen_maanden) == (True, True, 6)


def test_vaststellen_without_ontzorgen_is_refused_for_an_asielstatushouder_with_bijstand(dossier, regisseur):
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 10, 1))
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    services.wijzig_concept(door=regisseur, pip=concept, gegevens={"ontzorgen": False, "ontzorgen_maanden": None})

    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))

    melding = fout.value.message_dict["ontzorgen"][0]
    assert "Participatiewet art. 56a" in melding
    assert "ten minste de eerste zes maanden" in melding
    assert f'href="{reverse("ontzorgen:ontzorgen_dossier", args=[dossier.pk])}#kop-ontzorgen"' in melding
    assert Pip.objects.get(pk=concept.pk).is_concept


def test_bijstand_stated_in_the_pip_alone_also_owes_ontzorgen(concept, regisseur):
    services.wijzig_concept(door=regisseur, pip=concept, gegevens={"bijstand": True})

    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))

    assert "Participatiewet art. 56a" in fout.value.message_dict["ontzorgen"][0]


def test_ontzorgen_shorter_than_six_months_is_refused(dossier, regisseur):
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 10, 1))
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)

    with pytest.raises(ValidationError) as fout:
        services.wijzig_concept(door=regisseur, pip=concept, gegevens={"ontzorgen_maanden": 5})

    assert "ten minste 6 maanden" in fout.value.message_dict["ontzorgen_maanden"][0]


def test_with_ontzorgen_the_letter_starts_it_with_the_bijstand(dossier, regisseur):
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 10, 1))
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)

    pip = services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))

    tekst = dict(services.inhoud_in_gewone_taal(pip))["Financieel ontzorgen"]
    assert "vanaf 1 oktober 2026" in tekst and "tot ten minste 1 april 2027" in tekst


def test_a_non_asielstatushouder_with_bijstand_owes_no_ontzorgen(dossier, regisseur):
    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=dossier, wijzigingen={"doelgroep": "Overig"})
    dossier.refresh_from_db()
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 10, 1))
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)

    assert not concept.ontzorgen
    assert services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2)).kenmerk


def test_vaststellen_without_a_postal_address_is_refused_with_a_link_to_the_field(concept, dossier, regisseur):
    _zonder_adres(dossier, regisseur)

    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))

    melding = fout.value.message_dict["adres"][0]
    assert "postadres" in melding
    assert f'href="{reverse("inburgering:dossier_wijzigen", args=[dossier.pk])}#id_adres"' in melding
    assert Pip.objects.get(pk=concept.pk).is_concept


def test_the_pip_page_shows_the_missing_address_with_its_link(client, concept, dossier, regisseur):
    _zonder_adres(dossier, regisseur)
    client.force_login(regisseur)

    antwoord = client.post(
        reverse("pip:pip_opslaan", args=[dossier.pk]),
        {
            "vaststellen": "1",
            "dagtekening": "2026-11-02",
            "leerroute": "B",
            "alfabetisering": "NVT",
            "looptijd_maanden": 36,
            "voortgangsgesprek_maanden": 3,
            "met_knm": "on",
        },
    )

    html = antwoord.content.decode()
    assert "Een brief wordt pas definitief met het postadres" in html
    assert f'href="{reverse("inburgering:dossier_wijzigen", args=[dossier.pk])}#id_adres"' in html


def test_a_handhaving_without_a_postal_address_is_refused(vastgesteld, dossier, regisseur):
    _zonder_adres(dossier, regisseur)

    with pytest.raises(ValidationError) as fout:
        handhaven.leg_vast(
            door=regisseur,
            inburgeraar=dossier,
            gegevens=_handhaving(),
        )

    assert "postadres" in fout.value.message_dict["adres"][0]
    assert not dossier.handhavingen.exists()


def test_no_final_letter_is_rendered_without_an_address(vastgesteld, dossier, regisseur):
    Pip.objects.filter(pk=vastgesteld.pk).update(pdf="", sha256="")  # as a batch leaves it, before its task
    _zonder_adres(dossier, regisseur)

    assert services.bewaar_ontbrekende_pdf(pip_id=vastgesteld.pk) is False
    with pytest.raises(ValidationError):
        services._render_en_bewaar(Pip.objects.select_related("inburgeraar").get(pk=vastgesteld.pk))


def test_once_ontzorgen_has_ended_with_its_afbouw_a_pip_need_not_promise_it_again(dossier, regisseur):
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 3, 1))
    type(dossier).objects.filter(pk=dossier.pk).update(datum_einde_ontzorgen=D(2026, 10, 1))
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    services.wijzig_concept(door=regisseur, pip=concept, gegevens={"ontzorgen": False, "ontzorgen_maanden": None})

    assert services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2)).kenmerk
