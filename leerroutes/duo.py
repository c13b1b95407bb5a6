"""Our records as DUO's messages, checked against DUO's own OpenAPI schemas (settings.DUO_SPEC_DIR).

The outbox that sends them is issue 8; building and validating the body here keeps our records in
the shape DUO accepts from the day they are written.
"""

import functools

import jsonschema
import yaml

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


@functools.cache
def _schemas(bestand: str) -> dict:
    with open(settings.DUO_SPEC_DIR / bestand) as f:
        return yaml.safe_load(f)["components"]["schemas"]


def valideer(bestand: str, schema: str, bericht: dict) -> None:
    """Raise a ValidationError when `bericht` does not match DUO's component `schema`."""
    schemas = _schemas(bestand)
    # Resolve '#/components/schemas/X' references against the file's own components.
    document = {"components": {"schemas": schemas}, **schemas[schema]}
    fouten = sorted(jsonschema.Draft7Validator(document).iter_errors(bericht), key=str)
    if fouten:
        raise ValidationError(
            _("Dit past niet in het bericht aan DUO (%(schema)s): %(fout)s")
            % {"schema": schema, "fout": fouten[0].message},
            code="duo_schema",
        )


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
