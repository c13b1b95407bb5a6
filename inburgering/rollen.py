"""Roles are groups with model permissions; which dossiers a person reaches comes from their team.

`sync_rollen` makes the groups match this table; it runs after every migrate, so a fresh
production database has the roles too.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

CASUSREGISSEUR = "Casusregisseur"
TEAMLEIDER = "Teamleider"
BEGELEIDER = "Maatschappelijk begeleider"
BELEIDSMEDEWERKER = "Beleidsmedewerker"
FUNCTIONEEL_BEHEERDER = "Functioneel beheerder"
PRIVACYFUNCTIONARIS = "Privacyfunctionaris"
# The service user of a partner system's API credential (inburgering.api.sleutels), never a person.
PARTNERSYSTEEM = "Partnersysteem (API)"
# Not a role of its own but an extra right on top of one: health data is special-category data.
GEZONDHEIDSGEGEVENS = "Gezondheidsgegevens"

_DOSSIERWERK = [
    "inburgering.view_inburgeraar",
    "inburgering.add_inburgeraar",
    "inburgering.change_inburgeraar",
    "inburgering.historie_inzien",
    "inburgering.view_signaal",
    "inburgering.change_signaal",
    "intake.view_bredeintake",
    "intake.add_bredeintake",
    "intake.change_bredeintake",
]
# Referrals, ontzorgen and approving a begeleider's hours (the ontzorgen app's model permissions,
# named as strings: the core does not import the app).
_REGIE_ONTZORGEN = [
    "ontzorgen.view_verwijzing",
    "ontzorgen.add_verwijzing",
    "ontzorgen.change_verwijzing",
    "ontzorgen.view_ontzorging",
    "ontzorgen.add_ontzorging",
    "ontzorgen.change_ontzorging",
    "ontzorgen.view_urenregistratie",
    "ontzorgen.uren_beoordelen",
    "ontzorgen.view_melding",
    "ontzorgen.change_melding",
]
# The PIP, its voortgangsgesprekken and handhaving (the pip app's model permissions, as strings).
_PIP = [
    "pip.view_pip",
    "pip.add_pip",
    "pip.change_pip",
    "pip.view_voortgangsgesprek",
    "pip.add_voortgangsgesprek",
    "pip.view_handhaving",
    "pip.add_handhaving",
]
# The leerroute: aanbod, deelname, examens, MAP, PVT and their groups (the leerroutes app's permissions).
_LEERROUTES = [
    f"leerroutes.{actie}_{model}"
    for model in ("inburgeringsaanbod", "deelname", "examen", "activiteit", "afronding", "groep", "sessie")
    for actie in ("view", "add")
] + ["leerroutes.delete_deelname", "leerroutes.change_groep", "leerroutes.view_aanbieder"]
# A begeleider reaches referred dossiers only, through their own limited pages.
_BEGELEIDING = [
    "ontzorgen.begeleiding_inzien",
    "ontzorgen.add_urenregistratie",
    "ontzorgen.add_melding",
]
# A partner system reports through the API what the partner's people would report (the app's permissions).
_PARTNERSYSTEEM = [
    *_BEGELEIDING,
    "leerroutes.add_deelname",
    "leerroutes.add_examen",
]
_BEHEER = [
    f"{app}.{actie}_{model}"
    for app, model in [
        ("inburgering", "regio"),
        ("inburgering", "gemeente"),
        ("inburgering", "organisatie"),
        ("inburgering", "team"),
        ("inburgering", "user"),
        ("inburgering", "apiclient"),
        ("leerroutes", "aanbieder"),
        ("pip", "toelichting"),
    ]
    for actie in ("view", "add", "change")
] + ["auth.view_group", "inburgering.view_duobericht", "inburgering.change_duobericht", "inburgering.view_notificatie"]
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
    CASUSREGISSEUR: _DOSSIERWERK + _REGIE_ONTZORGEN + _PIP + _LEERROUTES,
    TEAMLEIDER: _DOSSIERWERK + _REGIE_ONTZORGEN + _PIP + _LEERROUTES + _RAPPORTAGE,
    BEGELEIDER: _BEGELEIDING,
    BELEIDSMEDEWERKER: _RAPPORTAGE,
    FUNCTIONEEL_BEHEERDER: _BEHEER + _VERNIETIGING + ["inburgering.vernietiging_goedkeuren"],
    PRIVACYFUNCTIONARIS: _PRIVACY,
    GEZONDHEIDSGEGEVENS: ["intake.gezondheid_verwerken"],
    PARTNERSYSTEEM: _PARTNERSYSTEEM,
}

OMSCHRIJVING = {
    CASUSREGISSEUR: _("Voert de casusregie: intake, PIP, voortgang."),
    TEAMLEIDER: _("Stuurt een team regisseurs aan en ziet de caseload van het team."),
    BEGELEIDER: _("Ziet alleen doorverwezen inburgeraars en registreert uren."),
    BELEIDSMEDEWERKER: _("Ziet cijfers, nooit personen."),
    FUNCTIONEEL_BEHEERDER: _(
        "Beheert gebruikers, teams, gemeenten, briefhoofden en aanbieders; keurt vernietigingslijsten goed."
    ),
    PRIVACYFUNCTIONARIS: _(
        "Doorzoekt het inzagelog, voert AVG-inzageverzoeken uit en kan vernietiging blokkeren. Ziet geen caseload."
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
    for naam, codes in ROLLEN.items():
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
