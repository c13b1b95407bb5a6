"""Writes through the API: safe to retry with Idempotency-Key, batches all or nothing with per-line errors,
and every write through the app's own service (so the tijdlijn and milestones follow)."""

import pytest

from django.urls import reverse

from inburgering.models import Gebeurtenis, IdempotencyKey
from leerroutes.models import Deelname, Examen
from ontzorgen import services as ontzorgen
from ontzorgen.models import Melding, Urenregistratie


def _uren_regel(dossier, **extra):
    return {"dossier": dossier, "datum": "2026-11-20", "uren": "1.5", "soort": "praktische_zaken", **extra}


def _deelname_regel(dossier, **extra):
    return {"dossier": dossier, "periode_van": "2026-11-16", "periode_tot": "2026-11-20", "lesuren": 8, **extra}


def _fouten(response):
    assert response["Content-Type"] == "application/problem+json"
    return {(f["name"], f["code"]) for f in response.json()["invalid-params"]}


def test_a_repeated_post_with_the_same_key_and_body_returns_the_first_answer_and_writes_nothing(partners, api):
    dossier = partners.wereld.dossier_bladel
    body = {"regels": [_uren_regel(dossier.pk)]}
    eerste = api.als(partners.sleutel).post(reverse("api_uren"), body, idempotency_key="uren-2026-11-20-a")
    tweede = api.post(reverse("api_uren"), body, idempotency_key="uren-2026-11-20-a")

    assert eerste.status_code == tweede.status_code == 201
    assert tweede.json() == eerste.json()
    assert tweede["Idempotent-Replayed"] == "true"
    assert Urenregistratie.objects.filter(inburgeraar=dossier).count() == 1
    assert Gebeurtenis.objects.filter(inburgeraar=dossier, soort="uren_geregistreerd").count() == 1


def test_the_same_key_with_another_body_is_refused(partners, api):
    dossier = partners.wereld.dossier_bladel
    api.als(partners.sleutel).post(reverse("api_uren"), {"regels": [_uren_regel(dossier.pk)]}, idempotency_key="k1")
    anders = api.post(reverse("api_uren"), {"regels": [_uren_regel(dossier.pk, uren="2")]}, idempotency_key="k1")
    elders = api.post(
        reverse("api_meldingen"), {"dossier": dossier.pk, "soort": "vraag", "tekst": "?"}, idempotency_key="k1"
    )

    assert anders.status_code == elders.status_code == 422
    assert anders.json()["type"].endswith("idempotency_key_hergebruikt")
    assert Urenregistratie.objects.filter(inburgeraar=dossier).count() == 1
    assert not Melding.objects.exists()


def test_keys_belong_to_one_client_and_a_failed_request_keeps_none(partners, api):
    bladel, eersel = partners.wereld.dossier_bladel, partners.wereld.dossier_eersel
    fout = api.als(partners.sleutel).post(
        reverse("api_deelnames"), {"regels": [_deelname_regel(bladel.pk, lesuren=0)]}, idempotency_key="d1"
    )
    goed = api.post(reverse("api_deelnames"), {"regels": [_deelname_regel(bladel.pk)]}, idempotency_key="d1")
    ander = api.als(partners.andere_sleutel).post(
        reverse("api_deelnames"), {"regels": [_deelname_regel(eersel.pk)]}, idempotency_key="d1"
    )

    assert (fout.status_code, goed.status_code, ander.status_code) == (400, 201, 201)
    assert IdempotencyKey.objects.filter(sleutel="d1").count() == 2
    assert Deelname.objects.count() == 2


def test_a_batch_with_one_wrong_line_writes_nothing_and_names_every_wrong_line(partners, api):
    dossier = partners.wereld.dossier_bladel
    regels = [
        _uren_regel(dossier.pk),
        _uren_regel(dossier.pk, uren="1.3"),  # not in quarters
        _uren_regel(dossier.pk, datum="2026-11-30"),  # in the future
        _uren_regel(dossier.pk, datum="2026-10-01"),  # before the referral started
    ]
    response = api.als(partners.sleutel).post(reverse("api_uren"), {"regels": regels})

    assert response.status_code == 400
    assert _fouten(response) == {
        ("regels[1].uren", "geen_kwartier"),
        ("regels[2].datum", "toekomst"),
        ("regels[3].datum", "geen_verwijzing_op_datum"),
    }
    redenen = {f["name"]: f["reason"] for f in response.json()["invalid-params"]}
    assert "kwartieren" in redenen["regels[1].uren"]
    assert not Urenregistratie.objects.exists()


def test_the_24_hour_cap_spans_the_lines_of_a_batch(partners, api):
    dossier = partners.wereld.dossier_bladel
    regels = [_uren_regel(dossier.pk, uren="12"), _uren_regel(dossier.pk, uren="12.25")]
    response = api.als(partners.sleutel).post(reverse("api_uren"), {"regels": regels})

    assert response.status_code == 400
    assert ("regels[1].uren", "dagtotaal_boven_24") in _fouten(response)
    assert not Urenregistratie.objects.exists()


def test_a_deelname_batch_is_all_or_nothing_with_the_services_own_rules(partners, api):
    dossier = partners.wereld.dossier_bladel
    regels = [
        _deelname_regel(dossier.pk),
        _deelname_regel(dossier.pk, periode_tot="2026-11-01"),  # ends before it starts
        _deelname_regel(dossier.pk, lesuren=0, afwezig_uren=4),  # absent without a reason
    ]
    response = api.als(partners.sleutel).post(reverse("api_deelnames"), {"regels": regels})

    assert response.status_code == 400
    assert {naam for naam, _code in _fouten(response)} == {"regels[1].periode_tot", "regels[2].reden_afwezigheid"}
    assert not Deelname.objects.exists()
    dossier.refresh_from_db()
    assert dossier.lesuren_gevolgd == 0


def test_a_valid_deelname_batch_writes_every_line_and_the_lesuren_milestone(partners, api):
    dossier = partners.wereld.dossier_bladel
    regels = [_deelname_regel(dossier.pk), _deelname_regel(dossier.pk, lesuren=4, knm_uren=2)]
    response = api.als(partners.sleutel).post(reverse("api_deelnames"), {"regels": regels})

    assert response.status_code == 201
    assert [d["lesuren"] for d in response.json()["deelnames"]] == [8, 4]
    dossier.refresh_from_db()
    assert dossier.lesuren_gevolgd == 14
    assert Deelname.objects.filter(vastgelegd_door=partners.client.gebruiker).count() == 2


def test_an_exam_result_follows_duos_rules(partners, api):
    dossier = partners.wereld.dossier_bladel
    zonder_niveau = {"dossier": dossier.pk, "onderdeel": "LE", "examendatum": "2026-11-20", "resultaat": "Geslaagd"}
    response = api.als(partners.sleutel).post(reverse("api_examenresultaten"), zonder_niveau)
    assert response.status_code == 400
    assert _fouten(response) == {("niveau", "niveau_ontbreekt")}

    response = api.post(reverse("api_examenresultaten"), {**zonder_niveau, "niveau": "B1"})
    assert response.status_code == 201
    assert Examen.objects.get().vastgelegd_door == partners.client.gebruiker


@pytest.mark.parametrize(("status", "verwacht"), [("ingediend", 201), ("goedgekeurd", 400)])
def test_a_partner_corrects_its_own_hours_only_before_the_regisseur_judged_them(
    partners, api, uren_bladel, status, verwacht
):
    if status == "goedgekeurd":
        ontzorgen.keur_uren_goed(door=partners.wereld.regisseur, registraties=[uren_bladel])
    body = {"uren": "1.25", "soort": "praktische_zaken", "reden": "Een kwartier te veel."}
    response = api.als(partners.sleutel).post(reverse("api_uren_correctie", args=[uren_bladel.pk]), body)

    assert response.status_code == verwacht, response.content
    uren_bladel.refresh_from_db()
    if verwacht == 201:
        assert uren_bladel.status == Urenregistratie.Status.VERVANGEN
        assert response.json()["vervangt"] == uren_bladel.pk
        assert response.json()["status"] == "ingediend"
    else:
        assert uren_bladel.status == Urenregistratie.Status.GOEDGEKEURD
        assert _fouten(response) == {("", "al_beoordeeld")}


def test_a_melding_reaches_the_regisseur_on_the_tijdlijn(partners, api):
    dossier = partners.wereld.dossier_bladel
    body = {"dossier": dossier.pk, "soort": "niet_verschenen", "tekst": "Niet op de les verschenen."}
    response = api.als(partners.sleutel).post(reverse("api_meldingen"), body)

    assert response.status_code == 201
    melding = Melding.objects.get()
    assert (melding.door, melding.inburgeraar) == (partners.client.gebruiker, dossier)
    assert Gebeurtenis.objects.filter(inburgeraar=dossier, soort="melding").exists()


def test_a_missing_field_is_named_in_the_same_dutch_words_as_in_the_browser(partners, api):
    dossier = partners.wereld.dossier_bladel
    regel = _uren_regel(dossier.pk)
    del regel["soort"]
    response = api.als(partners.sleutel).post(reverse("api_uren"), {"regels": [regel]})

    assert response.status_code == 400
    [fout] = response.json()["invalid-params"]
    assert (fout["name"], fout["reason"]) == ("regels[0].soort", "Dit veld is verplicht.")
