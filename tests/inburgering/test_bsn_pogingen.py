"""A BSN held by a dossier the user may not see: refused in neutral words, recorded, and limited per day,
so no regisseur can test one BSN after another for whether it is an inburgeraar anywhere."""

import datetime
import threading

import pytest
import time_machine

from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from inburgering.models import Gebeurtenis, Inburgeraar, Inzage
from inburgering.rollen import PRIVACYFUNCTIONARIS
from tests.conftest import vereist
from tests.factories import UserFactory
from tests.inburgering.test_dossier import GELDIG_BSN, _registratie

NU = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)
NEUTRAAL = "Dit BSN kan hier niet worden gebruikt."
BEPERKT = "U heeft vandaag te vaak een BSN ingevoerd dat niet kon worden gebruikt."


@pytest.fixture
def regisseur(client, wereld):
    client.force_login(wereld.regisseur)
    return wereld.regisseur


def _registreer(client, wereld, bsn):
    return client.post(reverse("inburgering:dossier_registreren"), _registratie(wereld, bsn=bsn))


def _pogingen():
    return Inzage.objects.filter(soort=Inzage.Soort.BSN_GEWEIGERD)


def _bsn_fout(response) -> list[str]:
    return response.context["form"].errors.get("bsn", [])


def test_another_gemeentes_bsn_is_refused_in_words_that_name_neither_dossier_nor_gemeente(client, wereld, regisseur):
    response = _registreer(client, wereld, wereld.dossier_eersel.bsn)

    html = response.content.decode()
    assert _bsn_fout(response) == [
        "Dit BSN kan hier niet worden gebruikt. Controleer het BSN; klopt het, neem dan contact op met de "
        "functioneel beheerder. Deze poging is vastgelegd."
    ]
    for verborgen in [
        "Eersel",
        wereld.dossier_eersel.achternaam,
        reverse("inburgering:dossier", args=[wereld.dossier_eersel.pk]),
    ]:
        assert verborgen not in html
    assert 'value="Khalil"' in html
    assert Inburgeraar.objects.filter(bsn=wereld.dossier_eersel.bsn).count() == 1


def test_the_refusal_reads_the_same_for_every_dossier_the_user_may_not_see(client, wereld, regisseur):
    eersel = _bsn_fout(_registreer(client, wereld, wereld.dossier_eersel.bsn))
    emmen = _bsn_fout(_registreer(client, wereld, wereld.dossier_emmen.bsn))

    assert eersel == emmen


def test_a_dossier_the_user_may_see_is_still_linked_and_nothing_is_recorded(client, wereld, regisseur):
    response = _registreer(client, wereld, wereld.dossier_bergeijk.bsn)

    assert "Er bestaat al een dossier met dit BSN" in response.content.decode()
    assert not _pogingen().exists()
    assert not wereld.dossier_bergeijk.tijdlijn.filter(soort=Gebeurtenis.Soort.BSN_GEWEIGERD).exists()


@time_machine.travel(NU, tick=False)
def test_the_attempt_is_in_the_inzage_log_and_on_the_owning_teams_tijdlijn(client, wereld, regisseur):
    verborgen = wereld.dossier_eersel
    _registreer(client, wereld, verborgen.bsn)

    inzage = _pogingen().get()
    assert (inzage.user, inzage.inburgeraar, inzage.bsn, inzage.soort) == (
        regisseur,
        verborgen,
        verborgen.bsn,
        Inzage.Soort.BSN_GEWEIGERD,
    )
    # Eersel's own privacyfunctionaris finds it; KempenPlus', whose organisatie does not serve Eersel, does not.
    client.force_login(UserFactory(rol=PRIVACYFUNCTIONARIS, organisatie=wereld.team_eersel.organisatie))
    log = client.get(reverse("inburgering:inzagelog"), {"bsn": verborgen.bsn}).content.decode()
    assert "BSN ingevoerd van een dossier dat de gebruiker niet mag zien (geweigerd)" in log
    assert "sanne" in log
    client.force_login(wereld.privacy)
    log = client.get(reverse("inburgering:inzagelog"), {"bsn": verborgen.bsn}).content.decode()
    assert "sanne" not in log

    client.force_login(wereld.regisseur_eersel)
    dossier = client.get(reverse("inburgering:dossier", args=[verborgen.pk])).content.decode()
    gebeurtenis = verborgen.tijdlijn.get(soort=Gebeurtenis.Soort.BSN_GEWEIGERD)
    assert gebeurtenis.actor == regisseur
    assert gebeurtenis.gemeente == wereld.eersel
    assert "voerde het BSN van dit dossier in om een dossier te registreren of te wijzigen" in dossier


def test_changing_a_dossiers_bsn_to_another_gemeentes_is_refused_and_recorded_too(client, wereld, regisseur):
    gegevens = _registratie(wereld, bsn=wereld.dossier_emmen.bsn, geboortedatum="1990-01-01")
    gegevens.pop("gemeente")

    response = client.post(reverse("inburgering:dossier_wijzigen", args=[wereld.dossier_bladel.pk]), gegevens)

    assert NEUTRAAL in _bsn_fout(response)[0]
    assert _pogingen().get().inburgeraar == wereld.dossier_emmen
    wereld.dossier_bladel.refresh_from_db()
    assert wereld.dossier_bladel.bsn != wereld.dossier_emmen.bsn


def test_after_the_daily_limit_every_new_bsn_is_refused_until_the_next_day(client, wereld, regisseur, settings):
    settings.BSN_POGINGEN_PER_DAG = 2
    with time_machine.travel(NU, tick=False) as reis:
        _registreer(client, wereld, wereld.dossier_eersel.bsn)
        _registreer(client, wereld, wereld.dossier_emmen.bsn)

        # Limited, a free BSN is refused just like a known one: the limit itself tells nothing.
        for bsn in [GELDIG_BSN, wereld.dossier_eersel.bsn]:
            fout = _bsn_fout(_registreer(client, wereld, bsn))
            assert fout == [
                f"{BEPERKT} Vanaf 24 november 10:00 kunt u weer een nieuw BSN invoeren; neem zo nodig eerder "
                "contact op met de functioneel beheerder."
            ]
        assert _pogingen().count() == 2
        assert not Inburgeraar.objects.filter(bsn=GELDIG_BSN).exists()

        reis.shift(datetime.timedelta(days=1, minutes=1))
        client.force_login(regisseur)  # the session itself ended after 30 idle minutes
        response = _registreer(client, wereld, GELDIG_BSN)

    assert response.status_code == 302
    assert response.url != reverse("login")
    assert Inburgeraar.objects.filter(bsn=GELDIG_BSN).exists()


def test_the_limit_counts_per_user_and_leaves_a_dossiers_own_bsn_editable(client, wereld, regisseur, settings):
    settings.BSN_POGINGEN_PER_DAG = 1
    _registreer(client, wereld, wereld.dossier_eersel.bsn)

    eigen = wereld.dossier_bladel
    gegevens = _registratie(wereld, bsn=eigen.bsn, achternaam="Haile-Tesfay", geboortedatum="1990-01-01")
    gegevens.pop("gemeente")
    response = client.post(reverse("inburgering:dossier_wijzigen", args=[eigen.pk]), gegevens)
    assert response.status_code == 302

    client.force_login(wereld.collega)
    response = _registreer(client, wereld, GELDIG_BSN)
    assert response.status_code == 302, response.context["form"].errors


@pytest.mark.django_db(transaction=True)
def test_of_24_attempts_at_once_no_more_than_the_limit_learn_that_the_bsn_is_known(wereld, settings):
    """Counted before the answer: each attempt waits for the ones before it, so however many arrive at once,
    at most BSN_POGINGEN_PER_DAG of them read the refusal that tells the BSN is known."""
    vereist(connection.vendor == "postgresql", "gelijktijdige pogingen vragen PostgreSQL (DATABASE_URL)")
    settings.BSN_POGINGEN_PER_DAG = 5
    clients = []
    for _ in range(24):
        client = Client()
        client.force_login(wereld.regisseur)
        clients.append(client)
    tegelijk = threading.Barrier(len(clients))
    antwoorden = []

    def probeer(client):
        try:
            tegelijk.wait(timeout=30)
            # The page itself: response.context collects the templates every thread renders.
            antwoorden.append(_registreer(client, wereld, wereld.dossier_eersel.bsn).content.decode())
        finally:
            connections.close_all()

    draden = [threading.Thread(target=probeer, args=(client,)) for client in clients]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=120)

    assert len(antwoorden) == 24
    onthullend = [pagina for pagina in antwoorden if NEUTRAAL in pagina]
    assert len(onthullend) == 5
    assert sum(BEPERKT in pagina for pagina in antwoorden) == 24 - 5
    assert _pogingen().count() == 5
