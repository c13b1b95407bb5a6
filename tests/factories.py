"""factory-boy factories built on the services, so test state is reached the way users reach it."""

import datetime
import itertools

import factory

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from inburgering import services
from inburgering.fasen import Fase, RedenAfronding
from inburgering.models import Doelgroep, Gemeente, Inburgeraar, Organisatie, Regio, Team
from inburgering.permissions import INZIEN, RAPPORTAGES, WIJZIGEN


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
    services.ken_gemeenten_toe(
        team=team, rechten={INZIEN: list(inzien), WIJZIGEN: list(wijzigen), RAPPORTAGES: list(rapportages)}
    )
    return team


class UserFactory(factory.django.DjangoModelFactory):
    """A user with a role (group name from inburgering.rollen) and optionally a team."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda u: f"{u.username}@test.example")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord")

    @factory.post_generation
    def rol(self, create, naam, **kwargs):
        if naam:
            self.groups.add(Group.objects.get(name=naam))

    @factory.post_generation
    def team(self, create, team, **kwargs):
        if team:
            self.groups.add(team.groep)
            # A team's members work for its organisatie (the admin's member picker enforces it).
            self.organisatie = self.organisatie or team.organisatie
        self.save()


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

    @classmethod
    def _create(cls, model_class, *args, fase=Fase.AANGEMELD, regisseur=None, door=None, **kwargs):
        inburgeraar = services.registreer_dossier(door=door, gegevens={**kwargs, "regisseur": regisseur})
        for stap in _pad_naar(fase):
            reden_afronding = RedenAfronding.VOLDAAN if stap == Fase.AFGEROND else ""
            inburgeraar = services.wijzig_fase(
                door=door, inburgeraar=inburgeraar, fase=stap, reden_afronding=reden_afronding
            )
        return inburgeraar

    @classmethod
    def _build(cls, model_class, *args, fase=Fase.AANGEMELD, regisseur=None, door=None, **kwargs):
        return model_class(*args, fase=fase, regisseur=regisseur, **kwargs)


def _pad_naar(fase) -> list[str]:
    volgorde = [Fase.INTAKE, Fase.PIP, Fase.UITVOERING, Fase.AFGEROND]
    return volgorde[: volgorde.index(fase) + 1] if fase in volgorde else []
