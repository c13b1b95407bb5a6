"""The one visibility rule: who may see and change which dossier (docs/architecture.md, One visibility rule).

Teams hold object permissions on Gemeente (django-guardian, direct foreign-key tables);
partner teams hold object permissions on single dossiers through a verwijzing. Every list
starts from `Inburgeraar.objects.zichtbaar_voor(user)` and every detail view from
`get_dossier_voor(user, pk, perm)`, which answers 404 exactly as for a dossier that does not exist.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.http import Http404

from .models import (
    Gemeente,
    GemeenteGroupObjectPermission,
    GemeenteUserObjectPermission,
    Inburgeraar,
    InburgeraarGroupObjectPermission,
    InburgeraarUserObjectPermission,
)

INZIEN = "dossiers_inzien"
WIJZIGEN = "dossiers_wijzigen"
RAPPORTAGES = "rapportages_inzien"

# A gemeente-wide right and the per-dossier right a verwijzing grants for the same access.
DOSSIERRECHT_PER_DOSSIER = {INZIEN: "view_inburgeraar", WIJZIGEN: "change_inburgeraar"}


def _mag_alles(user) -> bool:
    return user.is_active and user.is_superuser


def gemeenten_met_recht(user, perm: str):
    if not (user.is_authenticated and user.is_active):
        return Gemeente.objects.none()
    if _mag_alles(user):
        return Gemeente.objects.all()
    return Gemeente.objects.filter(
        Q(
            pk__in=GemeenteGroupObjectPermission.objects.filter(group__user=user, permission__codename=perm).values(
                "content_object_id"
            )
        )
        | Q(
            pk__in=GemeenteUserObjectPermission.objects.filter(user=user, permission__codename=perm).values(
                "content_object_id"
            )
        )
    )


def zichtbare_dossiers(queryset, user, perm: str = INZIEN):
    """Filter `queryset` to the dossiers `user` may reach with `perm`; one SQL query with subqueries."""
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    # A destroyed dossier is an anonymous row for the reports only: nobody opens it any more.
    queryset = queryset.filter(vernietigd_op__isnull=True)
    if _mag_alles(user):
        return queryset
    vastgelegd = _vastgelegd.get()
    if vastgelegd is None:
        return queryset.filter(_rechten(user, perm))
    if user.pk not in vastgelegd:
        vastgelegd[user.pk] = _rechten_nu(user)
    return queryset.filter(vastgelegd[user.pk][perm])


def _per_dossier(user, perm: str):
    """The single dossiers a verwijzing opened to the user's teams, or to the user."""
    codename = DOSSIERRECHT_PER_DOSSIER[perm]
    via_verwijzing = InburgeraarGroupObjectPermission.objects.filter(group__user=user, permission__codename=codename)
    direct = InburgeraarUserObjectPermission.objects.filter(user=user, permission__codename=codename)
    return via_verwijzing.values("content_object_id"), direct.values("content_object_id")


def _rechten(user, perm: str) -> Q:
    via_verwijzing, direct = _per_dossier(user, perm)
    return Q(gemeente__in=gemeenten_met_recht(user, perm)) | Q(pk__in=via_verwijzing) | Q(pk__in=direct)


def _rechten_nu(user) -> dict[str, Q]:
    """The same rule for each dossier right, with the user's rights read now as lists: two queries, one for
    the gemeenten and one for the single dossiers, of the user's teams and of the user."""
    gemeentecodes, dossiercodes = list(DOSSIERRECHT_PER_DOSSIER), list(DOSSIERRECHT_PER_DOSSIER.values())
    gemeenten, dossiers = defaultdict(list), defaultdict(list)
    for rechten, codes, per_code in (
        ((GemeenteGroupObjectPermission, GemeenteUserObjectPermission), gemeentecodes, gemeenten),
        ((InburgeraarGroupObjectPermission, InburgeraarUserObjectPermission), dossiercodes, dossiers),
    ):
        via_team, direct = (
            model.objects.filter(**{veld: user}, permission__codename__in=codes).values_list(
                "permission__codename", "content_object_id"
            )
            for model, veld in zip(rechten, ("group__user", "user"), strict=True)
        )
        for code, pk in via_team.union(direct):
            per_code[code].append(pk)
    return {
        perm: Q(gemeente__in=gemeenten[perm]) | Q(pk__in=dossiers[per_dossier])
        for perm, per_dossier in DOSSIERRECHT_PER_DOSSIER.items()
    }


_vastgelegd: ContextVar[dict | None] = ContextVar("rechten_vastgelegd", default=None)


@contextmanager
def rechten_eenmaal_gelezen():
    """Within: the rule reads a user's rights once, as lists, instead of asking them again in subqueries
    of every query. For a page that asks a dozen queries for one user (the werkvoorraad): the same dossiers,
    found at the moment the page starts, with less to build, compile and plan each time."""
    token = _vastgelegd.set({})
    try:
        yield
    finally:
        _vastgelegd.reset(token)


def get_dossier_voor(user, pk, perm: str = INZIEN) -> Inburgeraar:
    """The one way a detail view reaches a dossier: 404 when it is not there or not for this user."""
    try:
        return (
            Inburgeraar.objects.zichtbaar_voor(user, perm)
            .select_related("gemeente", "regisseur", "huishouden")
            .get(pk=pk)
        )
    except (Inburgeraar.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def mag_dossier_wijzigen(user, inburgeraar: Inburgeraar) -> bool:
    return Inburgeraar.objects.zichtbaar_voor(user, WIJZIGEN).filter(pk=inburgeraar.pk).exists()


def gemeenten_van_organisatie(user):
    """The gemeenten the user's organisatie serves: the one rule for the functioneel beheerder's and the
    privacyfunctionaris' reach (docs/privacy.md, Per organisatie).

    An organisatie serves a gemeente when one of its teams may see or change that gemeente's dossiers
    (the object permission dossiers_inzien or dossiers_wijzigen on the gemeente). A right to reports alone
    is no service: a gemeente's policy team that reports on the whole regio manages none of it. A user
    without an organisatie serves nothing; a superuser everything. One SQL subquery."""
    if not (user.is_authenticated and user.is_active):
        return Gemeente.objects.none()
    if _mag_alles(user):
        return Gemeente.objects.all()
    if user.organisatie_id is None:
        return Gemeente.objects.none()
    return Gemeente.objects.filter(
        pk__in=GemeenteGroupObjectPermission.objects.filter(
            group__team__organisatie_id=user.organisatie_id, permission__codename__in=[INZIEN, WIJZIGEN]
        ).values("content_object_id")
    )


def beheert_installatie(user) -> bool:
    """The applicatiebeheerder (and a superuser): keeps what the whole installation shares. Known by the
    right to change organisaties, which only that role holds (inburgering.rollen)."""
    return user.is_active and user.has_perm("inburgering.change_organisatie")


def beheerde_gemeenten(user):
    """The gemeenten whose settings (letterhead, norms, standard offer) `user` manages in /beheer/: every
    gemeente for the applicatiebeheerder, else those of the user's organisatie."""
    return Gemeente.objects.all() if beheert_installatie(user) else gemeenten_van_organisatie(user)


def get_dossier_voor_privacy(user, pk, perm: str) -> Inburgeraar:
    """The privacy officer's and functioneel beheerder's way to one dossier (AVG export, legal hold).

    Their role works through a model permission (`perm`), not through a team's right to dossiers, and
    reaches the dossiers of the gemeenten their organisatie serves (gemeenten_van_organisatie); destroyed
    dossiers are gone for them too. 404 as everywhere else."""
    if not user.has_perm(perm):
        raise Http404
    try:
        return Inburgeraar.objects.select_related("gemeente", "huishouden").get(
            pk=pk, vernietigd_op__isnull=True, gemeente__in=gemeenten_van_organisatie(user)
        )
    except (Inburgeraar.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def rapportage_gemeenten(user):
    """The gemeenten `user` may report on; every report query starts from this (one SQL query)."""
    return gemeenten_met_recht(user, RAPPORTAGES)
