"""Every letter and PDF of a dossier in one list, gathered from the apps that make them.

An app registers in its AppConfig.ready() a function that lists its documents of one dossier:

    from inburgering import dossier_documenten
    dossier_documenten.registreer("pip", pip_documenten, recht="pip.view_pip")

`documenten_fn(inburgeraar) -> list[Document]` reads with a fixed number of queries; the core shows
the list, newest first, to a user who holds `recht`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    titel: str
    soort: str  # what kind of paper: "Beschikking", "Brief", "Overzicht"
    datum: datetime.date | None
    url: str


@dataclass(frozen=True)
class Bron:
    sleutel: str
    documenten_fn: Callable
    recht: str


_BRONNEN: dict[str, Bron] = {}


def registreer(sleutel: str, documenten_fn: Callable, *, recht: str) -> None:
    _BRONNEN[sleutel] = Bron(sleutel, documenten_fn, recht)


def voor(user, inburgeraar) -> list[Document]:
    documenten = [
        document
        for bron in _BRONNEN.values()
        if user.has_perm(bron.recht)
        for document in bron.documenten_fn(inburgeraar)
    ]
    return sorted(documenten, key=lambda d: (d.datum or datetime.date.min, d.titel), reverse=True)


def registreer_kern() -> None:
    """The core's own paper: the AVG export of everything held about the person."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    def avg_export(inburgeraar):
        return [
            Document(
                _("AVG-inzage: alle gegevens van de persoon"),
                _("Export"),
                None,
                reverse("inburgering:avg_export", args=[inburgeraar.pk]) + "?formaat=pdf",
            )
        ]

    registreer("avg", avg_export, recht="inburgering.avg_exporteren")
