"""Demo intakes: every demo dossier in fase intake gets a started intake, filled in part.

Deterministic and idempotent like the core's demo: a seeded generator, and a dossier that already
has an intake is left alone.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from inburgering.fasen import Fase
from inburgering.models import Inburgeraar
from intake import services
from intake.leefgebieden import PER_SLUG
from intake.models import BredeIntake, Gesprek

PLAATSEN = [Gesprek.Plaats.AZC, Gesprek.Plaats.GEMEENTEHUIS, Gesprek.Plaats.THUIS, Gesprek.Plaats.VIDEO]


@transaction.atomic
def laad_demo() -> int:
    rng = random.Random(14)  # Wi2021 art. 14, the brede intake
    vandaag = timezone.localdate()
    dossiers = (
        Inburgeraar.objects.filter(fase=Fase.INTAKE)
        .exclude(pk__in=BredeIntake.objects.values("inburgeraar"))
        .select_related("regisseur", "gemeente")
        .order_by("pk")
    )
    aantal = 0
    for inburgeraar in dossiers:
        _vul_intake(rng, inburgeraar, vandaag)
        aantal += 1
    return aantal


def _vul_intake(rng, inburgeraar, vandaag) -> None:
    door = inburgeraar.regisseur
    intake = services.start_intake(door=door, inburgeraar=inburgeraar)
    datum = min(inburgeraar.datum_koppeling + timedelta(days=rng.randint(7, 20)), vandaag)
    services.leg_gesprek_vast(
        door=door,
        intake=intake,
        gegevens={
            "datum": datum,
            "plaats": rng.choice(PLAATSEN),
            "tolk_ingezet": inburgeraar.tolk_nodig,
            "tolk_taal": inburgeraar.taal if inburgeraar.tolk_nodig else "",
            "notities": "Kennismaking; verwachtingen van de inburgering besproken.",
        },
    )
    services.sla_leefgebied_op(
        door=door,
        intake=intake,
        sectie=PER_SLUG["opleiding"],
        gegevens={"score": rng.randint(2, 5), "jaren_onderwijs": rng.randint(0, 16)},
    )
    services.sla_leefgebied_op(
        door=door,
        intake=intake,
        sectie=PER_SLUG["taal"],
        gegevens={"score": rng.randint(1, 4), "gesproken_talen": inburgeraar.taal, "alfabetisering": "NVT"},
    )
    if rng.random() < 0.5:
        services.sla_leefgebied_op(
            door=door, intake=intake, sectie=PER_SLUG["werkervaring"], gegevens={"score": rng.randint(2, 5)}
        )
    if inburgeraar.is_asielstatushouder and inburgeraar.pk % 3 == 0:
        # Bijstand answered in the intake registers it once (ontzorgen's tab and the PIP read it). Without rng,
        # so the rest of the demo stays as it was.
        services.sla_leefgebied_op(
            door=door,
            intake=intake,
            sectie=PER_SLUG["financien"],
            gegevens={
                "inkomen": "bijstand",
                "bijstand_sinds": min(inburgeraar.datum_koppeling + timedelta(days=30), vandaag),
            },
        )
