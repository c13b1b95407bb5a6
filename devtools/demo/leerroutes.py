"""Demo leerroutes: two aanbieders for the Kempen, aanbod, deelname and exams for the dossiers in
uitvoering, and a PVT group with sessies and attendance.

Called by `manage.py seed_demo` through settings.DEMO_LADERS, after the PIPs (devtools.demo.pip). Deterministic
and idempotent: when the demo's taalaanbieder exists, nothing happens.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from inburgering.fasen import Fase
from inburgering.models import Gemeente, Inburgeraar
from leerroutes import groepen, services
from leerroutes.models import Aanbieder

TAALSCHOOL = "Taalschool De Kempen"
GEMEENTEN = ["Bergeijk", "Bladel", "Reusel-De Mierden"]


def _aanbieders():
    kempen = list(Gemeente.objects.filter(naam__in=GEMEENTEN))
    taalschool = Aanbieder.objects.create(
        naam=TAALSCHOOL,
        instellingsnummer="12KP000001",
        keurmerk_nummer="40711",
        keurmerk_geldig_van=date(2022, 1, 1),
        biedt_b1_route=True,
        biedt_z_route=True,
        biedt_map=True,
        biedt_pvt=True,
    )
    roc = Aanbieder.objects.create(
        naam="Summa College (taalschakeltraject)",
        instellingsnummer="30SU000001",
        taalschakelinstelling=True,
        biedt_onderwijsroute=True,
    )
    for aanbieder in (taalschool, roc):
        aanbieder.gemeenten.set(kempen)
    return taalschool, roc


@transaction.atomic
def laad_demo() -> dict:
    if Aanbieder.objects.filter(naam=TAALSCHOOL).exists():
        return {"dossiers": 0}
    rng = random.Random(800)  # the Z-route's hours
    regisseur = get_user_model().objects.get(username="regisseur")
    vandaag = timezone.localdate()
    taalschool, roc = _aanbieders()
    dossiers = list(
        Inburgeraar.objects.filter(
            fase=Fase.UITVOERING, gemeente__naam__in=GEMEENTEN, datum_huidige_pip__lt=vandaag - timedelta(days=21)
        ).order_by("bsn")[:12]
    )
    for nummer, dossier in enumerate(dossiers):
        leerroute = dossier.pips.filter(status="vastgesteld").order_by("-versie").values_list("leerroute", flat=True)[0]
        start = dossier.datum_huidige_pip + timedelta(days=7)
        if dossier.is_asielstatushouder and start <= vandaag:
            services.leg_aanbod_vast(
                door=regisseur,
                inburgeraar=dossier,
                gegevens={
                    "aanbieder": roc if leerroute == "O" else taalschool,
                    "leerroute": leerroute,
                    "datum_aanbod": start,
                    "verwachte_startdatum": start + timedelta(days=7),
                    "start_taalschakeltraject": start + timedelta(days=7) if leerroute == "O" else None,
                },
            )
        _deelname(dossier, regisseur, rng, start, vandaag)
        if nummer < 3:
            _examens(dossier, regisseur, vandaag, alles=nummer == 0)
    _pvt_groep(regisseur, dossiers, vandaag)
    return {"dossiers": len(dossiers)}


def _deelname(dossier, regisseur, rng, start, vandaag):
    """Four-weekly periods from the course's start, with an occasional absence."""
    van = start
    while van + timedelta(days=27) < vandaag:
        afwezig = rng.choice([0, 0, 0, 4])
        services.registreer_deelname(
            door=regisseur,
            inburgeraar=dossier,
            gegevens={
                "aanbieder": None,
                "periode_van": van,
                "periode_tot": van + timedelta(days=27),
                "lesuren": rng.randint(40, 48),
                "knm_uren": rng.randint(4, 8),
                "afwezig_uren": afwezig,
                "reden_afwezigheid": "Ziek gemeld" if afwezig else "",
            },
        )
        van += timedelta(days=28)


def _examens(dossier, regisseur, vandaag, *, alles):
    """The first demo dossier passed everything but speaking; the next ones two parts each."""
    onderdelen = ["LE", "LU", "SC", "SP", "KNM"] if alles else ["LE", "KNM"]
    for onderdeel in onderdelen:
        gezakt = alles and onderdeel == "SP"
        services.leg_examen_vast(
            door=regisseur,
            inburgeraar=dossier,
            gegevens={
                "onderdeel": onderdeel,
                "examendatum": vandaag - timedelta(days=14),
                "niveau": "" if onderdeel == "KNM" else "B1",
                "resultaat": "Gezakt" if gezakt else "Geslaagd",
            },
        )


def _pvt_groep(regisseur, dossiers, vandaag):
    groep = groepen.maak_groep(
        door=regisseur,
        naam="PVT Kempen najaar",
        onderdeel="pvt",
        gemeenten=Gemeente.objects.filter(naam__in=GEMEENTEN),
        aanbieder=Aanbieder.objects.get(naam=TAALSCHOOL),
    )
    leden = dossiers[:8]
    groepen.voeg_leden_toe(door=regisseur, groep=groep, inburgeraars=leden)
    onderwerpen = ["Vrijheid en gelijkwaardigheid", "Solidariteit en participatie", "Excursie Tweede Kamer"]
    for weken_terug, onderwerp in zip([3, 2, 1], onderwerpen, strict=True):
        excursie = onderwerp.startswith("Excursie")
        sessie = groepen.plan_sessie(
            door=regisseur,
            groep=groep,
            gegevens={
                "datum": vandaag - timedelta(weeks=weken_terug),
                "soort": "excursie" if excursie else "pvt_workshop",
                "onderwerp": onderwerp,
                "uren": Decimal(4),
            },
        )
        if weken_terug > 1:  # the last sessie's attendance is still to be entered
            groepen.registreer_aanwezigheid(
                door=regisseur,
                sessie=sessie,
                rijen=[
                    groepen.Rij(lid, aanwezig=i != weken_terug, uren=None if i == weken_terug else Decimal(4))
                    for i, lid in enumerate(leden)
                ],
            )
    groepen.plan_sessie(
        door=regisseur,
        groep=groep,
        gegevens={
            "datum": vandaag + timedelta(weeks=1),
            "soort": "pvt_workshop",
            "onderwerp": "Ondertekening participatieverklaring",
            "uren": Decimal(4),
        },
    )
