"""The leefgebieden of the brede intake in the order the intake page shows them.

One registry, so the page, the forms, the finish rules and the summary walk the same list.
`vereist`: the law asks for it before the intake can end (Wi2021 art. 14: opleiding,
werkervaring and the persoonlijke omstandigheden including gezondheid).
"""

from dataclasses import dataclass

from django.utils.functional import Promise

from . import models


@dataclass(frozen=True)
class Sectie:
    slug: str
    model: type[models.Leefgebied]
    velden: tuple[str, ...]
    vereist: bool = False

    @property
    def label(self) -> Promise:
        return self.model._meta.verbose_name

    @property
    def is_gezondheid(self) -> bool:
        return self.model is models.Gezondheid

    @property
    def relatie(self) -> str:
        """The name of the one-to-one from BredeIntake (related_name '%(class)s')."""
        return self.model._meta.model_name


LEEFGEBIEDEN = (
    Sectie(
        "opleiding",
        models.Opleiding,
        ("jaren_onderwijs", "hoogste_diploma", "land_diploma", "diplomawaardering_aangevraagd"),
        vereist=True,
    ),
    Sectie("werkervaring", models.Werkervaring, ("jaren_werkervaring", "beroepen", "werkwens"), vereist=True),
    Sectie("taal", models.Taal, ("gesproken_talen", "alfabetisering", "kennis_nederlands")),
    Sectie(
        "gezondheid",
        models.Gezondheid,
        ("lichamelijk", "psychisch", "belemmert_leren", "onder_behandeling"),
        vereist=True,
    ),
    Sectie("financien", models.Financien, ("inkomen", "bijstand_sinds", "schulden")),
    Sectie("huisvesting", models.Huisvesting, ("woonsituatie",)),
    Sectie(
        "gezin",
        models.Gezin,
        ("heeft_partner", "jonge_kinderen", "kinderopvang_nodig", "vve_informatie_gegeven"),
        vereist=True,
    ),
    Sectie("sociaal-netwerk", models.SociaalNetwerk, ("contacten_in_nederland", "lid_van_vereniging")),
    Sectie("motivatie", models.Motivatie, ("interesses", "doelen")),
    Sectie("mobiliteit", models.Mobiliteit, ("rijbewijs", "fiets", "reist_zelfstandig_met_ov")),
    Sectie("zelfredzaamheid", models.Zelfredzaamheid, ("digitaal_vaardig", "eigen_administratie")),
)

PER_SLUG = {sectie.slug: sectie for sectie in LEEFGEBIEDEN}
