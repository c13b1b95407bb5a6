"""Demo data of ontzorgen: VluchtelingenWerk begeleidt three Kempen inburgeraars.

Called by `manage.py seed_demo` through settings.DEMO_LADERS, after the core's demo data.
Deterministic and idempotent: when the partner's team already has referrals nothing happens.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from inburgering.fasen import Fase
from inburgering.models import Doelgroep, Inburgeraar, Team
from ontzorgen import services
from ontzorgen.models import Dienst, Urensoort, VasteLast

PARTNER = "VluchtelingenWerk Zuid-Nederland"
TEAM = "Maatschappelijke begeleiding"
GEMEENTEN = ["Bergeijk", "Bladel", "Reusel-De Mierden"]

# Per referred inburgeraar: hours last week as (weekday, hours, kind, counts for the Z-route).
UREN = [
    [(0, "2", Urensoort.PRAKTISCHE_ZAKEN, True), (2, "1.5", Urensoort.KENNIS_SAMENLEVING, True)],
    [(1, "3", Urensoort.PARTICIPATIE, True), (3, "1", Urensoort.TAALMAATJE, False)],
    [(4, "2.25", Urensoort.FINANCIELE_ZELFREDZAAMHEID, True)],
]


@transaction.atomic
def laad_demo() -> dict:
    team = Team.objects.select_related("organisatie").get(organisatie__naam=PARTNER, naam=TEAM)
    if team.verwijzingen.exists():
        return {"verwijzingen": 0}
    User = get_user_model()
    regisseur = User.objects.get(username="regisseur")
    begeleider = User.objects.get(username="begeleider")
    vandaag = timezone.localdate()
    vorige_maandag = vandaag - timedelta(days=vandaag.weekday() + 7)
    dossiers = list(
        Inburgeraar.objects.filter(
            gemeente__naam__in=GEMEENTEN,
            doelgroep=Doelgroep.ASIELSTATUSHOUDER,
            fase__in=[Fase.PIP, Fase.UITVOERING],
            datum_koppeling__lt=vorige_maandag - timedelta(days=30),
        ).order_by("bsn")[: len(UREN)]
    )
    for dossier, uren in zip(dossiers, UREN, strict=False):
        services.verwijs(
            door=regisseur,
            inburgeraar=dossier,
            team=team,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=vorige_maandag - timedelta(days=28),
            toelichting="Hulp bij post, zorgverzekering en de weg naar de bibliotheek.",
        )
        rijen = services.registreer_uren(
            door=begeleider,
            regels=[
                {
                    "inburgeraar": dossier,
                    "datum": vorige_maandag + timedelta(days=dag),
                    "uren": Decimal(aantal),
                    "soort": soort,
                    "telt_voor_z_route": z_route,
                    "notitie": "",
                }
                for dag, aantal, soort, z_route in uren
            ],
        )
        if dossier is not dossiers[-1]:  # the last one's hours wait for the regisseur
            services.keur_uren_goed(door=regisseur, registraties=rijen)
    if dossiers:
        services.registreer_bijstand(
            door=regisseur, inburgeraar=dossiers[0], startdatum=vorige_maandag - timedelta(days=28)
        )
        services.start_ontzorging(
            door=regisseur,
            inburgeraar=dossiers[0],
            startdatum=vorige_maandag - timedelta(days=28),
            datum_machtiging=vorige_maandag - timedelta(days=30),
            leefgeld=Decimal("62.50"),
            vaste_lasten=[
                {"soort": VasteLast.Soort.HUUR, "begunstigde": "Woonstichting De Zaligheden", "bedrag": Decimal("598")},
                {"soort": VasteLast.Soort.ENERGIE, "begunstigde": "Vattenfall", "bedrag": Decimal("110")},
                {"soort": VasteLast.Soort.ZORGVERZEKERING, "begunstigde": "CZ", "bedrag": Decimal("148.50")},
            ],
        )
        services.maak_melding(
            door=begeleider,
            inburgeraar=dossiers[-1],
            soort="niet_verschenen",
            tekst="Niet verschenen bij de afspraak met Startpunt Geldzaken op vrijdag.",
        )
    return {"verwijzingen": len(dossiers)}
