"""The parts of a dossier that the domain apps hold, as the dossier page shows them.

Each app registers its part in its AppConfig.ready(), so the core's dossier page names no app:

    from inburgering import dossier_secties
    dossier_secties.registreer(
        "pip", titel=_("Plan Inburgering en Participatie"), url_naam="pip", recht="pip.view_pip", volgorde=20,
        template="pip/_dossier_sectie.html",
    )

- `sleutel`: the part's key (the page's heading id is `kop-<sleutel>`);
- `titel`: its Dutch title; `url_naam`: the app's page for the dossier, reversed with the dossier's pk;
- `recht`: the model permission a user needs to see the part at all; `volgorde`: its place, low first;
- `template`: what the dossier page shows under the title, rendered with `inburgeraar` and `sectie`. A part
  without one is a link to its page, with `titel` as the link text, at the top of the dossier page.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Sectie:
    sleutel: str
    titel: str
    url_naam: str
    recht: str
    volgorde: int
    template: str = ""


_SECTIES: dict[str, Sectie] = {}


def registreer(sleutel: str, *, titel: str, url_naam: str, recht: str, volgorde: int, template: str = "") -> None:
    """Add a part to the dossier page; registering a key again replaces it."""
    _SECTIES[sleutel] = Sectie(sleutel, titel, url_naam, recht, volgorde, template)


def secties() -> list[Sectie]:
    return sorted(_SECTIES.values(), key=lambda sectie: (sectie.volgorde, sectie.sleutel))


def secties_voor(user) -> list[Sectie]:
    """The parts this user may see, in order."""
    return [sectie for sectie in secties() if user.has_perm(sectie.recht)]
