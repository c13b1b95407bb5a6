"""Ontzorgen's entry in the regisseur's werkvoorraad: begeleiders' hours that wait for approval."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak

from .queries import te_beoordelen_uren


def _lijst(regisseur) -> str:
    """Uren beoordelen narrowed to the regisseur's dossiers: the same rows the block counts."""
    return f"{reverse('ontzorgen:uren_beoordelen')}?regisseur={regisseur.pk}"


def registreer() -> None:
    from inburgering import werkvoorraad

    werkvoorraad.registreer(
        "uren",
        _("Uren goed te keuren"),
        te_beoordelen_uren,
        "ontzorgen:uren_beoordelen",
        pad="inburgeraar__",
        per_dossier=False,
        volgorde=80,
        lijst_url=_lijst,
        detail=lambda uren: _("%(uren)s uur op %(datum)s") % {"uren": uren.uren, "datum": opmaak.datum(uren.datum)},
    )
