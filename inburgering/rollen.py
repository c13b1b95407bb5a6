"""Roles are groups with model permissions; which dossiers a person reaches comes from their team.

`sync_rollen` makes the groups match the core's table plus what each domain app registered (`registreer`);
it runs after every migrate, so a fresh production database has the roles too.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

CASUSREGISSEUR = "Casusregisseur"
TEAMLEIDER = "Teamleider"
BEGELEIDER = "Maatschappelijk begeleider"
BELEIDSMEDEWERKER = "Beleidsmedewerker"
FUNCTIONEEL_BEHEERDER = "Functioneel beheerder"
PRIVACYFUNCTIONARIS = "Privacyfunctionaris"
# Keeps what belongs to the whole installation (regio's, organisaties, gemeenten, single sign-on) and hands out
# the beheer accounts; never a person's data.
APPLICATIEBEHEERDER = "Applicatiebeheerder"
# The service user of a partner system's API credential (inburgering.api.sleutels), never a person.
PARTNERSYSTEEM = "Partnersysteem (API)"
# Not a role of its own but an extra right on top of one: health data is special-category data.
GEZONDHEIDSGEGEVENS = "Gezondheidsgegevens"

# The core's own permissions per role; each domain app adds the permissions of its own models with
# `registreer` in its AppConfig.ready(), so the core names no app.
_DOSSIERWERK = [
    "inburgering.view_inburgeraar",
    "inburgering.add_inburgeraar",
    "inburgering.change_inburgeraar",
    "inburgering.historie_inzien",
    "inburgering.view_signaal",
    "inburgering.change_signaal",
]
# The functioneel beheerder works for one organisatie: its users and teams, and the gemeenten it serves
# (permissions.gemeenten_van_organisatie); the admin scopes every list to those.
_BEHEER = [
    f"inburgering.{actie}_{model}" for model in ("team", "user", "apiclient") for actie in ("view", "add", "change")
] + [
    "inburgering.view_gemeente",
    "inburgering.change_gemeente",
    "auth.view_group",
    "inburgering.view_duobericht",
    "inburgering.change_duobericht",
    "inburgering.view_notificatie",
]
# What the whole installation shares: no dossier, no inzage log, no export. Teams and users to start a new
# organisatie (its first beheerder, the gemeenten its first team serves).
_APPLICATIEBEHEER = [
    f"inburgering.{actie}_{model}"
    for model in ("regio", "gemeente", "organisatie", "team", "user", "oidcconfig", "oidcgroep")
    for actie in ("view", "add", "change")
] + [
    "inburgering.delete_oidcgroep",
    "auth.view_group",
    # The days a Royal Decree equates with the holidays (Atw art. 3 lid 3) hold for every gemeente alike.
    *(f"inburgering.{actie}_gelijkgesteldedag" for actie in ("view", "add", "change", "delete")),
]
# Retention: the functioneel beheerder approves vernietigingslijsten; both roles may place a legal hold.
_VERNIETIGING = ["inburgering.view_vernietigingslijst", "inburgering.vernietiging_blokkeren"]
_PRIVACY = [
    *_VERNIETIGING,
    "inburgering.inzagelog_doorzoeken",
    "inburgering.avg_exporteren",
]

# The model permission opens the report pages; which gemeenten they cover comes from the team's object
# permission of the same name on Gemeente (permissions.rapportage_gemeenten).
_RAPPORTAGE = ["inburgering.rapportages_inzien"]

ROLLEN: dict[str, list[str]] = {
    CASUSREGISSEUR: _DOSSIERWERK,
    TEAMLEIDER: _DOSSIERWERK + _RAPPORTAGE,
    BEGELEIDER: [],
    BELEIDSMEDEWERKER: _RAPPORTAGE,
    FUNCTIONEEL_BEHEERDER: _BEHEER + _VERNIETIGING + ["inburgering.vernietiging_goedkeuren"],
    PRIVACYFUNCTIONARIS: _PRIVACY,
    APPLICATIEBEHEERDER: _APPLICATIEBEHEER,
    GEZONDHEIDSGEGEVENS: [],
    PARTNERSYSTEEM: [],
}

_VAN_APPS: dict[str, dict[str, list[str]]] = {}


def registreer(app: str, rechten: dict[str, list[str]]) -> None:
    """What an app gives each role: codenames of its own models' permissions (`"add_bredeintake"`).

    Called from the app's AppConfig.ready(); registering an app again replaces its permissions.
    """
    onbekend = set(rechten) - set(ROLLEN)
    if onbekend:
        raise ImproperlyConfigured(f"{app} geeft rechten aan onbekende rollen: {', '.join(sorted(onbekend))}.")
    _VAN_APPS[app] = {rol: [f"{app}.{codename}" for codename in codenames] for rol, codenames in rechten.items()}


def rechten() -> dict[str, list[str]]:
    """Every role with its permissions as "app_label.codename": the core's, then each app's."""
    alle = {rol: list(codes) for rol, codes in ROLLEN.items()}
    for bijdrage in _VAN_APPS.values():
        for rol, codes in bijdrage.items():
            alle[rol] += codes
    return alle


OMSCHRIJVING = {
    CASUSREGISSEUR: _("Voert de casusregie: intake, PIP, voortgang."),
    TEAMLEIDER: _("Stuurt een team regisseurs aan en ziet de caseload van het team."),
    BEGELEIDER: _("Ziet alleen doorverwezen inburgeraars en registreert uren."),
    BELEIDSMEDEWERKER: _("Ziet cijfers, nooit personen."),
    FUNCTIONEEL_BEHEERDER: _(
        "Beheert de gebruikers en teams van de eigen organisatie en de gemeenten die zij bedient (briefhoofden, "
        "prijzen, aanbieders); keurt hun vernietigingslijsten goed."
    ),
    PRIVACYFUNCTIONARIS: _(
        "Doorzoekt het inzagelog, voert AVG-inzageverzoeken uit en kan vernietiging blokkeren, voor de gemeenten "
        "die de eigen organisatie bedient. Ziet geen caseload."
    ),
    APPLICATIEBEHEERDER: _(
        "Beheert wat de hele installatie deelt: regio's, gemeenten, organisaties, inloggen met "
        "organisatie-account, de met feestdagen gelijkgestelde dagen en de beheeraccounts. Ziet geen "
        "persoonsgegevens."
    ),
    PARTNERSYSTEEM: _(
        "De servicegebruiker van een API-client: ziet via de API alleen de naar het team verwezen dossiers."
    ),
    GEZONDHEIDSGEGEVENS: _(
        "Extra recht naast een rol: gezondheidsgegevens uit de brede intake inzien en vastleggen. "
        "Elke inzage wordt gelogd."
    ),
}


def sync_rollen() -> None:
    for naam, codes in rechten().items():
        groep, _created = Group.objects.get_or_create(name=naam)
        groep.permissions.set(_permissions(codes))


def _permissions(codes: list[str]) -> list[Permission]:
    gevonden = []
    for code in codes:
        app_label, codename = code.split(".")
        gevonden.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return gevonden


def heeft_rol(user, rol: str) -> bool:
    return user.groups.filter(name=rol).exists()
