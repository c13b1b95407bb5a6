"""Helpers for ontzorgen state, built on its services (as users reach it)."""

import datetime
from decimal import Decimal

from ontzorgen import services
from ontzorgen.models import Dienst, Urensoort


def verwijs(*, door, inburgeraar, team, startdatum=datetime.date(2026, 11, 2), einddatum=None, dienst=None):
    return services.verwijs(
        door=door,
        inburgeraar=inburgeraar,
        team=team,
        dienst=dienst or Dienst.MAATSCHAPPELIJKE_BEGELEIDING,
        startdatum=startdatum,
        einddatum=einddatum,
    )


def met_bijstand(*, door, inburgeraar, startdatum=datetime.date(2026, 11, 1)):
    """The bijstand registered, as financieel ontzorgen needs before it starts."""
    inburgeraar.refresh_from_db()
    if not services.bijstand_loopt(inburgeraar):
        services.registreer_bijstand(door=door, inburgeraar=inburgeraar, startdatum=startdatum)
    return inburgeraar


def regel(inburgeraar, datum, uren, soort=Urensoort.PRAKTISCHE_ZAKEN, z_route=False, notitie=""):
    return {
        "inburgeraar": inburgeraar,
        "datum": datum,
        "uren": Decimal(str(uren)),
        "soort": soort,
        "telt_voor_z_route": z_route,
        "notitie": notitie,
    }
