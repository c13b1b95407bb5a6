"""Ontzorgen's entry in the regisseur's werkvoorraad: begeleiders' hours that wait for approval."""

from django.utils.translation import gettext_lazy as _

from inburgering import opmaak

from .queries import te_beoordelen_uren


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
        detail=lambda uren: _("%(uren)s uur op %(datum)s") % {"uren": uren.uren, "datum": opmaak.datum(uren.datum)},
    )
