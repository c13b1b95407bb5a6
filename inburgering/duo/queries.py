"""Reads of the exchange with DUO for the dossier page and the functioneel beheerder."""

from django.db.models import Exists, OuterRef

from .models import DuoBericht, Notificatie


def duo_acties(inburgeraar) -> dict:
    """What the regisseur must do about DUO: actions from notifications, and refused or failed messages
    that no later confirmed message to the same resource has made moot."""
    later_bevestigd = DuoBericht.objects.filter(
        inburgeraar=inburgeraar,
        pad=OuterRef("pad"),
        methode=OuterRef("methode"),
        status=DuoBericht.Status.BEVESTIGD,
        aangemaakt_op__gt=OuterRef("aangemaakt_op"),
    )
    return {
        "notificaties": list(
            Notificatie.objects.filter(inburgeraar=inburgeraar, actie_afgehandeld_op__isnull=True)
            .exclude(actie="")
            .order_by("-registratie_datum_tijd")[:20]
        ),
        "berichten": list(
            DuoBericht.objects.filter(
                inburgeraar=inburgeraar, status__in=[DuoBericht.Status.GEWEIGERD, DuoBericht.Status.MISLUKT]
            )
            .exclude(Exists(later_bevestigd))
            .order_by("-aangemaakt_op")[:20]
        ),
    }
