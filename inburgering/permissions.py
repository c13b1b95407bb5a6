"""The one visibility rule: who may see and change which dossier (docs/architecture.md, One visibility rule).

Teams hold object permissions on Gemeente (django-guardian, direct foreign-key tables);
partner teams hold object permissions on single dossiers through a verwijzing. Every list
starts from `Inburgeraar.objects.zichtbaar_voor(user)` and every detail view from
`get_dossier_voor(user, pk, perm)`, which answers 404 exactly as for a dossier that does not exist.
"""

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
    per_dossier = DOSSIERRECHT_PER_DOSSIER[perm]
    via_verwijzing = InburgeraarGroupObjectPermission.objects.filter(
        group__user=user, permission__codename=per_dossier
    ).values("content_object_id")
    direct = InburgeraarUserObjectPermission.objects.filter(user=user, permission__codename=per_dossier).values(
        "content_object_id"
    )
    return queryset.filter(
        Q(gemeente__in=gemeenten_met_recht(user, perm)) | Q(pk__in=via_verwijzing) | Q(pk__in=direct)
    )


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


def get_dossier_voor_privacy(user, pk, perm: str) -> Inburgeraar:
    """The privacy officer's and functioneel beheerder's way to one dossier (AVG export, legal hold).

    Their role works installation-wide, through a model permission (`perm`), not through a team's
    gemeenten; destroyed dossiers are gone for them too. 404 as everywhere else."""
    if not user.has_perm(perm):
        raise Http404
    try:
        return Inburgeraar.objects.select_related("gemeente", "huishouden").get(pk=pk, vernietigd_op__isnull=True)
    except (Inburgeraar.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def rapportage_gemeenten(user):
    """The gemeenten `user` may report on; every report query starts from this (one SQL query)."""
    return gemeenten_met_recht(user, RAPPORTAGES)
