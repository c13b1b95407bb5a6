"""The OpenAPI document's shared parts: every operation documents its problem+json answers, a write
documents each business rule that can refuse input the schema allows (a view's `bedrijfsregels`), and the
document as a whole says what the NL API Design Rules ask (`nl_api_design_rules`: servers, headers)."""

import re
from dataclasses import dataclass

from drf_spectacular import openapi
from drf_spectacular.plumbing import is_list_serializer
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from django.conf import settings
from django.utils.translation import gettext

from .fouten import PROBLEEM_TYPE
from .middleware import sunset, verouderd_sinds


class OngeldigVeldSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="JSON-pad van het veld, bijv. regels[3].uren.")
    code = serializers.CharField()
    reason = serializers.CharField(help_text="De fout in het Nederlands.")


class ProbleemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()

    def get_fields(self):
        velden = super().get_fields()
        velden["invalid-params"] = OngeldigVeldSerializer(many=True, required=False)
        return velden

    class Meta:
        ref_name = "Probleem"


_ALTIJD = {
    "400": "Ongeldige invoer of parameter.",
    "401": "Geen, een onbekend, verlopen of ingetrokken token.",
    "403": "De client mist het recht voor deze bewerking.",
    "404": "Niet gevonden, of niet naar uw organisatie verwezen (dat antwoord is hetzelfde).",
    "406": "Het gevraagde formaat (Accept) wordt niet geleverd.",
    "429": "Te veel verzoeken; probeer het opnieuw na Retry-After seconden.",
}
_SCHRIJVEN = {
    "415": "Het verzoek is geen JSON.",
    "422": "Deze Idempotency-Key is al gebruikt voor een ander verzoek.",
}


@dataclass(frozen=True)
class Bedrijfsregel:
    """A rule a service checks beyond the schema: the 400's invalid-params entry it gives (`code` on `veld`)."""

    code: str
    veld: str
    reden: str


def twee_namen(oud: str) -> Bedrijfsregel:
    """A renamed query parameter given under both its names: the two could differ, so neither is guessed."""
    nieuw = settings.API_OUDE_NAMEN[oud]
    reden = gettext("Geef %(nieuw)s of %(oud)s, niet allebei: %(oud)s is de oude naam van %(nieuw)s.")
    return Bedrijfsregel("dubbele_parameter", nieuw, reden % {"nieuw": nieuw, "oud": oud})


def _naam(regel: Bedrijfsregel) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", f"{regel.veld}_{regel.code}").strip("_")


def _voorbeeld(regel: Bedrijfsregel, pad: str) -> dict:
    return {
        "summary": regel.reden,
        "value": {
            "type": "urn:inburgering:api:probleem:ongeldige_invoer",
            "title": "De invoer is ongeldig.",
            "status": 400,
            "detail": "Eén of meer velden zijn ongeldig; zie invalid-params.",
            "instance": pad,
            "invalid-params": [{"name": regel.veld, "code": regel.code, "reason": regel.reden}],
        },
    }


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        fouten = {**_ALTIJD, **(_SCHRIJVEN if self.method == "POST" else {})}
        probleem = self.resolve_serializer(ProbleemSerializer, "response").ref
        for status, omschrijving in fouten.items():
            responses.setdefault(
                status, {"description": omschrijving, "content": {PROBLEEM_TYPE: {"schema": probleem}}}
            )
        regels = [*(getattr(self.view, "bedrijfsregels", ()) if self.method == "POST" else ()), *self._oude_namen()]
        if regels:
            responses["400"] = {
                "description": _ALTIJD["400"] + " Ook een bedrijfsregel kan invoer weigeren die het schema toestaat; "
                "de voorbeelden noemen elke regel met zijn code in invalid-params.",
                "content": {
                    PROBLEEM_TYPE: {
                        "schema": probleem,
                        "examples": {_naam(r): _voorbeeld(r, self.path) for r in regels},
                    }
                },
            }
        return responses

    def _oude_namen(self) -> list[Bedrijfsregel]:
        return [
            twee_namen(parameter.name)
            for parameter in self.get_override_parameters()
            if isinstance(parameter, OpenApiParameter) and parameter.name in settings.API_OUDE_NAMEN
        ]

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        schema = super()._map_serializer_field(field, direction, bypass_extensions)
        if schema and is_list_serializer(field):
            _lengte_van_lijst(field, schema)
        elif schema and isinstance(field, serializers.DecimalField):
            _decimaal_zonder_min(field, schema)
        elif schema and direction == "request" and _vrije_tekst(field, schema):
            schema["pattern"] = r"^[^\x00]*$"  # DRF refuses NUL characters in any CharField
        return schema


def _vrije_tekst(field, schema) -> bool:
    return (
        isinstance(field, serializers.CharField)
        and schema.get("type") == "string"
        and not {"pattern", "format", "enum"} & schema.keys()
    )


def _lengte_van_lijst(field, schema) -> None:
    """A batch's limits (`allow_empty=False`, `max_length`), which drf-spectacular leaves out for lists."""
    minimum = max(field.min_length or 0, 0 if field.allow_empty else 1)
    if minimum:
        schema["minItems"] = minimum
    if field.max_length is not None:
        schema["maxItems"] = field.max_length


def _decimaal_zonder_min(field, schema) -> None:
    """A decimal that cannot be negative has no minus sign in its pattern (a string has no `minimum`)."""
    if field.min_value is not None and field.min_value >= 0 and schema.get("pattern", "").startswith("^-?"):
        schema["pattern"] = "^" + schema["pattern"].removeprefix("^-?")


def _headers() -> dict:
    """The headers answers carry, each with an example as the settings make it."""
    return {
        "API-Version": {
            "description": "De volledige versie van de API (NL API Design Rules), op elk antwoord.",
            "required": True,
            "schema": {"type": "string"},
            "example": settings.API_VERSIE,
        },
        "Deprecation": {
            "description": "Alleen als het verzoek een verouderde parameter gebruikt: sinds wanneer die verouderd "
            "is (RFC 9745, `@` en Unix-tijd).",
            "schema": {"type": "string"},
            "example": verouderd_sinds(),
        },
        "Sunset": {
            "description": "Alleen als het verzoek een verouderde parameter gebruikt: vanaf wanneer die niet meer "
            "werkt (RFC 8594, HTTP-datum).",
            "schema": {"type": "string"},
            "example": sunset(),
        },
    }


def nl_api_design_rules(result, generator, request, public):
    """Postprocessing hook: the server with the major version in its URL (SITE_URL, so each installation names
    its own), and on every answer of every operation the API-Version header; an operation that still accepts a
    parameter's old name also documents the Deprecation and Sunset headers its answers then carry."""
    result["servers"] = [{"url": settings.SITE_URL.rstrip("/") + "/api/v1", "description": "Deze installatie"}]
    result.setdefault("components", {})["headers"] = _headers()
    for operaties in result["paths"].values():
        for operatie in operaties.values():
            namen = ["API-Version"]
            if any(p["name"] in settings.API_OUDE_NAMEN for p in operatie.get("parameters", ())):
                namen += ["Deprecation", "Sunset"]
            for antwoord in operatie["responses"].values():
                antwoord.setdefault("headers", {}).update({n: {"$ref": f"#/components/headers/{n}"} for n in namen})
    return result
