"""The web forms refuse what typed input cannot mean, with a Dutch message at the field: a birth date
before 1900 or in the future, a plan date (an overleg, a period) more than five years from today,
digits other than 0-9 in numbers, dates and BSNs; and a body over the limit is a Dutch 413 page."""

import datetime

import pytest

from django.urls import reverse

from inburgering.invoer import Datumsoort, controleer_datum, datumbereik
from inburgering.models import Inburgeraar
from leerroutes.forms import DeelnameForm
from pip.models import Overleg

from .test_dossier import _registratie

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def regisseur(client, wereld, klok):
    client.force_login(wereld.regisseur)
    return wereld.regisseur


def _fout(response, veld):
    assert response.status_code == 200, response.status_code
    return " ".join(response.context["form"].errors[veld])


@pytest.mark.parametrize(
    ("geboortedatum", "fout"),
    [
        ("0001-01-01", "Geboortedatum: kies een datum vanaf 1 januari 1900."),
        ("1899-12-31", "Geboortedatum: kies een datum vanaf 1 januari 1900."),
        ("2026-11-24", "kan niet in de toekomst liggen."),
    ],
)
def test_a_birth_date_before_1900_or_in_the_future_is_refused(client, wereld, regisseur, geboortedatum, fout):
    response = client.post(
        reverse("inburgering:dossier_registreren"), _registratie(wereld, geboortedatum=geboortedatum)
    )

    assert fout in _fout(response, "geboortedatum")
    assert not Inburgeraar.objects.filter(achternaam="Khalil").exists()


def test_a_birth_date_in_1900_is_taken(client, wereld, regisseur):
    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, geboortedatum="1900-01-01"))

    assert response.status_code == 302
    assert Inburgeraar.objects.get(achternaam="Khalil").geboortedatum == D(1900, 1, 1)


def test_a_bsn_in_arabic_indic_digits_is_refused_with_its_reason(client, wereld, regisseur):
    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, bsn="١٢٣٤٥٦٧٨٢"))

    assert "0 tot en met 9" in _fout(response, "bsn")
    assert not Inburgeraar.objects.filter(achternaam="Khalil").exists()


@pytest.mark.parametrize("datum", ["0001-01-01", "2021-11-22", "2031-11-24"])
def test_an_overleg_more_than_five_years_from_today_is_refused(client, wereld, regisseur, datum):
    response = client.post(reverse("overleggen:overleg_plannen"), {"datum": datum, "locatie": "Bladel"})

    assert _fout(response, "datum") == "Datum: kies een datum tussen 23 november 2021 en 23 november 2031."
    assert not Overleg.objects.exists()


def test_numbers_and_dates_in_other_digits_are_refused_at_their_field(wereld, klok):
    form = DeelnameForm(
        data={"periode_van": "٢٠٢٦-١١-١٦", "periode_tot": "2026-11-20", "lesuren": "١٢", "knm_uren": "0"},
        inburgeraar=wereld.dossier_bladel,
    )

    assert not form.is_valid()
    assert form.errors["lesuren"] == ["Lesuren taal: gebruik alleen de cijfers 0 tot en met 9."]
    assert form.errors["periode_van"] == ["Periode van: gebruik alleen de cijfers 0 tot en met 9."]


def test_a_form_body_over_the_limit_is_a_dutch_413_page(client, wereld, regisseur, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, adres="x" * 2000))

    assert response.status_code == 413
    assert "Te veel gegevens" in response.content.decode()
    assert not Inburgeraar.objects.filter(achternaam="Khalil").exists()


def test_a_request_over_the_limit_refused_before_any_view_is_problem_json_under_the_api(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/api/v1/bestaat-niet", {"x": "y" * 2000})

    assert response.status_code in (404, 413)  # no view reads it; a view that does answers 413 (tests/api)
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("soort", "eerste", "laatste"),
    [
        (Datumsoort.PLAN, D(2021, 11, 23), D(2031, 11, 23)),
        (Datumsoort.GEBOORTE, D(1900, 1, 1), D(2026, 11, 23)),
        (Datumsoort.OVERIG, D(1900, 1, 1), D(2031, 11, 23)),
    ],
)
def test_each_kind_of_date_has_its_range_around_today(klok, soort, eerste, laatste):
    assert datumbereik(soort) == (eerste, laatste)
    controleer_datum(eerste, veld="X", soort=soort)
    controleer_datum(laatste, veld="X", soort=soort)
    for buiten in (eerste - datetime.timedelta(days=1), laatste + datetime.timedelta(days=1)):
        with pytest.raises(Exception, match="X"):
            controleer_datum(buiten, veld="X", soort=soort)
