"""Message bodies checked against DUO's own OpenAPI schemas (settings.DUO_SPEC_DIR), never a copy.

The domain apps build their bodies (leerroutes/duo.py, pip/duo.py) and check them here before a
message is queued, so that DUO refusing one is the exception.
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
