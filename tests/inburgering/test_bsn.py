import pytest

from django.core.exceptions import ValidationError

from inburgering.bsn import maskeer_bsn, normaliseer_bsn, valideer_bsn


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999900018"])
def test_it_accepts_bsns_that_pass_the_elfproef(bsn):
    valideer_bsn(bsn)


@pytest.mark.parametrize(
    ("bsn", "code"),
    [
        ("123456789", "bsn_elfproef"),
        ("111222334", "bsn_elfproef"),
        ("12345678", "bsn_formaat"),
        ("1234567820", "bsn_formaat"),
        ("12345678a", "bsn_formaat"),
        ("", "bsn_formaat"),
    ],
)
def test_it_refuses_anything_else_with_a_reason(bsn, code):
    with pytest.raises(ValidationError) as fout:
        valideer_bsn(bsn)
    assert fout.value.code == code


def test_it_explains_the_elfproef_in_dutch():
    with pytest.raises(ValidationError) as fout:
        valideer_bsn("123456789")
    assert fout.value.messages == ["Dit BSN klopt niet: het voldoet niet aan de elfproef. Controleer de cijfers."]


@pytest.mark.parametrize(
    ("getypt", "bsn"),
    [(" 1234.56.782 ", "123456782"), ("1234-56-782", "123456782"), ("12345678", "012345678"), ("", "")],
)
def test_it_normalises_what_people_type(getypt, bsn):
    assert normaliseer_bsn(getypt) == bsn


def test_it_masks_all_but_the_last_three_digits():
    assert maskeer_bsn("123456782") == "******782"
