"""Setting up an authenticator app needs a koppelcode from the functioneel beheerder, and only the
beheerder resets someone's app: the password alone never binds a second factor to an account."""

import base64
import datetime
import hashlib
import re
from io import StringIO

import pytest
import time_machine
from auditlog.models import LogEntry
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse

from inburgering.models import Koppelcode
from inburgering.tweefactor import geef_koppelcode, reset_apparaat
from tests.factories import UserFactory

NU = datetime.datetime(2026, 11, 22, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def tweefactor_verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


@pytest.fixture
def regisseur(wereld):
    return wereld.regisseur


def _instellen(gebruiker, koppelcode, **extra):
    """The user opens the set-up page, gives the koppelcode (which makes the unconfirmed app) and then the
    code from the app."""
    client = Client()
    client.force_login(gebruiker)
    client.get(reverse("tweefactor"))
    velden = {"next": reverse("inburgering:caseload")}
    if koppelcode is not None:
        velden["koppelcode"] = koppelcode
    response = client.post(reverse("tweefactor"), velden)
    if response.status_code != 302:
        return client, response
    apparaat = TOTPDevice.objects.get(user=gebruiker, confirmed=False)
    velden = {"token": _code(apparaat.bin_key), "next": reverse("inburgering:caseload"), **extra}
    return client, client.post(reverse("tweefactor"), velden)


def _code(sleutel: bytes) -> str:
    return f"{totp(sleutel):06d}"


def _getoonde_sleutel(response) -> bytes | None:
    """The secret the page shows to type over, as an attacker would copy it."""
    gevonden = re.search(r'<code class="app-sleutel">([A-Z2-7=]+)</code>', response.content.decode())
    return base64.b32decode(gevonden.group(1)) if gevonden else None


def _ingesteld(gebruiker) -> bool:
    return TOTPDevice.objects.filter(user=gebruiker, confirmed=True).exists()


def _fout_bij_koppelcode(response) -> str:
    return response.context["form"].errors["koppelcode"][0]


def test_without_a_koppelcode_no_app_is_set_up(regisseur):
    client, response = _instellen(regisseur, None)

    assert response.status_code == 200
    assert _fout_bij_koppelcode(response) == "Vul de koppelcode in die u van de functioneel beheerder kreeg."
    assert "Koppelcode" in response.content.decode()
    assert not _ingesteld(regisseur)
    assert client.get(reverse("inburgering:caseload")).status_code == 302


def test_a_wrong_koppelcode_is_refused_beside_the_field(wereld, regisseur):
    geef_koppelcode(wereld.beheerder, regisseur)

    client, response = _instellen(regisseur, "ABCD-EFGH-JKMN")

    assert "Deze koppelcode klopt niet" in _fout_bij_koppelcode(response)
    assert not _ingesteld(regisseur)
    assert client.get(reverse("inburgering:caseload")).status_code == 302


def test_someone_elses_koppelcode_does_not_work(wereld, regisseur):
    code_van_collega = geef_koppelcode(wereld.beheerder, wereld.collega)

    _client, response = _instellen(regisseur, code_van_collega)

    assert "Deze koppelcode klopt niet" in _fout_bij_koppelcode(response)
    assert not _ingesteld(regisseur)


def test_a_koppelcode_lapses_after_72_hours(wereld, regisseur):
    with time_machine.travel(NU, tick=False) as reis:
        code = geef_koppelcode(wereld.beheerder, regisseur)
        reis.shift(datetime.timedelta(hours=72, seconds=1))

        _client, response = _instellen(regisseur, code)

    assert "Deze koppelcode is verlopen" in _fout_bij_koppelcode(response)
    assert not _ingesteld(regisseur)


def test_a_koppelcode_works_once(wereld, regisseur):
    code = geef_koppelcode(wereld.beheerder, regisseur)
    _client, response = _instellen(regisseur, code)
    assert response.url == reverse("inburgering:caseload")
    reset_apparaat(wereld.beheerder, regisseur)

    _client, response = _instellen(regisseur, code)

    assert "Deze koppelcode is al gebruikt" in _fout_bij_koppelcode(response)
    assert not _ingesteld(regisseur)


def test_a_fresh_koppelcode_sets_up_the_app_and_is_spent(wereld, regisseur):
    code = geef_koppelcode(wereld.beheerder, regisseur)

    client, response = _instellen(regisseur, code.lower().replace("-", " "))  # typed over loosely

    assert response.url == reverse("inburgering:caseload")
    assert client.get(reverse("inburgering:caseload")).status_code == 200
    assert _ingesteld(regisseur)
    assert Koppelcode.objects.get(gebruiker=regisseur).gebruikt_op is not None


def test_a_wrong_app_code_spends_no_koppelcode(wereld, regisseur):
    code = geef_koppelcode(wereld.beheerder, regisseur)

    _client, response = _instellen(regisseur, code, token="000000")

    assert "Deze code klopt niet of is verlopen" in response.context["form"].errors["token"][0]
    assert Koppelcode.objects.get(gebruiker=regisseur).gebruikt_op is None
    assert not _ingesteld(regisseur)


def test_a_new_koppelcode_replaces_the_unused_one(wereld, regisseur):
    with time_machine.travel(NU, tick=False) as reis:
        oud = geef_koppelcode(wereld.beheerder, regisseur)
        nieuw = geef_koppelcode(wereld.beheerder, regisseur)

        _client, response = _instellen(regisseur, oud)
        assert "Deze koppelcode is verlopen" in _fout_bij_koppelcode(response)
        reis.shift(datetime.timedelta(seconds=30))  # the app shows a new code; the last one was spent
        _client, response = _instellen(regisseur, nieuw)
        assert response.url == reverse("inburgering:caseload")


def test_a_password_alone_never_sees_a_secret_that_the_real_user_later_enrols(wereld, regisseur):
    with time_machine.travel(NU, tick=False) as reis:
        # Someone who has only the password opens the set-up page and copies whatever secret it shows.
        aanvaller = Client()
        aanvaller.force_login(regisseur)
        gelezen = _getoonde_sleutel(aanvaller.get(reverse("tweefactor")))

        # Later the real user enrols with the beheerder's koppelcode, scanning the secret their page shows.
        reis.shift(datetime.timedelta(minutes=5))
        code = geef_koppelcode(wereld.beheerder, regisseur)
        gebruiker = Client()
        gebruiker.force_login(regisseur)
        velden = {"koppelcode": code, "next": reverse("inburgering:caseload")}
        while not _ingesteld(regisseur):
            sleutel = _getoonde_sleutel(gebruiker.get(reverse("tweefactor")))
            response = gebruiker.post(
                reverse("tweefactor"), {**velden, **({"token": _code(sleutel)} if sleutel else {})}
            )
            assert response.status_code == 302
            velden = {"next": reverse("inburgering:caseload")}

        # The attacker logs in with the password and a code from what they read: no second factor.
        reis.shift(datetime.timedelta(minutes=5))
        aanvaller = Client()
        aanvaller.force_login(regisseur)
        aanvaller.post(
            reverse("tweefactor"),
            {"token": _code(gelezen) if gelezen else "000000", "next": reverse("inburgering:caseload")},
        )
        assert aanvaller.get(reverse("inburgering:caseload")).url.startswith(reverse("tweefactor"))
    assert gelezen is None


def test_the_secret_appears_only_after_a_valid_koppelcode_in_the_same_session(wereld, regisseur):
    code = geef_koppelcode(wereld.beheerder, regisseur)
    client = Client()
    client.force_login(regisseur)

    assert _getoonde_sleutel(client.get(reverse("tweefactor"))) is None
    client.post(reverse("tweefactor"), {"koppelcode": "ABCD-EFGH-JKMN"})
    assert _getoonde_sleutel(client.get(reverse("tweefactor"))) is None
    assert not TOTPDevice.objects.filter(user=regisseur).exists()

    client.post(reverse("tweefactor"), {"koppelcode": code})
    sleutel = _getoonde_sleutel(client.get(reverse("tweefactor")))
    assert sleutel == TOTPDevice.objects.get(user=regisseur, confirmed=False).bin_key

    # Another session with the same password sees no secret, not even this one.
    ander = Client()
    ander.force_login(regisseur)
    assert _getoonde_sleutel(ander.get(reverse("tweefactor"))) is None


def test_a_new_koppelcode_discards_the_app_being_set_up(wereld, regisseur):
    client = Client()
    client.force_login(regisseur)
    client.post(reverse("tweefactor"), {"koppelcode": geef_koppelcode(wereld.beheerder, regisseur)})
    apparaat = TOTPDevice.objects.get(user=regisseur, confirmed=False)

    geef_koppelcode(wereld.beheerder, regisseur)

    assert not TOTPDevice.objects.filter(user=regisseur).exists()
    response = client.post(reverse("tweefactor"), {"token": _code(apparaat.bin_key)})
    assert response.status_code == 200
    assert "Uw koppelcode is verlopen, vervangen of al gebruikt" in response.content.decode()
    assert _getoonde_sleutel(response) is None
    assert not _ingesteld(regisseur)


def test_an_expired_koppelcode_discards_the_app_being_set_up(wereld, regisseur):
    with time_machine.travel(NU, tick=False) as reis:
        client = Client()
        client.force_login(regisseur)
        client.post(reverse("tweefactor"), {"koppelcode": geef_koppelcode(wereld.beheerder, regisseur)})
        apparaat = TOTPDevice.objects.get(user=regisseur, confirmed=False)

        reis.shift(datetime.timedelta(hours=72, seconds=1))
        client.force_login(regisseur)  # the session itself ended long ago; the device must not outlive the code
        response = client.post(reverse("tweefactor"), {"token": _code(apparaat.bin_key)})

    assert _getoonde_sleutel(response) is None
    assert not TOTPDevice.objects.filter(user=regisseur).exists()
    assert not _ingesteld(regisseur)


def test_a_user_with_an_app_only_gives_the_app_code(regisseur):
    apparaat = TOTPDevice.objects.create(user=regisseur, name="app", confirmed=True)
    client = Client()
    client.force_login(regisseur)
    token = f"{totp(apparaat.bin_key, step=apparaat.step, t0=apparaat.t0, digits=apparaat.digits):06d}"

    pagina = client.get(reverse("tweefactor")).content.decode()
    response = client.post(reverse("tweefactor"), {"token": token, "next": reverse("inburgering:caseload")})

    assert "Koppelcode" not in pagina
    assert response.url == reverse("inburgering:caseload")


def test_only_the_hash_of_the_koppelcode_is_stored(wereld, regisseur):
    with time_machine.travel(NU, tick=False):
        code = geef_koppelcode(wereld.beheerder, regisseur)

    opgeslagen = Koppelcode.objects.get(gebruiker=regisseur)
    assert (opgeslagen.uitgegeven_op, opgeslagen.verloopt_op) == (NU, NU + datetime.timedelta(hours=72))
    assert opgeslagen.code_hash == hashlib.sha256(code.replace("-", "").encode()).hexdigest()
    assert opgeslagen.uitgegeven_door == wereld.beheerder
    waarden = " ".join(str(v) for v in Koppelcode.objects.values().get().values())
    assert code.replace("-", "") not in waarden and code not in waarden


@pytest.fixture
def zonder_tweefactor(settings):
    settings.TWEE_FACTOR_VERPLICHT = False


def _actie(client, actie, gebruiker):
    return client.post(
        reverse("admin:inburgering_user_changelist"), {"action": actie, "_selected_action": [gebruiker.pk]}
    )


def _beheer_client(gebruiker):
    """Signed in to /beheer/; the second factor itself is tested above."""
    client = Client()
    client.force_login(gebruiker)
    return client


def test_the_beheerder_issues_a_koppelcode_that_is_shown_once_and_works(wereld, regisseur, zonder_tweefactor):
    response = _actie(_beheer_client(wereld.beheerder), "koppelcode_geven", regisseur)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    code = re.search(r'<code class="koppelcode">([A-Z0-9-]+)</code>', response.content.decode()).group(1)
    _client, response = _instellen(regisseur, code)
    assert response.url == reverse("inburgering:caseload")
    assert Koppelcode.objects.get(gebruiker=regisseur).uitgegeven_door == wereld.beheerder


def test_the_beheerder_resets_an_app_and_the_history_says_who_and_whose(wereld, regisseur, zonder_tweefactor):
    TOTPDevice.objects.create(user=regisseur, name="Authenticator-app", confirmed=True)
    with time_machine.travel(NU, tick=False):
        response = _actie(_beheer_client(wereld.beheerder), "authenticator_resetten", regisseur)

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=regisseur).exists()
    regel = LogEntry.objects.get(content_type=ContentType.objects.get_for_model(regisseur), object_pk=str(regisseur.pk))
    assert regel.actor == wereld.beheerder
    assert regel.object_repr == str(regisseur)
    assert regel.changes_dict == {"authenticator-app": ["Authenticator-app", "gereset"]}
    assert regel.timestamp == NU
    beheer_historie = AdminLogEntry.objects.get(object_id=str(regisseur.pk))
    assert (beheer_historie.user, beheer_historie.change_message) == (wereld.beheerder, "Authenticator-app gereset")


@pytest.mark.parametrize("actie", ["koppelcode_geven", "authenticator_resetten"])
def test_a_regisseur_can_neither_issue_a_koppelcode_nor_reset_an_app(wereld, regisseur, zonder_tweefactor, actie):
    TOTPDevice.objects.create(user=wereld.collega, name="app", confirmed=True)

    response = _actie(_beheer_client(regisseur), actie, wereld.collega)

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert not Koppelcode.objects.exists()
    assert TOTPDevice.objects.filter(user=wereld.collega).exists()


@pytest.mark.parametrize("actie", ["koppelcode_geven", "authenticator_resetten"])
def test_staff_without_the_right_to_change_users_has_no_such_action(wereld, zonder_tweefactor, actie):
    medewerker = UserFactory(username="alleen.staf", is_staff=True)
    TOTPDevice.objects.create(user=wereld.collega, name="app", confirmed=True)

    response = _actie(_beheer_client(medewerker), actie, wereld.collega)

    assert response.status_code in (302, 403)
    assert not Koppelcode.objects.exists()
    assert TOTPDevice.objects.filter(user=wereld.collega).exists()


def test_the_admin_offers_no_way_to_add_an_app_for_someone_else(wereld, zonder_tweefactor):
    client = _beheer_client(wereld.beheerder)

    with pytest.raises(NoReverseMatch):
        reverse("admin:otp_totp_totpdevice_add")
    assert client.get("/beheer/otp_totp/totpdevice/add/").status_code == 404
    assert "TOTP" not in client.get(reverse("admin:index")).content.decode()


def test_the_command_gives_the_first_beheerder_a_usable_koppelcode(wereld):
    uitvoer = StringIO()

    call_command("geef_koppelcode", wereld.beheerder.username, stdout=uitvoer)

    code = re.search(r"([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})", uitvoer.getvalue()).group(1)
    _client, response = _instellen(wereld.beheerder, code)
    assert response.url == reverse("inburgering:caseload")
    assert Koppelcode.objects.get().uitgegeven_door is None


def test_after_a_reset_the_user_sets_up_the_app_again_with_a_new_koppelcode(wereld, regisseur):
    with time_machine.travel(NU, tick=False) as reis:
        client, _response = _instellen(regisseur, geef_koppelcode(wereld.beheerder, regisseur))
        assert client.get(reverse("inburgering:caseload")).status_code == 200

        reset_apparaat(wereld.beheerder, regisseur)

        # The session verified with the removed app no longer counts.
        assert client.get(reverse("inburgering:caseload")).url.startswith(reverse("tweefactor"))
        reis.shift(datetime.timedelta(seconds=30))
        client, response = _instellen(regisseur, geef_koppelcode(wereld.beheerder, regisseur))
        assert response.url == reverse("inburgering:caseload")
