"""The PIP page: concept, vaststellen, downloads through the visibility rule, voortgang, handhaving."""

import datetime

import pytest
import time_machine

from django.urls import reverse

from inburgering.models import Inzage
from pip import services
from pip.models import Handhaving, Pip

D = datetime.date


def _concept_post(**extra):
    gegevens = {
        "leerroute": "B",
        "niveau": "",
        "met_knm": "on",
        "alfabetisering": "NVT",
        "looptijd_maanden": "36",
        "voortgangsgesprek_maanden": "3",
        "map_intensiteit": "64 uur les",
        "dualiteit": "",
    }
    return {**gegevens, **extra}


def test_the_dossier_page_links_to_the_pip(client, regisseur, concept):
    client.force_login(regisseur)
    response = client.get(reverse("inburgering:dossier", args=[concept.inburgeraar.pk]))
    assert reverse("pip:pip", args=[concept.inburgeraar.pk]) in response.content.decode()
    assert "Naar het PIP (nog niet vastgesteld)" in response.content.decode()


def test_a_regisseur_starts_a_concept_from_the_page(client, regisseur, dossier):
    client.force_login(regisseur)
    response = client.post(reverse("pip:pip_starten", args=[dossier.pk]), follow=True)
    assert Pip.objects.get(inburgeraar=dossier).is_concept
    assert "Concept-PIP" in response.content.decode()


def test_a_duo_violation_shows_beside_the_field_and_keeps_what_was_typed(client, regisseur, concept):
    client.force_login(regisseur)
    response = client.post(
        reverse("pip:pip_opslaan", args=[concept.inburgeraar.pk]),
        _concept_post(leerroute="Z", niveau="B1", map_intensiteit="Zelf getypt"),
    )
    assert response.status_code == 200
    form = response.context["concept_form"]
    assert "De Z-route heeft geen niveau" in form.errors["niveau"][0]
    assert "Zelf getypt" in response.content.decode()
    assert Pip.objects.get(pk=concept.pk).map_intensiteit == ""


def test_vaststellen_needs_a_dagtekening(client, regisseur, concept):
    client.force_login(regisseur)
    response = client.post(reverse("pip:pip_opslaan", args=[concept.inburgeraar.pk]), _concept_post(vaststellen="1"))
    assert "dagtekening" in response.context["concept_form"].errors
    assert Pip.objects.get(pk=concept.pk).is_concept


def test_a_regisseur_fixes_the_pip_and_downloads_the_beschikking(client, regisseur, concept):
    client.force_login(regisseur)
    pk = concept.inburgeraar.pk
    response = client.post(
        reverse("pip:pip_opslaan", args=[pk]), _concept_post(vaststellen="1", dagtekening="2026-11-20"), follow=True
    )
    pip = Pip.objects.get(pk=concept.pk)
    assert not pip.is_concept and pip.dagtekening == D(2026, 11, 20)
    assert "Het PIP is vastgesteld" in response.content.decode()

    download = client.get(reverse("pip:pip_download", args=[pk, 1]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment;")
    assert pip.kenmerk in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert Inzage.objects.filter(user=regisseur, inburgeraar_id=pk, pagina__endswith="beschikking.pdf").exists()


def test_a_beschikking_whose_batch_task_has_not_run_is_rendered_on_its_first_download(client, regisseur, concept):
    # pdf_later queues the rendering after the commit; this test never runs those callbacks.
    pip = services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 20), pdf_later=True)
    assert not Pip.objects.get(pk=pip.pk).pdf
    client.force_login(regisseur)

    pagina = client.get(reverse("pip:pip", args=[pip.inburgeraar_id]))
    download = client.get(reverse("pip:pip_download", args=[pip.inburgeraar_id, 1]))

    assert "Beschikking downloaden (PDF)" in pagina.content.decode()
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    pip.refresh_from_db()
    assert pip.pdf and pip.sha256


def test_another_gemeente_gets_404_for_the_pdf(client, wereld, vastgesteld):
    client.force_login(wereld.regisseur_eersel)
    assert client.get(reverse("pip:pip_download", args=[vastgesteld.inburgeraar.pk, 1])).status_code == 404


def test_the_concept_preview_is_a_pdf(client, regisseur, concept):
    client.force_login(regisseur)
    response = client.get(reverse("pip:pip_voorbeeld", args=[concept.inburgeraar.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_page_shows_what_changed_between_versions(client, regisseur, vastgesteld):
    wijziging = services.start_wijziging(door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="omstandigheden")
    services.wijzig_concept(door=regisseur, pip=wijziging, gegevens={"looptijd_maanden": 30})
    services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 21))
    client.force_login(regisseur)
    response = client.get(reverse("pip:pip", args=[vastgesteld.inburgeraar.pk]))
    [(nieuw, verschillen), (oud, geen)] = response.context["versies"]
    assert verschillen == [("looptijd (maanden)", "36", "30")] and geen == []


def test_a_late_voortgangsgesprek_stands_out(client, regisseur, vastgesteld):
    with time_machine.travel(datetime.datetime(2027, 2, 3, 10, tzinfo=datetime.UTC), tick=False):
        client.force_login(regisseur)  # sessions end after 30 minutes: log in on the day itself
        response = client.get(reverse("pip:pip", args=[vastgesteld.inburgeraar.pk]))
    assert response.context["planning"].is_te_laat
    assert "Voortgangsgesprek te laat" in response.content.decode()


def test_the_page_needs_the_same_queries_with_more_versions(
    client, regisseur, vastgesteld, django_assert_max_num_queries
):
    client.force_login(regisseur)
    url = reverse("pip:pip", args=[vastgesteld.inburgeraar.pk])
    with django_assert_max_num_queries(40) as een:
        client.get(url)
    for dag in (21, 22):
        wijziging = services.start_wijziging(door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="verhuizing")
        services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, dag))
        services.leg_voortgangsgesprek_vast(
            door=regisseur,
            inburgeraar=vastgesteld.inburgeraar,
            gegevens={"datum": D(2026, 11, dag), "deelnemers": "x", "volgende_datum": D(2027, 1, 1)},
        )
    with django_assert_max_num_queries(len(een.captured_queries)):
        client.get(url)


def test_the_handhaving_screen_warns_about_the_case_law_for_asielstatushouders(client, regisseur, vastgesteld):
    client.force_login(regisseur)
    response = client.get(reverse("pip:pip_handhaving", args=[vastgesteld.inburgeraar.pk]))
    assert "Hof van Justitie van de EU (4 februari 2025)" in response.content.decode()


def test_a_boete_above_the_maximum_is_refused_beside_the_field(client, regisseur, vastgesteld):
    client.force_login(regisseur)
    response = client.post(
        reverse("pip:pip_handhaving", args=[vastgesteld.inburgeraar.pk]),
        {
            "soort": "boete",
            "verplichting": "map",
            "feiten": "Niet op de MAP verschenen.",
            "verwijtbaarheid": "volledig",
            "verwijtbaarheid_motivatie": "Geen reden.",
            "bedrag": "900",
            "dagtekening": "2026-11-20",
        },
    )
    assert "hoogstens € 800" in response.context["form"].errors["bedrag"][0]
    assert not Handhaving.objects.exists()


@pytest.mark.parametrize("gebruiker", ["regisseur", "teamleider"])
def test_kempenplus_records_a_voortgangsgesprek(client, wereld, vastgesteld, gebruiker):
    client.force_login(getattr(wereld, gebruiker))
    response = client.post(
        reverse("pip:pip_voortgangsgesprek", args=[vastgesteld.inburgeraar.pk]),
        {"datum": "2026-11-20", "deelnemers": "Inburgeraar en regisseur", "volgende_datum": "2027-02-20"},
    )
    assert response.status_code == 302


def test_the_begeleider_reads_the_participation_agreements_and_nothing_about_bijstand(
    client, wereld, regisseur, concept
):
    from inburgering.models import Organisatie, Team
    from ontzorgen import services as ontzorgen
    from ontzorgen.models import Dienst

    services.wijzig_concept(
        door=regisseur,
        pip=concept,
        gegevens={
            "dualiteit": "vrijwilligerswerk",
            "dualiteit_uren_per_week": 8,
            "dualiteit_afspraken": "Dinsdag en donderdag bij de voedselbank.",
            "bijstand": True,
            "participatiewet_verplichtingen": "Sollicitatieplicht vanaf maart.",
            # an asielstatushouder with bijstand is financieel ontzorgd (Participatiewet art. 56a)
            "ontzorgen": True,
            "ontzorgen_maanden": 6,
        },
    )
    ontzorgen.registreer_bijstand(
        door=regisseur, inburgeraar=concept.inburgeraar, startdatum=datetime.date(2026, 10, 1)
    )
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    ontzorgen.verwijs(
        door=regisseur,
        inburgeraar=concept.inburgeraar,
        team=Team.objects.get(organisatie__naam="VluchtelingenWerk"),
        dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
        startdatum=datetime.date(2026, 11, 1),
    )
    client.force_login(wereld.begeleider)
    url = reverse("ontzorgen:begeleiding_dossier", args=[concept.inburgeraar_id])
    voor_vaststelling = client.get(url).content.decode()

    services.stel_vast(door=regisseur, pip=concept, dagtekening=datetime.date(2026, 11, 2))
    html = client.get(url).content.decode()

    assert "Er is nog geen vastgesteld PIP" in voor_vaststelling
    assert "Uit PIP versie 1, vastgesteld op 2 november 2026." in html
    assert "Vrijwilligerswerk" in html and "Dinsdag en donderdag bij de voedselbank." in html
    assert "Sollicitatieplicht" not in html and "bijstand" not in html.lower()
