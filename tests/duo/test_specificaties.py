"""DUO's published interface files travel with the product, unchanged (inburgering/duo/m2m)."""

import hashlib
from pathlib import Path

from django.conf import settings

M2M = Path(settings.BASE_DIR) / "inburgering" / "duo" / "m2m"


def _sommen():
    regels = (M2M / "SHA256SUMS").read_text().splitlines()
    return {naam: som for som, naam in (regel.split(maxsplit=1) for regel in regels)}


def test_every_file_is_as_duo_published_it():
    sommen = _sommen()
    gevonden = {pad.name for pad in M2M.iterdir() if pad.name != "SHA256SUMS"}
    assert gevonden == set(sommen), "een bestand toegevoegd of verwijderd zonder SHA256SUMS bij te werken"
    gewijzigd = [naam for naam, som in sommen.items() if hashlib.sha256((M2M / naam).read_bytes()).hexdigest() != som]
    assert gewijzigd == [], f"DUO's bestanden zijn nooit te bewerken: {gewijzigd}"


def test_the_product_reads_them_from_the_checkout():
    # Nothing outside the repository: the contract is where the code and the image are.
    assert settings.DUO_SPEC_DIR.resolve() == M2M.resolve()
    assert {"Notificatie.openapi.yml", "PIP.openapi.yml", "GevolgdeUren.openapi.yml"} <= set(_sommen())
