"""Reusable reads of the leerroute, each starting from a dossier the caller already reached, or from the rule.

`stand()` is where a dossier stands: hours against their norms, exams against what the current PIP's
route requires, MAP and PVT, and what still stands between it and 'voldaan'. A fixed number of queries.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import F, Prefetch, Q, Sum
from django.utils.translation import gettext as _

from inburgering.leerroute import Leerroute
from inburgering.models import Inburgeraar
from inburgering.permissions import WIJZIGEN, gemeenten_met_recht
from ontzorgen.queries import DuoUren, uren_totalen
from pip.services import huidige_pip

from . import regels
from .models import (
    MAP_PRAKTIJK,
    MAP_SOORTEN,
    PVT_SOORTEN,
    Aanbieder,
    Activiteit,
    Activiteitsoort,
    Afronding,
    Deelname,
    Examen,
    Examenonderdeel,
    Examenresultaat,
    Groep,
    Inburgeringsaanbod,
    Sessie,
)


@dataclass(frozen=True)
class Normen:
    """Hour norms (settings, docs/wet-inburgering.md): Z-route 800 + 800, MAP 64 + 40, PVT 12."""

    z_taal: int
    z_participatie: int
    map_les: int
    map_praktijk: int
    pvt_workshops: int

    @classmethod
    def uit_settings(cls) -> "Normen":
        return cls(
            z_taal=settings.Z_ROUTE_TAALUREN,
            z_participatie=settings.Z_ROUTE_PARTICIPATIEUREN,
            map_les=settings.MAP_LESUREN,
            map_praktijk=settings.MAP_PRAKTIJKUREN,
            pvt_workshops=settings.PVT_WORKSHOPUREN,
        )


@dataclass(frozen=True)
class Balk:
    """One progress bar: what it counts, how far, and towards what."""

    label: str
    waarde: Decimal
    doel: int

    @property
    def procent(self) -> int:
        return min(100, int(self.waarde * 100 / self.doel)) if self.doel else 0

    @property
    def tot_doel(self) -> Decimal:
        return min(self.waarde, Decimal(self.doel))


@dataclass
class Stand:
    pip: object | None  # the current PIP (pip.services.huidige_pip), None before the first
    lesuren: int = 0
    knm_uren: int = 0
    afwezig_uren: int = 0
    activiteit_uren: dict = field(default_factory=dict)
    excursie: bool = False
    participatie_ontzorgen: Decimal = Decimal(0)
    examens: list = field(default_factory=list)
    behaald: dict = field(default_factory=dict)
    afrondingen: dict = field(default_factory=dict)
    ontbreekt: list = field(default_factory=list)
    balken: list = field(default_factory=list)
    examenstand: list = field(default_factory=list)
    vrijgesteld: list = field(default_factory=list)  # exam parts DUO exempted (Examenonderdeel)

    @property
    def compleet(self) -> bool:
        return self.pip is not None and not self.ontbreekt

    @property
    def examens_gehaald(self) -> int:
        return sum(1 for *_rest, gehaald in self.examenstand if gehaald)

    def uren(self, soorten) -> Decimal:
        return sum((self.activiteit_uren.get(s, Decimal(0)) for s in soorten), Decimal(0))

    @property
    def taaluren(self) -> Decimal:
        return Decimal(self.lesuren + self.knm_uren)

    @property
    def z_participatieuren(self) -> Decimal:
        """The Z-route's participation: begeleiders' hours that count, plus MAP and PVT hours."""
        return self.participatie_ontzorgen + self.uren(MAP_SOORTEN | PVT_SOORTEN)


def stand(inburgeraar: Inburgeraar, normen: Normen | None = None) -> Stand:
    normen = normen or Normen.uit_settings()
    pip = huidige_pip(inburgeraar)
    s = Stand(pip=pip)
    totaal = Deelname.objects.filter(inburgeraar=inburgeraar).aggregate(
        les=Sum("lesuren"), knm=Sum("knm_uren"), afwezig=Sum("afwezig_uren")
    )
    s.lesuren, s.knm_uren, s.afwezig_uren = (totaal[k] or 0 for k in ("les", "knm", "afwezig"))
    for rij in (
        Activiteit.objects.filter(inburgeraar=inburgeraar, aanwezig=True)
        .values("soort")
        .annotate(uren=Sum("uren"))
        .order_by()
    ):
        s.activiteit_uren[rij["soort"]] = rij["uren"]
    s.excursie = Activiteitsoort.EXCURSIE in s.activiteit_uren
    s.examens = list(Examen.objects.filter(inburgeraar=inburgeraar).select_related("vastgelegd_door"))
    for examen in s.examens:
        if examen.resultaat == Examenresultaat.GESLAAGD:
            huidig = s.behaald.get(examen.onderdeel)
            if huidig is None or (examen.niveau and regels.gehaald(examen.niveau, huidig) is False):
                s.behaald[examen.onderdeel] = examen.niveau
    s.afrondingen = {a.onderdeel: a for a in Afronding.objects.filter(inburgeraar=inburgeraar)}
    if pip is None:
        return s
    if pip.leerroute == Leerroute.Z and inburgeraar.is_asielstatushouder:
        duo = uren_totalen([inburgeraar.pk])[inburgeraar.pk]["duo"]
        s.participatie_ontzorgen = duo[DuoUren.PARTICIPATIEACTIVITEITEN]
    afgerond = {k for k, a in s.afrondingen.items() if a.behaald and a.datum}
    # DUO's partial vrijstelling or ontheffing: those exam parts are no longer asked.
    vrijgesteld = frozenset(inburgeraar.vrijgestelde_codes)
    s.ontbreekt = regels.wat_ontbreekt(
        leerroute=pip.leerroute,
        niveau=pip.niveau,
        met_knm=pip.met_knm,
        behaald=s.behaald,
        afgerond=afgerond,
        vrijgesteld=vrijgesteld,
    )
    s.balken = _balken(s, inburgeraar, normen)
    s.vrijgesteld = [
        Examenonderdeel(o)
        for o in regels.vrijgestelde_examens(leerroute=pip.leerroute, met_knm=pip.met_knm, vrijgesteld=vrijgesteld)
    ]
    vereist = regels.vereiste_examens(
        leerroute=pip.leerroute, niveau=pip.niveau, met_knm=pip.met_knm, vrijgesteld=vrijgesteld
    )
    s.examenstand = [
        (onderdeel, niveau, s.behaald.get(onderdeel), regels.gehaald(niveau, s.behaald.get(onderdeel)))
        for onderdeel, niveau in vereist.items()
    ]
    return s


def _balken(s: Stand, inburgeraar: Inburgeraar, normen: Normen) -> list[Balk]:
    taal = s.taaluren
    balken = []
    if s.pip.leerroute == Leerroute.Z:
        balken.append(Balk(_("Taal en KNM (Z-route)"), taal, normen.z_taal))
        if inburgeraar.is_asielstatushouder:
            balken.append(
                Balk(_("Participatie (Z-route, met MAP en PVT)"), s.z_participatieuren, normen.z_participatie)
            )
    elif s.pip.geschatte_intensiteit_b1:
        balken.append(Balk(_("Taal en KNM (geschatte intensiteit)"), taal, s.pip.geschatte_intensiteit_b1))
    if s.pip.leerroute != Leerroute.ONDERWIJS:
        balken.append(Balk(_("MAP: lessen"), s.uren({Activiteitsoort.MAP_LES}), normen.map_les))
        balken.append(Balk(_("MAP: praktijk"), s.uren(MAP_PRAKTIJK), normen.map_praktijk))
    balken.append(Balk(_("PVT: workshops"), s.uren({Activiteitsoort.PVT_WORKSHOP}), normen.pvt_workshops))
    return balken


def aanbod(inburgeraar: Inburgeraar) -> list[Inburgeringsaanbod]:
    return list(Inburgeringsaanbod.objects.filter(inburgeraar=inburgeraar).select_related("aanbieder"))


def deelnames(inburgeraar: Inburgeraar) -> list[Deelname]:
    return list(Deelname.objects.filter(inburgeraar=inburgeraar).select_related("aanbieder"))


def activiteiten(inburgeraar: Inburgeraar) -> list[Activiteit]:
    return list(Activiteit.objects.filter(inburgeraar=inburgeraar).select_related("sessie__groep"))


def zichtbare_groepen(user):
    """Groups of gemeenten where the user may change dossiers."""
    return (
        Groep.objects.filter(gemeenten__in=gemeenten_met_recht(user, WIJZIGEN))
        .distinct()
        .prefetch_related("gemeenten")
        .select_related("aanbieder")
    )


def zichtbare_leden(user, groep: Groep):
    """The members of `groep` that the user may change: the others are not shown at all."""
    return (
        Inburgeraar.objects.zichtbaar_voor(user, WIJZIGEN)
        .filter(groepen=groep)
        .order_by("achternaam", "voornamen", "pk")
    )


def sessies(groep: Groep):
    return list(Sessie.objects.filter(groep=groep))


def groep_met_sessies(groep_qs, pk):
    return groep_qs.prefetch_related(Prefetch("sessies", queryset=Sessie.objects.order_by("-datum", "-pk"))).get(pk=pk)


def kandidaten(user, groep: Groep):
    """Dossiers in uitvoering of the group's gemeenten that the user may change and are not yet members."""
    return (
        Inburgeraar.objects.zichtbaar_voor(user, WIJZIGEN)
        .filter(gemeente__in=groep.gemeenten.all(), fase="uitvoering")
        .exclude(Q(groepen=groep))
        .order_by("achternaam", "voornamen", "pk")
    )


# Reads for the kosten app, which prices what the leerroute registered. Rows, not models: one query each.


def aanbieders():
    """Every aanbieder (kept by functioneel beheer), for another app to choose from or link to."""
    return Aanbieder.objects.all()


def aanbod_rijen(dossiers):
    """The dossiers' aanbod, oldest first: route, aanbieder and the taalschakeltraject's start."""
    return (
        Inburgeringsaanbod.objects.filter(inburgeraar__in=dossiers)
        .order_by("datum_aanbod", "pk")
        .values("inburgeraar_id", "leerroute", "aanbieder_id", "datum_aanbod", "start_taalschakeltraject")
    )


def deelname_rijen(dossiers, van, tot):
    """Lesuren and KNM hours per reported period that ends between van and tot."""
    return Deelname.objects.filter(inburgeraar__in=dossiers, periode_tot__range=(van, tot)).values(
        "inburgeraar_id", "periode_tot", "aanbieder_id", "lesuren", "knm_uren"
    )


def module_rijen(dossiers):
    """Attended MAP and PVT activities, newest first, with `module` "map" or "pvt" and the group's aanbieder."""
    for rij in (
        Activiteit.objects.filter(inburgeraar__in=dossiers, aanwezig=True, soort__in=MAP_SOORTEN | PVT_SOORTEN)
        .order_by("-datum", "-pk")
        .values("inburgeraar_id", "soort", "datum", aanbieder_id=F("sessie__groep__aanbieder_id"))
    ):
        yield {**rij, "module": "map" if rij["soort"] in MAP_SOORTEN else "pvt"}
