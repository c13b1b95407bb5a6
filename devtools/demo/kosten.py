"""Demo costs: the Kempen's contract prices, an interpreter agency with bookings, and a manual cost line.

Called by `manage.py seed_demo` through settings.DEMO_LADERS after the leerroutes (devtools.demo.leerroutes), so
the cost report shows lesuren, modules, ontzorgen months, begeleiding hours and interpreters.
Idempotent: when the demo's tolkaanbieder exists, nothing happens.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from inburgering.fasen import Fase
from inburgering.models import Gemeente, Inburgeraar
from kosten import services
from kosten.models import Contractprijs, Eenheid, Gesprek, Tolkwijze, Voorziening
from leerroutes.models import Aanbieder

TOLKCENTRUM = "Tolkcentrum Zuid"
GEMEENTEN = ["Bergeijk", "Bladel", "Reusel-De Mierden"]
BEGIN = date(2022, 1, 1)
NIEUW_TARIEF = date(2025, 1, 1)


def _prijzen(tolkcentrum, kempen, bladel):
    taalschool = Aanbieder.objects.filter(biedt_b1_route=True).order_by("pk").first()
    roc = Aanbieder.objects.filter(biedt_onderwijsroute=True).order_by("pk").first()
    regels = [
        (taalschool, Voorziening.TAAL_B1, Eenheid.LESUUR, "11.00", "11.75"),
        (taalschool, Voorziening.Z_ROUTE, Eenheid.LESUUR, "13.50", "14.25"),
        (roc, Voorziening.TAALSCHAKELTRAJECT, Eenheid.TRAJECT, "7250.00", "7600.00"),
        (None, Voorziening.MAP, Eenheid.MODULE, "1100.00", "1150.00"),
        (None, Voorziening.PVT, Eenheid.MODULE, "425.00", "450.00"),
        (None, Voorziening.BEGELEIDING, Eenheid.UUR, "58.00", "62.00"),
        (None, Voorziening.ONTZORGEN, Eenheid.MAAND, "42.50", "45.00"),
        (tolkcentrum, Voorziening.TOLK, Eenheid.UUR, "55.00", "58.00"),
    ]
    for aanbieder, voorziening, eenheid, oud, nieuw in regels:
        for van, tot, prijs in [(BEGIN, NIEUW_TARIEF - timedelta(days=1), oud), (NIEUW_TARIEF, None, nieuw)]:
            Contractprijs.objects.create(
                aanbieder=aanbieder,
                voorziening=voorziening,
                eenheid=eenheid,
                prijs=Decimal(prijs),
                regio=kempen,
                geldig_van=van,
                geldig_tot=tot,
            )
    # Bladel negotiated its own lesuur price.
    Contractprijs.objects.create(
        aanbieder=taalschool,
        voorziening=Voorziening.TAAL_B1,
        eenheid=Eenheid.LESUUR,
        prijs=Decimal("12.25"),
        gemeente=bladel,
        geldig_van=NIEUW_TARIEF,
    )


@transaction.atomic
def laad_demo() -> dict:
    if Aanbieder.objects.filter(naam=TOLKCENTRUM).exists():
        return {"tolkinzetten": 0}
    bladel = Gemeente.objects.select_related("regio").get(naam="Bladel")
    tolkcentrum = Aanbieder.objects.create(naam=TOLKCENTRUM)
    _prijzen(tolkcentrum, bladel.regio, bladel)
    regisseur = get_user_model().objects.get(username="regisseur")
    vandaag = timezone.localdate()
    dossiers = list(Inburgeraar.objects.filter(fase=Fase.UITVOERING, gemeente__naam__in=GEMEENTEN).order_by("bsn")[:6])
    gesprekken = [Gesprek.INTAKE, Gesprek.PIP, Gesprek.VOORTGANG]
    wijzen = [Tolkwijze.FYSIEK, Tolkwijze.TELEFOON, Tolkwijze.VIDEO]
    for nummer, dossier in enumerate(dossiers):
        services.boek_tolk(
            door=regisseur,
            inburgeraar=dossier,
            gesprek=gesprekken[nummer % 3],
            datum=vandaag - timedelta(days=10 + 9 * nummer),
            taal=dossier.taal or "Arabisch",
            wijze=wijzen[nummer % 3],
            aanbieder=tolkcentrum,
            duur_minuten=60 + 30 * (nummer % 2),
        )
    if dossiers:
        services.boek_kosten(
            door=regisseur,
            inburgeraar=dossiers[0],
            datum=vandaag - timedelta(days=5),
            voorziening=Voorziening.MAP,
            bedrag=Decimal("38.40"),
            reden="Reiskosten naar het bedrijfsbezoek (factuur Hermes, buslijn 23).",
        )
    return {"tolkinzetten": len(dossiers)}
