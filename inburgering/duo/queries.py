"""Reads of the exchange with DUO for the dossier page and the functioneel beheerder."""

from django.db.models import Exists, OuterRef

from ..models import Inburgeraar
from .models import DuoBericht, Notificatie


def duo_acties(inburgeraar) -> dict:
    """What the regisseur must do about DUO on one dossier (its page)."""
    acties = duo_acties_query(Inburgeraar.objects.filter(pk=inburgeraar.pk))
    return {
        "notificaties": list(acties["notificaties"][:20]),
        "berichten": list(acties["berichten"][:20]),
    }


def duo_acties_query(dossiers) -> dict:
    """Actions from notifications not yet done, and refused or failed messages that no later
    confirmed message to the same resource has made moot, of the dossiers in `dossiers`."""
    later_bevestigd = DuoBericht.objects.filter(
        inburgeraar=OuterRef("inburgeraar"),
        pad=OuterRef("pad"),
        methode=OuterRef("methode"),
        status=DuoBericht.Status.BEVESTIGD,
        created_at__gt=OuterRef("created_at"),
    )
    return {
        "notificaties": Notificatie.objects.filter(inburgeraar__in=dossiers, actie_afgehandeld_op__isnull=True)
        .exclude(actie="")
        .order_by("-registratie_datum_tijd", "-pk"),
        "berichten": DuoBericht.objects.filter(
            inburgeraar__in=dossiers, status__in=[DuoBericht.Status.GEWEIGERD, DuoBericht.Status.MISLUKT]
        )
        .exclude(Exists(later_bevestigd))
        .order_by("-created_at", "-pk"),
    }


def open_duo_acties(dossiers, limiet: int = 50) -> dict:
    """For the signalen inbox: open DUO actions and refused or failed messages of these dossiers."""
    acties = duo_acties_query(dossiers)
    return {
        "notificaties": list(acties["notificaties"].select_related("inburgeraar")[:limiet]),
        "berichten": list(acties["berichten"].select_related("inburgeraar")[:limiet]),
    }
