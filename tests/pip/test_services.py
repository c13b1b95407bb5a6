"""The PIP's services: concept from the intake, vaststelling with PDF, immutability, wijzigingen."""

import datetime
import hashlib
import io
import logging

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering import services as dossier_services
from inburgering.fasen import Fase
from inburgering.models import Gebeurtenis, Inburgeraar
from ontzorgen import services as ontzorgen
from pip import services, tasks
from pip.models import Pip

D = datetime.date


def _tekst(pdf: bytes) -> str:
    return " ".join(" ".join(pagina.extract_text().split()) for pagina in PdfReader(io.BytesIO(pdf)).pages)


def _ververs(dossier) -> Inburgeraar:
    return Inburgeraar.objects.get(pk=dossier.pk)


def test_a_concept_starts_from_the_intakes_advice(concept):
    assert concept.versie == 1 and concept.is_concept
    assert concept.leerroute == "B" and concept.niveau == "B1"
    # the gemeente's norm, the one its voortgangsgesprek deadlines follow too
    assert concept.voortgangsgesprek_maanden == concept.inburgeraar.gemeente.voortgangsgesprek_maanden == 3
    assert Gebeurtenis.objects.filter(inburgeraar=concept.inburgeraar, soort="pip_concept").exists()


def test_it_refuses_a_concept_outside_fase_pip(wereld, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.start_concept(door=regisseur, inburgeraar=wereld.dossier_reusel)
    assert fout.value.code == "fase"


def test_a_duo_violation_is_a_message_on_its_field(concept, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.wijzig_concept(door=regisseur, pip=concept, gegevens={"leerroute": "Z", "niveau": "B1"})
    assert "niveau" in fout.value.error_dict
    assert "De Z-route heeft geen niveau" in fout.value.message_dict["niveau"][0]


def test_vaststellen_stores_the_pdf_with_its_hash_and_moves_the_dossier(vastgesteld, caplog):
    dossier = _ververs(vastgesteld.inburgeraar)
    assert vastgesteld.status == Pip.Status.VASTGESTELD
    assert vastgesteld.dagtekening == D(2026, 11, 2)
    inhoud = vastgesteld.pdf.read()
    assert inhoud.startswith(b"%PDF")
    assert hashlib.sha256(inhoud).hexdigest() == vastgesteld.sha256
    assert dossier.fase == Fase.UITVOERING
    assert dossier.datum_eerste_pip == dossier.datum_huidige_pip == D(2026, 11, 2)
    assert dossier.datum_laatste_bekendmaking == D(2026, 11, 2)
    tijdlijn = Gebeurtenis.objects.get(inburgeraar=dossier, soort="pip_vastgesteld")
    assert vastgesteld.kenmerk in tijdlijn.omschrijving and "3 november 2026" in tijdlijn.omschrijving


@pytest.mark.pdf
def test_the_beschikking_pdf_holds_every_required_element(dossier, regisseur, caplog):
    gemeente = dossier.gemeente
    gemeente.postadres = "Postbus 10000, 5530 GA Bladel"
    gemeente.ondertekenaar_naam = "J. de Vries"
    gemeente.ondertekenaar_functie = "Teamleider Inburgering"
    gemeente.telefoon = "0497 361 636"
    gemeente.save()
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    services.wijzig_concept(
        door=regisseur,
        pip=concept,
        gegevens={
            "map_intensiteit": "64 uur les en 40 uur praktijk",
            "pvt_intensiteit": "12 uur workshops en een excursie",
            "ontzorgen": True,
            "ontzorgen_maanden": 6,
            "maatschappelijke_begeleiding": "VluchtelingenWerk begeleidt u een jaar.",
            "dualiteit": "vrijwilligerswerk",
            "dualiteit_uren_per_week": 8,
            "vervoer": "U krijgt een fiets.",
            "kinderopvang": "De gemeente regelt kinderopvang op lesdagen.",
            "bijstand": True,
            "participatiewet_verplichtingen": "U zoekt na de taalles werk van 16 uur per week.",
            "geschatte_intensiteit_b1": 900,
        },
    )
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 10, 1))
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pip = services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))
    assert not [r for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR]
    tekst = _tekst(pip.pdf.read())
    for verwacht in [
        "Gemeente Bladel",
        "Postbus 10000, 5530 GA Bladel",
        pip.kenmerk,
        dossier.naam,
        "Markt 1, 5531 BC Bladel",
        "2 november 2026",
        "Ons besluit",
        "B1-route",
        "taalniveau B1",
        "examens lezen, luisteren, schrijven en spreken op niveau B1",
        "Kennis van de Nederlandse Maatschappij",
        "Alfabetiseringsonderwijs",
        "900 uur",
        "36 maanden",
        "64 uur les en 40 uur praktijk",
        "12 uur workshops",
        "vanaf 1 oktober 2026",  # ontzorgen starts with the bijstand
        "tot ten minste 1 april 2027",
        "VluchtelingenWerk begeleidt u",
        "elke 3 maanden",
        "vrijwilligerswerk, 8 uur per week",
        "kinderopvang op lesdagen",
        "U krijgt een fiets",
        "Participatiewet",
        "werk van 16 uur per week",
        "begint op 3 november 2026 en eindigt op 2 november 2029",  # the termijn's start and end
        "J. de Vries",
        "Teamleider Inburgering",
        "bezwaar",
        "binnen 6 weken",
        "uiterlijk op 14 december 2026",
        "voorlopige voorziening",
    ]:
        assert verwacht in tekst, verwacht
    assert "CONCEPT" not in tekst and " ?" not in tekst


@pytest.mark.pdf
def test_a_concept_preview_is_marked_concept_and_not_stored(concept):
    tekst = _tekst(services.concept_pdf(concept))
    assert "CONCEPT" in tekst
    concept.refresh_from_db()
    assert not concept.pdf


def test_the_dagtekening_is_immutable_after_vaststelling(vastgesteld, regisseur):
    with pytest.raises(ValidationError):
        services.stel_vast(door=regisseur, pip=vastgesteld, dagtekening=D(2026, 11, 20))
    with pytest.raises(ValidationError):
        services.wijzig_concept(door=regisseur, pip=vastgesteld, gegevens={"looptijd_maanden": 24})
    pip = Pip.objects.get(pk=vastgesteld.pk)
    pip.dagtekening = D(2026, 11, 20)
    with pytest.raises(ValidationError):
        pip.save()
    assert Pip.objects.get(pk=vastgesteld.pk).dagtekening == D(2026, 11, 2)


def test_it_refuses_a_dagtekening_that_breaks_duos_rules(concept, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 9, 10))
    assert [e.code for e in fout.value.error_dict["dagtekening"]] == ["voor_vestiging"]
    assert Pip.objects.get(pk=concept.pk).is_concept


def test_the_dagtekening_is_checked_against_duos_begindatum_of_the_plicht(concept, regisseur):
    # Kennisgeving 1 September, vestiging 15 September; DUO says the plicht began on 20 September.
    dossier_services.wijzig_dossier(
        door=None, inburgeraar=concept.inburgeraar, wijzigingen={"duo_begindatum_plicht": D(2026, 9, 20)}
    )
    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 9, 16))
    assert [e.code for e in fout.value.error_dict["dagtekening"]] == ["voor_begin_plicht"]
    assert "20 september 2026 volgens DUO" in fout.value.error_dict["dagtekening"][0].message


@pytest.mark.pdf
def test_the_termijn_start_stays_across_wijzigingen(vastgesteld, regisseur):
    wijziging = services.start_wijziging(
        door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="schakelen", toelichting="B1 blijkt te hoog."
    )
    services.wijzig_concept(door=regisseur, pip=wijziging, gegevens={"leerroute": "Z", "niveau": ""})
    tweede = services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 20))
    derde = services.start_wijziging(door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="verhuizing")
    derde = services.stel_vast(door=regisseur, pip=derde, dagtekening=D(2026, 11, 23))

    dossier = _ververs(vastgesteld.inburgeraar)
    assert dossier.datum_eerste_pip == D(2026, 11, 2)
    assert dossier.datum_huidige_pip == D(2026, 11, 23)
    assert (tweede.versie, derde.versie) == (2, 3)
    assert derde.vorige == tweede and tweede.vorige == vastgesteld
    tekst = _tekst(tweede.pdf.read())
    assert vastgesteld.kenmerk in tekst and "Wat verandert er?" in tekst and "Z-route" in tekst
    assert "3 november 2026" in tekst
    assert Pip.objects.get(pk=vastgesteld.pk).sha256 == vastgesteld.sha256


def test_a_wijziging_may_not_predate_the_current_pip(vastgesteld, regisseur):
    wijziging = services.start_wijziging(door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="omstandigheden")
    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 1))
    assert {e.code for e in fout.value.error_dict["dagtekening"]} == {"voor_eerste_pip", "voor_huidige_pip"}


GRONDEN = {"afschalen_b1_onhaalbaar": True, "afschalen_voldoende_inspanning": True}


@pytest.mark.parametrize("lesuren", [0, 700])  # 0: not tracked here; 700: above the minimum of 600
def test_afschalen_always_records_both_grounds_with_a_motivation(vastgesteld, regisseur, lesuren, client):
    Inburgeraar.objects.filter(pk=vastgesteld.inburgeraar_id).update(lesuren_gevolgd=lesuren)
    wijziging = services.start_wijziging(door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="afschalen")
    services.wijzig_concept(door=regisseur, pip=wijziging, gegevens={"niveau": "A2"})
    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 20))
    assert set(fout.value.error_dict) == {
        "afschalen_b1_onhaalbaar",
        "afschalen_voldoende_inspanning",
        "afschalen_motivatie",
    }
    services.wijzig_concept(
        door=regisseur,
        pip=wijziging,
        gegevens={**GRONDEN, "afschalen_motivatie": "650 lesuren gevolgd, B1-toetsen blijven op A2."},
    )
    pip = services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 20))
    assert (pip.niveau, pip.afschalen_b1_onhaalbaar, pip.afschalen_voldoende_inspanning) == ("A2", True, True)
    client.force_login(regisseur)
    pagina = " ".join(client.get(reverse("pip:pip", args=[pip.inburgeraar_id])).content.decode().split())
    assert (
        "Gronden voor afschalen: het niveau B1 is binnen de inburgeringstermijn niet haalbaar; er is voldoende "
        "inspanning geleverd. Motivering: 650 lesuren gevolgd"
    ) in pagina


def test_afschalen_uses_the_lesuren_the_leerroute_registered(vastgesteld, regisseur):
    # The leerroute's services keep this milestone; a motivation does not replace registered hours.
    Inburgeraar.objects.filter(pk=vastgesteld.inburgeraar_id).update(lesuren_gevolgd=420)
    wijziging = services.start_wijziging(door=regisseur, inburgeraar=vastgesteld.inburgeraar, reden="afschalen")
    services.wijzig_concept(
        door=regisseur, pip=wijziging, gegevens={"niveau": "A2", **GRONDEN, "afschalen_motivatie": "x"}
    )
    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=wijziging, dagtekening=D(2026, 11, 20))
    assert [e.code for e in fout.value.error_dict["reden_wijziging"]] == ["afschalen_te_weinig_lesuren"]


def test_the_batch_task_renders_missing_pdfs_once(concept, regisseur, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pip = services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2), pdf_later=True)
    pip.refresh_from_db()
    assert pip.pdf and pip.sha256  # the task ran eagerly after the commit
    assert tasks.render_beschikkingen([pip.pk]) == []


def test_waiting_for_third_parties_is_recorded_on_the_dossier(concept, regisseur):
    services.zet_wachten_op_derden(
        door=regisseur, inburgeraar=concept.inburgeraar, sinds=D(2026, 11, 1), ontvangen_op=D(2026, 11, 20)
    )
    dossier = _ververs(concept.inburgeraar)
    assert (dossier.wacht_op_derden_sinds, dossier.informatie_derden_ontvangen_op) == (D(2026, 11, 1), D(2026, 11, 20))
    with pytest.raises(ValidationError):
        services.zet_wachten_op_derden(
            door=regisseur, inburgeraar=dossier, sinds=D(2026, 11, 10), ontvangen_op=D(2026, 11, 5)
        )


def test_a_voortgangsgesprek_updates_the_milestone(vastgesteld, regisseur):
    gesprek = services.leg_voortgangsgesprek_vast(
        door=regisseur,
        inburgeraar=vastgesteld.inburgeraar,
        gegevens={
            "datum": D(2026, 11, 20),
            "deelnemers": "Inburgeraar, regisseur, tolk",
            "voortgang_taal": "Gaat goed",
            "volgende_datum": D(2027, 2, 20),
        },
    )
    assert gesprek.pip == vastgesteld
    assert _ververs(vastgesteld.inburgeraar).datum_laatste_voortgangsgesprek == D(2026, 11, 20)
    with pytest.raises(ValidationError) as fout:
        services.leg_voortgangsgesprek_vast(
            door=regisseur,
            inburgeraar=vastgesteld.inburgeraar,
            gegevens={"datum": D(2026, 11, 24), "deelnemers": "x", "volgende_datum": D(2027, 1, 1)},
        )
    assert "datum" in fout.value.error_dict


@pytest.mark.pdf
def test_the_letterhead_shows_the_gemeentes_logo_without_weasyprint_errors(dossier, regisseur, caplog):
    from PIL import Image

    from django.core.files.base import ContentFile

    afbeelding = io.BytesIO()
    Image.new("RGB", (120, 40), (200, 0, 0)).save(afbeelding, format="PNG")
    gemeente = dossier.gemeente
    gemeente.logo.save("bladel.png", ContentFile(afbeelding.getvalue()))
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pip = services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))
    assert not [r for r in caplog.records if r.name.startswith("weasyprint")]
    pip.pdf.seek(0)
    reader = PdfReader(io.BytesIO(pip.pdf.read()))
    assert len(reader.pages[0].images) == 1  # the logo; without one the letterhead holds no image


def test_a_voortgangsgesprek_before_the_first_pip_is_refused(vastgesteld, regisseur):
    with pytest.raises(ValidationError) as fout:
        services.leg_voortgangsgesprek_vast(
            door=regisseur,
            inburgeraar=vastgesteld.inburgeraar,
            gegevens={"datum": D(2026, 11, 1), "deelnemers": "x", "volgende_datum": D(2027, 1, 1)},
        )
    assert "vóór de dagtekening van het eerste PIP (2 november 2026)" in fout.value.message_dict["datum"][0]
