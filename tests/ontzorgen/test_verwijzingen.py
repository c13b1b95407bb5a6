"""A referral gives a partner's team access to one dossier; ending it takes the access away."""

import datetime

import pytest
import time_machine

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering.fasen import Fase, RedenUitschrijving
from inburgering.models import Gebeurtenis, Inburgeraar, InburgeraarGroupObjectPermission
from inburgering.services import draag_over, wijzig_fase
from ontzorgen import services, tasks
from tests.conftest import VANDAAG
from tests.ontzorgen.factories import verwijs

pytestmark = pytest.mark.django_db


def _ziet(user, dossier) -> bool:
    return Inburgeraar.objects.zichtbaar_voor(user).filter(pk=dossier.pk).exists()


def test_it_gives_the_partner_access_with_a_referral_and_takes_it_away_when_it_ends(wereld, partner):
    assert not _ziet(wereld.begeleider, wereld.dossier_bladel)

    verwijzing = verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    assert _ziet(wereld.begeleider, wereld.dossier_bladel)
    assert not _ziet(wereld.begeleider, wereld.dossier_bergeijk)

    services.beeindig_verwijzing(door=wereld.regisseur, verwijzing=verwijzing, reden="Doelen bereikt.")
    assert not _ziet(wereld.begeleider, wereld.dossier_bladel)
    assert not InburgeraarGroupObjectPermission.objects.exists()


def test_it_keeps_access_while_another_referral_of_the_same_team_runs(wereld, partner):
    eerste = verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner, dienst="taalmaatje")

    services.beeindig_verwijzing(door=wereld.regisseur, verwijzing=eerste, reden="Afgerond.")

    assert _ziet(wereld.begeleider, wereld.dossier_bladel)


def test_it_opens_a_future_referral_on_its_start_date_and_closes_it_after_its_last_day(wereld, partner):
    start, einde = VANDAAG + datetime.timedelta(days=7), VANDAAG + datetime.timedelta(days=30)
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner, startdatum=start, einddatum=einde)
    assert not _ziet(wereld.begeleider, wereld.dossier_bladel)

    with time_machine.travel(datetime.datetime(2026, 11, 30, 0, 5, tzinfo=datetime.UTC), tick=False):
        assert tasks.synchroniseer_verwijzingsrechten() == (1, 0)
        assert tasks.synchroniseer_verwijzingsrechten() == (0, 0)  # idempotent
    assert _ziet(wereld.begeleider, wereld.dossier_bladel)

    with time_machine.travel(datetime.datetime(2026, 12, 24, 0, 5, tzinfo=datetime.UTC), tick=False):
        assert tasks.synchroniseer_verwijzingsrechten() == (0, 1)
    assert not _ziet(wereld.begeleider, wereld.dossier_bladel)


def test_it_refers_only_to_partner_organisations(wereld, partner):
    with pytest.raises(ValidationError) as fout:
        verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=wereld.team_eersel)
    assert "partnerorganisatie" in str(fout.value)
    assert not _ziet(wereld.regisseur_eersel, wereld.dossier_bladel)


def test_it_writes_every_step_on_the_tijdlijn(wereld, partner):
    verwijzing = verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    services.beeindig_verwijzing(door=wereld.regisseur, verwijzing=verwijzing, reden="Afgerond.")

    soorten = list(wereld.dossier_bladel.tijdlijn.values_list("soort", flat=True)[:2])
    assert soorten == [services.VERWIJZING_BEEINDIGD, services.VERWEZEN]
    assert "VluchtelingenWerk" in Gebeurtenis.objects.filter(soort=services.VERWEZEN).get().omschrijving


def test_the_nightly_sync_is_in_the_beat_schedule(settings):
    taken = {job["task"] for job in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "ontzorgen.tasks.synchroniseer_verwijzingsrechten" in taken


def test_the_nightly_sync_revokes_a_partner_right_without_a_referral(wereld, partner):
    """Referrals are the only way a partner reaches a dossier: a right added by hand does not last."""
    InburgeraarGroupObjectPermission.objects.create(
        group=partner.groep,
        content_object=wereld.dossier_reusel,
        permission=Permission.objects.get(codename="view_inburgeraar"),
    )
    assert _ziet(wereld.begeleider, wereld.dossier_reusel)

    assert tasks.synchroniseer_verwijzingsrechten() == (0, 1)
    assert not _ziet(wereld.begeleider, wereld.dossier_reusel)


def test_it_refers_only_a_running_dossier(wereld, partner):
    wijzig_fase(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_reusel,
        fase=Fase.UITGESCHREVEN,
        reden_uitschrijving=RedenUitschrijving.VERHUISD,
    )
    with pytest.raises(ValidationError, match="lopend dossier"):
        verwijs(door=wereld.regisseur, inburgeraar=Inburgeraar.objects.get(pk=wereld.dossier_reusel.pk), team=partner)


def test_a_verhuizing_ends_every_referral_so_the_partner_loses_access(client, wereld, partner):
    lopend = verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    client.force_login(wereld.begeleider)
    pagina = reverse("ontzorgen:begeleiding_dossier", args=[wereld.dossier_bladel.pk])
    assert client.get(pagina).status_code == 200
    later = verwijs(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        team=partner,
        startdatum=datetime.date(2026, 12, 1),
        dienst="taalmaatje",
    )

    draag_over(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, naar=wereld.emmen)

    assert not _ziet(wereld.begeleider, wereld.dossier_bladel)
    for verwijzing in (lopend, later):
        verwijzing.refresh_from_db()
        assert verwijzing.beeindigd
        assert verwijzing.reden_beeindiging == "Dossier overgedragen aan gemeente Emmen wegens verhuizing."
    assert client.get(pagina).status_code == 404


def test_uitschrijven_ends_the_referrals_too(wereld, partner):
    verwijzing = verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)

    wijzig_fase(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        fase=Fase.UITGESCHREVEN,
        reden_uitschrijving=RedenUitschrijving.VERTROKKEN,
    )

    verwijzing.refresh_from_db()
    assert verwijzing.beeindigd
    assert "Dossier uitgeschreven (Vertrokken uit Nederland)." in verwijzing.reden_beeindiging
    assert not _ziet(wereld.begeleider, wereld.dossier_bladel)
