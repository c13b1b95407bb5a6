"""factory-boy factories built on the services, so test state is reached the way users reach it."""

import datetime
import itertools

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from inburgering import services
from inburgering.fasen import Fase, RedenAfronding, pad
from inburgering.models import Doelgroep, Gemeente, Inburgeraar, Organisatie, Regio, Team
from inburgering.permissions import INZIEN, RAPPORTAGES, WIJZIGEN
from pip import services as pip_services

# A PIP of 3 March 2025: its inburgeringstermijn runs from 4 March 2025 to 3 March 2028.
PIP_DAGTEKENING = datetime.date(2025, 3, 3)
PIP_KENNISGEVING = datetime.date(2025, 1, 6)


def geldige_bsns():
    """An endless supply of distinct BSNs that pass the elfproef."""
    for prefix in itertools.count(20_000_000):
        cijfers = str(prefix)
        controle = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if controle < 10:
            yield cijfers + str(controle)


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ["naam"]

    naam = "Kempen"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    gemeentecode = factory.Sequence(lambda n: f"{9000 + n:04d}")
    oin = factory.Sequence(lambda n: f"{n:020d}")
    regio = factory.SubFactory(RegioFactory)


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = Organisatie.Soort.UITVOERDER


def maak_team(organisatie_naam, naam="Casusregie", *, inzien=(), wijzigen=(), rapportages=()) -> Team:
    team = services.maak_team(organisatie=OrganisatieFactory(naam=organisatie_naam), naam=naam)
    rechten = {INZIEN: list(inzien), WIJZIGEN: list(wijzigen), RAPPORTAGES: list(rapportages)}
    # A new team has no rights yet: only the ones it gets need granting.
    if toe_te_kennen := {codename: gemeenten for codename, gemeenten in rechten.items() if gemeenten}:
        services.ken_gemeenten_toe(team=team, rechten=toe_te_kennen)
    return team


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a role (group name from inburgering.rollen) and optionally a team.

    The password is hashed when the user is built (settings.PASSWORD_HASHERS: MD5 in tests) and the role
    and team groups are added in one go: the `wereld` of every test makes nine users."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@test.example")
    password = factory.django.Password("geheim-wachtwoord")

    @factory.post_generation
    def rol(self, create, naam, **kwargs):
        return naam

    @factory.post_generation
    def team(self, create, team, **kwargs):
        return team

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not create or not results:
            return
        groepen = list(Group.objects.filter(name=results["rol"])) if results.get("rol") else []
        if team := results.get("team"):
            groepen.append(team.groep)
            # A team's members work for its organisatie (the admin's member picker enforces it).
            if instance.organisatie_id is None:
                instance.organisatie = team.organisatie
                instance.save(update_fields=["organisatie"])
        if groepen:
            instance.groups.add(*groepen)


class InburgeraarFactory(factory.Factory):
    """Registers a dossier through services.registreer_dossier; `fase` walks the state machine."""

    class Meta:
        model = Inburgeraar

    bsn = factory.Iterator(geldige_bsns(), cycle=False)
    voornamen = factory.Faker("first_name")
    tussenvoegsel = ""
    achternaam = factory.Faker("last_name")
    geboortedatum = datetime.date(1990, 5, 17)
    doelgroep = Doelgroep.ASIELSTATUSHOUDER
    gemeente = factory.SubFactory(GemeenteFactory)
    datum_koppeling = datetime.date(2026, 9, 1)
    taal = "Arabisch"
    # Letters are final only with a postal address (inburgering/brieven.py); a test of its absence clears it.
    adres = "Markt 1, 5531 BC Bladel"

    # The content of a vastgesteld PIP (see geef_pip), or None for a dossier without one.
    pip = None

    class Params:
        # In uitvoering with a vastgesteld PIP on the B1-route of PIP_DAGTEKENING, its regisseur as author.
        met_pip = factory.Trait(pip=factory.Dict({"leerroute": "B"}))

    @classmethod
    def _create(cls, model_class, *args, fase=Fase.AANGEMELD, regisseur=None, door=None, pip=None, **kwargs):
        inburgeraar = services.registreer_dossier(door=door, gegevens={**kwargs, "regisseur": regisseur})
        if pip is not None:
            return geef_pip(inburgeraar, door=door or regisseur, **pip)
        for stap in _pad_naar(fase, kwargs.get("regime", "")):
            reden_afronding = RedenAfronding.VOLDAAN if stap == Fase.AFGEROND else ""
            inburgeraar = services.wijzig_fase(
                door=door, inburgeraar=inburgeraar, fase=stap, reden_afronding=reden_afronding
            )
        return inburgeraar

    @classmethod
    def _build(cls, model_class, *args, fase=Fase.AANGEMELD, regisseur=None, door=None, pip=None, **kwargs):
        return model_class(*args, fase=fase, regisseur=regisseur, **kwargs)


def geef_pip(
    inburgeraar,
    *,
    door=None,
    leerroute="B",
    dagtekening=PIP_DAGTEKENING,
    kennisgeving=PIP_KENNISGEVING,
    **inhoud,
):
    """Walk the dossier to uitvoering with a vastgesteld PIP on `leerroute`, the way a regisseur does.

    `kennisgeving` (also the vestiging) is recorded first unless None; `leerroute=None` keeps the concept's
    own (from the intake's advice); `inhoud` sets further fields of the concept (e.g. alfabetisering="AA").
    """
    if kennisgeving is not None:
        services.wijzig_dossier(
            door=door,
            inburgeraar=inburgeraar,
            wijzigingen={"datum_kennisgeving": kennisgeving, "datum_vestiging": kennisgeving},
        )
        inburgeraar.refresh_from_db()
    fase = Inburgeraar.objects.values_list("fase", flat=True).get(pk=inburgeraar.pk)
    if fase == Fase.AANGEMELD:
        fase = services.wijzig_fase(door=door, inburgeraar=inburgeraar, fase=Fase.INTAKE).fase
    if fase == Fase.INTAKE:
        services.wijzig_fase(door=door, inburgeraar=inburgeraar, fase=Fase.PIP)
    concept = pip_services.start_concept(door=door, inburgeraar=inburgeraar)
    if leerroute is not None or inhoud:
        gegevens = {"leerroute": leerroute, "niveau": ""} if leerroute is not None else {}
        pip_services.wijzig_concept(door=door, pip=concept, gegevens={**gegevens, **inhoud})
    pip_services.stel_vast(door=door, pip=concept, dagtekening=dagtekening)
    inburgeraar.refresh_from_db()
    return inburgeraar


def _pad_naar(fase, regime) -> list[str]:
    volgorde = pad(regime)[1:]  # from aangemeld, where registration leaves it
    return volgorde[: volgorde.index(fase) + 1] if fase in volgorde else []
