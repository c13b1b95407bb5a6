"""Login, lock-out after repeated failures, 30 minutes idle expiry, and two-factor when required."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.urls import reverse

from inburgering.rollen import CASUSREGISSEUR
from inburgering.settings import axes_adres
from inburgering.tweefactor import geef_koppelcode
from tests.factories import UserFactory

NU = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC)
WACHTWOORD = "geheim-wachtwoord"


@pytest.fixture
def gebruiker(wereld):
    return wereld.regisseur


def _inloggen(client, username, wachtwoord=WACHTWOORD):
    return client.post(reverse("login"), {"username": username, "password": wachtwoord})


def test_anonymous_visitors_are_sent_to_the_login_page(client, db):
    response = client.get(reverse("inburgering:caseload"))
    assert response.url == f"{reverse('login')}?next={reverse('inburgering:caseload')}"


def test_a_regisseur_logs_in_and_lands_on_the_werkvoorraad(client, gebruiker):
    response = _inloggen(client, gebruiker.username)
    assert response.url == reverse("inburgering:start")
    assert client.get(response.url).url == reverse("inburgering:werkvoorraad")


def test_a_wrong_password_is_explained_in_dutch(client, gebruiker):
    response = _inloggen(client, gebruiker.username, "fout")
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()


def test_the_account_is_locked_after_five_failures_even_for_the_right_password(client, gebruiker):
    for _ in range(5):
        _inloggen(client, gebruiker.username, "fout")

    response = _inloggen(client, gebruiker.username)

    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_session_ends_after_30_minutes_idle_but_not_while_working(client, gebruiker):
    with time_machine.travel(NU, tick=False) as reis:
        _inloggen(client, gebruiker.username)
        reis.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("inburgering:caseload")).status_code == 200
        reis.shift(datetime.timedelta(minutes=29))
        assert client.get(reverse("inburgering:caseload")).status_code == 200
        reis.shift(datetime.timedelta(minutes=31))
        assert client.get(reverse("inburgering:caseload")).status_code == 302


@pytest.fixture
def tweefactor_verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


def _code(apparaat):
    return f"{totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits):06d}"


def test_with_two_factor_required_a_new_user_sets_up_an_app_first(client, wereld, gebruiker, tweefactor_verplicht):
    _inloggen(client, gebruiker.username)

    response = client.get(reverse("inburgering:caseload"))
    assert response.url == f"{reverse('tweefactor')}?next={reverse('inburgering:caseload')}"
    pagina = client.get(response.url).content.decode()
    assert "Stel daarom eenmalig een authenticator-app in" in pagina
    assert "<svg" not in pagina  # no secret before the koppelcode

    koppelcode = geef_koppelcode(wereld.beheerder, gebruiker)
    response = client.post(reverse("tweefactor"), {"koppelcode": koppelcode, "next": reverse("inburgering:caseload")})
    assert "<svg" in client.get(response.url).content.decode()
    apparaat = TOTPDevice.objects.get(user=gebruiker)
    response = client.post(reverse("tweefactor"), {"token": _code(apparaat), "next": reverse("inburgering:caseload")})

    assert response.url == reverse("inburgering:caseload")
    assert client.get(reverse("inburgering:caseload")).status_code == 200
    apparaat.refresh_from_db()
    assert apparaat.confirmed


def test_a_wrong_code_is_refused_beside_the_field(client, gebruiker, tweefactor_verplicht):
    TOTPDevice.objects.create(user=gebruiker, name="app", confirmed=True)
    _inloggen(client, gebruiker.username)

    response = client.post(reverse("tweefactor"), {"token": "000000"})

    assert "Deze code klopt niet of is verlopen" in response.content.decode()
    assert client.get(reverse("inburgering:caseload")).status_code == 302


def test_dossiers_stay_closed_until_the_second_factor(client, wereld, tweefactor_verplicht):
    UserFactory(username="nieuw", rol=CASUSREGISSEUR, team=wereld.kempenplus)
    _inloggen(client, "nieuw")

    response = client.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk]))

    assert response.status_code == 302
    assert response.url.startswith(reverse("tweefactor"))


def test_without_the_setting_no_second_factor_is_asked(client, gebruiker):
    _inloggen(client, gebruiker.username)
    assert client.get(reverse("inburgering:caseload")).status_code == 200


# Behind one reverse proxy every request arrives from the proxy's address; the proxy appends the address
# it saw to X-Forwarded-For. Documentation and private ranges, as inside a gemeente's network.
PROXY = "10.0.0.2"
AANVALLER = "192.0.2.66"
COLLEGA = "198.51.100.7"


@pytest.fixture
def achter_een_proxy(settings):
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER, settings.AXES_IPWARE_PROXY_COUNT = axes_adres(1)


def _via(client, username, wachtwoord, *, adres, doorgestuurd=None):
    headers = {"REMOTE_ADDR": adres}
    if doorgestuurd is not None:
        headers["HTTP_X_FORWARDED_FOR"] = doorgestuurd
    return client.post(reverse("login"), {"username": username, "password": wachtwoord}, **headers)


def _vijf_fouten(client, username, **via):
    for _ in range(5):
        _via(client, username, "fout", **via)


def test_behind_a_proxy_one_attacker_does_not_lock_out_the_colleagues_behind_it(gebruiker, achter_een_proxy):
    aanvaller, collega = Client(), Client()
    _vijf_fouten(aanvaller, gebruiker.username, adres=PROXY, doorgestuurd=AANVALLER)

    assert _via(aanvaller, gebruiker.username, WACHTWOORD, adres=PROXY, doorgestuurd=AANVALLER).status_code == 429
    response = _via(collega, gebruiker.username, WACHTWOORD, adres=PROXY, doorgestuurd=COLLEGA)
    assert response.status_code == 302
    assert AccessAttempt.objects.get().ip_address == AANVALLER


def test_behind_a_proxy_a_forged_forwarded_for_counts_as_the_address_the_proxy_saw(gebruiker, achter_een_proxy):
    # The attacker claims to be the colleague; the proxy appends the attacker's real address.
    aanvaller, collega = Client(), Client()
    _vijf_fouten(aanvaller, gebruiker.username, adres=PROXY, doorgestuurd=f"{COLLEGA}, {AANVALLER}")

    assert _via(collega, gebruiker.username, WACHTWOORD, adres=PROXY, doorgestuurd=COLLEGA).status_code == 302
    forged = _via(aanvaller, gebruiker.username, WACHTWOORD, adres=PROXY, doorgestuurd=f"1.2.3.4, {AANVALLER}")
    assert forged.status_code == 429
    assert AccessAttempt.objects.get().ip_address == AANVALLER


def test_without_a_proxy_forwarded_for_is_ignored_so_forging_it_escapes_no_lock_out(gebruiker):
    aanvaller = Client()
    for nummer in range(5):
        _via(aanvaller, gebruiker.username, "fout", adres=AANVALLER, doorgestuurd=f"198.51.100.{nummer}")

    response = _via(aanvaller, gebruiker.username, WACHTWOORD, adres=AANVALLER, doorgestuurd=COLLEGA)
    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == AANVALLER


def test_the_number_of_proxies_cannot_be_negative():
    with pytest.raises(ImproperlyConfigured, match="VERTROUWDE_PROXIES"):
        axes_adres(-1)
