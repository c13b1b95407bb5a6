"""Registering, editing and running a dossier: koppeling, regisseur, fase, verhuizing, history, inzage."""

import pytest
from auditlog.models import LogEntry

from django.core import mail
from django.urls import reverse
from django.utils.html import escape

from inburgering.fasen import Fase
from inburgering.models import Gebeurtenis, Inburgeraar, Inzage
from tests.factories import InburgeraarFactory

GELDIG_BSN = "999900006"


@pytest.fixture
def regisseur(client, wereld):
    client.force_login(wereld.regisseur)
    return wereld.regisseur


def _registratie(wereld, **anders):
    return {
        "bsn": GELDIG_BSN,
        "voornamen": "Rania",
        "tussenvoegsel": "",
        "achternaam": "Khalil",
        "geboortedatum": "1994-03-12",
        "gemeente": wereld.bladel.pk,
        "doelgroep": "Gezinsvormer",
        "regime": "wi2021",
        "datum_koppeling": "2026-11-02",
        "azc": "AZC Budel",
        "taal": "Arabisch",
        "tolk_nodig": "on",
        "telefoon": "0612345678",
        "email": "rania@example.org",
        **anders,
    }


def test_a_regisseur_registers_a_dossier_that_starts_in_aangemeld(client, wereld, regisseur):
    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, regisseur=regisseur.pk))

    dossier = Inburgeraar.objects.get(bsn=GELDIG_BSN)
    assert response.url == reverse("inburgering:dossier", args=[dossier.pk])
    assert dossier.fase == Fase.AANGEMELD
    assert dossier.doelgroep == "Gezinsvormer"
    assert dossier.tolk_nodig is True
    assert dossier.regisseur == regisseur
    soorten = list(dossier.tijdlijn.order_by("pk").values_list("soort", flat=True))
    assert soorten == [Gebeurtenis.Soort.GEREGISTREERD, Gebeurtenis.Soort.REGISSEUR]


def test_the_form_offers_duos_detailed_doelgroepen(client, wereld, regisseur):
    html = client.get(reverse("inburgering:dossier_registreren")).content.decode()

    for waarde in ["Asielstatushouder", "Gezinsvormer met Asielstatushouder", "Geestelijk bedienaar", "Overig"]:
        assert f'value="{waarde}"' in html


def test_it_refuses_a_bsn_failing_the_elfproef_and_keeps_what_was_typed(client, wereld, regisseur):
    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, bsn="123456789"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit BSN klopt niet: het voldoet niet aan de elfproef." in html
    assert 'value="Khalil"' in html
    assert 'value="123456789"' in html
    assert not Inburgeraar.objects.filter(achternaam="Khalil").exists()


def test_a_duplicate_bsn_links_to_the_existing_dossier_the_user_may_see(client, wereld, regisseur):
    bestaand = wereld.dossier_bergeijk

    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, bsn=bestaand.bsn))

    html = response.content.decode()
    assert "Er bestaat al een dossier met dit BSN" in html
    assert f'href="{reverse("inburgering:dossier", args=[bestaand.pk])}"' in html
    assert Inburgeraar.objects.filter(bsn=bestaand.bsn).count() == 1


def test_a_regisseur_cannot_register_for_a_gemeente_outside_the_team(client, wereld, regisseur):
    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, gemeente=wereld.eersel.pk))

    assert "gemeente" in response.context["form"].errors
    assert not Inburgeraar.objects.filter(bsn=GELDIG_BSN).exists()


def test_dates_in_the_future_are_refused_beside_the_field(client, wereld, regisseur):
    response = client.post(
        reverse("inburgering:dossier_registreren"), _registratie(wereld, datum_koppeling="2999-01-01")
    )

    assert response.context["form"].errors["datum_koppeling"] == ["De datum koppeling kan niet in de toekomst liggen."]


def test_a_household_member_joins_the_same_huishouden(client, wereld, regisseur):
    gegevens = _registratie(wereld, huishouden_bsn=wereld.dossier_bladel.bsn, aantal_minderjarige_kinderen=2)

    client.post(reverse("inburgering:dossier_registreren"), gegevens)

    nieuw = Inburgeraar.objects.get(bsn=GELDIG_BSN)
    wereld.dossier_bladel.refresh_from_db()
    assert nieuw.huishouden == wereld.dossier_bladel.huishouden
    assert nieuw.huishouden.aantal_minderjarige_kinderen == 2
    pagina = client.get(reverse("inburgering:dossier", args=[nieuw.pk])).content.decode()
    assert escape(wereld.dossier_bladel.naam) in pagina
    assert "2 minderjarige kinderen" in pagina


def test_the_dossier_page_shows_person_gemeente_regisseur_fase_and_tijdlijn(client, wereld, regisseur):
    response = client.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk]))

    html = response.content.decode()
    assert escape(wereld.dossier_bladel.naam) in html
    assert wereld.dossier_bladel.bsn in html
    assert "Bladel" in html
    assert escape(str(regisseur)) in html
    assert "Aangemeld" in html
    assert "Dossier geregistreerd bij gemeente Bladel" in html


def test_every_view_of_a_dossier_is_logged_as_inzage(client, wereld, regisseur):
    dossier = wereld.dossier_bladel
    client.get(reverse("inburgering:dossier", args=[dossier.pk]))
    client.get(reverse("inburgering:dossier_wijzigen", args=[dossier.pk]))

    inzages = list(Inzage.objects.filter(user=regisseur).order_by("tijdstip"))
    assert [(i.bsn, i.pagina) for i in inzages] == [
        (dossier.bsn, f"/dossiers/{dossier.pk}/"),
        (dossier.bsn, f"/dossiers/{dossier.pk}/wijzigen/"),
    ]


def test_a_refused_view_leaves_no_inzage(client, wereld, regisseur):
    client.get(reverse("inburgering:dossier", args=[wereld.dossier_eersel.pk]))

    assert not Inzage.objects.filter(bsn=wereld.dossier_eersel.bsn).exists()


def test_editing_records_a_tijdlijn_event_and_the_audit_log(client, wereld, regisseur):
    dossier = wereld.dossier_bladel
    formulier = client.get(reverse("inburgering:dossier_wijzigen", args=[dossier.pk])).context["form"]
    gegevens = {naam: veld.value() or "" for naam, veld in ((n, formulier[n]) for n in formulier.fields)}
    gegevens.update(telefoon="0687654321", tolk_nodig="")

    response = client.post(reverse("inburgering:dossier_wijzigen", args=[dossier.pk]), gegevens)

    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.telefoon == "0687654321"
    assert dossier.tijdlijn.first().omschrijving == "Gegevens gewijzigd: telefoonnummer."
    wijziging = LogEntry.objects.get_for_object(dossier).filter(action=LogEntry.Action.UPDATE).first()
    assert wijziging.actor == regisseur
    assert wijziging.changes_dict["telefoon"][1] == "0687654321"


def test_the_history_page_shows_the_audit_log_to_those_allowed(client, wereld, regisseur):
    dossier = wereld.dossier_bladel
    formulier = client.get(reverse("inburgering:dossier_wijzigen", args=[dossier.pk])).context["form"]
    gegevens = {n: formulier[n].value() or "" for n in formulier.fields}
    client.post(reverse("inburgering:dossier_wijzigen", args=[dossier.pk]), {**gegevens, "adres": "Markt 1, Bladel"})

    html = client.get(reverse("inburgering:dossier_historie", args=[dossier.pk])).content.decode()

    assert "Markt 1, Bladel" in html
    assert escape(str(regisseur)) in html


def test_assigning_a_regisseur_mails_them_without_personal_data(
    client, wereld, regisseur, django_capture_on_commit_callbacks
):
    dossier = wereld.dossier_reusel

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("inburgering:regisseur_toewijzen", args=[dossier.pk]), {"regisseur": wereld.collega.pk})

    dossier.refresh_from_db()
    assert dossier.regisseur == wereld.collega
    assert dossier.tijdlijn.first().omschrijving == f"{wereld.collega} is casusregisseur."
    [bericht] = mail.outbox
    assert bericht.to == [wereld.collega.email]
    assert bericht.subject == "Nieuw dossier in uw caseload"
    html = bericht.alternatives[0][0]
    for tekst in (bericht.body, html):
        assert f"https://inburgering.test/dossiers/{dossier.pk}/" in tekst
        assert dossier.bsn not in tekst
        assert dossier.achternaam not in tekst


def test_a_regisseur_of_another_gemeente_cannot_be_assigned(client, wereld, regisseur):
    dossier = wereld.dossier_reusel

    response = client.post(
        reverse("inburgering:regisseur_toewijzen", args=[dossier.pk]),
        {"regisseur": wereld.regisseur_eersel.pk},
        follow=True,
    )

    dossier.refresh_from_db()
    assert dossier.regisseur is None
    assert "Kies een casusregisseur uit de lijst." in response.content.decode()
    assert mail.outbox == []


def test_the_fase_form_offers_only_what_the_regisseur_decides_by_hand(client, wereld, regisseur):
    dossier = wereld.dossier_bladel

    pagina = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    geweigerd = client.post(reverse("inburgering:fase_wijzigen", args=[dossier.pk]), {"fase": Fase.INTAKE}, follow=True)

    dossier.refresh_from_db()
    assert dossier.fase == Fase.AANGEMELD
    assert "Selecteer een geldige keuze" in geweigerd.content.decode()
    assert 'value="uitgeschreven"' in pagina and 'value="intake"' not in pagina
    # Aangemeld can end by ontheffing or vrijstelling, not as voldaan: that needs the uitvoering.
    assert 'value="ontheffing"' in pagina and 'value="voldaan"' not in pagina


def test_the_fase_form_closes_a_dossier_with_its_reason(client, wereld, regisseur):
    dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.UITVOERING, regisseur=wereld.regisseur)

    zonder_reden = client.post(
        reverse("inburgering:fase_wijzigen", args=[dossier.pk]), {"fase": Fase.AFGEROND}, follow=True
    )
    client.post(
        reverse("inburgering:fase_wijzigen", args=[dossier.pk]), {"fase": Fase.AFGEROND, "reden_afronding": "voldaan"}
    )

    assert "Kies de reden van afronding." in zonder_reden.content.decode()
    dossier.refresh_from_db()
    assert (dossier.fase, dossier.reden_afronding) == (Fase.AFGEROND, "voldaan")


def test_verhuizing_hands_the_dossier_to_the_receiving_gemeentes_team(client, wereld, regisseur):
    dossier = wereld.dossier_bladel

    response = client.post(
        reverse("inburgering:dossier_overdragen", args=[dossier.pk]),
        {"naar": wereld.emmen.pk, "toelichting": "Verhuisd naar Emmen.", "bevestig": "on"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == reverse("inburgering:caseload")
    assert "Het dossier is overgedragen aan gemeente Emmen." in response.content.decode()
    assert client.get(reverse("inburgering:dossier", args=[dossier.pk])).status_code == 404
    dossier.refresh_from_db()
    assert dossier.gemeente == wereld.emmen
    assert dossier.regisseur is None
    client.force_login(wereld.regisseur_emmen)
    html = client.get(reverse("inburgering:dossier", args=[dossier.pk])).content.decode()
    assert "Dossier overgedragen aan gemeente Emmen wegens verhuizing. Verhuisd naar Emmen." in html
    assert "Dossier ontvangen van gemeente Bladel wegens verhuizing" in html
    gemeenten = list(dossier.tijdlijn.filter(soort__in=["overgedragen", "ontvangen"]).values_list("soort", "gemeente"))
    assert sorted(gemeenten) == [("ontvangen", wereld.emmen.pk), ("overgedragen", wereld.bladel.pk)]


def test_verhuizing_needs_an_explicit_confirmation(client, wereld, regisseur):
    dossier = wereld.dossier_bladel

    response = client.post(reverse("inburgering:dossier_overdragen", args=[dossier.pk]), {"naar": wereld.emmen.pk})

    assert "bevestig" in response.context["form"].errors
    dossier.refresh_from_db()
    assert dossier.gemeente == wereld.bladel
