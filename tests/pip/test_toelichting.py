"""The PIP beschikking gets an explanation page in the person's own language, with the fonts to show it."""

import datetime
import io
import logging

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError

from devtools.demo.pip_toelichtingen import TOELICHTINGEN, laad_toelichtingen
from inburgering import services as dossier_services
from pip import services, talen
from pip.models import Pip, Toelichting

pytestmark = pytest.mark.django_db
BEZWAAR_UITERLIJK = "14-12-2026"  # six weeks after the dagtekening of 2 November 2026


@pytest.fixture(autouse=True)
def _toelichtingen():
    laad_toelichtingen()


@pytest.fixture
def weasyprint_log(caplog):
    """WeasyPrint reports a missing font or glyph through its loggers as a warning."""
    caplog.set_level(logging.WARNING, logger="weasyprint")
    caplog.set_level(logging.WARNING, logger="fontTools")
    return caplog


def _vastgesteld(dossier, regisseur, taal):
    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=dossier, wijzigingen={"taal": taal})
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    return services.stel_vast(door=regisseur, pip=concept, dagtekening=datetime.date(2026, 11, 2))


def _pagina_s(pdf: bytes) -> list[str]:
    return [" ".join(pagina.extract_text().split()) for pagina in PdfReader(io.BytesIO(pdf)).pages]


def _lettertypen(pdf: bytes) -> set[str]:
    namen = set()
    for pagina in PdfReader(io.BytesIO(pdf)).pages:
        for lettertype in pagina["/Resources"].get("/Font", {}).values():
            namen.add(str(lettertype.get_object()["/BaseFont"]))
    return namen


def _woorden(tekst: str) -> set[str]:
    """Words of a text, ignoring punctuation; order-free because PDF extraction may reverse RTL runs."""
    return {woord.strip("()،.:፡።?") for woord in tekst.split()} - {""}


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("taal", "woorden", "lettertype"),
    [
        # Extracting shaped Arabic from a PDF loses letters that share a glyph; these words come through whole.
        ("Arabisch", {"الاندماج", "والمشاركة", "الرسالة", "الهولندية", "الرسمي", "والنص", "يمكنك"}, "NotoSansArabic"),
        ("Tigrinya", {w for w in _woorden(" ".join(TOELICHTINGEN["ti"].values())) if "{" not in w}, "NotoSansEthiopic"),
    ],
)
def test_the_beschikking_ends_with_an_explanation_in_the_persons_language(
    dossier, regisseur, weasyprint_log, taal, woorden, lettertype
):
    pip = _vastgesteld(dossier, regisseur, taal)

    pdf = pip.pdf.read()
    *brief, uitleg = _pagina_s(pdf)
    assert "Plan Inburgering en Participatie" in brief[0]
    assert "Bent u het niet eens met dit besluit?" in brief[-1]  # the Dutch letter is whole before the page
    assert uitleg.startswith("Uitleg in het")
    assert woorden <= _woorden(uitleg)
    assert "Alleen de Nederlandse brief is het besluit en de juridische tekst" in uitleg
    assert pip.kenmerk in uitleg and BEZWAAR_UITERLIJK in uitleg  # the placeholders are filled in
    assert "{" not in uitleg
    assert any(lettertype in naam.replace("-", "") for naam in _lettertypen(pdf)), _lettertypen(pdf)
    assert [r.getMessage() for r in weasyprint_log.records] == []


@pytest.mark.pdf
def test_a_language_without_a_translation_gets_no_extra_page(dossier, regisseur):
    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=dossier, wijzigingen={"taal": ""})
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)
    zonder_taal = _pagina_s(services.concept_pdf(concept))

    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=dossier, wijzigingen={"taal": "Somalisch"})
    somalisch = _pagina_s(services.concept_pdf(Pip.objects.get(pk=concept.pk)))

    assert len(somalisch) == len(zonder_taal)
    assert "Uitleg in het" not in " ".join(somalisch)


def test_the_arabic_page_is_written_right_to_left(dossier, regisseur):
    dossier_services.wijzig_dossier(door=regisseur, inburgeraar=dossier, wijzigingen={"taal": "ar"})
    concept = services.start_concept(door=regisseur, inburgeraar=dossier)

    html = services.render_pdf("pip/beschikking.html", services.beschikking_context(concept, concept=True))[0]

    assert '<div class="toelichting" lang="ar" dir="rtl">' in html
    assert '<p class="nederlands" lang="nl" dir="ltr">' in html


@pytest.mark.parametrize(
    ("code", "richting"),
    [("ar", "rtl"), ("fa", "rtl"), ("ps", "rtl"), ("ur", "rtl"), ("he", "rtl"), ("ti", "ltr"), ("am", "ltr")]
    + [("en", "ltr"), ("uk", "ltr"), ("tr", "ltr"), ("so", "ltr"), ("nl", "ltr")],
)
def test_the_writing_direction_follows_from_the_language(code, richting):
    assert talen.richting(code) == richting
    assert Toelichting(taal=code).richting == richting


@pytest.mark.parametrize(
    ("voorkeurstaal", "code"),
    [("Arabisch", "ar"), ("arabic", "ar"), (" AR ", "ar"), ("Tigrinya", "ti"), ("Farsi", "fa"), ("Engels", "en")]
    + [("Dari", None), ("Klingon", None), ("", None)],
)
def test_the_voorkeurstaal_is_read_as_a_code_or_a_name(voorkeurstaal, code):
    assert talen.taalcode(voorkeurstaal) == code


def test_the_beheerder_is_told_which_placeholder_is_unknown():
    toelichting = Toelichting(taal="uk", titel="Пояснення", rechtsgeldigheid="…", uitleg_pip="{naam}")
    toelichting.uitleg_bezwaar = toelichting.uitleg_regisseur = "{telefoon}"

    with pytest.raises(ValidationError) as fout:
        toelichting.full_clean()

    assert fout.value.message_dict == {
        "uitleg_pip": [
            "Onbekende plaatshouder {naam}; toegestaan zijn {regisseur}, {telefoon}, {kenmerk}, {bezwaar_uiterlijk}."
        ]
    }


def test_the_beheerder_keeps_translations_in_beheer(client, wereld):
    client.force_login(wereld.beheerder)

    antwoord = client.post(
        "/beheer/pip/toelichting/add/",
        {
            "gemeente": wereld.bladel.pk,
            "taal": "fa",
            "titel": "توضیح نامه شما",
            "rechtsgeldigheid": "فقط نامه هلندی تصمیم رسمی است.",
            "uitleg_pip": "برنامه شما",
            "uitleg_bezwaar": "اعتراض تا {bezwaar_uiterlijk}",
            "uitleg_regisseur": "با {regisseur} تماس بگیرید",
        },
    )

    assert antwoord.status_code == 302
    assert Toelichting.objects.get(taal="fa").richting == "rtl"
    assert "van rechts naar links" in client.get("/beheer/pip/toelichting/").content.decode()


def test_a_gemeentes_own_translation_goes_before_the_one_for_every_gemeente(wereld):
    teksten = {"rechtsgeldigheid": "…", "uitleg_pip": "…", "uitleg_bezwaar": "…", "uitleg_regisseur": "…"}
    Toelichting.objects.create(taal="so", titel="Dhammaan", **teksten)
    Toelichting.objects.create(taal="so", titel="Bladel", gemeente=wereld.bladel, **teksten)

    assert Toelichting.objects.voor_taal("so", wereld.bladel.pk).titel == "Bladel"
    assert Toelichting.objects.voor_taal("so", wereld.emmen.pk).titel == "Dhammaan"


def test_a_beheerder_keeps_only_their_own_gemeentes_translations(client, wereld):
    client.force_login(wereld.beheerder_emmen)

    antwoord = client.post(
        "/beheer/pip/toelichting/add/",
        {
            "gemeente": wereld.bladel.pk,  # KempenPlus', not Menso's
            "taal": "fa",
            "titel": "توضیح",
            "rechtsgeldigheid": "…",
            "uitleg_pip": "…",
            "uitleg_bezwaar": "…",
            "uitleg_regisseur": "…",
        },
    )

    assert antwoord.status_code == 200 and not Toelichting.objects.filter(taal="fa").exists()
