"""A per-user limit on BSNs refused because a dossier the user may not see holds them.

Each refusal tells the user a little (this BSN is known somewhere), so a regisseur must not be able
to test BSNs one after another. The count is the inzage log itself: every refusal is an `Inzage` of
soort bsn_geweigerd, and the limit counts those of the last 24 hours. It is counted before the answer:
`inburgering.services.meld_geweigerd_bsn` locks the user's row, counts and records in one transaction,
so attempts sent at once wait for each other and no more than the limit learn that a BSN is known.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Inzage

VENSTER = datetime.timedelta(days=1)


def beperkt_tot(user) -> datetime.datetime | None:
    """When the user may enter a new BSN again, or None while they are below the limit."""
    limiet = settings.BSN_POGINGEN_PER_DAG
    recent = list(
        Inzage.objects.filter(user=user, soort=Inzage.Soort.BSN_GEWEIGERD, tijdstip__gt=timezone.now() - VENSTER)
        .order_by("-tijdstip")
        .values_list("tijdstip", flat=True)[:limiet]
    )
    if len(recent) < limiet:
        return None
    # Free again once the oldest of the last `limiet` refusals is a day old.
    return recent[-1] + VENSTER


def vergrendel(user) -> None:
    """Within a transaction: attempts of this user wait here for each other until the first commits."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).first()


def melding(tot: datetime.datetime) -> str:
    return _(
        "U heeft vandaag te vaak een BSN ingevoerd dat niet kon worden gebruikt. Vanaf %(tijd)s kunt u "
        "weer een nieuw BSN invoeren; neem zo nodig eerder contact op met de functioneel beheerder."
    ) % {"tijd": formats.date_format(timezone.localtime(tot), "j F H:i")}
