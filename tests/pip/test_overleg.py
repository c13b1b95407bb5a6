"""The PIP-team's casuïstiekoverleg: planning, the agenda per viewer, agreements as deadlines and signalen, PDFs."""

import datetime
import io
import logging

import pytest
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.urls import reverse

from inburgering.models import Gebeurtenis, Inzage, Organisatie, Signaal, Team, Termijn
from inburgering.termijnen import Soort
from ontzorgen import services as ontzorgen
from ontzorgen.models import Dienst
from pip import overleg as diensten
from tests.factories import InburgeraarFactory

D = datetime.date
VANDAAG = D(2026, 11, 23)  # tests/pip/conftest.py pins the clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(wereld):
    """The partner's team has a verwijzing for the Bladel dossier only; its begeleider joins the overleg."""
    Organisatie.objects.filter(naam="VluchtelingenWerk").update(soort=Organisatie.Soort.PARTNER)
    ontzorgen.verwijs(
        door=wereld.regisseur,
        inburgeraar=wereld.dossier_bladel,
        team=Team.objects.get(organisatie__naam="VluchtelingenWerk"),
        dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
        startdatum=VANDAAG,
    )
    return wereld.begeleider


@pytest.fixture
def overleg(wereld, partner):
    """Planned for 24 November with a colleague and the partner; Bladel (referred) and Bergeijk on the agenda."""
    o = diensten.plan_overleg(
        door=wereld.regisseur,
        datum=D(2026, 11, 24),
        locatie="Gemeentehuis Bladel",
        deelnemers=[wereld.collega, partner],
    )
    diensten.zet_op_agenda(door=wereld.regisseur, overleg=o, inburgeraar=wereld.dossier_bladel, vraag="Schulden?")
    diensten.zet_op_agenda(door=wereld.regisseur, overleg=o, inburgeraar=wereld.dossier_bergeijk)
    return o


def _punt(overleg, dossier):
    return overleg.agendapunten.get(inburgeraar=dossier)


def test_participants_are_the_team_and_the_partners_working_on_its_dossiers(wereld, partner):
    kandidaten = set(diensten.kandidaat_deelnemers(wereld.regisseur))

    assert {wereld.collega, wereld.teamleider, partner} <= kandidaten
    assert wereld.regisseur_eersel not in kandidaten and wereld.regisseur_emmen not in kandidaten
    with pytest.raises(ValidationError) as fout:
        diensten.plan_overleg(door=wereld.regisseur, datum=D(2026, 11, 24), deelnemers=[wereld.regisseur_eersel])
    assert "niet in uw team" in fout.value.message_dict["deelnemers"][0]


def test_only_dossiers_the_regisseur_may_see_go_on_the_agenda_once(wereld, overleg):
    with pytest.raises(ValidationError) as anders:
        diensten.zet_op_agenda(door=wereld.regisseur, overleg=overleg, inburgeraar=wereld.dossier_eersel)
    with pytest.raises(ValidationError) as dubbel:
        diensten.zet_op_agenda(door=wereld.regisseur, overleg=overleg, inburgeraar=wereld.dossier_bladel)

    assert anders.value.message_dict == {"inburgeraar": ["Dit dossier kunt u niet op de agenda zetten."]}
    assert dubbel.value.message_dict == {
        "inburgeraar": [f"{wereld.dossier_bladel.naam} staat al op de agenda van dit overleg."]
    }
    assert wereld.dossier_bladel.tijdlijn.filter(soort=diensten.Soort.AGENDA).exists()


def test_a_partner_sees_only_the_agenda_items_of_dossiers_referred_to_them(client, wereld, overleg, partner):
    client.force_login(partner)
    response = client.get(reverse("overleggen:overleg", args=[overleg.pk]))

    assert [p.inburgeraar for p in response.context["punten"]] == [wereld.dossier_bladel]
    assert wereld.dossier_bergeijk.naam not in response.content.decode()
    assert "Op de agenda zetten" not in response.content.decode()  # only the voorzitter writes
    assert list(Inzage.objects.filter(user=partner).values_list("inburgeraar", flat=True)) == [wereld.dossier_bladel.pk]
    client.force_login(wereld.regisseur)
    alle = client.get(reverse("overleggen:overleg", args=[overleg.pk])).context["punten"]
    assert {p.inburgeraar for p in alle} == {wereld.dossier_bladel, wereld.dossier_bergeijk}


def test_someone_outside_the_overleg_gets_404(client, wereld, overleg):
    client.force_login(wereld.teamleider)  # same team, but not invited
    assert client.get(reverse("overleggen:overleg", args=[overleg.pk])).status_code == 404


def test_an_agreement_with_a_due_date_becomes_a_deadline_and_a_signaal_that_closes_when_done(wereld, overleg):
    punt = _punt(overleg, wereld.dossier_bladel)
    diensten.leg_bespreking_vast(
        door=wereld.regisseur, agendapunt=punt, besproken="Aanmaningen van de zorgverzekeraar."
    )
    afspraak = diensten.maak_afspraak(
        door=wereld.regisseur,
        agendapunt=punt,
        omschrijving="Aanmelden bij schuldhulpverlening",
        eigenaar=wereld.begeleider,
        uiterlijk=D(2026, 12, 8),
    )

    termijn = Termijn.objects.get(inburgeraar=wereld.dossier_bladel, soort=Soort.AFSPRAAK_OVERLEG)
    signaal = Signaal.objects.get(termijn=termijn)
    assert (termijn.startdatum, termijn.uiterste_datum, signaal.status) == (D(2026, 11, 24), D(2026, 12, 8), "open")
    tijdlijn = list(wereld.dossier_bladel.tijdlijn.values_list("soort", "omschrijving"))
    naam = wereld.begeleider.get_full_name()
    assert (
        diensten.Soort.AFSPRAAK,
        f"Afspraak in het casuïstiekoverleg van 24 november 2026: Aanmelden bij schuldhulpverlening – {naam} "
        "(uiterlijk 8 december 2026).",
    ) in tijdlijn
    assert any(soort == diensten.Soort.BESPROKEN for soort, _ in tijdlijn)

    diensten.rond_afspraak_af(door=wereld.begeleider, afspraak=afspraak)  # the owner, a partner

    termijn.refresh_from_db()
    signaal.refresh_from_db()
    assert (termijn.voldaan_op, signaal.status) == (VANDAAG, Signaal.Status.VERVALLEN)
    assert wereld.dossier_bladel.tijdlijn.filter(soort=diensten.Soort.AFGEROND, actor=wereld.begeleider).exists()


def test_the_deadline_follows_the_earliest_open_agreement(wereld, overleg):
    punt = _punt(overleg, wereld.dossier_bladel)
    maak = lambda tekst, datum: diensten.maak_afspraak(  # noqa: E731
        door=wereld.regisseur, agendapunt=punt, omschrijving=tekst, eigenaar=wereld.collega, uiterlijk=datum
    )
    later, eerder = maak("Huisarts bellen", D(2027, 1, 15)), maak("Taalschool vragen", D(2026, 12, 1))
    maak("Zonder datum", None)

    def termijn():
        return Termijn.objects.get(inburgeraar=wereld.dossier_bladel, soort=Soort.AFSPRAAK_OVERLEG)

    assert (termijn().uiterste_datum, termijn().voldaan_op) == (D(2026, 12, 1), None)
    diensten.rond_afspraak_af(door=wereld.regisseur, afspraak=eerder)
    assert (termijn().uiterste_datum, termijn().voldaan_op) == (D(2027, 1, 15), None)
    diensten.rond_afspraak_af(door=wereld.regisseur, afspraak=later)
    assert (termijn().uiterste_datum, termijn().voldaan_op) == (D(2027, 1, 15), VANDAAG)


@pytest.mark.parametrize(
    ("eigenaar", "uiterlijk", "veld", "bericht"),
    [
        ("regisseur_eersel", D(2026, 12, 1), "eigenaar", "voorzitter of een deelnemer"),
        ("collega", D(2026, 11, 20), "uiterlijk", "vóór het overleg (24 november 2026)"),
    ],
)
def test_an_agreement_needs_a_participant_as_owner_and_a_date_after_the_overleg(
    wereld, overleg, eigenaar, uiterlijk, veld, bericht
):
    with pytest.raises(ValidationError) as fout:
        diensten.maak_afspraak(
            door=wereld.regisseur,
            agendapunt=_punt(overleg, wereld.dossier_bladel),
            omschrijving="Iets",
            eigenaar=getattr(wereld, eigenaar),
            uiterlijk=uiterlijk,
        )
    assert bericht in fout.value.message_dict[veld][0]


def test_only_the_owner_or_a_regisseur_of_the_dossier_marks_an_agreement_done(wereld, overleg, partner):
    afspraak = diensten.maak_afspraak(
        door=wereld.regisseur,
        agendapunt=_punt(overleg, wereld.dossier_bladel),
        omschrijving="Bellen",
        eigenaar=wereld.collega,
    )
    with pytest.raises(ValidationError):
        diensten.rond_afspraak_af(door=partner, afspraak=afspraak)
    diensten.rond_afspraak_af(door=wereld.teamleider, afspraak=afspraak)
    with pytest.raises(ValidationError, match="al afgerond"):
        diensten.rond_afspraak_af(door=wereld.regisseur, afspraak=afspraak)


def _tekst(response) -> str:
    return "".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(response.content)).pages)


@pytest.mark.pdf
def test_the_agenda_and_minutes_print_without_bsns_and_only_what_the_reader_may_see(
    client, wereld, overleg, partner, caplog
):
    punt = _punt(overleg, wereld.dossier_bladel)
    diensten.leg_bespreking_vast(door=wereld.regisseur, agendapunt=punt, besproken="Schulden besproken.")
    diensten.maak_afspraak(
        door=wereld.regisseur, agendapunt=punt, omschrijving="Budgetcoach", eigenaar=partner, uiterlijk=D(2026, 12, 8)
    )
    client.force_login(wereld.regisseur)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        agenda = _tekst(client.get(reverse("overleggen:overleg_agenda_pdf", args=[overleg.pk])))
        verslag = _tekst(client.get(reverse("overleggen:overleg_verslag_pdf", args=[overleg.pk])))
    client.force_login(partner)
    voor_partner = _tekst(client.get(reverse("overleggen:overleg_verslag_pdf", args=[overleg.pk])))

    assert not [r for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.ERROR]
    assert "Schulden?" in agenda and wereld.dossier_bergeijk.achternaam in agenda and "Budgetcoach" not in agenda
    assert "Schulden besproken." in verslag and "Budgetcoach" in verslag and "8 december 2026" in verslag
    for tekst in (agenda, verslag, voor_partner):
        assert wereld.dossier_bladel.bsn not in tekst and wereld.dossier_bergeijk.bsn not in tekst
    assert "Budgetcoach" in voor_partner and wereld.dossier_bergeijk.achternaam not in voor_partner


def test_the_regisseur_plans_and_fills_the_agenda_in_the_browser(client, wereld, partner):
    client.force_login(wereld.regisseur)
    leeg = client.post(reverse("overleggen:overleg_plannen"), {"datum": ""})
    gepland = client.post(
        reverse("overleggen:overleg_plannen"), {"datum": "2026-11-30", "tijd": "10:00", "deelnemers": [partner.pk]}
    )
    overleg = diensten.overleggen_voor(wereld.regisseur).get()
    fout = client.post(
        reverse("overleggen:overleg_agendapunt", args=[overleg.pk]), {"inburgeraar": wereld.dossier_eersel.pk}
    )

    assert "Dit veld is verplicht." in leeg.content.decode()
    assert gepland.status_code == 302 and list(overleg.deelnemers.all()) == [partner]
    assert "Selecteer een geldige keuze" in fout.content.decode()  # another team's dossier is no choice


@pytest.mark.parametrize("aantal", [2, 8])
def test_the_overleg_page_takes_the_same_number_of_queries_for_any_agenda(
    client, wereld, partner, aantal, django_assert_num_queries
):
    o = diensten.plan_overleg(door=wereld.regisseur, datum=D(2026, 11, 24), deelnemers=[wereld.collega, partner])
    for _ in range(aantal):
        dossier = InburgeraarFactory(gemeente=wereld.bladel)
        punt = diensten.zet_op_agenda(door=wereld.regisseur, overleg=o, inburgeraar=dossier)
        diensten.maak_afspraak(door=wereld.regisseur, agendapunt=punt, omschrijving="Bellen", eigenaar=partner)
    client.force_login(wereld.regisseur)

    # session, user, overleg, agenda, its agreements and their owners, inzage (one insert), deelnemers,
    # eigenaren, permissions (user and group), the dossier choices, the idle timeout (savepoint, update, release)
    with django_assert_num_queries(15):
        response = client.get(reverse("overleggen:overleg", args=[o.pk]))
    assert len(response.context["punten"]) == aantal
    assert Gebeurtenis.objects.filter(soort=diensten.Soort.AFSPRAAK).count() == aantal


@pytest.mark.parametrize("aantal", [1, 6])
def test_the_list_of_overleggen_takes_the_same_number_of_queries(client, wereld, aantal, django_assert_num_queries):
    for dag in range(aantal):
        diensten.plan_overleg(door=wereld.regisseur, datum=D(2026, 11, 24) + datetime.timedelta(days=dag * 14 - 40))
    client.force_login(wereld.regisseur)

    # session, user, permissions (user and group), upcoming, past, my agreements, idle timeout (3)
    with django_assert_num_queries(10):
        response = client.get(reverse("overleggen:overleggen"))
    assert len(response.context["komend"]) + len(response.context["geweest"]) == aantal
