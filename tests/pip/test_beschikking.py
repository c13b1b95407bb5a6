"""The PIP beschikking states the whole inburgeringsplicht, read from the rendered PDF per leerroute."""

import datetime
import io

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError

from inburgering.models import Doelgroep
from ontzorgen import services as ontzorgen
from pip import services
from pip.forms import ConceptForm

D = datetime.date
pytestmark = pytest.mark.django_db

STANDAARD_MAP = "Bij ons: 64 uur MAP-lessen en 40 uur stage bij een Kempisch bedrijf."
STANDAARD_PVT = "Bij ons: 12 uur workshops en een excursie naar het provinciehuis."


def _tekst(pdf: bytes) -> str:
    return " ".join(" ".join(pagina.extract_text().split()) for pagina in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def gemeente(dossier):
    gemeente = dossier.gemeente
    gemeente.standaardaanbod_map, gemeente.standaardaanbod_pvt = STANDAARD_MAP, STANDAARD_PVT
    gemeente.save()
    return gemeente


def _vastgesteld(dossier, regisseur, **gegevens):
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    services.wijzig_concept(door=regisseur, pip=concept, gegevens=gegevens)
    return services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("gegevens", "verwacht", "nooit"),
    [
        (
            {"leerroute": "B", "niveau": ""},
            [
                "U volgt de B1-route",
                "examens lezen, luisteren, schrijven en spreken op niveau B1",
                "examen Kennis van de Nederlandse Maatschappij (KNM)",
                STANDAARD_MAP,
                STANDAARD_PVT,
            ],
            ["geen examens"],
        ),
        (
            {"leerroute": "O", "niveau": ""},
            [
                "onderwijsroute",
                "taalschakeltraject",
                "geen inburgeringsexamens",
                "De MAP geldt niet voor u: wie de onderwijsroute volgt, is vrijgesteld van de MAP",
                STANDAARD_PVT,
            ],
            [STANDAARD_MAP, "examens lezen"],
        ),
        (
            {"leerroute": "Z", "niveau": ""},
            [
                "Z-route",
                "800 uur Nederlands",
                "800 uur participatie",
                "MAP en het PVT tellen mee",
                "geen examens",
                "eindgesprek bij de gemeente",
                STANDAARD_MAP,
                STANDAARD_PVT,
            ],
            ["examens lezen", "als u asielstatushouder bent"],  # the letter knows the doelgroep
        ),
    ],
    ids=["b1-route", "onderwijsroute", "z-route"],
)
def test_the_beschikking_states_the_whole_plicht_of_each_leerroute(
    dossier, regisseur, gemeente, gegevens, verwacht, nooit
):
    pip = _vastgesteld(dossier, regisseur, map_intensiteit="", pvt_intensiteit="", **gegevens)
    tekst = _tekst(pip.pdf.read())
    for zin in [*verwacht, "begint op 3 november 2026 en eindigt op 2 november 2029", "uiterlijk op 14 december 2026"]:
        assert zin in tekst, zin
    for zin in [*nooit, "Niet van toepassing", " ?"]:  # a question mark after a space: a missing value
        assert zin not in tekst, zin


@pytest.mark.pdf
def test_the_regisseurs_own_intensity_replaces_the_standard_offer(dossier, regisseur, gemeente):
    pip = _vastgesteld(dossier, regisseur, map_intensiteit="Een MAP op maat: 80 uur.", pvt_intensiteit="")
    tekst = _tekst(pip.pdf.read())
    assert "Een MAP op maat: 80 uur." in tekst and STANDAARD_MAP not in tekst and STANDAARD_PVT in tekst


@pytest.mark.pdf
def test_a_new_gemeente_offers_the_hours_of_the_table_by_default(dossier, regisseur):
    pip = _vastgesteld(dossier, regisseur)
    tekst = _tekst(pip.pdf.read())
    assert "64 uur lessen over 8 thema's en ten minste 40 uur praktijk" in tekst
    assert "Ten minste 12 uur workshops" in tekst


@pytest.mark.parametrize(
    ("gegevens", "veld", "code"),
    [
        ({"ontzorgen": True, "bijstand": True}, "ontzorgen_maanden", "ontzorgen_duur_ontbreekt"),
        ({"ontzorgen": True, "bijstand": True, "ontzorgen_maanden": 6}, "ontzorgen", "bijstand_niet_geregistreerd"),
        ({"dualiteit": "werk"}, "dualiteit_uren_per_week", "dualiteit_uren_ontbreken"),
    ],
)
def test_what_the_letter_needs_is_required_at_vaststelling(dossier, regisseur, gegevens, veld, code):
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    services.wijzig_concept(door=regisseur, pip=concept, gegevens=gegevens)  # a concept may be incomplete
    with pytest.raises(ValidationError) as fout:
        services.stel_vast(door=regisseur, pip=concept, dagtekening=D(2026, 11, 2))
    assert [e.code for e in fout.value.error_dict[veld]] == [code]
    concept.refresh_from_db()
    assert concept.is_concept


@pytest.mark.parametrize(
    ("doelgroep", "gegevens", "veld"),
    [
        (Doelgroep.GEZINSVORMER, {"ontzorgen": True, "bijstand": True, "ontzorgen_maanden": 6}, "ontzorgen"),
        (
            Doelgroep.GEESTELIJK_BEDIENAAR,
            {"maatschappelijke_begeleiding": "Een maatje."},
            "maatschappelijke_begeleiding",
        ),
        (
            Doelgroep.ASIELSTATUSHOUDER,
            {"ontzorgen": True, "bijstand": True, "ontzorgen_maanden": 5},
            "ontzorgen_maanden",
        ),
        (Doelgroep.ASIELSTATUSHOUDER, {"ontzorgen": True, "bijstand": False, "ontzorgen_maanden": 6}, "bijstand"),
    ],
)
def test_ontzorgen_and_begeleiding_only_for_asielstatushouders_and_at_least_six_months(
    dossier, regisseur, doelgroep, gegevens, veld
):
    type(dossier).objects.filter(pk=dossier.pk).update(doelgroep=doelgroep)
    dossier.refresh_from_db()
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    with pytest.raises(ValidationError) as fout:
        services.wijzig_concept(door=regisseur, pip=concept, gegevens=gegevens)
    assert veld in fout.value.error_dict


@pytest.mark.pdf
def test_a_gezinsmigrants_pip_neither_offers_nor_states_ontzorgen(dossier, regisseur):
    type(dossier).objects.filter(pk=dossier.pk).update(doelgroep=Doelgroep.GEZINSVORMER)
    dossier.refresh_from_db()
    pip = _vastgesteld(dossier, regisseur)
    form = ConceptForm(instance=services.start_wijziging(door=regisseur, inburgeraar=dossier, reden="omstandigheden"))
    assert not {"ontzorgen", "ontzorgen_maanden", "maatschappelijke_begeleiding"} & set(form.fields)
    assert "begeleiding alleen aan asielstatushouders" in _tekst(pip.pdf.read())


@pytest.mark.pdf
def test_ontzorgen_in_the_letter_starts_with_the_registered_bijstand(dossier, regisseur):
    ontzorgen.registreer_bijstand(door=regisseur, inburgeraar=dossier, startdatum=D(2026, 9, 30))
    dossier.refresh_from_db()
    pip = _vastgesteld(dossier, regisseur, ontzorgen=True, bijstand=True, ontzorgen_maanden=9)
    tekst = _tekst(pip.pdf.read())
    assert "vanaf 30 september 2026" in tekst and "ten minste 9 maanden, dus tot ten minste 30 juni 2027" in tekst


@pytest.mark.pdf
@pytest.mark.parametrize("zinnen", [12, 21, 23, 25, 27])
def test_no_heading_stands_alone_at_the_foot_of_a_page(dossier, regisseur, zinnen):
    # Texts of several lengths move the headings over the page ends; with 25 sentences, a letter whose
    # headings may break from what follows (break-after: auto) ends a page on a heading.
    lang = " ".join(["De gemeente regelt kinderopvang op de dagen dat u les heeft."] * zinnen)
    pip = _vastgesteld(dossier, regisseur, kinderopvang=lang, vervoer=lang, dualiteit_afspraken=lang)
    koppen = {"Uw plan", "Kinderopvang", "Vervoer", "Voortgangsgesprekken", "Wat als u zich niet aan het plan houdt?"}
    pagina_s = PdfReader(io.BytesIO(pip.pdf.read())).pages
    assert len(pagina_s) > 1
    for pagina in pagina_s:
        regels = [r.strip() for r in pagina.extract_text().splitlines() if r.strip() and not r.startswith("Pagina")]
        assert regels[-1] not in koppen, regels[-1]
