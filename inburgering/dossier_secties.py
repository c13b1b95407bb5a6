"""The sections of the dossier workspace, as tabs under its header, without the core importing any app.

Each app registers its section in its AppConfig.ready(), so the core's dossier pages name no app:

    from inburgering import dossier_secties
    dossier_secties.registreer(
        "pip", titel=_("Plan Inburgering en Participatie"), url_naam="pip:pip", recht="pip.view_pip", volgorde=20,
        template="pip/_dossier_sectie.html",
    )

- `sleutel`: the section's key (its heading id on the Overzicht is `kop-<sleutel>`);
- `titel`: its Dutch title, the tab's text; `url_naam`: the app's page for the dossier, reversed with the
  dossier's pk; a page whose URL name starts with it plus "_" (`pip_handhaving`) belongs to that tab too;
- `recht`: the model permission a user needs to see the tab at all (the page itself checks it as well);
  `volgorde`: its place, low first;
- `template`: an optional summary the Overzicht shows under the title, rendered with `inburgeraar` and
  `sectie`.
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
    template: str = ""


_SECTIES: dict[str, Sectie] = {}


def registreer(sleutel: str, *, titel: str, url_naam: str, recht: str, volgorde: int, template: str = "") -> None:
    """Add a section to the dossier; registering a key again replaces it."""
    _SECTIES[sleutel] = Sectie(sleutel, titel, url_naam, recht, volgorde, template)


def secties() -> list[Sectie]:
    return sorted(_SECTIES.values(), key=lambda sectie: (sectie.volgorde, sectie.sleutel))


def secties_voor(user) -> list[Sectie]:
    """The sections this user may see, in order."""
    return [sectie for sectie in secties() if user.has_perm(sectie.recht)]


def actieve(view_naam: str) -> Sectie | None:
    """The section a page belongs to: its own URL name, else the longest one it starts with."""
    passend = [s for s in secties() if view_naam == s.url_naam or view_naam.startswith(f"{s.url_naam}_")]
    return max(passend, key=lambda s: (view_naam == s.url_naam, len(s.url_naam)), default=None)


def tabs(user, inburgeraar, view_naam: str) -> list[dict]:
    """The tabs `user` may open for this dossier, the current one marked."""
    huidig = actieve(view_naam)
    return [
        {"titel": s.titel, "url": reverse(s.url_naam, args=[inburgeraar.pk]), "actief": s == huidig}
        for s in secties_voor(user)
    ]


def registreer_kern() -> None:
    from django.utils.translation import gettext_lazy as _

    kijken = "inburgering.view_inburgeraar"
    registreer("overzicht", titel=_("Overzicht"), url_naam="inburgering:dossier", recht=kijken, volgorde=5)
    registreer(
        "documenten", titel=_("Documenten"), url_naam="inburgering:dossier_documenten", recht=kijken, volgorde=80
    )
    registreer("tijdlijn", titel=_("Tijdlijn"), url_naam="inburgering:dossier_tijdlijn", recht=kijken, volgorde=90)
