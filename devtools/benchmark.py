"""Synthetic dossiers for load tests (`genereer_testdata`) and the timings of `benchmark`.

The dossiers are written with bulk_create, not through the services: the benchmark needs volume,
not tijdlijnen. They belong to the gemeente "Benchmark" in regio "Benchmark", and their BSNs pass
the elfproef in the 88xxxxxxx range, apart from the demo's 9999xxxxx and the tests' 2xxxxxxxx.
"""

import datetime
import ipaddress
import random
import statistics
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from kombu import Exchange, Queue

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.test.utils import override_settings
from django.urls import include, path, reverse
from django.utils import timezone

from devtools.benchmark_referenties import (
    BEHEERSITES,
    Caseloadreferentie,
    Dossierreferentie,
    Menutellerreferentie,
    Werkvoorraadreferentie,
    Zoekreferentie,
)
from inburgering import services
from inburgering.celery import app as celery_app
from inburgering.duo.models import Notificatie
from inburgering.fasen import EINDFASEN, Fase, RedenAfronding, RedenUitschrijving, Uitstroom
from inburgering.models import Doelgroep, Gemeente, Inburgeraar, Organisatie, Regio, Team
from inburgering.permissions import RAPPORTAGES
from inburgering.rollen import BELEIDSMEDEWERKER, CASUSREGISSEUR, sync_rollen

NAAM = "Benchmark"
BSN_START = 880_000_000
AANTAL_REGISSEURS = 10
BATCH = 5000

# A realistic spread: most dossiers are being carried out; some ended.
FASEN = [
    (Fase.AANGEMELD, 10),
    (Fase.INTAKE, 15),
    (Fase.PIP, 12),
    (Fase.UITVOERING, 48),
    (Fase.AFGEROND, 10),
    (Fase.UITGESCHREVEN, 5),
]
DOELGROEPEN = [
    (Doelgroep.ASIELSTATUSHOUDER, 60),
    (Doelgroep.GEZINSVORMER, 15),
    (Doelgroep.GEZINSHERENIGER_ASIEL, 15),
    (Doelgroep.OVERIG, 10),
]
AFRONDING = [(RedenAfronding.VOLDAAN, 70), (RedenAfronding.ONTHEFFING, 15), (RedenAfronding.VRIJSTELLING, 15)]
UITSTROOM = [(Uitstroom.WERK, 30), (Uitstroom.OPLEIDING, 15), (Uitstroom.GEEN, 35), ("", 20)]
VOORNAMEN = ["Amal", "Yonas", "Fatima", "Omar", "Selam", "Hiba", "Ahmad", "Lina", "Tesfay", "Nour", "Rami", "Sara"]
ACHTERNAMEN = ["Test", "Proef", "Voorbeeld", "Fictief", "Synthetisch", "Model", "Demo", "Oefen"]


def bsns(aantal: int, vanaf: int):
    """Distinct BSNs passing the elfproef, from `vanaf` upwards."""
    kandidaat = vanaf
    while aantal:
        cijfers = str(kandidaat)
        som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - int(cijfers[8])
        if som % 11 == 0:
            yield cijfers
            aantal -= 1
        kandidaat += 1


@transaction.atomic
def benchmark_omgeving():
    """The Benchmark regio, gemeente, team and regisseurs; idempotent."""
    sync_rollen()
    regio, _ = Regio.objects.get_or_create(naam=NAAM)
    gemeente, _ = Gemeente.objects.get_or_create(
        naam=NAAM, defaults={"gemeentecode": "9990", "oin": "00000009999000000000", "regio": regio}
    )
    organisatie, _ = Organisatie.objects.get_or_create(naam=NAAM, defaults={"soort": Organisatie.Soort.GEMEENTE})
    team = Team.objects.filter(organisatie=organisatie, naam="Casusregie").first() or services.maak_team(
        organisatie=organisatie, naam="Casusregie"
    )
    services.ken_gemeenten_toe(team=team, rechten={"dossiers_inzien": [gemeente], "dossiers_wijzigen": [gemeente]})
    rol = Group.objects.get(name=CASUSREGISSEUR)
    regisseurs = []
    for i in range(1, AANTAL_REGISSEURS + 1):
        user, gemaakt = get_user_model().objects.get_or_create(
            username=f"benchmark.regisseur{i}",
            defaults={"first_name": "Benchmark", "last_name": f"Regisseur {i}", "organisatie": organisatie},
        )
        if gemaakt:
            user.set_unusable_password()
            user.save()
        user.groups.add(rol, team.groep)
        regisseurs.append(user)
    _beleidsmedewerker(organisatie, gemeente)
    return gemeente, regisseurs


def _beleidsmedewerker(organisatie, gemeente):
    """A beleidsmedewerker who reports on the Benchmark regio."""
    team = Team.objects.filter(organisatie=organisatie, naam="Beleid").first() or services.maak_team(
        organisatie=organisatie, naam="Beleid"
    )
    services.ken_gemeenten_toe(team=team, rechten={RAPPORTAGES: [gemeente]})
    user, gemaakt = get_user_model().objects.get_or_create(
        username="benchmark.beleid",
        defaults={"first_name": "Benchmark", "last_name": "Beleid", "organisatie": organisatie},
    )
    if gemaakt:
        user.set_unusable_password()
        user.save()
    user.groups.add(Group.objects.get(name=BELEIDSMEDEWERKER), team.groep)
    return user


def genereer(aantal: int, *, seed: int = 2021, vandaag=None) -> int:
    """Add `aantal` synthetic dossiers to the Benchmark gemeente, in batches of BATCH."""
    vandaag = vandaag or timezone.localdate()
    gemeente, regisseurs = benchmark_omgeving()
    rnd = random.Random(seed + Inburgeraar.objects.filter(gemeente=gemeente).count())  # noqa: S311
    hoogste = Inburgeraar.objects.filter(bsn__startswith="88").order_by("-bsn").values_list("bsn", flat=True).first()
    nummers = bsns(aantal, int(hoogste) + 1 if hoogste else BSN_START)
    gemaakt = 0
    while gemaakt < aantal:
        batch = [
            _dossier(rnd, next(nummers), gemeente, regisseurs, vandaag) for _ in range(min(BATCH, aantal - gemaakt))
        ]
        Inburgeraar.objects.bulk_create(batch)
        gemaakt += len(batch)
    return gemaakt


def _kies(rnd, paren):
    return rnd.choices([waarde for waarde, _ in paren], weights=[gewicht for _, gewicht in paren])[0]


def _dossier(rnd, bsn, gemeente, regisseurs, vandaag) -> Inburgeraar:
    fase = _kies(rnd, FASEN)
    doelgroep = _kies(rnd, DOELGROEPEN)
    dag = datetime.timedelta(days=1)
    # The further along, the longer ago the koppeling.
    leeftijd_dagen = {
        Fase.AANGEMELD: (0, 40),
        Fase.INTAKE: (10, 90),
        Fase.PIP: (40, 140),
        Fase.UITVOERING: (90, 1200),
        Fase.AFGEROND: (700, 1400),
        Fase.UITGESCHREVEN: (30, 1000),
    }[fase]
    koppeling = vandaag - rnd.randint(*leeftijd_dagen) * dag
    feiten = {
        "datum_kennisgeving": koppeling + rnd.randint(0, 20) * dag,
        "datum_vestiging": koppeling + rnd.randint(0, 60) * dag,
    }
    if fase != Fase.AANGEMELD:
        feiten["datum_eerste_intakegesprek"] = koppeling + rnd.randint(5, 40) * dag
    if fase == Fase.PIP and rnd.random() < 0.1:
        feiten["wacht_op_derden_sinds"] = koppeling + rnd.randint(40, 60) * dag
        if rnd.random() < 0.5:
            feiten["informatie_derden_ontvangen_op"] = feiten["wacht_op_derden_sinds"] + rnd.randint(5, 30) * dag
    if fase in (Fase.UITVOERING, Fase.AFGEROND):
        eerste = max(feiten["datum_kennisgeving"], feiten["datum_vestiging"]) + rnd.randint(30, 75) * dag
        eerste = min(eerste, vandaag - dag)
        feiten["datum_eerste_pip"] = eerste
        huidige = eerste if rnd.random() < 0.7 else min(eerste + rnd.randint(60, 400) * dag, vandaag)
        feiten["datum_huidige_pip"] = huidige
        feiten["datum_laatste_bekendmaking"] = min(huidige + rnd.randint(0, 3) * dag, vandaag)
        if rnd.random() < 0.8:
            feiten["datum_laatste_voortgangsgesprek"] = vandaag - rnd.randint(5, 120) * dag
        if rnd.random() < 0.05:
            feiten["datum_einde_termijn_duo"] = eerste + datetime.timedelta(days=3 * 365 + 90)
        if rnd.random() < 0.4:
            feiten["datum_pvt_afgerond"] = eerste + rnd.randint(60, 500) * dag
        if rnd.random() < 0.3:
            feiten["datum_map_afgerond"] = eerste + rnd.randint(120, 700) * dag
    if doelgroep == Doelgroep.ASIELSTATUSHOUDER and fase != Fase.AANGEMELD and rnd.random() < 0.5:
        start = feiten["datum_vestiging"]
        feiten["datum_start_ontzorgen"] = start
        feiten["datum_gepland_einde_ontzorgen"] = start + datetime.timedelta(days=183)
        if rnd.random() < 0.4:
            feiten["datum_einde_ontzorgen"] = start + rnd.randint(150, 300) * dag
    if fase in EINDFASEN:
        feiten["datum_einde"] = min(koppeling + rnd.randint(30, 1100) * dag, vandaag)
    # Facts happen in the past only.
    feiten = {veld: (datum if datum and datum <= vandaag else None) for veld, datum in feiten.items()}
    return Inburgeraar(
        bsn=bsn,
        voornamen=rnd.choice(VOORNAMEN),
        achternaam=f"{rnd.choice(ACHTERNAMEN)}-{bsn[-5:]}",
        geboortedatum=datetime.date(rnd.randint(1960, 2006), rnd.randint(1, 12), rnd.randint(1, 28)),
        doelgroep=doelgroep,
        gemeente=gemeente,
        regisseur=rnd.choice(regisseurs) if rnd.random() < 0.9 else None,
        fase=fase,
        reden_uitschrijving=RedenUitschrijving.VERHUISD if fase == Fase.UITGESCHREVEN else "",
        reden_afronding=_kies(rnd, AFRONDING) if fase == Fase.AFGEROND else "",
        uitstroom=_kies(rnd, UITSTROOM) if fase in EINDFASEN else "",
        datum_koppeling=koppeling,
        taal="Arabisch",
        **feiten,
    )


# Benchmark ---------------------------------------------------------------------------------------


@dataclass
class Meting:
    """One row of the table: the median time, and where they apply the references in the same run."""

    naam: str
    seconden: float
    sql_grens: float | None = None  # one hand-written query and string joins (benchmark_referenties)
    admin: float | None = None  # the Django admin changelist over the same rows


def _minimaal(request):
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    return HttpResponse("ok")


# The project's URLs plus a minimal authenticated page and the admin changelists, only while the
# benchmark runs.
urlpatterns = [
    path("benchmark/minimaal/", _minimaal, name="benchmark_minimaal"),
    *(path(f"benchmark/beheer/{sortering}/", site.urls) for sortering, site in BEHEERSITES.items()),
    path("", include("inburgering.urls")),
]
WACHTRIJ = "benchmark"  # a Celery queue no worker reads: DUO notifications are queued, not processed


def _meet(functie, herhalingen: int) -> float:
    """Median seconds over `herhalingen` runs after one warm-up run."""
    functie()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden)


def _eenmaal(functie) -> float:
    begin = time.perf_counter()
    functie()
    return time.perf_counter() - begin


def meet(*, herhalingen: int = 5) -> list[Meting]:
    """Time sync, scan, the pages (with their references), a DUO notification and a minimal page."""
    gemeente, regisseurs = benchmark_omgeving()
    regisseur = regisseurs[0]
    dossier = (
        Inburgeraar.objects.filter(gemeente=gemeente, fase=Fase.UITVOERING).order_by("pk").first()
        or Inburgeraar.objects.filter(gemeente=gemeente).order_by("pk").first()
    )
    resultaten = [
        # After genereer_testdata nothing is computed yet: the first rebuild computes every dossier.
        Meting("volledige herbouw (eerste keer)", _eenmaal(services.synchroniseer_alle_termijnen)),
        Meting("volledige herbouw (opnieuw, niets veranderd)", _eenmaal(services.synchroniseer_alle_termijnen)),
        Meting("scan (eerste keer)", _eenmaal(services.maak_signalen)),
    ]
    # Tables just rebuilt have no statistics until autovacuum comes by: the planner would guess, and the
    # pages be timed on plans no running system uses.
    _analyseer()
    resultaten.append(Meting("nachtelijke run (opnieuw, niets veranderd)", _eenmaal(services.nachtelijke_run)))
    # Pages through the test client with a logged-in regisseur of the Benchmark team. The second
    # factor, HTTPS redirect and host check are set aside: they are not what is measured.
    with override_settings(
        ROOT_URLCONF="devtools.benchmark",
        ALLOWED_HOSTS=["*"],
        TWEE_FACTOR_VERPLICHT=False,
        SECURE_SSL_REDIRECT=False,
        DEBUG=False,
    ):
        client = Client()
        client.force_login(regisseur)

        def pagina(url, **params):
            return lambda: _opvragen(client, url, params)

        def caseload(naam, sortering, **params):
            return Meting(
                naam,
                _meet(pagina(reverse("inburgering:caseload"), **params), herhalingen),
                sql_grens=_meet(Caseloadreferentie(regisseur, sortering).html, herhalingen),
                admin=_meet(
                    pagina(reverse(f"benchmark_beheer_{sortering}:inburgering_inburgeraar_changelist")), herhalingen
                ),
            )

        def zoeken(naam, zoekterm):
            url = reverse("inburgering:caseload")
            referentie = Zoekreferentie(regisseur, zoekterm).html
            return Meting(naam, _meet(pagina(url, q=zoekterm), herhalingen), sql_grens=_meet(referentie, herhalingen))

        resultaten += [
            Meting("minimale pagina (ingelogd)", _meet(pagina(reverse("benchmark_minimaal")), herhalingen)),
            caseload("caseload, op naam", "naam"),
            caseload("caseload, op volgende termijn", "termijn", sorteer="termijn"),
            # A surname few share, the first name of one in twelve, the digits the list shows (one in 1,000).
            zoeken("zoeken op naam", dossier.achternaam if dossier else ACHTERNAMEN[0]),
            zoeken("zoeken op veelvoorkomende voornaam", VOORNAMEN[0]),
            zoeken("zoeken op drie BSN-cijfers", "123"),
            Meting("signalen (team)", _meet(pagina(reverse("inburgering:signalen"), van="team"), herhalingen)),
            Meting(
                "werkvoorraad (startpagina)",
                _meet(pagina(reverse("inburgering:werkvoorraad")), herhalingen),
                sql_grens=_meet(Werkvoorraadreferentie(regisseur).html, herhalingen),
            ),
            Meting(
                "teller in het menu",
                _meet(pagina(reverse("inburgering:werkvoorraad_teller")), herhalingen),
                sql_grens=_meet(Menutellerreferentie(regisseur).html, herhalingen),
            ),
        ]
        if dossier:
            resultaten.append(
                Meting(
                    "dossierpagina",
                    _meet(pagina(reverse("inburgering:dossier", args=[dossier.pk])), herhalingen),
                    sql_grens=_meet(Dossierreferentie(regisseur, dossier.pk).html, herhalingen),
                )
            )
        resultaten.append(
            Meting(
                "DUO-notificatie aannemen (valideren, opslaan, in wachtrij)",
                _duo_notificatie(client, gemeente, herhalingen),
            )
        )
        resultaten += _cpu_tegen_health(gemeente, herhalingen)
        # The regio's dashboard as its beleidsmedewerker sees it: every indicator aggregated in SQL.
        client.force_login(get_user_model().objects.get(username="benchmark.beleid"))
        regio = {"gebied": f"regio-{gemeente.regio_id}", "van": f"{timezone.localdate().year - 3}-01-01"}
        resultaten.append(
            Meting(
                "rapportage regio (3 jaar)",
                _meet(pagina(reverse("inburgering:rapportage"), **regio, tot=timezone.localdate()), herhalingen),
            )
        )
    return resultaten


def _analyseer():
    """What autovacuum gives a running system: statistics, and on PostgreSQL also the visibility map and the
    trigram indexes' pending entries worked in (a GIN index built before 200,000 inserts keeps them in a list
    every search reads). VACUUM runs outside a transaction only: inside one (the tests), ANALYZE alone."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def _opvragen(client, url, params):
    response = client.get(url, params)
    if response.status_code != 200:
        raise RuntimeError(f"{url} gaf status {response.status_code}")


def _duo_notificatie(client, gemeente, herhalingen: int) -> float:
    """POST one new notification as DUO sends it: checked, stored and queued, never processed.

    The notifications are removed afterwards, so no later run of the inbox processes them."""
    bericht_ids = []

    def aannemen():
        bericht_id = uuid.uuid4()
        bericht_ids.append(bericht_id)
        headers = {
            "bron": settings.DUO_OIN,
            "doel": gemeente.oin,
            "berichtId": str(bericht_id),
            **(
                {settings.DUO_CERTIFICAAT_HEADER: f"CN=DUO,serialNumber={settings.DUO_OIN}"}
                if settings.DUO_CERTIFICAAT_HEADER
                else {}
            ),
        }
        inhoud = {"gebeurtenisId": "SS101", "bsn": "880000008", "registratieDatumTijd": timezone.now().isoformat()}
        response = client.post(reverse("duo_notificaties"), inhoud, content_type="application/json", headers=headers)
        if response.status_code != 201:
            raise RuntimeError(f"DUO-notificatie gaf status {response.status_code}")

    # The test client comes from 127.0.0.1: measured as if that were the TLS terminator, whose header is
    # believed only from the addresses in DUO_PROXY_ADRESSEN.
    try:
        with _wachtrij_zonder_verwerking(), override_settings(DUO_PROXY_ADRESSEN=[ipaddress.ip_network("127.0.0.1")]):
            return _meet(aannemen, herhalingen)
    finally:
        Notificatie.objects.filter(bericht_id__in=bericht_ids).delete()


CPU_HEALTH = "health check, CPU-tijd per verzoek"
CPU_DUO = "DUO-notificatie aannemen, CPU-tijd per stuk"


def _cpu_tegen_health(gemeente, herhalingen: int, *, per_ronde: int = 20) -> list[Meting]:
    """The CPU time (time.process_time: no waiting on the database or Redis; the test client's share included)
    of a bare health check and of accepting a notification, in alternating rounds, each the median of its
    rounds: what a web worker's core spends on one. A client without cookies, as DUO and the container's health
    check come, so both take the machine stack production runs (inburgering.machineverkeer)."""
    client, bericht_ids = Client(), []
    header = settings.DUO_CERTIFICAAT_HEADER
    proxy = {header: f"CN=DUO,serialNumber={settings.DUO_OIN}"} if header else {}

    def health():
        if (response := client.get(reverse("health"))).status_code != 200:
            raise RuntimeError(f"/health/ gaf status {response.status_code}: {response.content!r}")

    def duo():
        bericht_ids.append(uuid.uuid4())
        headers = {"bron": settings.DUO_OIN, "doel": gemeente.oin, "berichtId": str(bericht_ids[-1]), **proxy}
        inhoud = {"gebeurtenisId": "SS101", "bsn": "880000008", "registratieDatumTijd": timezone.now().isoformat()}
        response = client.post(reverse("duo_notificaties"), inhoud, content_type="application/json", headers=headers)
        if response.status_code != 201:
            raise RuntimeError(f"DUO-notificatie gaf status {response.status_code}")

    rondes = {health: [], duo: []}
    try:
        with _wachtrij_zonder_verwerking(), override_settings(DUO_PROXY_ADRESSEN=[ipaddress.ip_network("127.0.0.1")]):
            for functie in rondes:
                functie()  # warm-up
            for _ in range(max(herhalingen, 5)):
                for functie, tijden in rondes.items():
                    begin = time.process_time()
                    for _ in range(per_ronde):
                        functie()
                    tijden.append((time.process_time() - begin) / per_ronde)
    finally:
        Notificatie.objects.filter(bericht_id__in=bericht_ids).delete()
    return [Meting(CPU_HEALTH, statistics.median(rondes[health])), Meting(CPU_DUO, statistics.median(rondes[duo]))]


@contextmanager
def _wachtrij_zonder_verwerking():
    """Queue the processing task on WACHTRIJ, which no worker reads, and empty it afterwards.

    Without a broker tasks run in-process (settings): then there is no queue, and nothing is sent."""
    from inburgering.duo.tasks import verwerk_notificatie

    if celery_app.conf.task_always_eager:
        with mock.patch.object(verwerk_notificatie, "delay", lambda pk: None):
            yield
        return
    with mock.patch.object(
        verwerk_notificatie, "delay", lambda pk: verwerk_notificatie.apply_async((pk,), queue=WACHTRIJ)
    ):
        try:
            yield
        finally:
            # Declared first: the transport only deletes the bindings it knows of on this channel.
            wachtrij = Queue(WACHTRIJ, Exchange(WACHTRIJ), routing_key=WACHTRIJ)
            with celery_app.connection_for_write() as verbinding:
                gebonden = wachtrij(verbinding.default_channel)
                gebonden.declare()
                gebonden.delete()
