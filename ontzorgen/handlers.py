"""Handlers for what the core announces (inburgering.signals), connected in OntzorgenConfig.ready."""

from django.utils import timezone

from . import services
from .models import Verwijzing


def beeindig_verwijzingen(sender, *, inburgeraar, door, reden, **kwargs) -> None:
    """A dossier that leaves the gemeente takes no partner along: every running referral ends."""
    vandaag = timezone.localdate()
    for verwijzing in Verwijzing.objects.filter(inburgeraar=inburgeraar, beeindigd=False).exclude(
        einddatum__lt=vandaag
    ):
        services.beeindig_verwijzing(door=door, verwijzing=verwijzing, reden=reden)
