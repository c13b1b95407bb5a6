"""Contract prices: one price per aanbieder, product and gemeente or regio at a time, in a unit the product has."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from kosten.models import Contractprijs, Eenheid, Voorziening
from tests.kosten.conftest import prijs

D = datetime.date


@pytest.mark.parametrize(
    ("van", "tot", "botst"),
    [
        (D(2025, 1, 1), D(2025, 12, 31), False),  # ends the day before the existing one begins
        (D(2025, 1, 1), D(2026, 1, 1), True),  # shares its first day
        (D(2026, 6, 1), D(2026, 6, 30), True),  # inside
        (D(2026, 12, 31), None, True),  # open-ended, starting on its last day
        (D(2027, 1, 1), None, False),  # starts the day after it ends
        (D(2025, 1, 1), None, True),  # open-ended from before
    ],
)
def test_periods_of_one_aanbieder_product_and_gebied_may_not_overlap(wereld, taalschool, van, tot, botst):
    prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "10", aanbieder=taalschool, gemeente=wereld.bladel, tot=D(2026, 12, 31))
    nieuw = Contractprijs(
        aanbieder=taalschool,
        voorziening=Voorziening.TAAL_B1,
        eenheid=Eenheid.LESUUR,
        prijs=11,
        gemeente=wereld.bladel,
        geldig_van=van,
        geldig_tot=tot,
    )
    if botst:
        with pytest.raises(ValidationError, match="mogen niet overlappen"):
            nieuw.full_clean()
    else:
        nieuw.full_clean()


@pytest.mark.parametrize(
    "anders",
    [
        {"gemeente": "eersel"},  # another gemeente
        {"voorziening": Voorziening.Z_ROUTE},  # another product
        {"aanbieder": None},  # the price for every aanbieder
        {"regio": True},  # the regio's price beside the gemeente's
    ],
)
def test_a_price_for_another_gemeente_product_aanbieder_or_the_regio_may_overlap(wereld, taalschool, anders):
    prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "10", aanbieder=taalschool, gemeente=wereld.bladel)
    velden = {"aanbieder": taalschool, "voorziening": Voorziening.TAAL_B1, "gemeente": wereld.bladel}
    velden.update(anders)
    if anders.get("gemeente") == "eersel":
        velden["gemeente"] = wereld.eersel
    if anders.get("regio"):
        velden.update(gemeente=None, regio=wereld.bladel.regio)
    Contractprijs(eenheid=Eenheid.LESUUR, prijs=11, geldig_van=D(2026, 3, 1), **velden).full_clean()


@pytest.mark.parametrize(
    ("voorziening", "eenheid", "fout"),
    [
        (Voorziening.TAAL_B1, Eenheid.LESUUR, None),
        (Voorziening.TAAL_B1, Eenheid.TRAJECT, "eenheid"),
        (Voorziening.TAALSCHAKELTRAJECT, Eenheid.TRAJECT, None),
        (Voorziening.MAP, Eenheid.MODULE, None),
        (Voorziening.MAP, Eenheid.UUR, "eenheid"),
        (Voorziening.ONTZORGEN, Eenheid.MAAND, None),
        (Voorziening.BEGELEIDING, Eenheid.UUR, None),
        (Voorziening.TOLK, Eenheid.INZET, None),
        (Voorziening.TOLK, Eenheid.UUR, None),
        (Voorziening.TOLK, Eenheid.MAAND, "eenheid"),
    ],
)
def test_each_product_is_priced_in_its_own_unit(wereld, voorziening, eenheid, fout):
    contract = Contractprijs(
        voorziening=voorziening, eenheid=eenheid, prijs=10, gemeente=wereld.bladel, geldig_van=D(2026, 1, 1)
    )
    if fout:
        with pytest.raises(ValidationError) as fouten:
            contract.full_clean()
        assert fout in fouten.value.message_dict
    else:
        contract.full_clean()


@pytest.mark.parametrize(
    ("gemeente", "regio", "tot", "veld"),
    [
        (False, False, None, "gemeente"),  # neither
        (True, True, None, "gemeente"),  # both
        (True, False, D(2025, 12, 31), "geldig_tot"),  # ends before it begins
    ],
)
def test_a_price_needs_one_gebied_and_a_sound_period(wereld, gemeente, regio, tot, veld):
    contract = Contractprijs(
        voorziening=Voorziening.MAP,
        eenheid=Eenheid.MODULE,
        prijs=10,
        gemeente=wereld.bladel if gemeente else None,
        regio=wereld.bladel.regio if regio else None,
        geldig_van=D(2026, 1, 1),
        geldig_tot=tot,
    )
    with pytest.raises(ValidationError) as fouten:
        contract.full_clean()
    assert veld in fouten.value.message_dict


def test_the_beheerder_sees_the_overlap_in_dutch_in_beheer(client, wereld, taalschool):
    prijs(Voorziening.TAAL_B1, Eenheid.LESUUR, "10", aanbieder=taalschool, gemeente=wereld.bladel)
    client.force_login(wereld.beheerder)
    response = client.post(
        reverse("admin:kosten_contractprijs_add"),
        {
            "aanbieder": taalschool.pk,
            "voorziening": Voorziening.TAAL_B1,
            "eenheid": Eenheid.LESUUR,
            "prijs": "11.00",
            "gemeente": wereld.bladel.pk,
            "geldig_van": "01-06-2026",
        },
    )
    assert response.status_code == 200
    assert "Er is al een contractprijs voor Taalschool De Kempen, Taalonderwijs B1-route in Bladel" in (
        response.content.decode()
    )
    assert Contractprijs.objects.count() == 1
