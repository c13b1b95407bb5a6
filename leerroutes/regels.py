"""DUO's rules for the inburgeringsaanbod, MAP, PVT and exams, and when the plicht is complete.

Pure functions, no database: each is tested as a table (tests/leerroutes/test_regels.py). The rules
come from DUO's interface notes (settings.DUO_SPEC_DIR); each violation names the form field it belongs to and says in
plain Dutch what is wrong. Hour norms that are policy rather than law come in as arguments (settings).
"""

import datetime
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering.leerroute import Leerroute, Niveau
from inburgering.overtreding import Overtreding

from .models import Examenonderdeel, Examenresultaat, Verwijtbaar

ALGEMEEN = "__all__"
NIVEAUS = ["A2", "B1", "B2"]
# DUO: 'Nee' only when the termijn ends within two months.
VERWIJTBAAR_NEE_MAANDEN = 2
TAALONDERDELEN = [Examenonderdeel.LEZEN, Examenonderdeel.LUISTEREN, Examenonderdeel.SCHRIJVEN, Examenonderdeel.SPREKEN]


def _d(datum: datetime.date) -> str:
    return opmaak.datum(datum)


def keurmerk_geldig(van: datetime.date | None, tot: datetime.date | None, op: datetime.date) -> bool:
    """A Blik op Werk keurmerk counts on a day from its start up to and including its end (open end allowed)."""
    return van is not None and van <= op and (tot is None or op <= tot)


def aanbod_overtredingen(
    *,
    is_asielstatushouder: bool,
    datum_huidige_pip: datetime.date | None,
    pip_leerroute: str | None,
    termijn_einde: datetime.date | None,
    leerroute: str,
    keurmerk_geldig_op_aanbod: bool,
    taalschakelinstelling: bool,
    data: dict[str, datetime.date | None],
) -> list[Overtreding]:
    """DUO: only asielstatushouders with a PIP, at an institution DUO knows, dates after the PIP and in the termijn.

    `data` maps the form fields datum_aanbod, verwachte_startdatum, verwachte_einddatum and
    start_taalschakeltraject to their dates (None when left empty).
    """
    if not is_asielstatushouder:
        return [
            Overtreding(
                ALGEMEEN,
                "geen_asielstatushouder",
                _("Een inburgeringsaanbod is er alleen voor asielstatushouders; anderen kiezen zelf hun cursus."),
            )
        ]
    if datum_huidige_pip is None:
        return [Overtreding(ALGEMEEN, "geen_pip", _("Stel eerst het PIP vast: het aanbod volgt de leerroute daarvan."))]
    fouten = []
    if leerroute != pip_leerroute:
        fouten.append(
            Overtreding(
                "leerroute",
                "andere_leerroute",
                _("Het aanbod moet de leerroute van het huidige PIP volgen (%(route)s). Wijzig anders eerst het PIP.")
                % {"route": Leerroute(pip_leerroute).label},
            )
        )
    for veld, datum in data.items():
        if datum is None:
            continue
        if datum < datum_huidige_pip:
            fouten.append(
                Overtreding(
                    veld,
                    "voor_pip",
                    _("Deze datum ligt vóór de dagtekening van het huidige PIP (%(datum)s).")
                    % {"datum": _d(datum_huidige_pip)},
                )
            )
        elif termijn_einde and datum > termijn_einde:
            fouten.append(
                Overtreding(
                    veld,
                    "na_termijn",
                    _("Deze datum ligt na het einde van de inburgeringstermijn (%(datum)s).")
                    % {"datum": _d(termijn_einde)},
                )
            )
    start, einde = data.get("verwachte_startdatum"), data.get("verwachte_einddatum")
    if start and einde and einde < start:
        fouten.append(Overtreding("verwachte_einddatum", "einde_voor_start", _("Het einde ligt vóór de start.")))
    if data.get("start_taalschakeltraject") and leerroute != Leerroute.ONDERWIJS:
        fouten.append(
            Overtreding(
                "start_taalschakeltraject",
                "taalschakel_andere_route",
                _("Een taalschakeltraject hoort alleen bij de onderwijsroute. Laat dit leeg."),
            )
        )
    erkend = keurmerk_geldig_op_aanbod or (leerroute == Leerroute.ONDERWIJS and taalschakelinstelling)
    if not erkend:
        fouten.append(
            Overtreding(
                "aanbieder",
                "geen_keurmerk",
                _(
                    "Deze aanbieder heeft op de datum van het aanbod geen geldig keurmerk van Blik op Werk"
                    " (en is geen erkende taalschakelinstelling voor de onderwijsroute)."
                ),
            )
        )
    return fouten


def verwijtbaarheid_overtredingen(
    *, datum: datetime.date | None, verwijtbaar: str, termijn_einde: datetime.date | None, vandaag: datetime.date
) -> list[Overtreding]:
    """DUO: `verwijtbaar` only when the termijn is (nearly) overrun; a date inside the termijn carries none."""
    if termijn_einde is None:
        return (
            [Overtreding("verwijtbaar", "geen_termijn", _("Er loopt nog geen inburgeringstermijn. Laat dit leeg."))]
            if verwijtbaar
            else []
        )
    if datum and datum <= termijn_einde:
        if verwijtbaar:
            return [
                Overtreding(
                    "verwijtbaar",
                    "binnen_termijn",
                    _("De datum ligt binnen de inburgeringstermijn; dan geeft u geen verwijtbaarheid op."),
                )
            ]
        return []
    if datum and not verwijtbaar:
        return [
            Overtreding(
                "verwijtbaar",
                "verwijtbaar_ontbreekt",
                _("De datum ligt na het einde van de inburgeringstermijn (%(datum)s). Geef aan of dat verwijtbaar is.")
                % {"datum": _d(termijn_einde)},
            )
        ]
    if verwijtbaar == Verwijtbaar.JA and vandaag <= termijn_einde:
        return [
            Overtreding(
                "verwijtbaar",
                "ja_te_vroeg",
                _("'Verwijtbaar' kan pas als de inburgeringstermijn voorbij is (na %(datum)s).")
                % {"datum": _d(termijn_einde)},
            )
        ]
    if verwijtbaar == Verwijtbaar.NEE and vandaag < termijn_einde - relativedelta(months=VERWIJTBAAR_NEE_MAANDEN):
        return [
            Overtreding(
                "verwijtbaar",
                "nee_te_vroeg",
                _("'Niet verwijtbaar' kan pas in de laatste twee maanden van de inburgeringstermijn (vanaf %(datum)s).")
                % {"datum": _d(termijn_einde - relativedelta(months=VERWIJTBAAR_NEE_MAANDEN))},
            )
        ]
    return []


def afronding_overtredingen(
    *,
    datum: datetime.date | None,
    vandaag: datetime.date,
    heeft_huidige_pip: bool,
    termijn_start: datetime.date | None,
    z_route_afgerond_op: datetime.date | None,
) -> list[Overtreding]:
    """DUO's MAP/PVT rules: current PIP, not before the termijn nor after the Z-route's end, not in the future."""
    if not heeft_huidige_pip:
        return [Overtreding(ALGEMEEN, "geen_pip", _("Er is nog geen vastgesteld PIP; stel dat eerst vast."))]
    if datum is None:
        return []
    if datum > vandaag:
        return [Overtreding("datum", "toekomst", _("Deze datum kan niet in de toekomst liggen."))]
    if termijn_start and datum < termijn_start:
        return [
            Overtreding(
                "datum",
                "voor_termijn",
                _("De datum ligt vóór de start van de inburgeringstermijn (%(datum)s).") % {"datum": _d(termijn_start)},
            )
        ]
    if z_route_afgerond_op and datum > z_route_afgerond_op:
        return [
            Overtreding(
                "datum",
                "na_z_route",
                _("De Z-route is al afgerond op %(datum)s; een latere datum kan DUO niet verwerken.")
                % {"datum": _d(z_route_afgerond_op)},
            )
        ]
    return []


def examen_overtredingen(
    *, onderdeel: str, examendatum: datetime.date, vandaag: datetime.date, niveau: str, resultaat: str, reden: str
) -> list[Overtreding]:
    """An exam result is recorded after the exam, with a niveau for the language parts and a reason for 'geen'."""
    fouten = []
    if examendatum > vandaag:
        fouten.append(
            Overtreding("examendatum", "toekomst", _("Een resultaat legt u vast na het examen, niet ervoor."))
        )
    if onderdeel == Examenonderdeel.KNM and niveau:
        fouten.append(Overtreding("niveau", "knm_niveau", _("KNM heeft geen niveau. Laat het niveau leeg.")))
    if onderdeel != Examenonderdeel.KNM and not niveau and resultaat != Examenresultaat.GEEN:
        fouten.append(Overtreding("niveau", "niveau_ontbreekt", _("Kies het niveau van dit examen.")))
    if resultaat == Examenresultaat.GEEN and not reden:
        fouten.append(Overtreding("reden_geen_resultaat", "reden_ontbreekt", _("Kies waarom er geen resultaat is.")))
    if resultaat != Examenresultaat.GEEN and reden:
        fouten.append(
            Overtreding(
                "reden_geen_resultaat",
                "reden_bij_resultaat",
                _("Een reden hoort alleen bij 'geen resultaat'. Laat dit leeg."),
            )
        )
    return fouten


def vereiste_examens(
    *, leerroute: str, niveau: str, met_knm: bool, vrijgesteld: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Which exams the route requires, and at what level ("" for KNM). Only the B1-route ends in exams.

    `vrijgesteld`: the exam parts DUO exempted (a partial vrijstelling or ontheffing), which are not required."""
    if leerroute != Leerroute.B1:
        return {}
    vereist = dict.fromkeys(TAALONDERDELEN, niveau or Niveau.B1)
    if met_knm:
        vereist[Examenonderdeel.KNM] = ""
    return {onderdeel: n for onderdeel, n in vereist.items() if onderdeel not in vrijgesteld}


def vrijgestelde_examens(*, leerroute: str, met_knm: bool, vrijgesteld: frozenset[str]) -> list[str]:
    """The exam parts the route would ask that DUO exempted, in the route's order."""
    alle = vereiste_examens(leerroute=leerroute, niveau="", met_knm=met_knm)
    return [onderdeel for onderdeel in alle if onderdeel in vrijgesteld]


def gehaald(vereist_niveau: str, behaald_niveau: str | None) -> bool:
    """`behaald_niveau` is the highest level passed (or "" for KNM); None when not passed."""
    if behaald_niveau is None:
        return False
    if not vereist_niveau:
        return True
    return behaald_niveau in NIVEAUS and NIVEAUS.index(behaald_niveau) >= NIVEAUS.index(vereist_niveau)


def wat_ontbreekt(
    *,
    leerroute: str,
    niveau: str,
    met_knm: bool,
    behaald: dict[str, str],
    afgerond: set[str],
    vrijgesteld: frozenset[str] = frozenset(),
) -> list[str]:
    """What still stands between the dossier and 'voldaan'; empty means the plicht is met.

    `behaald` maps each exam onderdeel to the highest level passed ("" for KNM); `afgerond` holds the
    parts ended with good result ("map", "pvt", "z_route", "onderwijsroute").
    """
    ontbreekt = []
    examens = vereiste_examens(leerroute=leerroute, niveau=niveau, met_knm=met_knm, vrijgesteld=vrijgesteld)
    for onderdeel, vereist in examens.items():
        if not gehaald(vereist, behaald.get(onderdeel)):
            label = Examenonderdeel(onderdeel).label
            ontbreekt.append(
                _("Examen %(onderdeel)s op %(niveau)s") % {"onderdeel": label, "niveau": vereist}
                if vereist
                else _("Examen %(onderdeel)s") % {"onderdeel": label}
            )
    if leerroute == Leerroute.Z and "z_route" not in afgerond:
        ontbreekt.append(_("Eindgesprek Z-route"))
    if leerroute == Leerroute.ONDERWIJS and "onderwijsroute" not in afgerond:
        ontbreekt.append(_("Onderwijsroute afgerond"))
    # The onderwijsroute is exempt from the MAP (docs/wet-inburgering.md); everyone does the PVT.
    if leerroute != Leerroute.ONDERWIJS and "map" not in afgerond:
        ontbreekt.append(_("MAP: eindgesprek gehouden"))
    if "pvt" not in afgerond:
        ontbreekt.append(_("PVT: participatieverklaring ondertekend"))
    return ontbreekt


def uren_onder_norm(
    *, onderdeel: str, taaluren, participatieuren, map_lesuren, is_asielstatushouder: bool, normen
) -> list[str]:
    """Where the hours the plicht counts fall short of the norm (Z-route 800 + 800, MAP lessons): in words."""
    tekort = []

    def onder(wat, uren, norm):
        if uren < norm:
            # Hours in Dutch notation without trailing zeros: 30, 12,5.
            getal = f"{Decimal(uren).normalize():f}".replace(".", ",")
            tekort.append(_("%(wat)s: %(uren)s van %(norm)s uur") % {"wat": wat, "uren": getal, "norm": norm})

    if onderdeel == "z_route":
        onder(_("taal"), taaluren, normen.z_taal)
        if is_asielstatushouder:  # the 800 participation hours are asked of asielstatushouders only
            onder(_("participatie (met MAP en PVT)"), participatieuren, normen.z_participatie)
    if onderdeel == "map":
        onder(_("MAP-lessen"), map_lesuren, normen.map_les)
    return tekort


def motivatie_onder_norm_overtredingen(*, tekort: list[str], motivatie: str) -> list[Overtreding]:
    """An afronding below the hour norm is possible, but only with a motivation."""
    if not tekort or motivatie.strip():
        return []
    return [
        Overtreding(
            "motivatie_onder_norm",
            "motivatie_onder_norm_ontbreekt",
            _(
                "De geregistreerde uren liggen onder de norm (%(tekort)s). "
                "Motiveer waarom dit onderdeel toch is afgerond."
            )
            % {"tekort": "; ".join(tekort)},
        )
    ]


def minimum_uren_overtredingen(*, onderdeel: str, praktijkuren, workshopuren, excursie: bool, normen) -> list:
    """A MAP is passed after its practical hours, a PVT after its workshops and the excursion (settings)."""
    if onderdeel == "map" and praktijkuren < normen.map_praktijk:
        return [
            Overtreding(
                "behaald",
                "map_te_weinig_praktijk",
                _("De MAP vraagt ten minste %(norm)s praktijkuren; er zijn er %(uren)s geregistreerd.")
                % {"norm": normen.map_praktijk, "uren": praktijkuren},
            )
        ]
    if onderdeel == "pvt":
        fouten = []
        if workshopuren < normen.pvt_workshops:
            fouten.append(
                Overtreding(
                    "behaald",
                    "pvt_te_weinig_workshops",
                    _("Het PVT vraagt ten minste %(norm)s uur workshops; er zijn er %(uren)s geregistreerd.")
                    % {"norm": normen.pvt_workshops, "uren": workshopuren},
                )
            )
        if not excursie:
            fouten.append(
                Overtreding(
                    "behaald", "pvt_geen_excursie", _("Bij het PVT hoort een excursie; die is niet geregistreerd.")
                )
            )
        return fouten
    return []
