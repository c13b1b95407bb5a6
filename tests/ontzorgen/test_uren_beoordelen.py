"""Uren beoordelen: nothing ticked beforehand, a page of 50 at a time, and a filter per casusregisseur
that only ever narrows what the user may approve."""

import datetime
import re

import pytest

from django.urls import reverse

from ontzorgen import services
from ontzorgen.models import Urenregistratie
from ontzorgen.queries import te_beoordelen_uren
from tests.ontzorgen.factories import regel, verwijs

pytestmark = pytest.mark.django_db

MAANDAG = datetime.date(2026, 11, 16)  # the week before NU
URL = reverse("ontzorgen:uren_beoordelen")


@pytest.fixture
def verwezen(wereld, partner):
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bladel, team=partner)  # Sanne's dossier
    verwijs(door=wereld.regisseur, inburgeraar=wereld.dossier_bergeijk, team=partner)  # Youssef's
    return wereld


def _uren(w, dossier, aantal):
    """`aantal` pending entries of a quarter each, all on one day."""
    return services.registreer_uren(door=w.begeleider, regels=[regel(dossier, MAANDAG, "0.25") for _ in range(aantal)])


def _aangevinkt(html: str) -> list[str]:
    return [tag for tag in re.findall(r"<input[^>]*>", html) if re.search(r"\schecked\b", tag)]


def test_no_row_is_ticked_beforehand(client, verwezen):
    _uren(verwezen, verwezen.dossier_bladel, 2)
    client.force_login(verwezen.regisseur)
    html = client.get(URL).content.decode()
    assert html.count('name="registraties"') == 2
    assert _aangevinkt(html) == []
    # Choosing the whole page is a control of its own, labelled, and shown only by the script.
    assert '<span hidden data-met-script><input type="checkbox"' in html
    assert '<label class="app-visueel-verborgen" for="alle-uren-kiezen">Alle uren op deze pagina kiezen</label>' in html


def test_approving_nothing_approves_nothing_and_says_why(client, verwezen):
    _uren(verwezen, verwezen.dossier_bladel, 2)
    client.force_login(verwezen.regisseur)
    response = client.post(URL, {}, follow=True)
    assert response.redirect_chain == [(URL, 302)]
    assert "U heeft geen uren aangevinkt, dus er is niets goedgekeurd." in response.content.decode()
    assert set(Urenregistratie.objects.values_list("status", flat=True)) == {Urenregistratie.Status.INGEDIEND}


def test_the_regisseur_filter_shows_exactly_that_regisseurs_hours(client, verwezen):
    _uren(verwezen, verwezen.dossier_bladel, 2)
    youssefs = _uren(verwezen, verwezen.dossier_bergeijk, 3)
    teamleider, youssef = verwezen.teamleider, verwezen.collega
    client.force_login(teamleider)

    response = client.get(f"{URL}?regisseur={youssef.pk}")
    html = response.content.decode()
    assert list(response.context["registraties"]) == youssefs
    verwacht = te_beoordelen_uren(teamleider).filter(inburgeraar__regisseur=youssef).count()
    assert response.context["pagina"].paginator.count == verwacht == 3
    assert "3 urenregistraties wachten op beoordeling." in html
    assert f"Uren van de dossiers van casusregisseur {youssef}." in html

    alle = client.get(URL).content.decode()
    assert "5 urenregistraties wachten op beoordeling." in alle
    assert "Uren van alle dossiers van uw team." in alle


def test_van_mijn_and_the_users_own_pk_both_mean_my_dossiers(client, verwezen):
    sannes = _uren(verwezen, verwezen.dossier_bladel, 1)
    _uren(verwezen, verwezen.dossier_bergeijk, 1)
    client.force_login(verwezen.regisseur)
    for query in ("?van=mijn", f"?regisseur={verwezen.regisseur.pk}"):
        response = client.get(URL + query)
        assert list(response.context["registraties"]) == sannes
        html = response.content.decode()
        assert "1 urenregistratie wacht op beoordeling." in html
        assert "Uren van de dossiers waarvan u casusregisseur bent." in html


def test_the_regisseur_filter_never_widens_and_names_no_stranger(client, verwezen):
    _uren(verwezen, verwezen.dossier_bladel, 1)
    client.force_login(verwezen.regisseur_eersel)  # Eersel's team: KempenPlus' dossiers are not theirs
    assert client.get(f"{URL}?regisseur={verwezen.regisseur.pk}").status_code == 404
    assert client.get(f"{URL}?regisseur={verwezen.regisseur_emmen.pk}").status_code == 404


@pytest.mark.parametrize("waarde", ["abc", "1 OR 1=1", "-1", "1.0", "٣", "99999999999999999999999"])
def test_a_regisseur_value_that_is_no_known_pk_answers_404(client, verwezen, waarde):
    client.force_login(verwezen.regisseur)
    assert client.get(URL, {"regisseur": waarde}).status_code == 404


def test_the_list_comes_in_pages_of_50_and_counts_them_all(client, verwezen):
    uren = _uren(verwezen, verwezen.dossier_bladel, 51)
    client.force_login(verwezen.regisseur)

    eerste = client.get(URL)
    assert list(eerste.context["registraties"]) == uren[:50]
    html = eerste.content.decode()
    assert "51 urenregistraties wachten op beoordeling." in html
    assert "Pagina 1 van 2" in html
    assert 'href="?pagina=2"' in html

    tweede = client.get(f"{URL}?van=mijn&pagina=2")
    assert list(tweede.context["registraties"]) == uren[50:]
    assert 'href="?van=mijn&amp;pagina=1"' in tweede.content.decode()  # the filter stays on the way back


def test_after_approving_the_user_returns_to_their_filter_and_page(client, verwezen):
    uren = _uren(verwezen, verwezen.dossier_bladel, 52)
    client.force_login(verwezen.regisseur)
    filter_ = f"regisseur={verwezen.regisseur.pk}"

    response = client.post(f"{URL}?{filter_}&pagina=2", {"registraties": [uren[50].pk]})
    assert response.url == f"{URL}?{filter_}&pagina=2"  # 51 left: page 2 is still there

    response = client.post(f"{URL}?{filter_}&pagina=2", {"registraties": [uren[51].pk]})
    assert response.url == f"{URL}?{filter_}"  # 50 left: page 2 is gone, the filter stays
    assert Urenregistratie.objects.filter(status=Urenregistratie.Status.GOEDGEKEURD).count() == 2


def test_only_hours_within_the_filter_can_be_approved_through_it(client, verwezen):
    [youssefs] = _uren(verwezen, verwezen.dossier_bergeijk, 1)
    client.force_login(verwezen.regisseur)
    response = client.post(f"{URL}?van=mijn", {"registraties": [youssefs.pk]}, follow=True)
    assert "Er is niets goedgekeurd" in response.content.decode()
    youssefs.refresh_from_db()
    assert youssefs.status == Urenregistratie.Status.INGEDIEND
