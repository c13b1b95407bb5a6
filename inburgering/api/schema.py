"""The OpenAPI document's shared parts: every operation documents its problem+json answers."""

from drf_spectacular import openapi
from rest_framework import serializers

from .fouten import PROBLEEM_TYPE


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


class AutoSchema(openapi.AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        fouten = {**_ALTIJD, **(_SCHRIJVEN if self.method == "POST" else {})}
        probleem = self.resolve_serializer(ProbleemSerializer, "response").ref
        for status, omschrijving in fouten.items():
            responses.setdefault(
                status, {"description": omschrijving, "content": {PROBLEEM_TYPE: {"schema": probleem}}}
            )
        return responses
