"""The visibility rule from the outside: an unknown dossier and another gemeente's answer alike, the caseload
lists exactly what the rule allows, and the rule is one SQL query. (The isolation matrix, every URL as every role,
is test_isolation.py.)"""

import re

import pytest

from django.urls import reverse

from inburgering.models import Inburgeraar
from tests.inburgering.test_isolation import verwezen  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_an_unknown_dossier_answers_exactly_as_another_gemeentes(client, wereld):
    client.force_login(wereld.regisseur)
    onbekend = client.get(reverse("inburgering:dossier", args=[999_999]))
    van_eersel = client.get(reverse("inburgering:dossier", args=[wereld.dossier_eersel.pk]))
    assert onbekend.status_code == van_eersel.status_code == 404
    assert _zonder_csrf(onbekend.content) == _zonder_csrf(van_eersel.content)


@pytest.mark.parametrize(
    ("rol", "gemeenten"),
    [
        ("regisseur", {"Bergeijk", "Bladel", "Reusel-De Mierden"}),
        ("teamleider", {"Bergeijk", "Bladel", "Reusel-De Mierden"}),
        ("regisseur_eersel", {"Eersel"}),
        ("regisseur_emmen", {"Emmen"}),
        ("begeleider", set()),
        ("beleidsmedewerker", set()),
        ("beheerder", set()),
    ],
)
def test_the_caseload_lists_exactly_the_dossiers_the_rule_allows(client, verwezen, rol, gemeenten):  # noqa: F811
    wereld = verwezen
    client.force_login(getattr(wereld, rol))
    response = client.get(reverse("inburgering:caseload"))

    getoond = {d.gemeente.naam for d in response.context["pagina"].object_list}
    verwacht = Inburgeraar.objects.filter(gemeente__naam__in=gemeenten)
    assert getoond == gemeenten
    assert response.context["pagina"].paginator.count == verwacht.count()


def test_the_visibility_rule_is_one_sql_query(wereld, django_assert_num_queries):
    with django_assert_num_queries(1):
        namen = {d.gemeente_id for d in Inburgeraar.objects.zichtbaar_voor(wereld.regisseur)}
    assert namen == {wereld.bergeijk.pk, wereld.bladel.pk, wereld.reusel.pk}


def _zonder_csrf(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


@pytest.mark.parametrize("perm", ["dossiers_inzien", "dossiers_wijzigen"])
@pytest.mark.parametrize("rol", ["regisseur", "regisseur_eersel", "begeleider", "beleidsmedewerker", "beheerder"])
def test_rights_read_once_reach_the_same_dossiers(verwezen, rol, perm):  # noqa: F811
    from inburgering.permissions import rechten_eenmaal_gelezen

    user = getattr(verwezen, rol)
    zonder = set(Inburgeraar.objects.zichtbaar_voor(user, perm).values_list("pk", flat=True))
    with rechten_eenmaal_gelezen():
        met = set(Inburgeraar.objects.zichtbaar_voor(user, perm).values_list("pk", flat=True))
        nogmaals = set(Inburgeraar.objects.zichtbaar_voor(user, perm).values_list("pk", flat=True))
    assert met == nogmaals == zonder
    if rol == "begeleider":
        assert zonder == ({verwezen.dossier_bladel.pk} if perm == "dossiers_inzien" else set())  # by the verwijzing
