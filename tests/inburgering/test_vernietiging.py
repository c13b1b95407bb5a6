"""Retention and destruction: the monthly proposal, approval by the functioneel beheerder, the
proces-verbaal, and the legal hold. Time is pinned: the retention period is 5 calendar years."""

import datetime
import io
from pathlib import Path

import pytest
import time_machine
from auditlog.models import LogEntry
from pypdf import PdfReader

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering import services as dossier_services
from inburgering import tasks
from inburgering.fasen import Fase, RedenAfronding, RedenUitschrijving
from inburgering.models import Inburgeraar, Inzage, ProcesVerbaal, Vernietigingslijst, VernietigingslijstItem
from inburgering.privacy.vernietiging import vernietigingsdatum
from inburgering.rollen import GEZONDHEIDSGEGEVENS
from intake import services as intake_services
from intake.leefgebieden import PER_SLUG
from intake.models import BredeIntake
from leerroutes.models import Groep
from pip import handhaven
from pip.models import Handhaving, Pip
from tests.factories import InburgeraarFactory
from tests.inburgering.test_isolation import intakes, leerroute_objecten, pips, verwezen  # noqa: F401  (fixtures)

NU = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)
VIJF_JAAR_LATER = datetime.datetime(2031, 11, 23, 10, 0, tzinfo=datetime.UTC)


def _sluit_af(dossier, reden=RedenAfronding.ONTHEFFING):
    for fase in (Fase.UITVOERING, Fase.AFGEROND)[1 if dossier.fase == Fase.UITVOERING else 0 :]:
        dossier = dossier_services.wijzig_fase(door=None, inburgeraar=dossier, fase=fase, reden_afronding=reden)
    return dossier


@pytest.fixture
def vol_dossier(verwezen, intakes, pips, leerroute_objecten):  # noqa: F811
    """The Bladel dossier with everything: intake with health data, PIP PDFs, ontzorgen, hours, inzage,
    deelname and a PVT group."""
    wereld = verwezen
    with time_machine.travel(NU, tick=False):
        wereld.regisseur.groups.add(Group.objects.get(name=GEZONDHEIDSGEGEVENS))
        regisseur = type(wereld.regisseur).objects.get(pk=wereld.regisseur.pk)
        intake = BredeIntake.objects.get(inburgeraar=wereld.dossier_bladel)
        intake_services.sla_leefgebied_op(
            door=regisseur,
            intake=intake,
            sectie=PER_SLUG["gezondheid"],
            gegevens={"score": 3, "lichamelijk": "Rugklachten sinds de reis.", "onder_behandeling": True},
        )
        dossier_services.log_inzage(user=regisseur, inburgeraar=wereld.dossier_bladel, pagina="/dossiers/")
        handhaven.trek_in(
            door=regisseur, handhaving=pips[wereld.dossier_bladel.pk], datum=NU.date(), reden="Bezwaar gegrond."
        )
        wereld.dossier_bladel = _sluit_af(Inburgeraar.objects.get(pk=wereld.dossier_bladel.pk))
    return wereld


def test_the_destruction_date_is_five_calendar_years_after_the_end():
    assert vernietigingsdatum(datetime.date(2026, 11, 23)) == datetime.date(2031, 11, 23)
    assert vernietigingsdatum(datetime.date(2024, 2, 29)) == datetime.date(2029, 2, 28)


def test_a_dossier_ended_on_29_february_is_proposed_on_28_february_five_years_on(wereld):
    with time_machine.travel(datetime.datetime(2024, 2, 29, 9, 0, tzinfo=datetime.UTC), tick=False):
        dossier = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
    with time_machine.travel(datetime.datetime(2029, 2, 27, 9, 0, tzinfo=datetime.UTC), tick=False):
        assert tasks.bewaartermijnen()["lijsten"] == []
    with time_machine.travel(datetime.datetime(2029, 2, 28, 9, 0, tzinfo=datetime.UTC), tick=False):
        tasks.bewaartermijnen()
    assert list(VernietigingslijstItem.objects.values_list("inburgeraar", flat=True)) == [dossier.pk]


def test_the_monthly_task_proposes_closed_dossiers_once_per_gemeente_and_open_ones_never(wereld):
    with time_machine.travel(NU, tick=False):
        afgerond = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
        verhuisd = InburgeraarFactory(gemeente=wereld.eersel, fase=Fase.INTAKE)
        verhuisd = dossier_services.wijzig_fase(
            door=None, inburgeraar=verhuisd, fase=Fase.UITGESCHREVEN, reden_uitschrijving=RedenUitschrijving.VERHUISD
        )
        InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.UITVOERING)  # still running
    with time_machine.travel(VIJF_JAAR_LATER - datetime.timedelta(days=1), tick=False):
        assert tasks.bewaartermijnen()["lijsten"] == []
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        eerste = tasks.bewaartermijnen()
        tweede = tasks.bewaartermijnen()
    # One list per gemeente: each organisatie's beheerder approves the lists of the gemeenten it serves.
    bladel, eersel = (Vernietigingslijst.objects.get(items__gemeente=g) for g in (wereld.bladel, wereld.eersel))
    assert sorted(eerste["lijsten"]) == sorted([bladel.pk, eersel.pk]) and tweede["lijsten"] == []
    assert list(bladel.items.values_list("inburgeraar", flat=True)) == [afgerond.pk]
    assert list(eersel.items.values_list("inburgeraar", flat=True)) == [verhuisd.pk]
    referenties = VernietigingslijstItem.objects.values_list("referentie", flat=True)
    assert all("-" in ref and afgerond.bsn not in ref for ref in referenties)


def _keur_goed(client, django_capture_on_commit_callbacks, beheerder):
    client.force_login(beheerder)
    lijst = Vernietigingslijst.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("inburgering:vernietigingslijst", kwargs={"pk": lijst.pk}))
    assert response.status_code == 302
    return lijst


def _dossierrecords(dossier) -> dict[str, int]:
    """Every row of every app that points at the dossier, except the inzage log and the list itself."""
    gevonden = {}
    for model in apps.get_models():
        if model in (Inburgeraar, Inzage, VernietigingslijstItem):
            continue
        for veld in model._meta.concrete_fields:
            if veld.is_relation and veld.related_model is Inburgeraar:
                aantal = model.objects.filter(**{veld.name: dossier.pk}).count()
                if aantal:
                    gevonden[model._meta.label] = aantal
    return gevonden


def test_approval_destroys_every_personal_record_and_keeps_an_anonymous_row(
    client, vol_dossier, settings, django_capture_on_commit_callbacks
):
    wereld = vol_dossier
    dossier = wereld.dossier_bladel
    bsn, achternaam = dossier.bsn, dossier.achternaam
    bestanden = [
        Path(settings.MEDIA_ROOT) / naam
        for naam in [*Pip.objects.filter(inburgeraar=dossier).exclude(pdf="").values_list("pdf", flat=True)]
        + [*Handhaving.objects.filter(inburgeraar=dossier).values_list("pdf", "intrekking_pdf").get()]
    ]
    assert bestanden and all(pad.exists() for pad in bestanden)
    assert {"leerroutes.Deelname", "pip.Pip", "intake.BredeIntake"} <= set(_dossierrecords(dossier))
    assert wereld.groep_bladel.leden.filter(pk=dossier.pk).exists()
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        tasks.bewaartermijnen()
        lijst = _keur_goed(client, django_capture_on_commit_callbacks, wereld.beheerder)

    assert _dossierrecords(dossier) == {}
    assert not Groep.leden.through.objects.filter(inburgeraar_id=dossier.pk).exists()
    assert not any(pad.exists() for pad in bestanden)
    assert not Inzage.objects.filter(bsn=bsn).exists()
    for entry in LogEntry.objects.all():
        assert bsn not in str(entry.changes) and achternaam not in f"{entry.changes} {entry.object_repr}"
    rij = Inburgeraar.objects.get(pk=dossier.pk)
    assert (rij.bsn, rij.voornamen, rij.achternaam, rij.geboortedatum, rij.telefoon, rij.regisseur) == (
        None,
        "",
        "",
        None,
        "",
        None,
    )
    # What the reports count survives.
    assert (rij.gemeente, rij.doelgroep, rij.fase, rij.reden_afronding) == (
        wereld.bladel,
        dossier.doelgroep,
        Fase.AFGEROND,
        RedenAfronding.ONTHEFFING,
    )
    assert rij.datum_eerste_pip == datetime.date(2026, 11, 20)
    assert rij.vernietigd_op == datetime.date(2031, 11, 23)

    pv = ProcesVerbaal.objects.get(lijst=lijst)
    assert pv.goedgekeurd_door == str(wereld.beheerder)
    assert pv.referenties == list(lijst.items.values_list("referentie", flat=True))
    assert pv.aantallen["opgeslagen beschikkingen (PDF)"] == len(bestanden)
    assert pv.aantallen["dossiers geanonimiseerd"] == 1
    pagina = client.get(reverse("inburgering:procesverbaal", kwargs={"pk": pv.pk}))
    assert pv.referenties[0] in pagina.content.decode()

    # Nobody opens a destroyed dossier, not even its own team; a rerun changes nothing.
    client.force_login(wereld.regisseur)
    assert client.get(reverse("inburgering:dossier", kwargs={"pk": dossier.pk})).status_code == 404
    assert tasks.voer_vernietiging_uit(lijst.pk) is None
    assert ProcesVerbaal.objects.count() == 1


def test_the_proces_verbaal_cannot_be_changed_or_deleted(client, wereld, django_capture_on_commit_callbacks):
    with time_machine.travel(NU, tick=False):
        InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        tasks.bewaartermijnen()
        _keur_goed(client, django_capture_on_commit_callbacks, wereld.beheerder)
    pv = ProcesVerbaal.objects.get()
    pv.uitgezonderd = 9
    with pytest.raises(ValidationError):
        pv.save()
    with pytest.raises(ValidationError):
        pv.delete()


def test_a_legal_hold_keeps_a_dossier_off_the_list_and_out_of_destruction(
    client, wereld, django_capture_on_commit_callbacks
):
    with time_machine.travel(NU, tick=False):
        vooraf = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
        achteraf = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
        anders = InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
    client.force_login(wereld.privacy)
    url = reverse("inburgering:dossier_blokkade", kwargs={"pk": vooraf.pk})
    leeg = client.post(url, {"reden": " "})
    assert leeg.status_code == 200 and "Dit veld is verplicht" in leeg.content.decode()
    assert client.post(url, {"reden": "Lopende bezwaarprocedure"}).status_code == 302
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        tasks.bewaartermijnen()
        lijst = Vernietigingslijst.objects.get()
        assert set(lijst.items.values_list("inburgeraar", flat=True)) == {achteraf.pk, anders.pk}
        # A hold placed after the proposal, before approval, still wins.
        client.force_login(wereld.privacy)  # five years on: a fresh session
        url = reverse("inburgering:dossier_blokkade", kwargs={"pk": achteraf.pk})
        assert client.post(url, {"reden": "Verzoek AP"}).status_code == 302
        _keur_goed(client, django_capture_on_commit_callbacks, wereld.beheerder)
    vernietigd = set(Inburgeraar.objects.filter(vernietigd_op__isnull=False).values_list("pk", flat=True))
    assert vernietigd == {anders.pk}
    assert ProcesVerbaal.objects.get().uitgezonderd == 1
    # Lifted, the dossier is proposed again at the next run.
    with time_machine.travel(VIJF_JAAR_LATER + datetime.timedelta(days=30), tick=False):
        client.force_login(wereld.privacy)
        client.post(reverse("inburgering:dossier_blokkade", kwargs={"pk": achteraf.pk}), {"opheffen": "1"})
        tasks.bewaartermijnen()
    assert Vernietigingslijst.objects.first().items.get().inburgeraar_id == achteraf.pk


def test_only_the_functioneel_beheerder_approves(client, wereld):
    with time_machine.travel(NU, tick=False):
        InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        tasks.bewaartermijnen()
    lijst = Vernietigingslijst.objects.get()
    client.force_login(wereld.privacy)
    assert client.get(reverse("inburgering:vernietigingslijst", kwargs={"pk": lijst.pk})).status_code == 200
    assert client.post(reverse("inburgering:vernietigingslijst", kwargs={"pk": lijst.pk})).status_code == 403
    lijst.refresh_from_db()
    assert lijst.status == Vernietigingslijst.Status.VOORGESTELD


def test_the_list_of_lists_takes_a_constant_number_of_queries(client, wereld, django_assert_num_queries):
    client.force_login(wereld.beheerder)
    for aantal in (1, 4):
        for dag in range(aantal):
            with time_machine.travel(NU + datetime.timedelta(days=dag), tick=False):
                InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
            with time_machine.travel(VIJF_JAAR_LATER + datetime.timedelta(days=dag), tick=False):
                tasks.bewaartermijnen()
        # Session, user, permissions (view and nav), count, the page: the same for 1 list or 5.
        with django_assert_num_queries(9):
            assert client.get(reverse("inburgering:vernietigingslijsten")).status_code == 200


@pytest.mark.pdf
def test_the_proces_verbaal_renders_as_pdf(client, wereld, django_capture_on_commit_callbacks, caplog):
    with time_machine.travel(NU, tick=False):
        InburgeraarFactory(gemeente=wereld.bladel, fase=Fase.AFGEROND)
    with time_machine.travel(VIJF_JAAR_LATER, tick=False):
        tasks.bewaartermijnen()
        _keur_goed(client, django_capture_on_commit_callbacks, wereld.beheerder)
        pv = ProcesVerbaal.objects.get()
        response = client.get(reverse("inburgering:procesverbaal", kwargs={"pk": pv.pk}), {"formaat": "pdf"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert response["Content-Disposition"] == f'attachment; filename="proces-verbaal-{pv.pk}.pdf"'
    tekst = "".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(response.content)).pages)
    assert pv.referenties[0] in tekst and str(wereld.beheerder) in tekst
    assert not [r for r in caplog.records if r.name.startswith("weasyprint") and r.levelname == "ERROR"]
