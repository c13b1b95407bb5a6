"""Writes that are safe to retry, and batches that are all or nothing.

Idempotency-Key: the first POST with a key stores its answer in the same transaction as the write;
a repeat with the same key and the same body (same path) gets that answer back and writes nothing;
the same key with another body or path is refused (422). A failed request stores nothing, so it
may be retried with its key. Keys are kept API_IDEMPOTENTIE_UREN hours per client.
"""

import hashlib
import json
import re
from datetime import timedelta

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import IdempotencyKey
from .fouten import IdempotencyConflict, als_drf_fout

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    "Idempotency-Key",
    # Printable ASCII with at least one visible character, as _GELDIGE_SLEUTEL checks.
    {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[ -~]*[!-~][ -~]*$"},
    OpenApiParameter.HEADER,
    required=False,
    description=(
        "Een unieke waarde per bedoelde schrijfactie (bijv. een UUID). Een herhaling met dezelfde sleutel en "
        "dezelfde body geeft het eerdere antwoord terug en schrijft niets; dezelfde sleutel met een andere "
        "body geeft 422."
    ),
)


# Printable ASCII, as a structured-header string: no control characters reach the database.
_GELDIGE_SLEUTEL = re.compile(r"[\x20-\x7e]{1,255}")


def _json(data):
    return json.loads(json.dumps(data, cls=JSONEncoder))


def _body_hash(data) -> str:
    return hashlib.sha256(json.dumps(_json(data), sort_keys=True).encode()).hexdigest()


class SchrijfView(GenericAPIView):
    """POST: validate with the serializer, write through a service in `schrijf`, answer 201."""

    def schrijf(self, gegevens):  # pragma: no cover - every subclass writes through its app's service
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        sleutel = request.headers.get("Idempotency-Key")
        if sleutel is None:
            return self._voer_uit(request)
        if not _GELDIGE_SLEUTEL.fullmatch(sleutel) or not sleutel.strip():
            raise serializers.ValidationError(
                {"Idempotency-Key": [_("Geef een sleutel van 1 tot 255 zichtbare ASCII-tekens, bijv. een UUID.")]},
                code="ongeldige_sleutel",
            )
        return self._idempotent(request, sleutel)

    def _voer_uit(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            data = self.schrijf(serializer.validated_data)
        except DjangoValidationError as fout:
            raise als_drf_fout(fout) from None
        return Response(data, status=status.HTTP_201_CREATED)

    def _idempotent(self, request, sleutel):
        client, pad, body_hash = request.auth, request.path, _body_hash(request.data)
        grens = timezone.now() - timedelta(hours=settings.API_IDEMPOTENTIE_UREN)
        IdempotencyKey.objects.filter(client=client, created_at__lt=grens).delete()
        with transaction.atomic():
            try:
                with transaction.atomic():
                    # A concurrent request with the same key waits here until the first commits.
                    rij = IdempotencyKey.objects.create(client=client, sleutel=sleutel, pad=pad, body_hash=body_hash)
            except IntegrityError:
                eerder = IdempotencyKey.objects.get(client=client, sleutel=sleutel)
                if (eerder.pad, eerder.body_hash) != (pad, body_hash):
                    raise IdempotencyConflict from None
                return Response(eerder.antwoord, status=eerder.status, headers={"Idempotent-Replayed": "true"})
            response = self._voer_uit(request)  # an error rolls the key back too: a retry runs again
            rij.status, rij.antwoord = response.status_code, _json(response.data)
            rij.save(update_fields=["status", "antwoord"])
        return response


def alles_of_niets(regels, schrijf) -> list:
    """Write every line through `schrijf`, each in a savepoint; if any line fails, nothing stays.

    All lines are tried, so the answer names every failing line (`regels[3].uren`), not just the first.
    """
    fouten, resultaten = [{} for _regel in regels], []
    with transaction.atomic():
        for i, regel in enumerate(regels):
            try:
                with transaction.atomic():
                    resultaten.append(schrijf(regel))
            except DjangoValidationError as fout:
                fouten[i] = als_drf_fout(fout).detail
        if any(fouten):
            transaction.set_rollback(True)
    if any(fouten):
        per_regel = [f if isinstance(f, dict) else {"non_field_errors": f} for f in fouten]
        raise serializers.ValidationError({"regels": per_regel})
    return resultaten
