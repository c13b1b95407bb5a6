"""The sections of the dossier workspace, as tabs under its header, without the core importing any app.

Each app registers the page it adds to a dossier in its AppConfig.ready():

    from inburgering import dossier_secties
    dossier_secties.registreer("pip", _("PIP"), "pip", "pip.view_pip", 30)

- `url_naam` takes the dossier's `pk`; a page whose URL name starts with it plus "_" (`pip_handhaving`)
  belongs to that section too, so the tab stays current there.
- `recht`: the model permission a user needs to see the tab; the page itself checks it as well.
"""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class Sectie:
    sleutel: str
    titel: str
    url_naam: str
    recht: str
    volgorde: int


_SECTIES: dict[str, Sectie] = {}


def registreer(sleutel: str, titel, url_naam: str, recht: str, volgorde: int) -> None:
    _SECTIES[sleutel] = Sectie(sleutel, titel, url_naam, recht, volgorde)


def secties() -> list[Sectie]:
    return sorted(_SECTIES.values(), key=lambda sectie: (sectie.volgorde, sectie.sleutel))


def actieve(url_naam: str) -> Sectie | None:
    """The section a page belongs to: its own URL name, else the longest one it starts with."""
    passend = [s for s in secties() if url_naam == s.url_naam or url_naam.startswith(f"{s.url_naam}_")]
    return max(passend, key=lambda s: (url_naam == s.url_naam, len(s.url_naam)), default=None)


def tabs(user, inburgeraar, url_naam: str) -> list[dict]:
    """The tabs `user` may open for this dossier, the current one marked."""
    huidig = actieve(url_naam)
    return [
        {"titel": s.titel, "url": reverse(s.url_naam, args=[inburgeraar.pk]), "actief": s == huidig}
        for s in secties()
        if user.has_perm(s.recht)
    ]


def registreer_kern() -> None:
    from django.utils.translation import gettext_lazy as _

    registreer("overzicht", _("Overzicht"), "dossier", "inburgering.view_inburgeraar", 10)
    registreer("documenten", _("Documenten"), "dossier_documenten", "inburgering.view_inburgeraar", 80)
    registreer("tijdlijn", _("Tijdlijn"), "dossier_tijdlijn", "inburgering.view_inburgeraar", 90)
