"""The main menu and the start page of someone without the caseload: the core's pages and the apps'.

A domain app adds its pages in its AppConfig.ready(), so the core's views and templates name no app:

    from inburgering import navigatie
    navigatie.registreer_menu("ontzorgen:uren_week", titel=_("Uren invullen"), recht="ontzorgen.add_urenregistratie",
                              volgorde=50)
    navigatie.registreer_startpagina("ontzorgen:mijn_inburgeraars", titel=_("Mijn inburgeraars"), recht="...",
                                     volgorde=30)

`volgorde` places an item among the core's (multiples of ten). A start page is where login lands for a user
who lacks the caseload (`inburgering.view_inburgeraar`): the first one whose `recht` they hold. With an
`uitleg`, the caseload points such a user to it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Menuitem:
    url_naam: str
    titel: str
    recht: str
    volgorde: int
    teller: str = ""  # the URL name of a count badge, loaded after the page (htmx)


@dataclass(frozen=True)
class Startpagina:
    url_naam: str
    titel: str
    recht: str
    volgorde: int
    uitleg: str = ""


_MENU: dict[str, Menuitem] = {}
_STARTPAGINAS: dict[str, Startpagina] = {}


def registreer_menu(url_naam: str, *, titel: str, recht: str, volgorde: int, teller: str = "") -> None:
    _MENU[url_naam] = Menuitem(url_naam, titel, recht, volgorde, teller)


def registreer_startpagina(url_naam: str, *, titel: str, recht: str, volgorde: int, uitleg: str = "") -> None:
    _STARTPAGINAS[url_naam] = Startpagina(url_naam, titel, recht, volgorde, uitleg)


def menu() -> list[Menuitem]:
    """Every item, in order; the template shows those whose `recht` the user holds."""
    return sorted(_MENU.values(), key=lambda item: (item.volgorde, item.url_naam))


def startpaginas(user) -> list[Startpagina]:
    """The start pages the user may open, in order."""
    paginas = sorted(_STARTPAGINAS.values(), key=lambda pagina: (pagina.volgorde, pagina.url_naam))
    return [pagina for pagina in paginas if user.has_perm(pagina.recht)]


# The core's own pages.
registreer_menu(
    "inburgering:werkvoorraad",
    titel=_("Werkvoorraad"),
    recht="inburgering.view_inburgeraar",
    volgorde=5,
    teller="inburgering:werkvoorraad_teller",
)
registreer_menu("inburgering:caseload", titel=_("Caseload"), recht="inburgering.view_inburgeraar", volgorde=10)
registreer_menu("inburgering:signalen", titel=_("Signalen"), recht="inburgering.view_signaal", volgorde=20)
registreer_menu(
    "inburgering:dossier_registreren", titel=_("Nieuw dossier"), recht="inburgering.add_inburgeraar", volgorde=30
)
registreer_menu(
    "inburgering:vernietigingslijsten",
    titel=_("Vernietiging"),
    recht="inburgering.view_vernietigingslijst",
    volgorde=70,
)
registreer_menu("inburgering:inzagelog", titel=_("Inzagelog"), recht="inburgering.inzagelog_doorzoeken", volgorde=80)
registreer_menu("inburgering:rapportage", titel=_("Rapportage"), recht="inburgering.rapportages_inzien", volgorde=100)
registreer_menu(
    "inburgering:duo_berichten", titel=_("DUO-berichten"), recht="inburgering.view_duobericht", volgorde=110
)
registreer_startpagina(
    "inburgering:rapportage", titel=_("Rapportage"), recht="inburgering.rapportages_inzien", volgorde=10
)
registreer_startpagina(
    "inburgering:inzagelog", titel=_("Inzagelog"), recht="inburgering.inzagelog_doorzoeken", volgorde=20
)
