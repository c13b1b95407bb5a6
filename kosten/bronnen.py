"""Where costs come from: each source turns what another app registered into `Gebruik`, one query each.

A source is a function `(dossiers, van, tot) -> Iterable[Gebruik]` registered with `@bron`; `dossiers` is
a queryset of Inburgeraar (used as a subquery) and van/tot bound the date of the use. A new app adds its
source the same way, importing this module from its AppConfig.ready().
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from django.utils import timezone

from inburgering.leerroute import Leerroute
from leerroutes import queries as leerroutes_queries
from ontzorgen import queries as ontzorgen_queries

from .models import Eenheid, Tolkinzet, Voorziening


@dataclass(frozen=True)
class Gebruik:
    """One use of a voorziening by one person on one day; `bedrag` is set when the source fixed the price."""

    inburgeraar_id: int
    datum: object
    voorziening: str
    eenheid: str
    hoeveelheid: Decimal
    aanbieder_id: int | None = None
    bedrag: Decimal | None = None


_BRONNEN: list[Callable] = []


def bron(functie):
    _BRONNEN.append(functie)
    return functie


def gebruik(dossiers, van, tot) -> list[Gebruik]:
    return [regel for functie in _BRONNEN for regel in functie(dossiers, van, tot)]


_TAAL_PER_LEERROUTE = {Leerroute.B1: Voorziening.TAAL_B1, Leerroute.Z: Voorziening.Z_ROUTE}


@bron
def lesuren(dossiers, van, tot):
    """Lesuren taal and KNM, on the last day of the reported period, priced by the route of the dossier's
    latest aanbod (B1-route without one); the onderwijsroute is paid per taalschakeltraject instead."""
    aanbod = {}
    for rij in leerroutes_queries.aanbod_rijen(dossiers):
        aanbod[rij["inburgeraar_id"]] = rij
    for rij in leerroutes_queries.deelname_rijen(dossiers, van, tot):
        laatste = aanbod.get(rij["inburgeraar_id"], {})
        voorziening = _TAAL_PER_LEERROUTE.get(laatste.get("leerroute", Leerroute.B1))
        uren = rij["lesuren"] + rij["knm_uren"]
        if voorziening and uren:
            yield Gebruik(
                rij["inburgeraar_id"],
                rij["periode_tot"],
                voorziening,
                Eenheid.LESUUR,
                Decimal(uren),
                rij["aanbieder_id"] or laatste.get("aanbieder_id"),
            )


@bron
def taalschakeltrajecten(dossiers, van, tot):
    for rij in leerroutes_queries.aanbod_rijen(dossiers):
        if rij["leerroute"] != Leerroute.ONDERWIJS:
            continue
        datum = rij["start_taalschakeltraject"] or rij["datum_aanbod"]
        if van <= datum <= tot:
            yield Gebruik(
                rij["inburgeraar_id"],
                datum,
                Voorziening.TAALSCHAKELTRAJECT,
                Eenheid.TRAJECT,
                Decimal(1),
                rij["aanbieder_id"],
            )


@bron
def modules(dossiers, van, tot):
    """One MAP and one PVT module per person, on the day of their first activity of it (at its group's aanbieder)."""
    eerste = {}
    for rij in leerroutes_queries.module_rijen(dossiers):
        voorziening = Voorziening.MAP if rij["module"] == "map" else Voorziening.PVT
        eerste[rij["inburgeraar_id"], voorziening] = rij  # newest first, so the oldest stays
    for (dossier_id, voorziening), rij in eerste.items():
        if van <= rij["datum"] <= tot:
            yield Gebruik(dossier_id, rij["datum"], voorziening, Eenheid.MODULE, Decimal(1), rij["aanbieder_id"])


@bron
def ontzorgen_maanden(dossiers, van, tot):
    """Every month of financieel ontzorgen that has begun, up to its end (or today, while it runs)."""
    vandaag = timezone.localdate()
    for rij in ontzorgen_queries.ontzorging_rijen(dossiers, tot):
        einde = min(rij["einddatum"] or rij["geplande_einddatum"], vandaag, tot)
        maand = 0
        while (datum := rij["startdatum"] + relativedelta(months=maand)) <= einde:
            if datum >= van:
                yield Gebruik(rij["inburgeraar_id"], datum, Voorziening.ONTZORGEN, Eenheid.MAAND, Decimal(1))
            maand += 1


@bron
def begeleiding(dossiers, van, tot):
    """The begeleiders' approved hours (ontzorgen's Urenregistratie)."""
    for rij in ontzorgen_queries.goedgekeurde_uren_rijen(dossiers, van, tot):
        yield Gebruik(rij["inburgeraar_id"], rij["datum"], Voorziening.BEGELEIDING, Eenheid.UUR, rij["uren"])


@bron
def tolken(dossiers, van, tot):
    for rij in Tolkinzet.objects.filter(inburgeraar__in=dossiers, datum__range=(van, tot)).values(
        "inburgeraar_id", "datum", "aanbieder_id", "eenheid", "duur_minuten", "bedrag"
    ):
        hoeveelheid = Decimal(1) if rij["eenheid"] == Eenheid.INZET else Decimal(rij["duur_minuten"]) / 60
        yield Gebruik(
            rij["inburgeraar_id"],
            rij["datum"],
            Voorziening.TOLK,
            rij["eenheid"],
            hoeveelheid,
            rij["aanbieder_id"],
            rij["bedrag"],
        )
