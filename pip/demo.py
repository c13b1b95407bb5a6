"""Demo PIPs: every Kempen dossier in fase uitvoering gets a vastgesteld PIP with its beschikking PDF,
with the explanation page for the languages the demo translates.

Deterministic and idempotent: a dossier that already has a PIP is left alone.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from inburgering.fasen import Fase
from inburgering.models import Gebeurtenis, Inburgeraar

from . import services
from .demo_toelichtingen import laad_toelichtingen
from .models import Pip

BEGELEIDING = [
    "VluchtelingenWerk begeleidt u het eerste jaar bij praktische zaken.",
    "Een taalmaatje helpt u één keer per week met Nederlands oefenen.",
    "",
]


@transaction.atomic
def laad_demo() -> int:
    laad_toelichtingen()  # before the beschikkingen: their PDFs get the page in the person's language
    rng = random.Random(15)  # Wi2021 art. 15, the PIP
    vandaag = timezone.localdate()
    dossiers = (
        Inburgeraar.objects.filter(fase=Fase.UITVOERING, gemeente__regio__naam="Kempen")
        .exclude(pk__in=Pip.objects.values("inburgeraar"))
        .select_related("regisseur", "gemeente")
        .order_by("pk")
    )
    aantal = 0
    for inburgeraar in dossiers:
        door = inburgeraar.regisseur
        concept = services.start_concept(door=door, inburgeraar=inburgeraar)
        asiel = inburgeraar.is_asielstatushouder
        # Ontzorgen where the demo registered bijstand (ontzorgen's demo); the rest get the gemeente's offer.
        ontzorgen = asiel and services.bijstand_sinds(inburgeraar) is not None
        services.wijzig_concept(
            door=door,
            pip=concept,
            gegevens={
                "map_intensiteit": "64 uur les en ten minste 40 uur praktijk" if rng.random() < 0.5 else "",
                "ontzorgen": ontzorgen,
                "bijstand": concept.bijstand or ontzorgen,
                "ontzorgen_maanden": 6 if ontzorgen else None,
                "geschatte_intensiteit_b1": rng.choice([600, 800, 1000])
                if asiel and concept.leerroute == "B"
                else None,
                "maatschappelijke_begeleiding": rng.choice(BEGELEIDING) if asiel else "",
            },
        )
        moment = _naar_uitvoering(inburgeraar)
        bekend = [d for d in (inburgeraar.datum_kennisgeving, inburgeraar.datum_vestiging) if d]
        gepland = (
            timezone.localdate(moment) if moment else inburgeraar.datum_koppeling + timedelta(days=rng.randint(40, 70))
        )
        dagtekening = max([gepland, *bekend])
        services.stel_vast(door=door, pip=concept, dagtekening=min(dagtekening, vandaag))
        if moment:
            # The tijdlijn tells the PIP's story where it happened: just before the move to uitvoering.
            inburgeraar.tijdlijn.filter(soort__startswith="pip_").update(tijdstip=moment - timedelta(minutes=5))
        aantal += 1
    return aantal


def _naar_uitvoering(inburgeraar):
    """When the core's demo moved the dossier to uitvoering, the moment its PIP was fixed."""
    gebeurtenis = inburgeraar.tijdlijn.filter(soort=Gebeurtenis.Soort.FASE, gegevens__naar=Fase.UITVOERING).first()
    return gebeurtenis.tijdstip if gebeurtenis else None
