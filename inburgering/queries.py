"""Reusable reads of the core domain. Dossier lists start from Inburgeraar.objects.zichtbaar_voor."""

from django.contrib.auth import get_user_model

from .models import GelijkgesteldeDag
from .permissions import WIJZIGEN, gemeenten_met_recht
from .rollen import CASUSREGISSEUR, TEAMLEIDER


def regisseurs_voor_gemeenten(gemeenten):
    """Active regisseurs and teamleiders whose team may change dossiers of any of `gemeenten`."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[CASUSREGISSEUR, TEAMLEIDER])
        # A separate filter: the role group and the team group are different groups of the user.
        .filter(
            groups__gemeentegroupobjectpermission__permission__codename=WIJZIGEN,
            groups__gemeentegroupobjectpermission__content_object__in=gemeenten,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def regisseurs_voor(gemeente):
    return regisseurs_voor_gemeenten([gemeente])


def regisseurs_voor_gebruiker(user):
    """The regisseurs a user can choose from: those serving any gemeente the user may change."""
    return regisseurs_voor_gemeenten(gemeenten_met_recht(user, WIJZIGEN))


def gelijkgestelde_dagen() -> dict:
    """The days a decree equated with the public holidays (Atw art. 3 lid 3), whole: one small query."""
    return dict(GelijkgesteldeDag.objects.values_list("datum", "besluit"))
