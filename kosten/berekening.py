"""Pricing: every use gets the contract price valid on its day and the gemeente responsible on that day.

A fixed number of queries whatever the number of dossiers: the prices, the verhuizingen, the dossiers'
current gemeente and one query per source.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils import timezone

from inburgering.models import Gebeurtenis, Gemeente, Inburgeraar

from . import bronnen
from .models import Contractprijs, Kostenpost, Voorziening

CENT = Decimal("0.01")


def gemeente_van_dossiers(gemeente_ids):
    """Every dossier that is or ever was the responsibility of these gemeenten (the tijdlijn says when)."""
    ooit = Gebeurtenis.objects.filter(gemeente_id__in=gemeente_ids).values("inburgeraar_id")
    return Inburgeraar.objects.filter(Q(gemeente_id__in=gemeente_ids) | Q(pk__in=ooit))


class Verantwoordelijk:
    """Which gemeente was responsible for a dossier on a day: a move counts from its own day on."""

    def __init__(self, dossiers):
        self.nu = dict(Inburgeraar.objects.filter(pk__in=dossiers).values_list("pk", "gemeente_id"))
        self.verhuizingen = defaultdict(list)
        for dossier_id, tijdstip, gegevens in (
            Gebeurtenis.objects.filter(inburgeraar__in=dossiers, soort=Gebeurtenis.Soort.OVERGEDRAGEN)
            .order_by("tijdstip", "pk")
            .values_list("inburgeraar_id", "tijdstip", "gegevens")
        ):
            self.verhuizingen[dossier_id].append((timezone.localdate(tijdstip), gegevens["van"]))

    def op(self, dossier_id: int, datum) -> int:
        for verhuisd_op, van in self.verhuizingen.get(dossier_id, ()):
            if datum < verhuisd_op:
                return van
        return self.nu[dossier_id]


class Prijzen:
    """All contract prices in memory (a short table). A gemeente's own price goes before the regio's, an
    aanbieder's own before the price for every aanbieder."""

    def __init__(self):
        self.regio_van = dict(Gemeente.objects.values_list("pk", "regio_id"))
        self.per_product = defaultdict(list)
        for prijs in Contractprijs.objects.all():
            self.per_product[prijs.voorziening, prijs.eenheid].append(prijs)

    def voor(self, gebruik: bronnen.Gebruik, gemeente_id: int) -> Decimal | None:
        regio_id = self.regio_van.get(gemeente_id)
        beste = None
        for prijs in self.per_product.get((gebruik.voorziening, gebruik.eenheid), ()):
            if prijs.geldig_van > gebruik.datum or (prijs.geldig_tot and prijs.geldig_tot < gebruik.datum):
                continue
            if prijs.aanbieder_id not in (None, gebruik.aanbieder_id):
                continue
            if prijs.gemeente_id not in (None, gemeente_id) or prijs.regio_id not in (None, regio_id):
                continue
            rang = (prijs.aanbieder_id is not None, prijs.gemeente_id is not None)
            if beste is None or rang > beste[0]:
                beste = (rang, prijs.prijs)
        return beste[1] if beste else None


@dataclass
class Kostenregel:
    inburgeraar_id: int | None
    gemeente_id: int
    datum: object
    voorziening: str
    eenheid: str
    hoeveelheid: Decimal
    bedrag: Decimal | None  # None: no contract price on that day
    reden: str = ""
    personen: int = 0  # only for the anonymous rest of destroyed dossiers
    handmatig: bool = False  # booked by hand: an amount without a quantity of the voorziening's unit

    @property
    def jaar(self) -> int:
        return self.datum.year

    @property
    def voorziening_label(self) -> str:
        return str(Voorziening(self.voorziening).label)


def kostenregels(dossiers, van, tot) -> list[Kostenregel]:
    """The derived and the manual cost lines of these dossiers with a date from van up to and including tot."""
    wie = Verantwoordelijk(dossiers)
    prijzen = Prijzen()
    regels = []
    for gebruik in bronnen.gebruik(dossiers, van, tot):
        gemeente_id = wie.op(gebruik.inburgeraar_id, gebruik.datum)
        bedrag = gebruik.bedrag
        if bedrag is None:
            prijs = prijzen.voor(gebruik, gemeente_id)
            bedrag = None if prijs is None else (prijs * gebruik.hoeveelheid).quantize(CENT, ROUND_HALF_UP)
        regels.append(
            Kostenregel(
                gebruik.inburgeraar_id,
                gemeente_id,
                gebruik.datum,
                gebruik.voorziening,
                gebruik.eenheid,
                gebruik.hoeveelheid,
                bedrag,
            )
        )
    for post in Kostenpost.objects.filter(inburgeraar__in=dossiers, datum__range=(van, tot)):
        regels.append(
            Kostenregel(
                post.inburgeraar_id,
                post.gemeente_id,
                post.datum,
                post.voorziening,
                "",
                post.hoeveelheid,
                post.bedrag,
                post.reden,
                handmatig=True,
            )
        )
    return sorted(regels, key=lambda regel: (regel.datum, regel.voorziening))


@dataclass
class Totaal:
    """One voorziening's year. `hoeveelheid` and `contractbedrag` go together: the priced uses, each its quantity
    times its contract price; `handmatig` is what was booked by hand (travel costs, an invoice), which has no
    quantity of the voorziening's unit; uses without a price on their day are only counted (`zonder_prijs`)."""

    voorziening: str
    label: str
    contractbedrag: Decimal = Decimal(0)
    handmatig: Decimal = Decimal(0)
    hoeveelheid: Decimal = Decimal(0)
    personen: set = field(default_factory=set)
    anoniem: int = 0  # persons of destroyed dossiers behind the amounts
    zonder_prijs: int = 0  # uses without a contract price: counted, not priced

    @property
    def bedrag(self) -> Decimal:
        return self.contractbedrag + self.handmatig

    @property
    def aantal_personen(self) -> int:
        return len(self.personen) + self.anoniem


def totalen(gemeente: Gemeente, jaar: int) -> list[Totaal]:
    """Per voorziening: the amount, the quantity and the persons behind it, for one gemeente and year."""
    van, tot = datetime.date(jaar, 1, 1), datetime.date(jaar, 12, 31)
    per = {v: Totaal(v, str(v.label)) for v in Voorziening}
    for regel in kostenregels(gemeente_van_dossiers([gemeente.pk]), van, tot):
        if regel.gemeente_id != gemeente.pk:
            continue
        totaal = per[regel.voorziening]
        totaal.personen.add(regel.inburgeraar_id)
        if regel.handmatig:
            totaal.handmatig += regel.bedrag
        elif regel.bedrag is None:
            totaal.zonder_prijs += 1
        else:
            totaal.contractbedrag += regel.bedrag
            totaal.hoeveelheid += regel.hoeveelheid
    for post in Kostenpost.objects.filter(gemeente=gemeente, jaar=jaar, inburgeraar__isnull=True):
        totaal = per[post.voorziening]
        if post.soort == Kostenpost.Soort.VERNIETIGD_HANDMATIG:
            totaal.handmatig += post.bedrag
        else:
            totaal.contractbedrag += post.bedrag
            totaal.hoeveelheid += post.hoeveelheid
        totaal.anoniem += post.personen
    return list(per.values())
