"""The isolation matrix: every URL as every role. Nobody reaches another gemeente's dossier.

Every named URL of the product must appear in MATRIX: a new view that is not added here fails
`test_every_url_is_in_the_matrix`.
"""

import datetime
import re

import pytest

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from inburgering.models import Inburgeraar
from intake import services as intake_services

ROLLEN = ["regisseur", "teamleider", "regisseur_eersel", "begeleider", "beleidsmedewerker", "beheerder", "anoniem"]

# URLs outside the dossier world: reachable by anyone (or handled by Django itself).
BUITEN_MATRIX = {"login", "logout", "tweefactor", "health"}

_KEMPENPLUS = {"regisseur": 200, "teamleider": 200}


def _per_dossier(ok: int) -> dict[str, dict[str, int]]:
    """A dossier view behind change rights: its own team gets `ok`, the other team 404, anonymous 302."""
    return {
        "bladel": {**dict.fromkeys(_KEMPENPLUS, ok), "regisseur_eersel": 404, "anoniem": 302},
        "eersel": {**dict.fromkeys(_KEMPENPLUS, 404), "regisseur_eersel": ok, "anoniem": 302},
    }


# Roles without the model permission for these views get 403 before any dossier is looked up.
_WIJZIGVIEWS = [
    ("dossier_wijzigen", "get", 200),
    ("dossier_overdragen", "get", 200),
    ("dossier_historie", "get", 200),
    ("regisseur_toewijzen", "post", 302),
    ("fase_wijzigen", "post", 302),
]

# The brede intake: roles without the intake permissions get 403; empty posts either redirect
# (a partial save, or a refusal shown as a message) or show the form again with its errors (200).
_INTAKEVIEWS = [
    ("intake", "get", 200),
    ("intake_samenvatting", "get", 200),
    ("intake_brief", "get", 200),
    ("intake_starten", "post", 302),
    ("intake_gesprek", "post", 200),
    ("intake_partner", "post", 302),
    ("intake_leefgebied", "post", 302),
    ("intake_leerbaarheidstoets", "post", 302),
    ("intake_advies", "post", 200),
    ("intake_niet_verschenen", "post", 200),
    ("intake_vervolgstap", "post", 302),
    ("intake_afronden", "post", 302),
]

# url name, method, which dossier ("bladel"/"eersel"/None), {role: status}; other roles get `rest`.
MATRIX = [
    ("caseload", "get", None, {r: 200 for r in ROLLEN if r != "anoniem"}, 302),
    ("dossier_registreren", "get", None, {**_KEMPENPLUS, "regisseur_eersel": 200, "anoniem": 302}, 403),
    ("dossier", "get", "bladel", {**_KEMPENPLUS, "anoniem": 302}, 404),
    ("dossier", "get", "eersel", {"regisseur_eersel": 200, "anoniem": 302}, 404),
    *[
        (naam, methode, dossier, verwacht, 403)
        for naam, methode, ok in _WIJZIGVIEWS + _INTAKEVIEWS
        for dossier, verwacht in _per_dossier(ok).items()
    ],
    ("admin:index", "get", None, {"beheerder": 200, "anoniem": 302}, 302),
]


def _geval(url_name, methode, dossier, verwacht, rest):
    return [
        pytest.param(url_name, methode, dossier, rol, verwacht.get(rol, rest), id=f"{url_name}-{dossier}-{rol}")
        for rol in ROLLEN
    ]


@pytest.mark.parametrize(
    ("url_name", "methode", "dossier", "rol", "status"), [g for rij in MATRIX for g in _geval(*rij)]
)
def test_every_role_gets_exactly_what_the_rule_allows(client, wereld, intakes, url_name, methode, dossier, rol, status):
    if rol != "anoniem":
        client.force_login(getattr(wereld, rol))
    kwargs = _kwargs(url_name, getattr(wereld, f"dossier_{dossier}"), intakes) if dossier else {}
    response = getattr(client, methode)(reverse(url_name, kwargs=kwargs))
    assert response.status_code == status


@pytest.fixture
def intakes(wereld):
    """Both dossiers in intake, each with a missed invitation, so every intake URL has its objects."""
    gemist = {}
    for dossier in (wereld.dossier_bladel, wereld.dossier_eersel):
        intake = intake_services.start_intake(door=None, inburgeraar=dossier)
        gemist[dossier.pk] = intake_services.registreer_niet_verschenen(
            door=None, intake=intake, datum=datetime.date(2026, 9, 14), geldige_reden=False
        )
    return gemist


def _kwargs(url_name, dossier, intakes) -> dict:
    kwargs = {"pk": dossier.pk}
    if url_name == "intake_leefgebied":
        kwargs["sectie"] = "opleiding"
    if url_name in ("intake_vervolgstap", "intake_brief"):
        kwargs["gemist"] = intakes[dossier.pk].pk
    return kwargs


def test_an_unknown_dossier_answers_exactly_as_another_gemeentes(client, wereld):
    client.force_login(wereld.regisseur)
    onbekend = client.get(reverse("dossier", args=[999_999]))
    van_eersel = client.get(reverse("dossier", args=[wereld.dossier_eersel.pk]))
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
def test_the_caseload_lists_exactly_the_dossiers_the_rule_allows(client, wereld, rol, gemeenten):
    client.force_login(getattr(wereld, rol))
    response = client.get(reverse("caseload"))

    getoond = {d.gemeente.naam for d in response.context["pagina"].object_list}
    verwacht = Inburgeraar.objects.filter(gemeente__naam__in=gemeenten)
    assert getoond == gemeenten
    assert response.context["pagina"].paginator.count == verwacht.count()


def test_the_visibility_rule_is_one_sql_query(wereld, django_assert_num_queries):
    with django_assert_num_queries(1):
        namen = {d.gemeente_id for d in Inburgeraar.objects.zichtbaar_voor(wereld.regisseur)}
    assert namen == {wereld.bergeijk.pk, wereld.bladel.pk, wereld.reusel.pk}


def test_every_url_is_in_the_matrix():
    in_matrix = {rij[0] for rij in MATRIX}
    ontbrekend = _alle_url_namen(get_resolver()) - in_matrix - BUITEN_MATRIX
    assert not ontbrekend, f"Voeg deze URL's toe aan de isolatiematrix: {sorted(ontbrekend)}"


def _zonder_csrf(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def _alle_url_namen(resolver, namespace="") -> set[str]:
    namen = set()
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            if patroon.namespace == "admin":
                continue  # Django's admin checks its own permissions; its index is in the matrix
            namen |= _alle_url_namen(patroon, patroon.namespace or namespace)
        elif isinstance(patroon, URLPattern) and patroon.name:
            namen.add(f"{namespace}:{patroon.name}" if namespace else patroon.name)
    return namen
