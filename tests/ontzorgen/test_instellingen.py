"""ONTZORGEN_MINIMALE_MAANDEN comes from the environment and refuses nonsense."""

from tests.inburgering.test_instellingen import PRODUCTIE, _manage


def test_a_minimum_below_one_month_refuses_to_start():
    resultaat = _manage("check", **PRODUCTIE, ONTZORGEN_MINIMALE_MAANDEN="0")

    assert resultaat.returncode != 0
    assert "ONTZORGEN_MINIMALE_MAANDEN moet minstens 1 zijn." in resultaat.stderr


def test_the_minimum_is_read_from_the_environment():
    resultaat = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ONTZORGEN_MINIMALE_MAANDEN)",
        **PRODUCTIE,
        ONTZORGEN_MINIMALE_MAANDEN="9",
    )

    assert resultaat.stdout.strip().splitlines()[-1] == "9", resultaat.stderr[-2000:]
