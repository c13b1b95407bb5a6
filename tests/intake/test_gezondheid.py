"""Gezondheid is special-category data: a separate right to see or edit it, and every view of it logged."""

import pytest
from auditlog.models import LogEntry

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from inburgering.models import Inzage
from intake import services
from intake.leefgebieden import PER_SLUG
from intake.models import Gezondheid

pytestmark = pytest.mark.django_db

GEHEIM = "Posttraumatische stressklachten na de vlucht"


@pytest.fixture
def met_gezondheid(regisseur, intake):
    services.sla_leefgebied_op(
        door=regisseur, intake=intake, sectie=PER_SLUG["gezondheid"], gegevens={"score": 2, "psychisch": GEHEIM}
    )
    return intake


def _url(naam, dossier):
    """The intake's gezondheid step, or the summary that shows every section."""
    return reverse(naam, args=[dossier.pk, "gezondheid"] if naam == "intake:intake_stap" else [dossier.pk])


def _pagina(client, user, naam, dossier):
    client.force_login(user)
    return client.get(_url(naam, dossier))


@pytest.mark.parametrize("naam", ["intake:intake_stap", "intake:intake_samenvatting"])
def test_a_regisseur_with_the_right_sees_health_data_and_the_view_is_logged(
    client, wereld, regisseur, met_gezondheid, naam
):
    response = _pagina(client, regisseur, naam, wereld.dossier_bladel)

    assert GEHEIM in response.content.decode()
    inzage = Inzage.objects.filter(user=regisseur).latest("pk")
    assert inzage.bijzondere_persoonsgegevens is True
    assert inzage.pagina == _url(naam, wereld.dossier_bladel)


def test_another_step_of_the_intake_shows_no_health_data_and_logs_an_ordinary_inzage(
    client, wereld, regisseur, met_gezondheid
):
    html = _pagina(client, regisseur, "intake:intake", wereld.dossier_bladel).content.decode()

    assert GEHEIM not in html
    assert Inzage.objects.filter(user=regisseur).latest("pk").bijzondere_persoonsgegevens is False


@pytest.mark.parametrize("naam", ["intake:intake_stap", "intake:intake_samenvatting"])
def test_a_colleague_without_the_right_sees_only_that_it_is_shielded(client, wereld, met_gezondheid, naam):
    response = _pagina(client, wereld.collega, naam, wereld.dossier_bladel)

    html = response.content.decode()
    assert response.status_code == 200
    assert GEHEIM not in html
    assert "afgeschermd" in html.lower()
    assert Inzage.objects.get(user=wereld.collega).bijzondere_persoonsgegevens is False


def test_the_shielded_status_says_whether_it_was_filled_without_showing_it(client, wereld, met_gezondheid):
    html = _pagina(client, wereld.collega, "intake:intake_stap", wereld.dossier_bladel).content.decode()

    assert "Dit leefgebied is ingevuld." in html
    assert "Gezondheid: kies een score" not in html


def test_a_colleague_without_the_right_cannot_write_health_data(client, wereld, intake):
    client.force_login(wereld.collega)
    url = reverse("intake:intake_leefgebied", args=[wereld.dossier_bladel.pk, "gezondheid"])

    response = client.post(url, {"gezondheid-score": "1", "gezondheid-psychisch": "Iets"})

    assert response.status_code == 403
    assert not Gezondheid.objects.exists()
    with pytest.raises(PermissionDenied):
        services.sla_leefgebied_op(door=wereld.collega, intake=intake, sectie=PER_SLUG["gezondheid"], gegevens={})


def test_health_data_stays_out_of_the_tijdlijn_the_audit_log_and_the_caseload(
    client, wereld, regisseur, met_gezondheid
):
    tijdlijn = " ".join(wereld.dossier_bladel.tijdlijn.values_list("omschrijving", flat=True))
    assert "Leefgebied gezondheid ingevuld." in tijdlijn
    assert GEHEIM not in tijdlijn
    assert not LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Gezondheid)).exists()
    assert GEHEIM not in str(list(LogEntry.objects.values_list("changes", flat=True)))

    client.force_login(regisseur)
    assert GEHEIM not in client.get(reverse("inburgering:caseload")).content.decode()
    assert GEHEIM not in client.get(reverse("inburgering:dossier", args=[wereld.dossier_bladel.pk])).content.decode()


def test_saving_health_data_with_htmx_logs_the_inzage_of_what_it_shows_back(client, wereld, regisseur, intake):
    client.force_login(regisseur)
    url = reverse("intake:intake_leefgebied", args=[wereld.dossier_bladel.pk, "gezondheid"])

    response = client.post(url, {"gezondheid-score": "2", "gezondheid-psychisch": GEHEIM}, HTTP_HX_REQUEST="true")

    assert GEHEIM in response.content.decode()
    assert Inzage.objects.get(user=regisseur, pagina=url).bijzondere_persoonsgegevens is True
