"""Destruction keeps the money and drops the person: the SPUK must still be accounted for (SiSa)."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _

from inburgering.models import Inburgeraar
from inburgering.privacy import als_gegevens, wis

from .berekening import kostenregels
from .models import Kostenpost, Tolkinzet

_ALTIJD = (datetime.date(1900, 1, 1), datetime.date(2999, 12, 31))


def vernietig(dossier_ids: list[int]) -> dict[str, int]:
    """Fold each dossier's costs into anonymous totals per gemeente, year and voorziening (the priced uses and
    the lines booked by hand apart), then delete the interpreter bookings and manual lines. Runs before the
    other apps delete the records the costs come from."""
    dossiers = Inburgeraar.objects.filter(pk__in=dossier_ids)
    per = defaultdict(lambda: {"bedrag": Decimal(0), "hoeveelheid": Decimal(0), "personen": set()})
    for regel in kostenregels(dossiers, *_ALTIJD):
        if regel.bedrag is None:
            continue
        soort = Kostenpost.Soort.VERNIETIGD_HANDMATIG if regel.handmatig else Kostenpost.Soort.VERNIETIGD
        som = per[regel.gemeente_id, regel.jaar, regel.voorziening, soort]
        som["bedrag"] += regel.bedrag
        som["hoeveelheid"] += regel.hoeveelheid
        som["personen"].add(regel.inburgeraar_id)
    for (gemeente_id, jaar, voorziening, soort), som in per.items():
        if soort == Kostenpost.Soort.VERNIETIGD_HANDMATIG:  # a person counts once per voorziening
            som["personen"] -= per.get((gemeente_id, jaar, voorziening, Kostenpost.Soort.VERNIETIGD), {}).get(
                "personen", set()
            )
    Kostenpost.objects.bulk_create(
        Kostenpost(
            soort=soort,
            gemeente_id=gemeente_id,
            jaar=jaar,
            voorziening=voorziening,
            bedrag=som["bedrag"],
            hoeveelheid=som["hoeveelheid"],
            personen=len(som["personen"]),
        )
        for (gemeente_id, jaar, voorziening, soort), som in per.items()
    )
    return {
        _("tolkinzetten"): wis(Tolkinzet.objects.filter(inburgeraar_id__in=dossier_ids)),
        _("kostenposten (bedragen blijven anoniem in de totalen)"): wis(
            Kostenpost.objects.filter(inburgeraar_id__in=dossier_ids)
        ),
    }


def exporteer(inburgeraar) -> dict[str, list[dict]]:
    return {
        _("Tolken"): [als_gegevens(inzet) for inzet in inburgeraar.tolkinzetten.select_related("aanbieder")],
        _("Kosten met de hand geboekt"): [
            als_gegevens(post, zonder=("id", "inburgeraar", "personen"))
            for post in inburgeraar.kostenposten.select_related("gemeente")
        ],
    }
