"""ONTZORGEN_MINIMALE_MAANDEN comes from the environment and refuses less than the law's six months."""

from tests.inburgering.test_instellingen import PRODUCTIE, _manage


def test_a_minimum_below_the_laws_six_months_refuses_to_start():
    # Participatiewet art. 56a: at least the first six months of the bijstand.
    resultaat = _manage("check", **PRODUCTIE, ONTZORGEN_MINIMALE_MAANDEN="5")

    assert resultaat.returncode != 0
    assert "ONTZORGEN_MINIMALE_MAANDEN moet minstens 6 zijn (Participatiewet art. 56a)." in resultaat.stderr


def test_the_minimum_is_read_from_the_environment():
    resultaat = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ONTZORGEN_MINIMALE_MAANDEN)",
        **PRODUCTIE,
        ONTZORGEN_MINIMALE_MAANDEN="9",
    )

    assert resultaat.stdout.strip().splitlines()[-1] == "9", resultaat.stderr[-2000:]
