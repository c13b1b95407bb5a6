"""The demo data: the seed documents' regio's and gemeenten, one user per role, ~300 valid dossiers, and each
app's part (referrals with hours, leerroutes, costs); loading twice changes nothing."""

import pytest
from stdnum.nl import bsn

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from inburgering import opmaak
from inburgering.fasen import Fase
from inburgering.models import Doelgroep, Gebeurtenis, Gemeente, Inburgeraar, Regime, Signaal
from inburgering.rollen import ROLLEN
from intake.models import BredeIntake
from kosten.berekening import totalen
from kosten.models import Contractprijs, Kostenpost, Tolkinzet, Voorziening
from leerroutes.models import Aanbieder, Activiteit, Deelname, Examen, Groep, Inburgeringsaanbod, Sessie
from ontzorgen.models import Melding, Ontzorging, Urenregistratie, Verwijzing
from pip.models import Pip
from pip.overleg import agendapunten_voor, overleggen_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    # Loading takes seconds, so the behaviours below share one load within one test.
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_data_follows_the_seed_documents_and_loads_idempotently(demo):
    _regions_of_the_seed_documents_with_cbs_codes()
    _one_demo_user_per_role()
    _kempenplus_serves_all_kempen_gemeenten_but_eersel()
    _about_300_dossiers_with_valid_bsns_across_fasen_and_doelgroepen()
    _every_dossier_in_intake_has_an_intake_under_way()
    _the_inbox_is_filled_as_the_caseload_shows_it()
    _the_ondertussen_groep_follows_duos_termijn_without_a_pip()
    _every_wi2021_dossier_in_uitvoering_has_a_vastgesteld_pip()
    _every_letter_can_be_sent_and_ontzorgen_is_there_where_owed()
    _the_pip_team_met_and_its_agreements_are_signalen()
    _the_begeleider_has_referred_kempen_dossiers_with_hours()
    _there_are_leerroutes_with_hours_exams_and_a_pvt_group()
    _the_costs_per_voorziening_show_interpreters_and_lessons()
    _running_it_again_changes_nothing()


def _regions_of_the_seed_documents_with_cbs_codes():
    assert Gemeente.objects.count() == 21
    kempen = dict(Gemeente.objects.filter(regio__naam="Kempen").values_list("naam", "gemeentecode"))
    assert kempen == {"Bergeijk": "1724", "Bladel": "1728", "Eersel": "0770", "Reusel-De Mierden": "1667"}
    assert Gemeente.objects.filter(regio__naam="Regio Alkmaar").count() == 7
    assert Gemeente.objects.filter(regio__naam="Maastricht-Heuvelland").count() == 6
    assert Gemeente.objects.get(naam="Emmen").gemeentecode == "0114"


def _one_demo_user_per_role():
    for rol in ROLLEN:
        assert get_user_model().objects.filter(groups__name=rol).exists(), rol


def _kempenplus_serves_all_kempen_gemeenten_but_eersel():
    regisseur = get_user_model().objects.get(username="regisseur")
    gemeenten = set(Inburgeraar.objects.zichtbaar_voor(regisseur).values_list("gemeente__naam", flat=True))
    assert gemeenten == {"Bergeijk", "Bladel", "Reusel-De Mierden"}


def _about_300_dossiers_with_valid_bsns_across_fasen_and_doelgroepen():
    dossiers = Inburgeraar.objects.all()
    assert dossiers.count() == 300
    assert all(bsn.is_valid(nummer) for nummer in dossiers.values_list("bsn", flat=True))
    assert set(dossiers.values_list("fase", flat=True)) == set(Fase.values)
    assert set(dossiers.values_list("doelgroep", flat=True)) == set(Doelgroep.values)
    # the tijdlijn is spread over each dossier's own history, not stamped with today
    eerste_koppeling = dossiers.order_by("datum_koppeling").values_list("datum_koppeling", flat=True).first()
    assert Gebeurtenis.objects.filter(tijdstip__date__lt="2026-01-01").exists()
    assert not Gebeurtenis.objects.filter(tijdstip__date__lt=eerste_koppeling).exists()


def _every_dossier_in_intake_has_an_intake_under_way():
    in_intake = Inburgeraar.objects.filter(fase=Fase.INTAKE)
    assert in_intake.exists()
    assert BredeIntake.objects.filter(inburgeraar__in=in_intake, gesprekken__isnull=False).distinct().count() == (
        in_intake.count()
    )
    assert get_user_model().objects.get(username="regisseur").has_perm("intake.gezondheid_verwerken")
    assert not get_user_model().objects.get(username="regisseur2").has_perm("intake.gezondheid_verwerken")


def _the_ondertussen_groep_follows_duos_termijn_without_a_pip():
    lopend = Inburgeraar.objects.filter(regime=Regime.WI2013).exclude(fase__in=[Fase.AFGEROND, Fase.UITGESCHREVEN])
    assert lopend.exists()
    assert not lopend.filter(datum_einde_termijn_duo__isnull=True).exists()
    assert not Pip.objects.filter(inburgeraar__regime=Regime.WI2013).exists()
    assert lopend.filter(volgende_termijn__gte=timezone.localdate()).exists()  # some DUO extended
    # the tijdlijn tells the Wi2013's path, from the koppeling the dossier states
    for dossier in lopend:
        tijdlijn = " ".join(dossier.tijdlijn.values_list("omschrijving", flat=True))
        assert "PIP in voorbereiding" not in tijdlijn, dossier.pk
        assert f"(koppeling {opmaak.datum(dossier.datum_koppeling)})" in tijdlijn, dossier.pk


def _every_letter_can_be_sent_and_ontzorgen_is_there_where_owed():
    vastgesteld = Pip.objects.vastgesteld()
    assert not vastgesteld.filter(inburgeraar__adres="").exists()  # no final letter without an address
    asiel_met_bijstand = vastgesteld.filter(inburgeraar__doelgroep=Doelgroep.ASIELSTATUSHOUDER, bijstand=True)
    assert asiel_met_bijstand.exists()
    assert not asiel_met_bijstand.filter(ontzorgen=False).exists()  # Participatiewet art. 56a
    assert (
        not vastgesteld.filter(
            inburgeraar__doelgroep=Doelgroep.ASIELSTATUSHOUDER, inburgeraar__datum_start_bijstand__isnull=False
        )
        .filter(ontzorgen=False)
        .exists()
    )
    # the intake's answer 'bijstand' registered it where ontzorgen reads it
    assert Inburgeraar.objects.filter(fase=Fase.INTAKE, datum_start_bijstand__isnull=False).exists()


def _every_wi2021_dossier_in_uitvoering_has_a_vastgesteld_pip():
    # The uitvoering starts with the PIP's vaststelling: a demo dossier there without one misleads.
    uitvoering = Inburgeraar.objects.filter(regime=Regime.WI2021, fase=Fase.UITVOERING)
    assert uitvoering.count() > 100
    assert not uitvoering.exclude(pips__status=Pip.Status.VASTGESTELD).exists()


def _the_pip_team_met_and_its_agreements_are_signalen():
    sanne, amal = (get_user_model().objects.get(username=n) for n in ("regisseur", "begeleider"))
    geweest, komend = sorted(overleggen_voor(sanne), key=lambda o: o.datum)
    assert amal in geweest.deelnemers.all()
    assert geweest.agendapunten.count() >= 3 and komend.agendapunten.exists()
    assert 0 < len(agendapunten_voor(amal, geweest)) < geweest.agendapunten.count()
    assert Signaal.objects.filter(termijn__soort="afspraak_overleg", status=Signaal.Status.OPEN).exists()


def _the_inbox_is_filled_as_the_caseload_shows_it():
    """Every dossier the caseload marks "Te laat" has an open overdue signaal, at once (no beat run)."""
    vandaag = timezone.localdate()
    te_laat = set(Inburgeraar.objects.filter(volgende_termijn__lt=vandaag).values_list("pk", flat=True))
    met_signaal = set(
        Signaal.objects.filter(status=Signaal.Status.OPEN, niveau=0, uiterste_datum__lt=vandaag).values_list(
            "termijn__inburgeraar", flat=True
        )
    )
    assert te_laat
    assert te_laat <= met_signaal
    onbekend = set(Inburgeraar.objects.filter(termijn_onbekend=True).values_list("pk", flat=True))
    assert onbekend == set(
        Signaal.objects.filter(status=Signaal.Status.OPEN, uiterste_datum__isnull=True).values_list(
            "termijn__inburgeraar", flat=True
        )
    )


def _the_begeleider_has_referred_kempen_dossiers_with_hours():
    begeleider = get_user_model().objects.get(username="begeleider")
    zichtbaar = Inburgeraar.objects.zichtbaar_voor(begeleider)
    assert zichtbaar.count() == 3
    assert set(zichtbaar.values_list("gemeente__regio__naam", flat=True)) == {"Kempen"}
    assert Urenregistratie.objects.filter(status=Urenregistratie.Status.INGEDIEND).exists()
    assert Urenregistratie.objects.filter(status=Urenregistratie.Status.GOEDGEKEURD).exists()
    assert Ontzorging.objects.count() == 1


def _there_are_leerroutes_with_hours_exams_and_a_pvt_group():
    assert Aanbieder.objects.exclude(naam="Tolkcentrum Zuid").count() == 2  # and the kosten demo's tolkcentrum
    assert Inburgeringsaanbod.objects.exists()
    assert Deelname.objects.filter(afwezig_uren__gt=0).exclude(reden_afwezigheid="").exists()
    assert Examen.objects.filter(resultaat="Geslaagd").exists()
    groep = Groep.objects.get()
    assert groep.leden.count() >= 2
    assert Activiteit.objects.filter(sessie__groep=groep, aanwezig=False).exists()
    assert Sessie.objects.filter(groep=groep, aanwezigheid__isnull=True).exists()  # still to be entered


def _the_costs_per_voorziening_show_interpreters_and_lessons():
    assert Tolkinzet.objects.count() >= 3
    assert Kostenpost.objects.filter(soort=Kostenpost.Soort.HANDMATIG).exists()
    jaar = Tolkinzet.objects.latest("datum").datum.year
    bedragen = {}
    for gemeente in Gemeente.objects.filter(naam__in=["Bergeijk", "Bladel", "Reusel-De Mierden"]):
        for totaal in totalen(gemeente, jaar):
            bedragen[totaal.voorziening] = bedragen.get(totaal.voorziening, 0) + totaal.bedrag
    assert bedragen[Voorziening.TOLK] > 0 and bedragen[Voorziening.TAAL_B1] > 0


# What a second load must leave as it is: every app's demo objects.
GETELD = (
    Inburgeraar,
    Gebeurtenis,
    BredeIntake,
    Verwijzing,
    Urenregistratie,
    Ontzorging,
    Melding,
    Aanbieder,
    Inburgeringsaanbod,
    Deelname,
    Examen,
    Groep,
    Sessie,
    Activiteit,
    Contractprijs,
    Tolkinzet,
    Kostenpost,
)


def _tel() -> dict[str, int]:
    aantallen = {model.__name__: model.objects.count() for model in GETELD}
    return {**aantallen, "gebruikers": get_user_model().objects.count()}


def _running_it_again_changes_nothing():
    voor = _tel()
    laatste_wijziging = Inburgeraar.objects.order_by("-updated_at").values_list("updated_at", flat=True).first()

    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert _tel() == voor
    assert Inburgeraar.objects.order_by("-updated_at").values_list("updated_at", flat=True).first() == laatste_wijziging
