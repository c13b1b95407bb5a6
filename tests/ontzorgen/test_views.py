"""The screens: the begeleider's week of hours, the regisseur's approval, ontzorgen from a dossier."""

import datetime
from decimal import Decimal

import pytest

from django.urls import reverse

from inburgering.models import Doelgroep, Inzage
from ontzorgen import services
from ontzorgen.models import Ontzorging, Urenregistratie, Urensoort
from tests.factories import InburgeraarFactory
from tests.ontzorgen.factories import met_bijstand, regel, verwijs

pytestmark = pytest.mark.django_db

MAANDAG = datetime.date(2026, 11, 16)  # the week before NU


@pytest.fixture
def verwezen(wereld, partner):
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bergeijk, team=partner)
    return wereld


def _week(client, verwezen, rijen, week=MAANDAG):
    """POST the week screen: rijen is a list of (dossier, {dag index: hours}, soort, z-route)."""
    data = {
        "uren-TOTAL_FORMS": str(len(rijen)),
        "uren-INITIAL_FORMS": str(len(rijen)),
        "uren-MIN_NUM_FORMS": "0",
        "uren-MAX_NUM_FORMS": "200",
    }
    for i, (dossier, uren, soort, z_route) in enumerate(rijen):
        data[f"uren-{i}-inburgeraar"] = str(dossier.pk) if dossier else ""
        data[f"uren-{i}-soort"] = soort
        if z_route:
            data[f"uren-{i}-telt_voor_z_route"] = "on"
        data[f"uren-{i}-notitie"] = "Samen naar de huisarts"
        for dag, waarde in uren.items():
            data[f"uren-{i}-dag_{dag}"] = waarde
    return client.post(f"{reverse('ontzorgen:uren_week')}?week={week.isoformat()}", data)


def test_the_week_screen_has_a_row_per_referred_inburgeraar(client, verwezen):
    client.force_login(verwezen.begeleider)
    response = client.get(reverse("ontzorgen:uren_week") + f"?week={MAANDAG}")
    html = response.content.decode()
    assert response.status_code == 200
    assert {f.initial["inburgeraar"] for f in response.context["formset"].initial_forms} == {
        verwezen.dossier_bladel.pk,
        verwezen.dossier_bergeijk.pk,
    }
    assert verwezen.dossier_reusel.naam not in html


def test_a_begeleider_logs_a_week_for_several_inburgeraars(client, verwezen):
    client.force_login(verwezen.begeleider)
    response = _week(
        client,
        verwezen,
        [
            (verwezen.dossier_bladel, {0: "2", 2: "1,5"}, Urensoort.PRAKTISCHE_ZAKEN, True),
            (verwezen.dossier_bergeijk, {4: "0,75"}, Urensoort.TAALMAATJE, False),
        ],
    )
    assert response.status_code == 302
    rijen = Urenregistratie.objects.order_by("datum")
    assert [(r.inburgeraar_id, r.datum, str(r.uren)) for r in rijen] == [
        (verwezen.dossier_bladel.pk, MAANDAG, "2.00"),
        (verwezen.dossier_bladel.pk, MAANDAG + datetime.timedelta(days=2), "1.50"),
        (verwezen.dossier_bergeijk.pk, MAANDAG + datetime.timedelta(days=4), "0.75"),
    ]
    assert all(r.status == Urenregistratie.Status.INGEDIEND for r in rijen)
    assert rijen[0].telt_voor_z_route and not rijen[2].telt_voor_z_route


def test_a_wrong_cell_saves_nothing_keeps_everything_typed_and_says_why_beside_it(client, verwezen):
    client.force_login(verwezen.begeleider)
    response = _week(
        client,
        verwezen,
        [
            (verwezen.dossier_bladel, {0: "2", 1: "-1"}, Urensoort.PRAKTISCHE_ZAKEN, False),
            (verwezen.dossier_bergeijk, {2: "1,3"}, Urensoort.TAALMAATJE, False),
        ],
    )
    assert response.status_code == 200
    assert not Urenregistratie.objects.exists()
    formset = response.context["formset"]
    assert formset.forms[0].errors["dag_1"] == ["Uren kunnen niet negatief zijn."]
    assert "kwartieren" in formset.forms[1].errors["dag_2"][0]
    html = response.content.decode()
    assert 'name="uren-0-dag_0" value="2"' in html
    assert 'name="uren-1-dag_2" value="1,3"' in html
    assert 'id="id_uren-0-dag_1_fout"' in html
    assert "Er is niets opgeslagen." in html


def test_hours_need_a_kind_and_a_person(client, verwezen):
    client.force_login(verwezen.begeleider)
    response = _week(client, verwezen, [(None, {0: "2"}, "", False)])
    assert response.context["formset"].forms[0].errors == {
        "inburgeraar": ["Kies voor wie deze uren zijn."],
        "soort": ["Kies de soort activiteit."],
    }


def test_the_regisseur_approves_and_corrects_and_the_history_stays(client, verwezen):
    [eerste, tweede] = services.registreer_uren(
        door=verwezen.begeleider,
        regels=[regel(verwezen.dossier_bladel, MAANDAG, 2), regel(verwezen.dossier_bladel, MAANDAG, 3)],
    )
    client.force_login(verwezen.regisseur)
    lijst = client.get(reverse("ontzorgen:uren_beoordelen"))
    assert list(lijst.context["registraties"]) == [eerste, tweede]

    client.post(reverse("ontzorgen:uren_beoordelen"), {"registraties": [eerste.pk]})
    response = client.post(
        reverse("ontzorgen:uren_corrigeren", args=[tweede.pk]),
        {"uren": "2,5", "soort": Urensoort.PARTICIPATIE, "telt_voor_z_route": "on", "reden": "Reistijd eraf."},
    )
    assert response.status_code == 302

    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert eerste.status == Urenregistratie.Status.GOEDGEKEURD
    assert tweede.status == Urenregistratie.Status.VERVANGEN
    pagina = client.get(reverse("ontzorgen:ontzorgen_dossier", args=[verwezen.dossier_bladel.pk])).content.decode()
    assert "<del>3</del>" in pagina
    assert "Correctie van 3 uur: Reistijd eraf." in pagina
    assert not client.get(reverse("ontzorgen:uren_beoordelen")).context["registraties"]


def test_the_regisseur_of_another_gemeente_cannot_approve_these_hours(client, verwezen):
    [registratie] = services.registreer_uren(
        door=verwezen.begeleider, regels=[regel(verwezen.dossier_bladel, MAANDAG, 2)]
    )
    client.force_login(verwezen.regisseur_eersel)
    assert not client.get(reverse("ontzorgen:uren_beoordelen")).context["registraties"]
    client.post(reverse("ontzorgen:uren_beoordelen"), {"registraties": [registratie.pk]})
    registratie.refresh_from_db()
    assert registratie.status == Urenregistratie.Status.INGEDIEND


def test_the_begeleider_sees_a_masked_bsn_and_the_inzage_is_logged(client, verwezen):
    client.force_login(verwezen.begeleider)
    html = client.get(reverse("ontzorgen:begeleiding_dossier", args=[verwezen.dossier_bladel.pk])).content.decode()
    assert verwezen.dossier_bladel.bsn not in html
    assert verwezen.dossier_bladel.bsn_gemaskeerd in html
    assert Inzage.objects.filter(user=verwezen.begeleider, inburgeraar=verwezen.dossier_bladel).exists()
    # the regisseur's full dossier page stays closed, referral or not
    assert client.get(reverse("inburgering:dossier", args=[verwezen.dossier_bladel.pk])).status_code == 404


def test_a_begeleider_raises_a_melding_and_the_regisseur_handles_it(client, verwezen):
    client.force_login(verwezen.begeleider)
    response = client.post(
        reverse("ontzorgen:melding_nieuw", args=[verwezen.dossier_bladel.pk]),
        {"soort": "niet_verschenen", "tekst": "Niet op de afspraak bij de bank."},
    )
    assert response.status_code == 302
    melding = verwezen.dossier_bladel.meldingen.get()

    client.force_login(verwezen.regisseur)
    pagina = client.get(reverse("ontzorgen:ontzorgen_dossier", args=[verwezen.dossier_bladel.pk])).content.decode()
    assert "Niet op de afspraak bij de bank." in pagina
    client.post(reverse("ontzorgen:melding_afhandelen", args=[verwezen.dossier_bladel.pk]), {"melding": melding.pk})
    melding.refresh_from_db()
    assert melding.afgehandeld_door == verwezen.regisseur


def test_the_regisseur_refers_and_ends_a_referral_from_the_dossier(client, wereld, partner):
    client.force_login(wereld.regisseur)
    url = reverse("ontzorgen:verwijzing_nieuw", args=[wereld.dossier_reusel.pk])
    response = client.post(
        url, {"team": partner.pk, "dienst": "taalmaatje", "startdatum": "2026-11-23", "einddatum": "2026-11-01"}
    )
    assert response.context["form"].errors == {"einddatum": ["De einddatum ligt vóór de startdatum."]}
    client.post(url, {"team": partner.pk, "dienst": "taalmaatje", "startdatum": "2026-11-23"})
    verwijzing = wereld.dossier_reusel.verwijzingen.get()

    client.force_login(wereld.begeleider)
    assert client.get(reverse("ontzorgen:begeleiding_dossier", args=[wereld.dossier_reusel.pk])).status_code == 200

    client.force_login(wereld.regisseur)
    client.post(
        reverse("ontzorgen:verwijzing_beeindigen", args=[wereld.dossier_reusel.pk]),
        {"verwijzing": verwijzing.pk, "reden": "Taalmaatje gevonden in de buurt."},
    )
    client.force_login(wereld.begeleider)
    assert client.get(reverse("ontzorgen:begeleiding_dossier", args=[wereld.dossier_reusel.pk])).status_code == 404


def test_the_regisseur_starts_ontzorgen_with_fixed_costs(client, wereld):
    met_bijstand(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel)
    client.force_login(wereld.regisseur)
    data = {
        "startdatum": "2026-11-01",
        "geplande_einddatum": "",
        "datum_machtiging": "2026-10-30",
        "leefgeld": "65,50",
        "leefgeld_frequentie": "week",
        "lasten-TOTAL_FORMS": "5",
        "lasten-INITIAL_FORMS": "0",
        "lasten-MIN_NUM_FORMS": "0",
        "lasten-MAX_NUM_FORMS": "20",
        "lasten-0-soort": "huur",
        "lasten-0-begunstigde": "Woonstichting De Zaligheden",
        "lasten-0-bedrag": "612,40",
        "lasten-1-soort": "energie",
        "lasten-1-begunstigde": "Vattenfall",
        "lasten-1-bedrag": "95",
    }
    response = client.post(reverse("ontzorgen:ontzorging_starten", args=[wereld.dossier_bladel.pk]), data)
    assert response.status_code == 302
    ontzorging = Ontzorging.objects.get()
    assert ontzorging.geplande_einddatum == datetime.date(2027, 5, 1)
    assert str(ontzorging.leefgeld) == "65.50"
    assert ontzorging.vaste_lasten.count() == 2


def test_ontzorgen_is_refused_with_a_reason_for_a_gezinsmigrant(client, wereld):
    gezinsvormer = InburgeraarFactory(gemeente=wereld.bladel, doelgroep=Doelgroep.GEZINSVORMER)
    client.force_login(wereld.regisseur)
    response = client.get(reverse("ontzorgen:ontzorging_starten", args=[gezinsvormer.pk]))
    assert "alleen voor asielstatushouders" in response.content.decode()


def test_the_dossier_page_links_to_begeleiding_and_ontzorgen(client, wereld):
    client.force_login(wereld.regisseur)
    html = client.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk])).content.decode()
    assert reverse("ontzorgen:ontzorgen_dossier", args=[wereld.dossier_bladel.pk]) in html


def test_it_shows_the_referral_in_the_begeleiders_screens_and_hides_it_after_the_end(client, wereld, partner):
    client.force_login(wereld.begeleider)
    url = reverse("ontzorgen:begeleiding_dossier", args=[wereld.dossier_bladel.pk])
    assert client.get(url).status_code == 404
    assert wereld.dossier_bladel.naam not in client.get(reverse("ontzorgen:mijn_inburgeraars")).content.decode()

    verwijzing = verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    assert client.get(url).status_code == 200
    assert wereld.dossier_bladel.naam in client.get(reverse("ontzorgen:mijn_inburgeraars")).content.decode()

    services.beeindig_verwijzing(door=wereld.regisseur, verwijzing=verwijzing, reden="Verhuisd.")
    assert client.get(url).status_code == 404
    assert wereld.dossier_bladel.naam not in client.get(reverse("ontzorgen:mijn_inburgeraars")).content.decode()


def test_ending_ontzorgen_names_the_provider_that_does_not_offer_the_level_beside_the_field(client, wereld):
    met_bijstand(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel)
    services.start_ontzorging(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        startdatum=datetime.date(2026, 11, 1),
        leefgeld=Decimal(60),
    )
    client.force_login(wereld.regisseur)
    url = reverse("ontzorgen:ontzorging_beeindigen", args=[wereld.dossier_bladel.pk])
    data = {
        "einddatum": "2027-05-01",
        "afbouwplan": "Huur en energie zelf betalen vanaf mei.",
        "ondersteuningsniveau": "licht",
        "aanbieder": "eurowijzer",
    }
    response = client.post(url, data)
    assert response.context["form"].errors == {"aanbieder": ["Eurowijzer biedt geen lichte ondersteuning."]}
    assert "Huur en energie zelf betalen vanaf mei." in response.content.decode()  # nothing typed is lost

    response = client.post(url, {**data, "ondersteuningsniveau": "midden"})
    assert response.status_code == 302
    assert not Ontzorging.objects.get().is_lopend


def test_the_regisseur_can_narrow_pending_hours_to_their_own_dossiers(client, verwezen):
    services.registreer_uren(
        door=verwezen.begeleider,
        regels=[regel(verwezen.dossier_bladel, MAANDAG, 2), regel(verwezen.dossier_bergeijk, MAANDAG, 1)],
    )
    client.force_login(verwezen.regisseur)
    alle = client.get(reverse("ontzorgen:uren_beoordelen")).context["registraties"]
    mijn = client.get(reverse("ontzorgen:uren_beoordelen") + "?van=mijn").context["registraties"]
    assert {r.inburgeraar for r in alle} == {verwezen.dossier_bladel, verwezen.dossier_bergeijk}
    assert {r.inburgeraar for r in mijn} == {verwezen.dossier_bladel}  # Sanne regisseert Bladel, Youssef Bergeijk


def test_a_row_without_a_kind_still_gets_its_wrong_cells_reported_in_the_same_round(client, verwezen):
    client.force_login(verwezen.begeleider)
    response = _week(client, verwezen, [(verwezen.dossier_bladel, {0: "-1", 1: "2"}, "", False)])
    assert response.context["formset"].forms[0].errors == {
        "soort": ["Kies de soort activiteit."],
        "dag_0": ["Uren kunnen niet negatief zijn."],
    }
    assert not Urenregistratie.objects.exists()


def test_days_still_to_come_cannot_be_filled_in(client, verwezen):
    client.force_login(verwezen.begeleider)
    deze_week = datetime.date(2026, 11, 23)  # today, a Monday: the other six days are still to come

    formset = client.get(reverse("ontzorgen:uren_week") + f"?week={deze_week}").context["formset"]

    rij = formset.forms[0]
    assert [veld.field.disabled for veld in rij.dagvelden()] == [False] + [True] * 6
