"""The isolation matrix: every URL as every role. Nobody reaches another gemeente's dossier.

Every named URL of the product must appear in MATRIX: a new view that is not added here fails
`test_every_url_is_in_the_matrix`.
"""

import datetime
import io
import uuid
from decimal import Decimal

import pytest
import time_machine

from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inburgering import pdf as pdf_module
from inburgering import services as dossier_services
from inburgering.api import sleutels
from inburgering.celery import app as celery_app
from inburgering.duo.models import DuoBericht, Notificatie
from inburgering.fasen import Fase
from inburgering.models import Organisatie, Signaal, Team
from inburgering.privacy import vernietiging
from intake import services as intake_services
from kosten.models import Contractprijs, Eenheid, Voorziening
from leerroutes import groepen
from leerroutes import services as leerroutes
from leerroutes.models import Aanbieder
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst, Urensoort
from pip import handhaven, views_overleg
from pip import overleg as overleg_diensten
from pip import services as pip_services
from pip.models import Toelichting
from tests.api.test_toegang import API_MATRIX
from tests.conftest import assert_niet_bewaard, bouw_wereld, minimale_pdf
from tests.factories import InburgeraarFactory, geef_pip
from tests.ontzorgen.factories import met_bijstand

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)

ROLLEN = [
    "regisseur",
    "teamleider",
    "regisseur_eersel",
    "begeleider",
    "beleidsmedewerker",
    "beheerder",
    "privacy",
    # A second organisatie's beheer and privacy (Menso, for Emmen), and the installation's applicatiebeheerder:
    # none of them reaches KempenPlus' objects.
    "beheerder_emmen",
    "privacy_emmen",
    "applicatiebeheerder",
    "anoniem",
]

# URLs outside the dossier world: reachable by anyone (or handled by Django itself).
BUITEN_MATRIX = {"login", "oidc_start", "oidc_callback", "logout", "tweefactor", "health", "favicon"}

_KEMPENPLUS = {"regisseur": 200, "teamleider": 200}


def _per_dossier(ok: int) -> dict[str, dict[str, int]]:
    """A dossier view behind change rights: its own team gets `ok`, the other team 404, anonymous 302."""
    return {
        "bladel": {**dict.fromkeys(_KEMPENPLUS, ok), "regisseur_eersel": 404, "anoniem": 302},
        "eersel": {**dict.fromkeys(_KEMPENPLUS, 404), "regisseur_eersel": ok, "anoniem": 302},
    }


# Roles without the model permission for these views get 404, as for a dossier they may not see.
_WIJZIGVIEWS = [
    ("inburgering:dossier_wijzigen", "get", 200),
    ("inburgering:dossier_overdragen", "get", 200),
    ("inburgering:dossier_historie", "get", 200),
    ("inburgering:regisseur_toewijzen", "post", 302),
    ("inburgering:fase_wijzigen", "post", 302),
]

# The brede intake: roles without the intake permissions get 404; empty posts either redirect
# (a partial save, or a refusal shown as a message) or show the form again with its errors (200).
_INTAKEVIEWS = [
    ("intake:intake", "get", 200),
    ("intake:intake_stap", "get", 200),
    ("intake:intake_samenvatting", "get", 200),
    ("intake:intake_brief", "get", 200),
    ("intake:intake_starten", "post", 302),
    ("intake:intake_gesprek", "post", 200),
    ("intake:intake_partner", "post", 302),
    ("intake:intake_leefgebied", "post", 302),
    ("intake:intake_leerbaarheidstoets", "post", 302),
    ("intake:intake_advies", "post", 200),
    ("intake:intake_niet_verschenen", "post", 200),
    ("intake:intake_vervolgstap", "post", 302),
    ("intake:intake_afronden", "post", 302),
]

# The regisseur's views of ontzorgen on a dossier; each also needs its own model permission.
_REGIEVIEWS = [
    ("ontzorgen:ontzorgen_dossier", "get", 200),
    ("ontzorgen:verwijzing_nieuw", "get", 200),
    ("ontzorgen:verwijzing_beeindigen", "post", 302),
    ("ontzorgen:bijstand", "get", 200),
    ("ontzorgen:bijstand", "post", 200),
    ("ontzorgen:ontzorging_starten", "get", 200),
    ("ontzorgen:ontzorging_verlengen", "get", 200),
    ("ontzorgen:ontzorging_beeindigen", "get", 200),
    ("ontzorgen:melding_afhandelen", "post", 302),
]

# The PIP: each dossier has a vastgesteld version 1, a concept wijziging and a boete (fixture `pips`).
# Roles without the pip permissions get 404; empty posts show the form again (200) or redirect.
_PIPVIEWS = [
    ("pip:pip", "get", 200),
    ("pip:pip_starten", "post", 302),
    ("pip:pip_opslaan", "post", 200),
    ("pip:pip_voorbeeld", "get", 200),
    ("pip:pip_concept_verwijderen", "post", 302),
    ("pip:pip_wijziging", "post", 200),
    ("pip:pip_derden", "post", 200),
    ("pip:pip_download", "get", 200),
    ("pip:pip_voortgangsgesprek", "post", 200),
    ("pip:pip_handhaving", "get", 200),
    ("pip:pip_handhaving_download", "get", 200),
    ("pip:pip_handhaving_intrekken", "get", 200),
    ("pip:pip_handhaving_intrekken", "post", 200),
]

# The leerroute tab: each dossier has a deelname (fixture `leerroute_objecten`); empty posts show the
# tab again with the form's errors (200); afsluiten refuses an incomplete dossier with a message (302).
_LEERROUTEVIEWS = [
    ("leerroutes:leerroute", "get", 200),
    ("leerroutes:leerroute_aanbod", "post", 200),
    ("leerroutes:leerroute_deelname", "post", 200),
    ("leerroutes:leerroute_deelname_verwijderen", "post", 302),
    ("leerroutes:leerroute_examen", "post", 200),
    ("leerroutes:leerroute_activiteit", "post", 200),
    ("leerroutes:leerroute_afronding", "post", 200),
    ("leerroutes:leerroute_afsluiten", "post", 302),
]

# Interpreters and costs on a dossier: roles without the kosten permissions get 403; empty posts show the
# form again with its errors (200).
_KOSTENVIEWS = [
    ("kosten:kosten_dossier", "get", 200),
    ("kosten:tolk_boeken", "get", 200),
    ("kosten:tolk_boeken", "post", 200),
    ("kosten:kostenpost_nieuw", "get", 200),
    ("kosten:kostenpost_nieuw", "post", 200),
]

# The begeleider's own pages: only the referred dossier (bladel), never another (eersel: 404).
_BEGELEIDING = {
    "bladel": {"begeleider": 200, "anoniem": 302},
    "eersel": {"begeleider": 404, "anoniem": 302},
}

_PRIVACY_EN_BEHEER = {"beheerder": 200, "privacy": 200, "anoniem": 302}
# Pages without an object: every organisatie's beheer and privacy open them, and see their own gemeenten there.
_ELKE_ORGANISATIE = {**_PRIVACY_EN_BEHEER, "beheerder_emmen": 200, "privacy_emmen": 200}

# The PIP-team's casuïstiekoverleg (fixture `overleggen`): the Bladel overleg is chaired by the regisseur,
# with the teamleider and the partner's begeleider (whose team has the Bladel verwijzing) as deelnemers;
# the Eersel overleg is the Eersel team's. Anyone outside an overleg gets 404; roles without the pip
# permission 403. Empty posts show the page again (200); marking an agreement done redirects (302), also
# when the service refuses it (the begeleider is not its owner) with a message.
_OVERLEG_LEZERS = {"regisseur": 200, "teamleider": 200, "begeleider": 200}
_OVERLEG_SCHRIJVERS = {"regisseur": 200, "teamleider": 200}


def _per_overleg(deelnemers: dict[str, int]) -> dict[str, dict[str, int]]:
    eigen = deelnemers.get("regisseur", 200)
    return {
        "overleg_bladel": {**deelnemers, "regisseur_eersel": 404, "anoniem": 302},
        "overleg_eersel": {**dict.fromkeys(deelnemers, 404), "regisseur_eersel": eigen, "anoniem": 302},
    }


_OVERLEGVIEWS = [
    ("overleggen:overleg", "get", _OVERLEG_LEZERS),
    ("overleggen:overleg_agenda_pdf", "get", _OVERLEG_LEZERS),
    ("overleggen:overleg_verslag_pdf", "get", _OVERLEG_LEZERS),
    ("overleggen:overleg_agendapunt", "post", _OVERLEG_SCHRIJVERS),
    ("overleggen:overleg_bespreking", "post", _OVERLEG_SCHRIJVERS),
    ("overleggen:overleg_afspraak", "post", _OVERLEG_SCHRIJVERS),
    ("overleggen:overleg_afspraak_afgerond", "post", dict.fromkeys(_OVERLEG_LEZERS, 302)),
]

# url name, method, which object ("bladel", "eersel", "uren_bladel", "signaal_bladel" or None),
# {role: status}; other roles get `rest`.
# The begeleider's team has a referral for the Bladel dossier (fixture `verwezen`): even so the core
# dossier page answers 404, as it does to every role without the model permission view_inburgeraar.
# A URL that names an object answers 404 to whoever may not see it there, never a 403 that confirms
# it exists; 403 is left for pages without an object, to a role that lacks the whole function.
MATRIX = [
    ("inburgering:start", "get", None, {}, 302),  # every role is sent on to its own first page
    ("inburgering:caseload", "get", None, {r: 200 for r in ROLLEN if r != "anoniem"}, 302),
    *[
        (naam, "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403)
        for naam in ("inburgering:werkvoorraad", "inburgering:werkvoorraad_teller")
    ],
    # A block's whole list names the block in its URL: recht_nodig answers 404 there.
    (
        "inburgering:werkvoorraad_lijst",
        "get",
        None,
        {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302},
        404,
    ),
    ("inburgering:dossier_registreren", "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403),
    ("inburgering:dossier", "get", "bladel", {**_KEMPENPLUS, "anoniem": 302}, 404),
    ("inburgering:dossier", "get", "eersel", {"regisseur_eersel": 200, "anoniem": 302}, 404),
    # The dossier workspace's own sections: as the overview.
    *[
        (naam, "get", dossier, verwacht, 404)
        for naam in ("inburgering:dossier_documenten", "inburgering:dossier_tijdlijn")
        for dossier, verwacht in _per_dossier(200).items()
    ],
    *[
        (naam, methode, dossier, verwacht, 404)
        for naam, methode, ok in _WIJZIGVIEWS + _REGIEVIEWS + _INTAKEVIEWS + _PIPVIEWS + _LEERROUTEVIEWS + _KOSTENVIEWS
        for dossier, verwacht in _per_dossier(ok).items()
    ],
    ("groepen:groepen", "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403),
    *[
        (naam, "get", f"groep_{dossier}", verwacht, 404)
        for naam in ("groepen:groep", "groepen:groep_aanwezigheid")
        for dossier, verwacht in _per_dossier(200).items()
    ],
    ("ontzorgen:uren_beoordelen", "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403),
    ("ontzorgen:uren_corrigeren", "get", "uren_bladel", {**_KEMPENPLUS, "anoniem": 302}, 404),
    ("ontzorgen:mijn_inburgeraars", "get", None, {"begeleider": 200, "anoniem": 302}, 403),
    ("ontzorgen:uren_week", "get", None, {"begeleider": 200, "anoniem": 302}, 403),
    *[
        (naam, "get", dossier, verwacht, 404)
        for naam in ("ontzorgen:begeleiding_dossier", "ontzorgen:melding_nieuw")
        for dossier, verwacht in _BEGELEIDING.items()
    ],
    ("inburgering:signalen", "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403),
    (
        "overleggen:overleggen",
        "get",
        None,
        {**_KEMPENPLUS, "regisseur_eersel": 200, "begeleider": 200, "anoniem": 302},
        403,
    ),
    ("overleggen:overleg_plannen", "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403),
    *[
        (naam, methode, doel, verwacht, 404)
        for naam, methode, deelnemers in _OVERLEGVIEWS
        for doel, verwacht in _per_overleg(deelnemers).items()
    ],
    *[
        (naam, methode, f"signaal_{dossier}", verwacht, 404)
        for naam, methode, ok in [
            ("inburgering:signaal_afhandelen", "get", 200),
            ("inburgering:signaal_afhandelen", "post", 200),  # without a reason: the form again, with its error
            ("inburgering:signaal_heropenen", "post", 302),  # an open signal: refused with a message
            ("inburgering:signaal_uitstellen", "get", 200),
        ]
        for dossier, verwacht in _per_dossier(ok).items()
    ],
    # Reports: the model permission opens them (teamleider, beleidsmedewerker); the figures cover only the
    # gemeenten of the team's object permission. Without parameters they show this year of the first regio.
    *[
        (naam, "get", None, {"teamleider": 200, "beleidsmedewerker": 200, "anoniem": 302}, 403)
        for naam in (
            "inburgering:rapportage",
            "inburgering:rapportage_csv",
            "inburgering:rapportage_xlsx",
            "kosten:kostenrapport",
            "kosten:kostenrapport_xlsx",
        )
    ],
    (
        "admin:index",
        "get",
        None,
        {"beheerder": 200, "beheerder_emmen": 200, "applicatiebeheerder": 200, "anoniem": 302},
        302,
    ),
    # Bladel's letterhead logo: KempenPlus' beheerder (whose organisatie serves Bladel) and the applicatiebeheerder.
    (
        "inburgering:gemeente_logo",
        "get",
        "gemeente_bladel",
        {"beheerder": 200, "applicatiebeheerder": 200, "anoniem": 302},
        404,
    ),
    # Privacy: through model permissions, for the gemeenten the user's organisatie serves (a Bladel list: KempenPlus).
    ("inburgering:vernietigingslijsten", "get", None, _ELKE_ORGANISATIE, 403),
    ("inburgering:vernietigingslijst", "get", "lijst", _PRIVACY_EN_BEHEER, 404),
    ("inburgering:vernietigingslijst", "post", "lijst", {"beheerder": 302, "privacy": 403, "anoniem": 302}, 404),
    ("inburgering:procesverbaal", "get", "procesverbaal", _PRIVACY_EN_BEHEER, 404),
    ("inburgering:inzagelog", "get", None, {"privacy": 200, "privacy_emmen": 200, "anoniem": 302}, 403),
    # DUO: its notification endpoint answers every caller alike (a form post: 415; DUO is known by its
    # certificate, never by a login); the exchange's beheer page and retry are the beheerder's.
    ("duo_notificaties", "post", None, {}, 415),  # a form post is not application/json
    ("inburgering:duo_berichten", "get", None, {"beheerder": 200, "beheerder_emmen": 200, "anoniem": 302}, 403),
    # Bladel's DUO messages: KempenPlus' beheerder, not Menso's.
    ("inburgering:duo_bericht_opnieuw", "post", "duo_bericht", {"beheerder": 302, "anoniem": 302}, 404),
    ("inburgering:duo_notificatie_opnieuw", "post", "duo_notificatie", {"beheerder": 302, "anoniem": 302}, 404),
    *[
        ("inburgering:duo_actie_afhandelen", "post", dossier, verwacht, 404)
        for dossier, verwacht in _per_dossier(302).items()
    ],
    # Legal hold and AVG export: the beheer and privacy of the organisatie serving the dossier's gemeente; Eersel
    # is served by Gemeente Eersel itself, so KempenPlus' get 404 there as everyone else.
    *[
        (naam, "get", dossier, verwacht, 404)
        for naam, per_dossier in [
            (
                "inburgering:dossier_blokkade",
                {
                    "bladel": _PRIVACY_EN_BEHEER,
                    "eersel": {"anoniem": 302},
                    "emmen": {"beheerder_emmen": 200, "privacy_emmen": 200, "anoniem": 302},
                },
            ),
            (
                "inburgering:avg_export",
                {
                    "bladel": {"privacy": 200, "anoniem": 302},
                    "eersel": {"anoniem": 302},
                    "emmen": {"privacy_emmen": 200, "anoniem": 302},
                },
            ),
        ]
        for dossier, verwacht in per_dossier.items()
    ],
    # The partner API takes only a partner client's token: a browser session, whatever its role, is no
    # credential there (401). Its documentation is public. Every client is walked in tests/api (API_MATRIX).
    ("api_schema", "get", None, {}, 200),
    ("api_docs", "get", None, {}, 200),
    *[(naam, "get", None, {}, 401) for naam in ("api_dossiers", "api_verwijzingen", "api_uren")],
    *[(naam, "post", None, {}, 401) for naam in ("api_uren", "api_deelnames", "api_examenresultaten", "api_meldingen")],
    ("api_dossier", "get", "bladel", {}, 401),
    ("api_uren_correctie", "post", "uren_bladel", {}, 401),
]


@pytest.fixture
def verwezen(wereld):
    """The partner's team has a referral for the Bladel dossier, with hours; both dossiers have ontzorgen."""
    with time_machine.travel(NU, tick=False):  # the whole test runs on this day
        yield verwijs(wereld)


def verwijs(wereld):
    with time_machine.travel(NU, tick=False):
        Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
        partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
        ontzorgen.verwijs(
            door=wereld.regisseur,
            inburgeraar=wereld.dossier_bladel,
            team=partner,
            dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
            startdatum=datetime.date(2026, 11, 2),
        )
        [wereld.uren_bladel] = ontzorgen.registreer_uren(
            door=wereld.begeleider,
            regels=[
                {
                    "inburgeraar": wereld.dossier_bladel,
                    "datum": datetime.date(2026, 11, 20),
                    "uren": Decimal(2),
                    "soort": Urensoort.PRAKTISCHE_ZAKEN,
                }
            ],
        )
        for dossier, door in [
            (wereld.dossier_bladel, wereld.regisseur),
            (wereld.dossier_eersel, wereld.regisseur_eersel),
        ]:
            # Planned to end on 1 December, within a week: an open signal that the PIPs below leave alone.
            met_bijstand(door=door, inburgeraar=dossier, startdatum=datetime.date(2026, 6, 1))
            ontzorgen.start_ontzorging(
                door=door, inburgeraar=dossier, startdatum=datetime.date(2026, 6, 1), leefgeld=Decimal(60)
            )
    return wereld


@pytest.fixture
def signalen(verwezen, intakes, pips):
    """A signaal per dossier, made after every other fixture has moved the dossiers along."""
    maak_signalen(verwezen)


def maak_signalen(verwezen):
    with time_machine.travel(NU, tick=False):
        dossier_services.maak_signalen()
    for naam in ("bladel", "eersel"):
        dossier = getattr(verwezen, f"dossier_{naam}")
        signaal = Signaal.objects.filter(termijn__inburgeraar=dossier, termijn__soort="ontzorgen_einde").get()
        setattr(verwezen, f"signaal_{naam}", signaal)


@pytest.fixture
def duo_bericht(verwezen):
    """A PIP message DUO refused for the Bladel dossier: the beheerder may send it again."""
    return maak_duo_bericht(verwezen)


def maak_duo_bericht(verwezen):
    verwezen.duo_bericht = DuoBericht.objects.create(
        inburgeraar=verwezen.dossier_bladel,
        gemeente=verwezen.bladel,
        soort="pip",
        methode="POST",
        pad="/personen/123456782/PIP",
        inhoud={"dagtekeningPip": "2026-11-20", "leerroute": "B"},
        status=DuoBericht.Status.GEWEIGERD,
        fouttekst="Onbekende persoon.",
    )
    return verwezen


@pytest.fixture
def duo_notificatie(verwezen):
    """A notification whose processing failed: the beheerder may process it again."""
    return maak_duo_notificatie(verwezen)


def maak_duo_notificatie(verwezen):
    verwezen.duo_notificatie = Notificatie.objects.create(
        bericht_id=uuid.uuid4(),
        bron="00000001800866472000",
        doel=verwezen.bladel.oin,
        gemeente=verwezen.bladel,
        gebeurtenis_id="SS999",
        bsn=verwezen.dossier_bladel.bsn,
        registratie_datum_tijd=NU,
        status=Notificatie.Status.MISLUKT,
    )
    return verwezen


@pytest.fixture
def duo_acties(verwezen):
    """Per dossier a DUO notification that asks the regisseur to act."""
    return maak_duo_acties(verwezen)


def maak_duo_acties(verwezen):
    for naam in ("bladel", "eersel"):
        dossier = getattr(verwezen, f"dossier_{naam}")
        Notificatie.objects.create(
            bericht_id=uuid.uuid4(),
            bron="00000001800866472000",
            doel=dossier.gemeente.oin,
            gemeente=dossier.gemeente,
            gebeurtenis_id="SS109",
            bsn=dossier.bsn,
            registratie_datum_tijd=NU,
            inburgeraar=dossier,
            actie="Tijdelijke vrijstelling: schort de begeleiding op.",
        )
    return verwezen


@pytest.fixture
def vernietigd(verwezen):
    """A dossier of Bladel closed in 2020 and destroyed now: a vernietigingslijst and its proces-verbaal."""
    return vernietig_oud_dossier(verwezen)


def vernietig_oud_dossier(verwezen):
    with time_machine.travel(datetime.datetime(2020, 6, 1, 10, 0, tzinfo=datetime.UTC), tick=False):
        InburgeraarFactory(gemeente=verwezen.bladel, fase=Fase.AFGEROND)
    with time_machine.travel(NU, tick=False):
        [verwezen.lijst] = vernietiging.stel_vernietigingslijsten_voor()
        vernietiging.keur_goed(door=verwezen.beheerder, lijst=verwezen.lijst)
        verwezen.procesverbaal = vernietiging.vernietig(lijst_id=verwezen.lijst.pk)
    return verwezen


@pytest.fixture
def beheerobjecten(verwezen, pips):
    """What the beheerders keep per gemeente (a logo, prices, aanbieders, toelichtingen), as in the matrix."""
    return maak_beheerobjecten(verwezen)


def _png() -> bytes:
    from PIL import Image

    bestand = io.BytesIO()
    Image.new("RGB", (2, 2), "navy").save(bestand, format="PNG")
    return bestand.getvalue()


def maak_beheerobjecten(wereld):
    """What a beheerder keeps per gemeente, for Bladel (KempenPlus) and Emmen (Menso): a letterhead logo, a
    contract price, an aanbieder, a translated toelichting; a partner's API client working for Bladel; and
    the dossier records the admin shows read-only (a voortgangsgesprek and a melding, beside the PIP,
    handhaving, verwijzing, ontzorging and hours the other builders made)."""
    with time_machine.travel(NU, tick=False):
        wereld.bladel.logo.save("bladel.png", ContentFile(_png()))
        for naam in ("bladel", "emmen"):
            gemeente = getattr(wereld, naam)
            aanbieder = Aanbieder.objects.create(naam=f"Taalschool {gemeente}")
            aanbieder.gemeenten.set([gemeente])
            setattr(wereld, f"aanbieder_{naam}", aanbieder)
            prijs = Contractprijs.objects.create(
                aanbieder=aanbieder,
                voorziening=Voorziening.TOLK,
                eenheid=Eenheid.INZET,
                prijs=Decimal(75),
                gemeente=gemeente,
                geldig_van=datetime.date(2026, 1, 1),
            )
            setattr(wereld, f"prijs_{naam}", prijs)
            toelichting = Toelichting.objects.create(
                gemeente=gemeente,
                taal="ar",
                titel="شرح",
                rechtsgeldigheid="…",
                uitleg_pip="…",
                uitleg_bezwaar="…",
                uitleg_regisseur="…",
            )
            setattr(wereld, f"toelichting_{naam}", toelichting)
        partner = Team.objects.get(organisatie__naam="VluchtelingenWerk")
        wereld.apiclient, _sleutel = sleutels.maak_client(
            naam="Cliëntvolgsysteem", team=partner, geldig_tot=NU + datetime.timedelta(days=365)
        )
        wereld.voortgangsgesprek = pip_services.leg_voortgangsgesprek_vast(
            door=wereld.regisseur,
            inburgeraar=wereld.dossier_bladel,
            gegevens={
                "datum": datetime.date(2026, 11, 22),
                "deelnemers": "Regisseur en inburgeraar",
                "volgende_datum": datetime.date(2027, 2, 22),
            },
        )
        wereld.melding = ontzorgen.maak_melding(
            door=wereld.begeleider, inburgeraar=wereld.dossier_bladel, soort="vraag", tekst="Vraag over de huur."
        )
    return wereld


def _doel(wereld, naam):
    if naam.startswith("gemeente_"):
        return getattr(wereld, naam.removeprefix("gemeente_"))
    return getattr(
        wereld,
        naam
        if naam.startswith(("uren_", "signaal_", "lijst", "procesverbaal", "groep_", "duo_", "overleg_"))
        else f"dossier_{naam}",
    )


def _rij(url_name, methode, dossier, verwacht, rest):
    """One case per URL, method and target, with the status every role must get."""
    statussen = {rol: verwacht.get(rol, rest) for rol in ROLLEN}
    return pytest.param(url_name, methode, dossier, statussen, id=f"{url_name}-{dossier}")


@pytest.fixture(scope="module")
def matrixwereld(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world with every object any URL of the matrix needs, built once per module (and xdist worker) in a
    transaction rolled back at the end; each case runs in a savepoint of its own. Built per case, the world was
    most of the matrix's time. The build gets what the suite's autouse fixtures give a test: MD5 passwords, the
    stand-in PDF renderer, tasks in-process."""
    instellingen = override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"), PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]
    )
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        instellingen,
        pytest.MonkeyPatch.context() as patch,
        time_machine.travel(NU, tick=False),
    ):
        patch.setattr(pdf_module, "html_naar_pdf", minimale_pdf)
        # Celery's conf is no plain attribute for monkeypatch; the suite's own fixture does the same.
        eager, celery_app.conf.task_always_eager = celery_app.conf.task_always_eager, True
        wereld = verwijs(bouw_wereld())
        objecten = {"intakes": maak_intakes(wereld), "pips": maak_pips(wereld)}
        objecten["leerroute_objecten"] = maak_leerroute_objecten(wereld)
        maak_signalen(wereld)
        for maak in (vernietig_oud_dossier, maak_duo_bericht, maak_duo_notificatie, maak_duo_acties):
            maak(wereld)
        maak_beheerobjecten(wereld)
        plan_overleggen(wereld)
        celery_app.conf.task_always_eager = eager
        yield wereld, objecten
        transaction.set_rollback(True)


@pytest.mark.parametrize(("url_name", "methode", "dossier", "statussen"), [_rij(*rij) for rij in MATRIX])
@pytest.mark.django_db
def test_every_role_gets_exactly_what_the_rule_allows(
    matrixwereld, client, monkeypatch, url_name, methode, dossier, statussen
):
    wereld, objecten = matrixwereld
    monkeypatch.setattr(views_overleg, "render_pdf", _pdf_stand_in)  # access is tested here; test_overleg renders
    kwargs = (
        _kwargs(
            url_name,
            _doel(wereld, dossier),
            objecten["intakes"],
            objecten["pips"],
            objecten["leerroute_objecten"],
        )
        if dossier
        else _KWARGS_ZONDER_DOEL.get(url_name, {})
    )
    url = reverse(url_name, kwargs=kwargs)
    gekregen = {}
    with time_machine.travel(NU, tick=False):
        for rol in statussen:
            # Each role in a savepoint of its own: what one role's post changes, the next never sees.
            with transaction.atomic():
                client.logout()
                if rol != "anoniem":
                    client.force_login(getattr(wereld, rol))
                response = getattr(client, methode)(url)
                gekregen[rol] = response.status_code
                if rol != "anoniem":
                    assert_niet_bewaard(response)
                transaction.set_rollback(True)
    assert gekregen == statussen


@pytest.fixture
def intakes(wereld):
    """Both dossiers in intake, each with a missed invitation, so every intake URL has its objects."""
    return maak_intakes(wereld)


def maak_intakes(wereld):
    gemist = {}
    for dossier in (wereld.dossier_bladel, wereld.dossier_eersel):
        intake = intake_services.start_intake(door=None, inburgeraar=dossier)
        gemist[dossier.pk] = intake_services.registreer_niet_verschenen(
            door=None, intake=intake, datum=datetime.date(2026, 9, 14), geldige_reden=False
        )
    return gemist


@pytest.fixture
def pips(verwezen, intakes, settings, tmp_path):
    """Both dossiers with a vastgesteld PIP, a concept wijziging and a boete with its beschikking."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return maak_pips(verwezen)


def maak_pips(verwezen):
    besluiten = {}
    for dossier in (verwezen.dossier_bladel, verwezen.dossier_eersel):
        geef_pip(dossier, leerroute=None, kennisgeving=None, dagtekening=datetime.date(2026, 11, 20))
        pip_services.start_wijziging(door=None, inburgeraar=dossier, reden="omstandigheden")
        besluiten[dossier.pk] = handhaven.leg_vast(
            door=None,
            inburgeraar=dossier,
            gegevens={
                "soort": "waarschuwing",
                "verplichting": "pvt",
                "feiten": "Twee workshops gemist.",
                "verwijtbaarheid": "volledig",
                "verwijtbaarheid_motivatie": "Geen reden gegeven.",
                "bedrag": None,
                "dagtekening": datetime.date(2026, 11, 21),
            },
        )
    return besluiten


@pytest.fixture
def overleggen(verwezen, monkeypatch):
    """An overleg per team, each with its own dossier on the agenda and an agreement of its voorzitter.

    Access is what this module tests, so the PDFs are stand-ins: tests/pip/test_overleg.py renders them."""
    monkeypatch.setattr(views_overleg, "render_pdf", _pdf_stand_in)
    return plan_overleggen(verwezen)


def _pdf_stand_in(template, context):
    return "", b"%PDF-1.7 stand-in"


def plan_overleggen(verwezen):
    with time_machine.travel(NU, tick=False):
        for naam, voorzitter, deelnemers in [
            ("bladel", verwezen.regisseur, [verwezen.teamleider, verwezen.begeleider]),
            ("eersel", verwezen.regisseur_eersel, []),
        ]:
            overleg = overleg_diensten.plan_overleg(
                door=voorzitter, datum=datetime.date(2026, 11, 24), deelnemers=deelnemers
            )
            punt = overleg_diensten.zet_op_agenda(
                door=voorzitter, overleg=overleg, inburgeraar=getattr(verwezen, f"dossier_{naam}")
            )
            overleg_diensten.maak_afspraak(door=voorzitter, agendapunt=punt, omschrijving="Bellen", eigenaar=voorzitter)
            setattr(verwezen, f"overleg_{naam}", overleg)
    return verwezen


@pytest.fixture
def leerroute_objecten(pips, verwezen):
    """Per dossier a deelname, and per team a PVT group with that dossier as member and a sessie."""
    return maak_leerroute_objecten(verwezen)


def maak_leerroute_objecten(verwezen):
    deelnames = {}
    with time_machine.travel(NU, tick=False):
        for naam, door in [("bladel", verwezen.regisseur), ("eersel", verwezen.regisseur_eersel)]:
            dossier = getattr(verwezen, f"dossier_{naam}")
            deelnames[dossier.pk] = leerroutes.registreer_deelname(
                door=door,
                inburgeraar=dossier,
                gegevens={
                    "periode_van": datetime.date(2026, 11, 20),
                    "periode_tot": datetime.date(2026, 11, 21),
                    "lesuren": 6,
                },
            )
            groep = groepen.maak_groep(door=door, naam=f"PVT {naam}", onderdeel="pvt", gemeenten=[dossier.gemeente])
            groepen.voeg_leden_toe(door=door, groep=groep, inburgeraars=[dossier])
            groepen.plan_sessie(
                door=door,
                groep=groep,
                gegevens={
                    "datum": datetime.date(2026, 11, 21),
                    "soort": "pvt_workshop",
                    "onderwerp": "Vrijheid",
                    "uren": Decimal(3),
                },
            )
            setattr(verwezen, f"groep_{naam}", groep)
    return deelnames


# A page without an object that still names something in its URL.
_KWARGS_ZONDER_DOEL = {"inburgering:werkvoorraad_lijst": {"sleutel": "termijnen_vandaag"}}


def _kwargs(url_name, doel, intakes, pips, deelnames) -> dict:
    kwargs = {"pk": doel.pk}
    if url_name == "leerroutes:leerroute_deelname_verwijderen":
        kwargs["deelname"] = deelnames[doel.pk].pk
    if url_name == "groepen:groep_aanwezigheid":
        kwargs["sessie"] = doel.sessies.get().pk
    if url_name == "pip:pip_download":
        kwargs["versie"] = 1
    if url_name in ("pip:pip_handhaving_download", "pip:pip_handhaving_intrekken"):
        kwargs["besluit"] = pips[doel.pk].pk
    if url_name == "inburgering:duo_actie_afhandelen":
        kwargs["notificatie"] = doel.duo_notificaties.get().pk
    if url_name in ("overleggen:overleg_bespreking", "overleggen:overleg_afspraak"):
        kwargs["punt"] = doel.agendapunten.get().pk
    if url_name == "overleggen:overleg_afspraak_afgerond":
        kwargs["afspraak"] = doel.agendapunten.get().afspraken.get().pk
    if url_name == "intake:intake_leefgebied":
        kwargs["sectie"] = "opleiding"
    if url_name == "intake:intake_stap":
        kwargs["stap"] = "opleiding"
    if url_name in ("intake:intake_vervolgstap", "intake:intake_brief"):
        kwargs["gemist"] = intakes[doel.pk].pk
    return kwargs


def test_every_url_is_in_the_matrix():
    in_matrix = {rij[0] for rij in MATRIX}
    ontbrekend = _alle_url_namen(get_resolver()) - in_matrix - BUITEN_MATRIX
    assert not ontbrekend, f"Voeg deze URL's toe aan de isolatiematrix: {sorted(ontbrekend)}"


def test_every_api_url_is_also_in_the_client_matrix():
    """The API's URLs are walked twice: as every browser role here, and as every partner client in tests/api."""
    api_urls = {naam for naam in _alle_url_namen(get_resolver()) if naam.startswith("api_")}
    ontbrekend = api_urls - {rij[0] for rij in API_MATRIX}
    assert api_urls and not ontbrekend, f"Voeg deze URL's toe aan API_MATRIX in tests/api: {sorted(ontbrekend)}"


def _alle_url_namen(resolver, namespace="") -> set[str]:
    namen = set()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            if patroon.namespace == "admin":
                continue  # Django's admin checks its own permissions; its index is in the matrix
            namen |= _alle_url_namen(patroon, patroon.namespace or namespace)
        elif isinstance(patroon, URLPattern) and patroon.name:
            namen.add(f"{namespace}:{patroon.name}" if namespace else patroon.name)
    return namen


# /beheer/: every registered ModelAdmin, by what it holds. A row holding one organisatie's data names the
# KempenPlus object in the matrix world, who manages it there and who must not reach it: that user's changelist
# leaves it out (or answers 403) and its change page sends them back (302, as for a row that does not exist)
# or answers 403. The dossier records are shown read-only, by the one visibility rule: the regisseur sees them
# (made staff for the case), no beheer role does.
_ANDERE_BEHEERDERS = ["beheerder_emmen", "applicatiebeheerder"]
_DOSSIERRECORD = ("regisseur", ["regisseur_eersel", "beheerder", "beheerder_emmen", "applicatiebeheerder"])
ADMIN_MATRIX = {
    "inburgering.gemeente": (lambda w: w.bladel, "beheerder", ["beheerder_emmen"]),
    "inburgering.team": (lambda w: w.kempenplus, "beheerder", ["beheerder_emmen"]),
    "inburgering.user": (lambda w: w.regisseur, "beheerder", _ANDERE_BEHEERDERS),
    "inburgering.apiclient": (lambda w: w.apiclient, "beheerder", _ANDERE_BEHEERDERS),
    "auth.group": (lambda w: w.kempenplus.groep, "beheerder", ["beheerder_emmen"]),
    "pip.toelichting": (lambda w: w.toelichting_bladel, "beheerder", _ANDERE_BEHEERDERS),
    "leerroutes.aanbieder": (lambda w: w.aanbieder_bladel, "beheerder", _ANDERE_BEHEERDERS),
    "kosten.contractprijs": (lambda w: w.prijs_bladel, "beheerder", _ANDERE_BEHEERDERS),
    "pip.pip": (lambda w: w.dossier_bladel.pips.first(), *_DOSSIERRECORD),
    "pip.voortgangsgesprek": (lambda w: w.voortgangsgesprek, *_DOSSIERRECORD),
    "pip.handhaving": (lambda w: w.dossier_bladel.handhavingen.first(), *_DOSSIERRECORD),
    "ontzorgen.verwijzing": (lambda w: w.dossier_bladel.verwijzingen.first(), *_DOSSIERRECORD),
    "ontzorgen.ontzorging": (lambda w: w.dossier_bladel.ontzorgingen.first(), *_DOSSIERRECORD),
    "ontzorgen.urenregistratie": (lambda w: w.uren_bladel, *_DOSSIERRECORD),
    "ontzorgen.melding": (lambda w: w.melding, *_DOSSIERRECORD),
}
# The installation's own tables: the applicatiebeheerder's, no organisatie's beheerder.
ADMIN_INSTALLATIE = {
    "inburgering.regio",
    "inburgering.organisatie",
    "inburgering.oidcconfig",
    "inburgering.gelijkgesteldedag",
}
# Lock-outs and the audit history: a superuser's, no role's.
ADMIN_SUPERUSER = {"axes.accessattempt", "axes.accesslog", "axes.accessfailurelog", "auditlog.logentry"}


def test_every_model_admin_is_in_the_admin_matrix():
    geregistreerd = {model._meta.label_lower for model in admin.site._registry}
    ontbrekend = geregistreerd - set(ADMIN_MATRIX) - ADMIN_INSTALLATIE - ADMIN_SUPERUSER
    assert not ontbrekend, f"Voeg deze modellen toe aan ADMIN_MATRIX: {sorted(ontbrekend)}"


def _admin_url(label, soort, *args):
    return reverse(f"admin:{label.replace('.', '_')}_{soort}", args=args)


def _als(client, wereld, rol):
    user = getattr(wereld, rol)
    type(user).objects.filter(pk=user.pk).update(is_staff=True)  # rolled back with the case's savepoint
    client.force_login(type(user).objects.get(pk=user.pk))


@pytest.mark.parametrize("label", sorted(ADMIN_MATRIX))
@pytest.mark.django_db
def test_each_beheerder_reaches_only_their_own_organisaties_rows_in_beheer(matrixwereld, client, label):
    wereld, _objecten = matrixwereld
    pak, eigen, anderen = ADMIN_MATRIX[label]
    doel = pak(wereld)
    assert doel is not None, f"de matrixwereld heeft geen {label}"
    gekregen, verwacht = {}, {}
    with time_machine.travel(NU, tick=False):
        for rol in [eigen, *anderen]:
            with transaction.atomic():
                _als(client, wereld, rol)
                lijst = client.get(_admin_url(label, "changelist"))
                in_lijst = lijst.status_code == 200 and doel.pk in {o.pk for o in lijst.context["cl"].queryset}
                wijzig = client.get(_admin_url(label, "change", doel.pk)).status_code
                gekregen[rol] = (in_lijst, wijzig if wijzig == 200 else "weg")
                verwacht[rol] = (True, 200) if rol == eigen else (False, "weg")
                if rol != eigen:
                    assert lijst.status_code in (200, 403) and wijzig in (302, 403), (rol, lijst.status_code, wijzig)
                transaction.set_rollback(True)
    assert gekregen == verwacht


@pytest.mark.parametrize("label", sorted(ADMIN_INSTALLATIE | ADMIN_SUPERUSER))
@pytest.mark.django_db
def test_the_installations_tables_are_the_applicatiebeheerders_alone(matrixwereld, client, label):
    wereld, _objecten = matrixwereld
    gekregen = {}
    with time_machine.travel(NU, tick=False):
        for rol in ("beheerder", "beheerder_emmen", "privacy", "applicatiebeheerder"):
            with transaction.atomic():
                _als(client, wereld, rol)
                gekregen[rol] = client.get(_admin_url(label, "changelist")).status_code
                transaction.set_rollback(True)
    # The single OIDC configuration's list is its form: a redirect to add it.
    toegang = (302 if label == "inburgering.oidcconfig" else 200) if label in ADMIN_INSTALLATIE else 403
    assert gekregen == {"beheerder": 403, "beheerder_emmen": 403, "privacy": 403, "applicatiebeheerder": toegang}
