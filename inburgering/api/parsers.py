"""The API's one parser: JSON as RFC 8259 has it, no deeper than MAX_DIEPTE and no larger than
DATA_UPLOAD_MAX_MEMORY_SIZE, each refused as problem+json (400, 413) rather than a 500 or an HTML page.

DRF's settings import it, so it imports nothing of rest_framework.views (inburgering.api.fouten does)."""

import json
import re

from rest_framework import exceptions
from rest_framework.parsers import JSONParser

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# No body of ours nests deeper than a batch of lines with their fields (3); Python's parser recurses
# once per level and fails with a RecursionError near 1,000, which would be a 500.
MAX_DIEPTE = 32

# A JSON string, or an unterminated one up to the end: the optional closing quote means a match never
# fails and is never retried from a later quote, so the scan stays linear whatever the body.
_TEKST = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_HAAKJE = re.compile(r"[\[\]{}]")


def diepte(tekst: str) -> int:
    """How deep arrays and objects nest, brackets inside strings not counted; read without recursion."""
    hoogste = huidige = 0
    for haakje in _HAAKJE.finditer(_TEKST.sub('""', tekst)):
        huidige += 1 if haakje.group() in "[{" else -1
        hoogste = max(hoogste, huidige)
    return hoogste


class TeDiep(exceptions.ParseError):
    default_code = "te_diep"


class TeGroot(exceptions.APIException):
    """The body is larger than DATA_UPLOAD_MAX_MEMORY_SIZE (Django's RequestDataTooBig)."""

    status_code = 413
    default_detail = gettext_lazy("Het verzoek is te groot.")
    default_code = "te_groot"


def te_groot() -> TeGroot:
    kb = settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 1024
    return TeGroot(_("Het verzoek is groter dan %(kb)s kB; stuur minder regels per verzoek.") % {"kb": kb})


def _geen_constante(naam):
    raise ValueError(f"{naam} is geen JSON")


class StrikteJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        codering = parser_context.get("encoding", settings.DEFAULT_CHARSET)
        grens = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        inhoud = stream.read(grens + 1 if grens is not None else -1) if stream is not None else b""
        if grens is not None and len(inhoud) > grens:  # DRF reads the stream past Django's own check
            raise te_groot()
        try:
            tekst = inhoud.decode(codering)
        except UnicodeDecodeError as e:
            raise exceptions.ParseError(_("De body is geen geldige UTF-8.")) from e
        if diepte(tekst) > MAX_DIEPTE:
            raise TeDiep(_("De JSON is te diep genest (meer dan %(n)s niveaus).") % {"n": MAX_DIEPTE})
        try:
            return json.loads(tekst, parse_constant=_geen_constante)
        except (ValueError, RecursionError) as e:
            raise exceptions.ParseError(_("De body is geen geldige JSON: %(fout)s") % {"fout": e}) from e
