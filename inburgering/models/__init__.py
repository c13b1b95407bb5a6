"""The core's models, by subject; `from inburgering.models import X` reaches every one of them.

Models kept in other packages of the core (the DUO exchange, retention and destruction) are imported
here too, so Django finds them under the app label `inburgering`.
"""

from ..duo.models import DuoBericht, Notificatie
from ..leerroute import Leerroute
from ..privacy.models import ProcesVerbaal, Vernietigingslijst, VernietigingslijstItem
from ..termijnen import Soort as TermijnSoort
from .api import ApiClient, IdempotencyKey
from .dossier import (
    EXAMENONDERDELEN_DUO,
    Doelgroep,
    Huishouden,
    Inburgeraar,
    InburgeraarGroupObjectPermission,
    InburgeraarQuerySet,
    InburgeraarUserObjectPermission,
    Regime,
)
from .feestdagen import GelijkgesteldeDag
from .oidc import OidcConfig, OidcGroep
from .organisatie import (
    Gemeente,
    GemeenteGroupObjectPermission,
    GemeenteUserObjectPermission,
    Organisatie,
    Regio,
    Team,
    User,
)
from .termijnen import Signaal, Termijn
from .tijdlijn import Gebeurtenis, Inzage
from .tweefactor import Koppelcode

__all__ = [
    "EXAMENONDERDELEN_DUO",
    "ApiClient",
    "Doelgroep",
    "DuoBericht",
    "Gebeurtenis",
    "GelijkgesteldeDag",
    "Gemeente",
    "GemeenteGroupObjectPermission",
    "GemeenteUserObjectPermission",
    "Huishouden",
    "IdempotencyKey",
    "Inburgeraar",
    "InburgeraarGroupObjectPermission",
    "InburgeraarQuerySet",
    "InburgeraarUserObjectPermission",
    "Inzage",
    "Koppelcode",
    "Leerroute",
    "Notificatie",
    "OidcConfig",
    "OidcGroep",
    "Organisatie",
    "ProcesVerbaal",
    "Regime",
    "Regio",
    "Signaal",
    "Team",
    "TermijnSoort",
    "Termijn",
    "User",
    "Vernietigingslijst",
    "VernietigingslijstItem",
]
