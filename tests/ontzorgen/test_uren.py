"""Hours: validated all together before any is written; the regisseur approves or corrects them."""

import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from django.core.exceptions import ValidationError

from ontzorgen import services
from ontzorgen.models import Urenregistratie, Urensoort
from tests.conftest import VANDAAG
from tests.ontzorgen.factories import regel, verwijs

pytestmark = pytest.mark.django_db

GISTEREN = VANDAAG - datetime.timedelta(days=1)


@pytest.fixture
def verwezen(wereld, partner):
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bergeijk, team=partner)
    return wereld


def _fouten(wereld, *regels):
    return services.uren_fouten(begeleider=wereld.begeleider, regels=list(regels))


@pytest.mark.parametrize(
    ("uren", "melding"),
    [
        ("-1", "Uren kunnen niet negatief zijn."),
        ("0", "Vul meer dan 0 uren in."),
        ("1.3", "Vul uren in kwartieren in"),
        ("24.25", "Meer dan 24 uur op één dag kan niet."),
    ],
)
def test_it_refuses_hours_that_are_not_positive_quarters_up_to_24(verwezen, uren, melding):
    fouten = _fouten(verwezen, regel(verwezen.dossier_bladel, GISTEREN, uren))
    assert melding in fouten[0]["uren"]


def test_it_accepts_quarters(verwezen):
    assert _fouten(verwezen, regel(verwezen.dossier_bladel, GISTEREN, "1.75")) == [{}]


def test_it_refuses_future_dates(verwezen):
    fouten = _fouten(verwezen, regel(verwezen.dossier_bladel, VANDAAG + datetime.timedelta(days=1), 1))
    assert "in de toekomst" in fouten[0]["datum"]


def test_it_refuses_hours_outside_an_active_referral(verwezen):
    voor_de_start = datetime.date(2026, 11, 1)  # the referral starts on 2 November
    assert "geen verwijzing" in _fouten(verwezen, regel(verwezen.dossier_bladel, voor_de_start, 1))[0]["datum"]
    niet_verwezen = _fouten(verwezen, regel(verwezen.dossier_reusel, GISTEREN, 1))
    assert "geen verwijzing" in niet_verwezen[0]["datum"]


def test_it_counts_24_hours_per_person_per_day_across_all_entries(verwezen):
    services.registreer_uren(door=verwezen.begeleider, regels=[regel(verwezen.dossier_bladel, GISTEREN, 20)])

    fouten = _fouten(
        verwezen,
        regel(verwezen.dossier_bladel, GISTEREN, 3),
        regel(verwezen.dossier_bladel, GISTEREN, 1.5),
        regel(verwezen.dossier_bergeijk, GISTEREN, 8),
    )

    assert "Samen 24,5 uur" in fouten[0]["uren"]
    assert "Samen 24,5 uur" in fouten[1]["uren"]
    assert fouten[2] == {}


def test_it_writes_nothing_when_one_line_is_wrong(verwezen):
    with pytest.raises(ValidationError):
        services.registreer_uren(
            door=verwezen.begeleider,
            regels=[regel(verwezen.dossier_bladel, GISTEREN, 2), regel(verwezen.dossier_bergeijk, GISTEREN, -1)],
        )
    assert not Urenregistratie.objects.exists()


def test_it_registers_hours_as_pending_under_the_referral_and_on_the_tijdlijn(verwezen):
    services.registreer_uren(
        door=verwezen.begeleider,
        regels=[regel(verwezen.dossier_bladel, GISTEREN, 2), regel(verwezen.dossier_bladel, VANDAAG, "1.5")],
    )
    rijen = Urenregistratie.objects.all()
    assert {r.status for r in rijen} == {Urenregistratie.Status.INGEDIEND}
    assert {r.verwijzing.team.organisatie.naam for r in rijen} == {"VluchtelingenWerk"}
    assert "3,5 uur begeleiding" in verwezen.dossier_bladel.tijdlijn.first().omschrijving


def test_the_regisseur_approves_pending_hours_in_bulk(verwezen):
    rijen = services.registreer_uren(
        door=verwezen.begeleider,
        regels=[regel(verwezen.dossier_bladel, GISTEREN, 2), regel(verwezen.dossier_bergeijk, GISTEREN, 1)],
    )
    assert services.keur_uren_goed(door=verwezen.regisseur, registraties=rijen) == 2
    assert services.keur_uren_goed(door=verwezen.regisseur, registraties=rijen) == 0  # already approved

    goedgekeurd = Urenregistratie.objects.filter(status=Urenregistratie.Status.GOEDGEKEURD)
    assert goedgekeurd.count() == 2
    assert {r.beoordeeld_door for r in goedgekeurd} == {verwezen.regisseur}
    assert "goedgekeurd" in verwezen.dossier_bladel.tijdlijn.first().omschrijving


def test_registering_and_approving_in_bulk_leave_each_row_its_audit_history(verwezen):
    [rij] = services.registreer_uren(door=verwezen.begeleider, regels=[regel(verwezen.dossier_bladel, GISTEREN, 2)])
    services.keur_uren_goed(door=verwezen.regisseur, registraties=[rij])

    historie = LogEntry.objects.get_for_object(rij).order_by("timestamp", "pk")
    aangemaakt, goedgekeurd = historie
    assert (aangemaakt.action, aangemaakt.actor) == (LogEntry.Action.CREATE, verwezen.begeleider)
    assert aangemaakt.changes["uren"] == ["None", "2"]
    assert (goedgekeurd.action, goedgekeurd.actor) == (LogEntry.Action.UPDATE, verwezen.regisseur)
    assert goedgekeurd.changes["status"] == ["ingediend", "goedgekeurd"]
    assert set(goedgekeurd.changes) == {"status", "beoordeeld_door", "beoordeeld_op"}


def test_a_correction_supersedes_the_entry_and_keeps_the_original(verwezen):
    [oud] = services.registreer_uren(door=verwezen.begeleider, regels=[regel(verwezen.dossier_bladel, GISTEREN, 3)])

    nieuw = services.corrigeer_uren(
        door=verwezen.regisseur,
        registratie=oud,
        uren=Decimal("2.5"),
        soort=Urensoort.PARTICIPATIE,
        telt_voor_z_route=True,
        reden="Half uur reistijd telt niet.",
    )

    oud.refresh_from_db()
    assert oud.status == Urenregistratie.Status.VERVANGEN
    assert oud.uren == Decimal("3.00")
    assert nieuw.vervangt == oud
    assert nieuw.status == Urenregistratie.Status.GOEDGEKEURD
    assert "gecorrigeerd van 3 naar 2,5 uur" in verwezen.dossier_bladel.tijdlijn.first().omschrijving
    with pytest.raises(ValidationError):
        services.corrigeer_uren(
            door=verwezen.regisseur, registratie=oud, uren=1, soort="participatie", telt_voor_z_route=True, reden="x"
        )


def test_a_correction_may_use_the_hours_it_replaces_within_the_daily_cap(verwezen):
    [oud] = services.registreer_uren(door=verwezen.begeleider, regels=[regel(verwezen.dossier_bladel, GISTEREN, 20)])

    nieuw = services.corrigeer_uren(
        door=verwezen.regisseur, registratie=oud, uren=24, soort=oud.soort, telt_voor_z_route=False, reden="Hele dag."
    )
    assert nieuw.uren == 24
    with pytest.raises(ValidationError) as fout:
        services.corrigeer_uren(
            door=verwezen.regisseur, registratie=nieuw, uren=-2, soort=oud.soort, telt_voor_z_route=False, reden="x"
        )
    assert "negatief" in str(fout.value)
