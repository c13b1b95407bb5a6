"""The PIP app's models by subject: the plan with its voortgang and handhaving, the PIP-team's overleg and the
translated explanation pages of the beschikking."""

from .overleg import (
    Afspraak,
    Agendapunt,
    Overleg,
)
from .plan import (
    AFSCHALEN,
    INHOUD,
    Alfabetisering,
    Dualiteit,
    Handhaving,
    Leerroute,
    Niveau,
    Pip,
    PipQuerySet,
    RedenWijziging,
    Voortgangsgesprek,
)
from .toelichting import (
    PLAATSHOUDER,
    PLAATSHOUDERS,
    Toelichting,
    ToelichtingQuerySet,
)

__all__ = [
    "AFSCHALEN",
    "Afspraak",
    "Agendapunt",
    "Alfabetisering",
    "Dualiteit",
    "Handhaving",
    "INHOUD",
    "Leerroute",
    "Niveau",
    "Overleg",
    "PLAATSHOUDER",
    "PLAATSHOUDERS",
    "Pip",
    "PipQuerySet",
    "RedenWijziging",
    "Toelichting",
    "ToelichtingQuerySet",
    "Voortgangsgesprek",
]
