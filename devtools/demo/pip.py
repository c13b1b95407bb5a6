"""Demo PIPs: every Wi2021 dossier in fase uitvoering gets a vastgesteld PIP, since the uitvoering starts
with it (the ondertussen-groep, under the Wi2013, has none), and the PIP-team's overleggen.

Their beschikkingen are rendered on their first download (pip.views.download), as for a batch whose task
has not run yet: rendering them here was most of the demo's time. Deterministic and idempotent: a dossier
that already has a PIP is left alone.
"""

import random
from datetime import timedelta
from unittest import mock

from django.db import transaction
from django.utils import timezone

from devtools.demo.pip_toelichtingen import laad_toelichtingen
from inburgering.atw import werkdag_ervoor
from inburgering.fasen import EINDFASEN, Fase
from inburgering.models import Gebeurtenis, Inburgeraar, Regime, User
from inburgering.permissions import WIJZIGEN
from ontzorgen import services as ontzorgen_services
from pip import overleg, services, tasks
from pip.models import Pip

BEGELEIDING = [
    "VluchtelingenWerk begeleidt u het eerste jaar bij praktische zaken.",
    "Een taalmaatje helpt u één keer per week met Nederlands oefenen.",
    "",
]


def laad_demo() -> int:
    laad_toelichtingen()  # before the PIPs: their beschikkingen get the page in the person's language
    # stel_vast(pdf_later=True) queues the rendering task after the commit; the demo leaves it unqueued.
    with mock.patch.object(tasks.render_beschikkingen, "delay"):
        return _laad()


@transaction.atomic
def _laad() -> int:
    rng = random.Random(15)  # Wi2021 art. 15, the PIP
    vandaag = timezone.localdate()
    dossiers = (
        Inburgeraar.objects.filter(fase=Fase.UITVOERING, regime=Regime.WI2021)
        .exclude(pk__in=Pip.objects.values("inburgeraar"))
        .select_related("regisseur", "gemeente")
        .order_by("pk")
    )
    aantal = 0
    for inburgeraar in dossiers:
        door = inburgeraar.regisseur
        concept = services.start_concept(door=door, inburgeraar=inburgeraar)
        asiel = inburgeraar.is_asielstatushouder
        # Some asielstatushouders live on bijstand (without rng, so the rest of the demo stays as it was).
        if asiel and inburgeraar.pk % 4 == 0 and services.bijstand_sinds(inburgeraar) is None:
            concept = services.wijzig_concept(door=door, pip=concept, gegevens={"bijstand": True})
        if asiel and concept.bijstand and services.bijstand_sinds(inburgeraar) is None:
            # Bijstand the PIP states is registered too, where ontzorgen counts its start from.
            inburgeraar = ontzorgen_services.registreer_bijstand(
                door=door,
                inburgeraar=inburgeraar,
                startdatum=inburgeraar.datum_vestiging or inburgeraar.datum_koppeling,
            )
        # Ontzorgen wherever an asielstatushouder has bijstand (Participatiewet art. 56a), as the concept proposes.
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
        services.stel_vast(door=door, pip=concept, dagtekening=min(dagtekening, vandaag), pdf_later=True)
        if moment:
            # The tijdlijn tells the PIP's story where it happened: just before the move to uitvoering.
            inburgeraar.tijdlijn.filter(soort__startswith="pip_").update(tijdstip=moment - timedelta(minutes=5))
        aantal += 1
    laad_overleggen()
    return aantal


def laad_overleggen() -> None:
    """The PIP-team of KempenPlus: an overleg two weeks ago with its minutes and agreements (one done, one
    open, one overdue) and one next week with its agenda. The partner's begeleider joins and sees only the
    dossiers referred to VluchtelingenWerk. Idempotent: nothing happens once Sanne has an overleg."""
    sanne = User.objects.filter(username="regisseur").first()
    if sanne is None or overleg.overleggen_voor(sanne).exists():
        return
    vandaag = timezone.localdate()
    kandidaten = {u.username: u for u in overleg.kandidaat_deelnemers(sanne)}
    deelnemers = [kandidaten[n] for n in ("regisseur2", "teamleider", "begeleider") if n in kandidaten]
    amal, youssef = kandidaten.get("begeleider"), kandidaten.get("regisseur2")
    lopend = Inburgeraar.objects.zichtbaar_voor(sanne, WIJZIGEN).exclude(fase__in=EINDFASEN).order_by("pk")
    verwezen = list(lopend.filter(pk__in=Inburgeraar.objects.zichtbaar_voor(amal).values("pk"))[:2]) if amal else []
    eigen = list(lopend.filter(regisseur=sanne).exclude(pk__in=[d.pk for d in verwezen])[:2])
    ondertussen = list(lopend.filter(regime=Regime.WI2013)[:1])

    geweest = overleg.plan_overleg(
        door=sanne,
        datum=werkdag_ervoor(vandaag - timedelta(days=14)),
        locatie="KempenPlus, Bladel",
        deelnemers=deelnemers,
    )
    afspraken = [
        ("Aanmelden bij schuldhulpverlening", amal, 10, False),
        ("Huisarts vragen om verwijzing naar de GGZ", youssef, -3, False),
        ("Kinderopvang regelen voor de taallessen", sanne, 7, True),
    ]
    for dossier, (tekst, eigenaar, dagen, gedaan) in zip(verwezen + eigen, afspraken, strict=False):
        punt = overleg.zet_op_agenda(door=sanne, overleg=geweest, inburgeraar=dossier, vraag="Stand van zaken")
        overleg.leg_bespreking_vast(door=sanne, agendapunt=punt, besproken="Voortgang besproken met de partners.")
        afspraak = overleg.maak_afspraak(
            door=sanne,
            agendapunt=punt,
            omschrijving=tekst,
            eigenaar=eigenaar or sanne,
            uiterlijk=werkdag_ervoor(vandaag + timedelta(days=dagen)),  # as a team plans: on a working day
        )
        if gedaan:
            overleg.rond_afspraak_af(door=sanne, afspraak=afspraak)
    komend = overleg.plan_overleg(
        door=sanne,
        datum=werkdag_ervoor(vandaag + timedelta(days=7)),
        locatie="KempenPlus, Bladel",
        deelnemers=deelnemers,
    )
    for dossier in dict.fromkeys([*verwezen[:1], *ondertussen]):
        overleg.zet_op_agenda(door=sanne, overleg=komend, inburgeraar=dossier, vraag="Welke begeleiding is nodig?")


def _naar_uitvoering(inburgeraar):
    """When the core's demo moved the dossier to uitvoering, the moment its PIP was fixed."""
    gebeurtenis = inburgeraar.tijdlijn.filter(soort=Gebeurtenis.Soort.FASE, gegevens__naar=Fase.UITVOERING).first()
    return gebeurtenis.tijdstip if gebeurtenis else None
