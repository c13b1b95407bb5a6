"""AVG inzage: the export of everything held about a person (JSON and PDF), logged as an inzage;
and the privacy officer's search of the inzage log."""

import datetime
import json

import pytest
import time_machine

from django.urls import reverse

from inburgering import services as dossier_services
from inburgering.models import Inzage
from pip.models import Pip
from tests.inburgering.test_isolation import intakes, leerroute_objecten, pips, verwezen  # noqa: F401  (fixtures)
from tests.inburgering.test_vernietiging import NU, vol_dossier  # noqa: F401  (fixtures)


def test_the_export_holds_every_part_of_a_fully_filled_dossier(client, vol_dossier):  # noqa: F811
    wereld = vol_dossier
    dossier = wereld.dossier_bladel
    client.force_login(wereld.privacy)
    response = client.get(reverse("inburgering:avg_export", kwargs={"pk": dossier.pk}))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="avg-inzage-')
    gegevens = json.loads(response.content)
    secties = gegevens["secties"]
    # Every app contributes, and none of its parts is empty for this dossier.
    for sectie in (
        "Persoonsgegevens en dossier",
        "Tijdlijn",
        "Brede intake",
        "Gezondheid",
        "Niet verschenen",
        "PIP's",
        "Handhaving",
        "Financieel ontzorgen",
        "Verwijzingen",
        "Urenregistraties",
        "Deelname",
        "Groepen PVT en MAP",
        "Inzagelog: wie het dossier bekeek",
    ):
        assert secties[sectie], sectie
    assert "Termijnen" in secties  # empty here: a closed dossier has no open deadlines left
    persoon = secties["Persoonsgegevens en dossier"][0]
    assert persoon["BSN"] == dossier.bsn and persoon["achternaam"] == "Haile"
    assert secties["Gezondheid"][0]["lichamelijke gezondheid"] == "Rugklachten sinds de reis."
    assert {p["versie"] for p in secties["PIP's"]} == set(
        Pip.objects.filter(inburgeraar=dossier).values_list("versie", flat=True)
    )
    assert str(wereld.regisseur) in {i["gebruiker"] for i in secties["Inzagelog: wie het dossier bekeek"]}
    # Producing the export is itself an inzage, of special-category data.
    inzage = Inzage.objects.filter(user=wereld.privacy).get()
    assert (inzage.bsn, inzage.bijzondere_persoonsgegevens) == (dossier.bsn, True)


@pytest.mark.pdf
def test_the_export_as_pdf_renders(client, vol_dossier, caplog):  # noqa: F811
    client.force_login(vol_dossier.privacy)
    response = client.get(
        reverse("inburgering:avg_export", kwargs={"pk": vol_dossier.dossier_bladel.pk}) + "?formaat=pdf"
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert not [r for r in caplog.records if r.name.startswith("weasyprint") and r.levelname == "ERROR"]


def test_the_inzagelog_refuses_a_bsn_that_fails_the_elfproef(client, wereld):
    client.force_login(wereld.privacy)
    response = client.get(reverse("inburgering:inzagelog"), {"bsn": "123456789", "gebruiker": "sanne"})
    assert "elfproef" in response.content.decode()
    assert 'value="sanne"' in response.content.decode()


def test_the_inzagelog_finds_by_bsn_by_user_and_period(client, wereld):
    with time_machine.travel(NU, tick=False):
        dossier_services.log_inzage(user=wereld.regisseur, inburgeraar=wereld.dossier_bladel, pagina="/a/")
        dossier_services.log_inzage(user=wereld.collega, inburgeraar=wereld.dossier_bergeijk, pagina="/b/")
    client.force_login(wereld.privacy)
    per_bsn = client.get(reverse("inburgering:inzagelog"), {"bsn": wereld.dossier_bladel.bsn}).context["pagina"]
    assert [i.pagina for i in per_bsn] == ["/a/"]
    per_user = client.get(reverse("inburgering:inzagelog"), {"gebruiker": "youssef"}).context["pagina"]
    assert [i.pagina for i in per_user] == ["/b/"]
    buiten = client.get(reverse("inburgering:inzagelog"), {"van": "2026-11-24"}).context["pagina"]
    assert list(buiten) == []


def test_the_inzagelog_takes_a_constant_number_of_queries(client, wereld, django_assert_num_queries):
    client.force_login(wereld.privacy)
    for aantal in (1, 30):
        with time_machine.travel(NU, tick=False):
            for _ in range(aantal):
                dossier_services.log_inzage(user=wereld.regisseur, inburgeraar=wereld.dossier_bladel, pagina="/x/")
        with django_assert_num_queries(10):
            client.get(reverse("inburgering:inzagelog"), {"bsn": wereld.dossier_bladel.bsn, "tot": "2026-12-31"})


def test_the_monthly_task_drops_inzage_records_past_their_own_period(wereld):
    from inburgering import tasks

    with time_machine.travel(NU, tick=False):
        dossier_services.log_inzage(user=wereld.regisseur, inburgeraar=wereld.dossier_bladel, pagina="/oud/")
    with time_machine.travel(datetime.datetime(2028, 12, 1, 12, 0, tzinfo=datetime.UTC), tick=False):
        dossier_services.log_inzage(user=wereld.regisseur, inburgeraar=wereld.dossier_bladel, pagina="/nieuw/")
        assert tasks.bewaartermijnen()["inzages_verwijderd"] == 1
    assert list(Inzage.objects.values_list("pagina", flat=True)) == ["/nieuw/"]
