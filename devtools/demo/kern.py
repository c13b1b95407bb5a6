"""Demo data from the municipal policy documents the product comes from: regio's, gemeenten, teams, users, dossiers.

Deterministic and idempotent: a seeded random generator, and every row is looked up by its
natural key before it is created, so a second run changes nothing. BSNs are fictitious (the
999 9x xxx test range) but pass the elfproef.
"""

import random
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from inburgering import opmaak, services
from inburgering.api import sleutels
from inburgering.fasen import EINDFASEN, Fase, RedenAfronding, RedenUitschrijving, Uitstroom
from inburgering.models import (
    ApiClient,
    Doelgroep,
    Gebeurtenis,
    Gemeente,
    Inburgeraar,
    Organisatie,
    Regime,
    Regio,
    Team,
    Vernietigingslijst,
)
from inburgering.permissions import INZIEN, RAPPORTAGES, WIJZIGEN
from inburgering.queries import regisseurs_voor
from inburgering.rollen import (
    APPLICATIEBEHEERDER,
    BEGELEIDER,
    BELEIDSMEDEWERKER,
    CASUSREGISSEUR,
    FUNCTIONEEL_BEHEERDER,
    GEZONDHEIDSGEGEVENS,
    PRIVACYFUNCTIONARIS,
    TEAMLEIDER,
    sync_rollen,
)

DEMO_WACHTWOORD = "Inburgering-demo-2026"

# Regio -> [(gemeente, CBS gemeentecode, relative size of its caseload)]
REGIO_GEMEENTEN = {
    "Kempen": [("Bergeijk", "1724", 5), ("Bladel", "1728", 7), ("Eersel", "0770", 4), ("Reusel-De Mierden", "1667", 4)],
    "Regio Alkmaar": [
        ("Alkmaar", "0361", 10),
        ("Bergen (NH)", "0373", 2),
        ("Castricum", "0383", 2),
        ("Heerhugowaard", "0398", 5),
        ("Heiloo", "0399", 2),
        ("Langedijk", "0416", 2),
        ("Uitgeest", "0450", 1),
    ],
    "Maastricht-Heuvelland": [
        ("Maastricht", "0935", 10),
        ("Eijsden-Margraten", "1903", 2),
        ("Gulpen-Wittem", "1729", 1),
        ("Meerssen", "0938", 2),
        ("Vaals", "0981", 1),
        ("Valkenburg aan de Geul", "0994", 2),
    ],
    "Weert, Nederweert en Cranendonck": [("Weert", "0988", 4), ("Nederweert", "0946", 2), ("Cranendonck", "1706", 2)],
    "Zuidoost-Drenthe": [("Emmen", "0114", 9)],
}

ALKMAAR = [g for g, *_ in REGIO_GEMEENTEN["Regio Alkmaar"]]
HEUVELLAND = [g for g, *_ in REGIO_GEMEENTEN["Maastricht-Heuvelland"]]

# Organisatie, soort, team, the gemeenten it runs casusregie for.
CASUSREGIE = [
    ("KempenPlus", Organisatie.Soort.UITVOERDER, "Casusregie", ["Bergeijk", "Bladel", "Reusel-De Mierden"]),
    ("Gemeente Eersel", Organisatie.Soort.GEMEENTE, "Inburgering", ["Eersel"]),
    (
        "Gemeente Alkmaar",
        Organisatie.Soort.GEMEENTE,
        "Regieteam inburgering",
        [g for g, *_ in REGIO_GEMEENTEN["Regio Alkmaar"]],
    ),
    (
        "SZMH",
        Organisatie.Soort.UITVOERDER,
        "Casusregie inburgering",
        [g for g, *_ in REGIO_GEMEENTEN["Maastricht-Heuvelland"]],
    ),
    ("Gemeente Weert", Organisatie.Soort.GEMEENTE, "Inburgering", ["Weert", "Nederweert", "Cranendonck"]),
    ("Menso", Organisatie.Soort.UITVOERDER, "Casusregie", ["Emmen"]),
]

# username, first name, last name, role, organisatie, team
GEBRUIKERS = [
    ("regisseur", "Sanne", "de Vries", CASUSREGISSEUR, "KempenPlus", "Casusregie"),
    ("regisseur2", "Youssef", "El Amrani", CASUSREGISSEUR, "KempenPlus", "Casusregie"),
    ("teamleider", "Marieke", "Janssen", TEAMLEIDER, "KempenPlus", "Casusregie"),
    ("regisseur.eersel", "Tom", "van Asten", CASUSREGISSEUR, "Gemeente Eersel", "Inburgering"),
    ("regisseur.alkmaar", "Fatima", "Bakker", CASUSREGISSEUR, "Gemeente Alkmaar", "Regieteam inburgering"),
    ("regisseur.szmh", "Luc", "Hermans", CASUSREGISSEUR, "SZMH", "Casusregie inburgering"),
    ("regisseur.weert", "Ingrid", "Peeters", CASUSREGISSEUR, "Gemeente Weert", "Inburgering"),
    ("regisseur.menso", "Jeroen", "Lubbers", CASUSREGISSEUR, "Menso", "Casusregie"),
    ("begeleider", "Amal", "Haddad", BEGELEIDER, "VluchtelingenWerk Zuid-Nederland", "Maatschappelijke begeleiding"),
    ("beleid", "Peter", "Smulders", BELEIDSMEDEWERKER, "Gemeente Bladel", "Beleid Kempen"),
    # Beheer and privacy work per organisatie, for the gemeenten it serves; the applicatiebeheerder keeps what
    # the installation shares (regio's, organisaties, gemeenten, single sign-on) and belongs to none.
    ("beheer", "Anouk", "Willems", FUNCTIONEEL_BEHEERDER, "KempenPlus", None),
    ("privacy", "Lotte", "Verbeek", PRIVACYFUNCTIONARIS, "KempenPlus", None),
    ("beheer.szmh", "Ruud", "Coenen", FUNCTIONEEL_BEHEERDER, "SZMH", None),
    ("privacy.szmh", "Noor", "Wetzels", PRIVACYFUNCTIONARIS, "SZMH", None),
    ("applicatiebeheer", "Henk", "Dijkstra", APPLICATIEBEHEERDER, None, None),
]

# Extra rights on top of a role: Sanne and Tom may see health data, Youssef (regisseur2) may not.
EXTRA_RECHTEN = {"regisseur": [GEZONDHEIDSGEGEVENS], "regisseur.eersel": [GEZONDHEIDSGEGEVENS]}

VOORNAMEN = [
    "Ahmad",
    "Mohammed",
    "Rania",
    "Yonas",
    "Semhar",
    "Fatima",
    "Omar",
    "Layla",
    "Abdi",
    "Hawa",
    "Tesfay",
    "Huda",
    "Samir",
    "Nour",
    "Mustafa",
    "Aster",
    "Bilal",
    "Zainab",
    "Dawit",
    "Amina",
    "Karim",
    "Saba",
    "Hamid",
    "Mariam",
    "Yusuf",
    "Selam",
    "Farid",
    "Leyla",
    "Hassan",
    "Rahel",
    "Ali",
    "Shirin",
    "Mehmet",
    "Elif",
    "Tariq",
    "Nadia",
]
ACHTERNAMEN = [
    "Al-Hassan",
    "Haile",
    "Ahmadi",
    "Tesfamariam",
    "Khalil",
    "Mohamud",
    "Rahimi",
    "Berhane",
    "Yilmaz",
    "Haddad",
    "Nasser",
    "Gebremedhin",
    "Karimi",
    "Osman",
    "Hussein",
    "Mehari",
    "Sultani",
    "Abdullah",
    "Kaya",
    "Darwish",
    "Yohannes",
    "Hosseini",
    "Farah",
    "Ibrahim",
    "Demir",
    "Tekle",
    "Saleh",
    "Noori",
    "Bakr",
    "Ghebre",
]
TALEN = ["Arabisch", "Tigrinya", "Dari", "Pasjtoe", "Turks", "Koerdisch", "Somalisch", "Farsi", "Engels", "Amhaars"]
AZCS = ["AZC Budel", "AZC Heerhugowaard", "AZC Maastricht", "AZC Emmen", "AZC Weert", "AZC Oisterwijk", ""]
DOELGROEPEN = [
    (Doelgroep.ASIELSTATUSHOUDER, 60),
    (Doelgroep.GEZINSHERENIGER_ASIEL, 8),
    (Doelgroep.GEZINSVORMER, 10),
    (Doelgroep.GEZINSHERENIGER, 8),
    (Doelgroep.GEZINSVORMER_ASIEL, 4),
    (Doelgroep.GEESTELIJK_BEDIENAAR, 2),
    (Doelgroep.OVERIG, 8),
]
AANTAL_DOSSIERS = 300
ONDERTEKENAAR_FUNCTIE = "Teammanager Inburgering, namens het college van burgemeester en wethouders"


def fictieve_bsns(aantal: int) -> list[str]:
    """Valid (elfproef) BSNs in the 9999xxxxx range that the BRP does not hand out."""
    gevonden = []
    kandidaat = 999_900_000
    while len(gevonden) < aantal:
        kandidaat += 1
        cijfers = str(kandidaat)
        som = sum(int(c) * w for c, w in zip(cijfers[:8], range(9, 1, -1), strict=True)) - int(cijfers[8])
        if som % 11 == 0:
            gevonden.append(cijfers)
    return gevonden


def laad_demo() -> dict:
    return {**laad_basis(), **laad_dossiers()}


def laad_basis() -> dict:
    """Roles, regio's, gemeenten, teams with their rights, the demo accounts and a partner's API client."""
    sync_rollen()
    with transaction.atomic():
        gemeenten = _gemeenten()
        teams = _organisaties_en_teams(gemeenten)
        gebruikers = _gebruikers(teams)
        _api_client(teams["VluchtelingenWerk Zuid-Nederland", "Maatschappelijke begeleiding"])
    return {"gemeenten": len(gemeenten), "gebruikers": len(gebruikers)}


@transaction.atomic
def laad_dossiers() -> dict:
    """The dossiers, each walked through its fasen, and a vernietigingslijst; after laad_basis."""
    namen = {code: naam for leden in REGIO_GEMEENTEN.values() for naam, code, _gewicht in leden}
    gemeenten = {namen[g.gemeentecode]: g for g in Gemeente.objects.filter(gemeentecode__in=namen)}
    nieuw = _dossiers(gemeenten)
    _adressen_aanvullen()
    _ondertussen_groep()
    _vernietigingslijst()
    return {"nieuwe_dossiers": nieuw}


def _gemeenten() -> dict[str, Gemeente]:
    gemeenten = {}
    for regionaam, leden in REGIO_GEMEENTEN.items():
        regio, _ = Regio.objects.get_or_create(naam=regionaam)
        for naam, code, _gewicht in leden:
            gemeente, _ = Gemeente.objects.get_or_create(
                gemeentecode=code,
                defaults={
                    "naam": naam,
                    "regio": regio,
                    # Demo OIN: 00000001 + a number derived from the gemeentecode (not a real OIN).
                    "oin": f"00000001{int(code):09d}000",
                    "bezoekadres": f"Raadhuisplein 1, {naam}",
                    "postadres": f"Postbus {int(code)}, {naam}",
                    "telefoon": "14 0" + code[-3:],
                    "ondertekenaar_naam": "J. Demo",
                    "ondertekenaar_functie": ONDERTEKENAAR_FUNCTIE,
                },
            )
            gemeenten[naam] = gemeente
    return gemeenten


def _team(organisatie_naam, soort, team_naam) -> Team:
    organisatie, _ = Organisatie.objects.get_or_create(naam=organisatie_naam, defaults={"soort": soort})
    return Team.objects.filter(organisatie=organisatie, naam=team_naam).first() or services.maak_team(
        organisatie=organisatie, naam=team_naam
    )


def _organisaties_en_teams(gemeenten) -> dict[tuple[str, str], Team]:
    teams = {}
    for organisatie_naam, soort, team_naam, bediend in CASUSREGIE:
        team = _team(organisatie_naam, soort, team_naam)
        lijst = [gemeenten[g] for g in bediend]
        services.ken_gemeenten_toe(team=team, rechten={INZIEN: lijst, WIJZIGEN: lijst, RAPPORTAGES: lijst})
        teams[organisatie_naam, team_naam] = team
    beleid = _team("Gemeente Bladel", Organisatie.Soort.GEMEENTE, "Beleid Kempen")
    kempen = [gemeenten[g] for g, *_ in REGIO_GEMEENTEN["Kempen"]]
    services.ken_gemeenten_toe(team=beleid, rechten={INZIEN: [], WIJZIGEN: [], RAPPORTAGES: kempen})
    teams["Gemeente Bladel", "Beleid Kempen"] = beleid
    # Partners reach dossiers only through verwijzingen (ontzorgen), never through a gemeente.
    begeleiding = _team("VluchtelingenWerk Zuid-Nederland", Organisatie.Soort.PARTNER, "Maatschappelijke begeleiding")
    teams["VluchtelingenWerk Zuid-Nederland", "Maatschappelijke begeleiding"] = begeleiding
    return teams


def _gebruikers(teams) -> dict[str, object]:
    User = get_user_model()
    gebruikers = {}
    for username, voornaam, achternaam, rol, organisatie_naam, team_naam in GEBRUIKERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=voornaam,
                last_name=achternaam,
                email=f"{username}@demo.inburgering.example",
                organisatie=Organisatie.objects.get(naam=organisatie_naam) if organisatie_naam else None,
                is_staff=rol in (FUNCTIONEEL_BEHEERDER, APPLICATIEBEHEERDER),
            )
            user.set_password(DEMO_WACHTWOORD)
            user.save()
        user.groups.add(Group.objects.get(name=rol), *Group.objects.filter(name__in=EXTRA_RECHTEN.get(username, [])))
        if team_naam:
            user.groups.add(teams[organisatie_naam, team_naam].groep)
        gebruikers[username] = user
    return gebruikers


def _api_client(team) -> None:
    """A partner system's credential, so the role is in the demo. Its token is thrown away: a beheerder
    issues a usable one in /beheer/ (API-clients), where it is shown once."""
    if not ApiClient.objects.filter(team=team).exists():
        sleutels.maak_client(
            naam="Cliëntvolgsysteem (demo)", team=team, geldig_tot=timezone.now() + timedelta(days=365)
        )


def _dossiers(gemeenten) -> int:
    rng = random.Random(2021)  # the year of the Wet inburgering: same data on every run
    vandaag = timezone.localdate()
    regisseurs = {g.pk: list(regisseurs_voor(g)) for g in gemeenten.values()}
    gewogen = [g for leden in REGIO_GEMEENTEN.values() for naam, _c, w in leden for g in [gemeenten[naam]] * w]
    bestaand = set(Inburgeraar.objects.values_list("bsn", flat=True))
    nieuw = 0
    vorige = None
    for bsn in fictieve_bsns(AANTAL_DOSSIERS):
        gegevens = _persoon(rng, vandaag, gewogen)
        samen = vorige is not None and rng.random() < 0.2  # some live with the previous person
        if bsn in bestaand:
            vorige = None
            continue
        if samen:
            gegevens["gemeente"] = vorige.gemeente
            gegevens["achternaam"] = vorige.achternaam
        gegevens["bsn"] = bsn
        # Letters are final only with a postal address; housemates share one. Without rng, so the rest stays.
        gegevens["adres"] = vorige.adres if samen else _adres(bsn, gegevens["gemeente"])
        gegevens["regisseur"] = rng.choice(regisseurs[gegevens["gemeente"].pk]) if rng.random() < 0.9 else None
        gegevens["aantal_minderjarige_kinderen"] = rng.choice([0, 0, 1, 2, 3]) if samen else None
        inburgeraar = services.registreer_dossier(
            door=None, gegevens=gegevens, huishouden_van=vorige if samen else None
        )
        _doorloop_fasen(rng, inburgeraar, vandaag)
        vorige, nieuw = inburgeraar, nieuw + 1
    return nieuw


STRATEN = ["Markt", "Kerkstraat", "Dorpsstraat", "Molenweg", "Schoolstraat", "Stationsstraat", "Lindenlaan"]


def _adres(bsn: str, gemeente) -> str:
    """A fictitious postal address in the dossier's gemeente, derived from the BSN (no rng)."""
    getal = int(bsn)
    postcode = f"{5500 + getal % 400} {chr(65 + getal % 26)}{chr(65 + getal // 26 % 26)}"
    return f"{STRATEN[getal % len(STRATEN)]} {1 + getal % 97}, {postcode} {gemeente.naam}"


def _persoon(rng, vandaag, gewogen) -> dict:
    # A steady inflow plus extra recent arrivals, so every fase has dossiers.
    recent = rng.random() < 0.3
    koppeling = vandaag - timedelta(days=rng.randint(3, 100) if recent else int(rng.triangular(100, 1400, 300)))
    doelgroep = rng.choices([d for d, _ in DOELGROEPEN], weights=[w for _, w in DOELGROEPEN])[0]
    asiel = doelgroep in (Doelgroep.ASIELSTATUSHOUDER, Doelgroep.GEZINSHERENIGER_ASIEL)
    return {
        "voornamen": rng.choice(VOORNAMEN),
        "achternaam": rng.choice(ACHTERNAMEN),
        "geboortedatum": koppeling - timedelta(days=rng.randint(18 * 365, 60 * 365)),
        "doelgroep": doelgroep,
        "regime": Regime.WI2013 if koppeling.year < 2022 else Regime.WI2021,
        "gemeente": rng.choice(gewogen),
        "datum_koppeling": koppeling,
        "datum_kennisgeving": koppeling + timedelta(days=rng.randint(0, 14))
        if koppeling + timedelta(14) < vandaag
        else None,
        "datum_vestiging": koppeling + timedelta(days=rng.randint(20, 90))
        if koppeling + timedelta(90) < vandaag
        else None,
        "azc": rng.choice(AZCS) if asiel else "",
        "taal": rng.choice(TALEN),
        "tolk_nodig": rng.random() < 0.6,
        "telefoon": f"06{rng.randint(10_000_000, 99_999_999)}",
        "email": "",
        "adres": "",
    }


def _later(rng, datum, min_dagen, max_dagen, vandaag):
    """A date some days after `datum`, or None while that may still lie ahead."""
    later = datum + timedelta(days=rng.randint(min_dagen, max_dagen))
    return later if later <= vandaag and datum + timedelta(days=max_dagen) < vandaag else None


# How far a dossier has come, by days since koppeling: (from day, fasen passed through).
_VERLOOP = [
    (0, []),
    (21, [Fase.INTAKE]),
    (56, [Fase.INTAKE, Fase.PIP]),
    (84, [Fase.INTAKE, Fase.PIP, Fase.UITVOERING]),
    (1000, [Fase.INTAKE, Fase.PIP, Fase.UITVOERING, Fase.AFGEROND]),
]


_UITSTROOM = [Uitstroom.WERK, Uitstroom.OPLEIDING, Uitstroom.GEEN, ""]


def _doorloop_fasen(rng, inburgeraar, vandaag) -> None:
    dagen = (vandaag - inburgeraar.datum_koppeling).days
    fasen = [fasen for vanaf, fasen in _VERLOOP if dagen >= vanaf + (rng.randint(0, 30) if vanaf else 0)][-1]
    # Without drawing from rng, so the rest of the demo stays as it was: a mix of outflow for the reports.
    uitstroom = _UITSTROOM[inburgeraar.pk % len(_UITSTROOM)]
    for fase in fasen:
        afgerond = fase == Fase.AFGEROND
        services.wijzig_fase(
            door=inburgeraar.regisseur,
            inburgeraar=inburgeraar,
            fase=fase,
            reden_afronding=RedenAfronding.VOLDAAN if afgerond else "",
            uitstroom=uitstroom if afgerond else "",
        )
    if fasen and fasen[-1] != Fase.AFGEROND and rng.random() < 0.04:
        reden = rng.choice(RedenUitschrijving.values)
        services.wijzig_fase(
            door=inburgeraar.regisseur, inburgeraar=inburgeraar, fase=Fase.UITGESCHREVEN, reden_uitschrijving=reden
        )
    _dateer_tijdlijn(inburgeraar, dagen)


def _ondertussen_groep() -> None:
    """The ondertussen-groep (Wi2013, seeds 000_… and 002_…): the oldest running dossiers of Kempen and Weert
    became inburgeringsplichtig in late 2021; DUO gave them its termijn, extended for most (as it did on
    request). Without drawing from rng, so the rest of the demo stays as it was; once only (idempotent)."""
    if Inburgeraar.objects.filter(regime=Regime.WI2013).exists():
        return
    oudste = list(
        Inburgeraar.objects.filter(
            fase__in=[Fase.INTAKE, Fase.UITVOERING],
            gemeente__regio__naam__in=["Kempen", "Weert, Nederweert en Cranendonck"],
        ).order_by("datum_koppeling", "pk")[:12]
    )
    for dossier in oudste:
        koppeling = date(2021, 9, 1) + timedelta(days=dossier.pk % 100)
        start = koppeling + timedelta(days=14)
        Inburgeraar.objects.filter(pk=dossier.pk).update(
            regime=Regime.WI2013,
            datum_koppeling=koppeling,
            datum_kennisgeving=start,
            datum_vestiging=koppeling + timedelta(days=45),
            duo_begindatum_plicht=start,
            duo_startdatum_termijn=start,
            datum_einde_termijn_duo=start.replace(year=start.year + (6 if dossier.pk % 2 else 4)),  # DUO extended half
        )
        dossier.refresh_from_db()
        _herschrijf_tijdlijn_wi2013(dossier)
    services.synchroniseer_termijnen([dossier.pk for dossier in oudste])


def _herschrijf_tijdlijn_wi2013(dossier) -> None:
    """The tijdlijn as the Wi2013 walks it: registered at the koppeling the dossier states, then either in
    the intake or, without a PIP, straight to the uitvoering (inburgering/fasen.py, TRANSITIES_WI2013).
    The walk the Wi2021 generator wrote (with its 'PIP in voorbereiding') goes."""
    dossier.tijdlijn.all().delete()  # only the generator's own walk is there yet: the other apps load after
    services.schrijf_gebeurtenis(
        inburgeraar=dossier,
        soort=Gebeurtenis.Soort.GEREGISTREERD,
        omschrijving=gettext("Dossier geregistreerd bij gemeente %(gemeente)s (koppeling %(datum)s).")
        % {"gemeente": dossier.gemeente, "datum": opmaak.datum(dossier.datum_koppeling)},
        door=None,
    )
    services.schrijf_gebeurtenis(
        inburgeraar=dossier,
        soort=Gebeurtenis.Soort.FASE,
        omschrijving=gettext("Fase gewijzigd van '%(van)s' naar '%(naar)s'.")
        % {"van": Fase.AANGEMELD.label, "naar": Fase(dossier.fase).label},
        door=dossier.regisseur,
        van=Fase.AANGEMELD,
        naar=dossier.fase,
    )
    _dateer_tijdlijn(dossier, (timezone.localdate() - dossier.datum_koppeling).days)


def _adressen_aanvullen() -> None:
    """Demo dossiers loaded before addresses were part of the demo get theirs (idempotent)."""
    demo = set(fictieve_bsns(AANTAL_DOSSIERS))
    for dossier in Inburgeraar.objects.filter(adres="").select_related("gemeente").order_by("pk"):
        if dossier.bsn in demo:
            Inburgeraar.objects.filter(pk=dossier.pk).update(adres=_adres(dossier.bsn, dossier.gemeente))


def _vernietigingslijst() -> None:
    """A few closed dossiers ended long ago, so the beheerders find vernietigingslijsten to approve."""
    from inburgering.privacy.vernietiging import jaren_later, stel_vernietigingslijsten_voor

    if Vernietigingslijst.objects.exists():
        return
    lang_geleden = jaren_later(timezone.localdate(), -(settings.BEWAARTERMIJN_JAREN + 1))
    # Lists are per gemeente: some for KempenPlus' beheer and privacy, one for SZMH's.
    afgesloten = Inburgeraar.objects.filter(fase__in=EINDFASEN, vernietigd_op__isnull=True).order_by("pk")
    kempenplus = afgesloten.filter(gemeente__naam__in=["Bergeijk", "Bladel", "Reusel-De Mierden"])
    oud = [
        *kempenplus.values_list("pk", flat=True)[:4],
        *afgesloten.filter(gemeente__naam="Maastricht").values_list("pk", flat=True)[:2],
    ]
    Inburgeraar.objects.filter(pk__in=oud).update(datum_einde=lang_geleden)
    stel_vernietigingslijsten_voor()


def _dateer_tijdlijn(inburgeraar, dagen) -> None:
    """Spread the events the services just wrote over the dossier's real history."""
    gebeurtenissen = list(inburgeraar.tijdlijn.order_by("pk"))
    begin = timezone.make_aware(
        timezone.datetime.combine(inburgeraar.datum_koppeling, timezone.datetime.min.time())
    ) + timedelta(hours=10)
    stap = timedelta(days=max(dagen, 1) / (len(gebeurtenissen) + 1))
    for i, gebeurtenis in enumerate(gebeurtenissen):
        gebeurtenis.tijdstip = begin + stap * i
    Gebeurtenis.objects.bulk_update(gebeurtenissen, ["tijdstip"])
