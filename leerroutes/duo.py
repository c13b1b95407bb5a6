"""Our records as DUO's messages, checked against DUO's own OpenAPI schemas (settings.DUO_SPEC_DIR).

The core's outbox (inburgering/duo/outbox.py) sends them; building and validating the body here keeps
our records in the shape DUO accepts from the day they are written.
"""

from inburgering.duo import outbox
from inburgering.duo.schema import valideer  # noqa: F401  (the one validator, in the core)


def aanbod_bericht(aanbod) -> dict:
    """The body of POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}."""
    bericht = {
        "datumInburgeringsaanbod": aanbod.datum_aanbod.isoformat(),
        "indicatorAlfabetiseringsonderwijs": aanbod.alfabetisering,
    }
    if aanbod.verwachte_startdatum:
        bericht["verwachteStartdatumOpleiding"] = aanbod.verwachte_startdatum.isoformat()
    if aanbod.verwachte_einddatum:
        bericht["verwachteEinddatumOpleiding"] = aanbod.verwachte_einddatum.isoformat()
    return bericht


def afronding_bericht(afronding) -> dict:
    """The body of PUT /personen/{bsn}/map, /pvt or /zroute (a PUT replaces the whole resource)."""
    veld = {"map": "datumEindgesprekMap", "pvt": "datumOndertekeningPvt", "z_route": "datumAfrondingZroute"}
    bericht = {}
    if afronding.datum and afronding.behaald:
        bericht[veld[afronding.onderdeel]] = afronding.datum.isoformat()
    if afronding.verwijtbaar:
        bericht["verwijtbaar"] = afronding.verwijtbaar
    return bericht


AFRONDING_SCHEMA = {"map": "ResultaatMap", "pvt": "ResultaatPvt", "z_route": "ResultaatZroute"}


def examen_bericht(examen) -> dict:
    """An exam result as DUO's Examenresultaat, for comparing with what DUO reports (SS199)."""
    bericht = {
        "examendatum": examen.examendatum.isoformat(),
        "resultaat": examen.resultaat,
        "onderdeel": examen.onderdeel,
    }
    if examen.niveau:
        bericht["niveau"] = examen.niveau
    if examen.reden_geen_resultaat:
        bericht["redenGeenResultaat"] = examen.reden_geen_resultaat
    return bericht


def meld_aanbod(aanbod):
    """Queue POST /personen/{bsn}/Inburgeringsaanbod/{instellingsnummer}; DUO's rules were checked first."""
    return outbox.zet_klaar(
        inburgeraar=aanbod.inburgeraar,
        soort="aanbod",
        methode="POST",
        pad="/personen/{bsn}/Inburgeringsaanbod/" + aanbod.aanbieder.instellingsnummer,
        inhoud=aanbod_bericht(aanbod),
        spec=("Inburgeringsaanbod.openapi.yml", "Inburgeringsaanbod"),
    )


AFRONDING_PAD = {"map": "map", "pvt": "pvt", "z_route": "zroute"}


def meld_afronding(afronding):
    """Queue PUT /personen/{bsn}/map, /pvt or /zroute; a PUT replaces what DUO had."""
    return outbox.zet_klaar(
        inburgeraar=afronding.inburgeraar,
        soort=AFRONDING_PAD[afronding.onderdeel],
        methode="PUT",
        pad="/personen/{bsn}/" + AFRONDING_PAD[afronding.onderdeel],
        inhoud=afronding_bericht(afronding),
        spec=("MAP-PVT-Zroute.openapi.yml", AFRONDING_SCHEMA[afronding.onderdeel]),
    )
