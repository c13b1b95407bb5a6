"""What every app's API module builds on: the visibility rule, the `gewijzigdSinds` filter and the dossier field.

The core has no resource of its own here; each app's `api.py` serves its resources with these helpers.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import Inburgeraar
from ..permissions import INZIEN
from .schema import Bedrijfsregel, twee_namen

_GEWIJZIGD_SINDS = "Alleen wat op of na dit tijdstip (ISO 8601, met tijdzone) is gewijzigd."
# The filter's old name keeps working until its sunset (settings.API_OUDE_NAMEN), deprecated in the schema.
GEWIJZIGD_SINDS = [
    OpenApiParameter("gewijzigdSinds", OpenApiTypes.DATETIME, OpenApiParameter.QUERY, description=_GEWIJZIGD_SINDS),
    OpenApiParameter(
        "gewijzigd_sinds",
        OpenApiTypes.DATETIME,
        OpenApiParameter.QUERY,
        deprecated=True,
        description="Verouderd: de oude naam van gewijzigdSinds, werkt tot en met "
        f"{settings.API_OUDE_NAMEN_TOT:%Y-%m-%d}. Een antwoord erop draagt de headers Deprecation en Sunset. "
        "Geef niet beide namen.",
    ),
]


class GewijzigdSindsSerializer(serializers.Serializer):
    def get_fields(self):
        # Built here, as a query string names them: the new name is no Python attribute name.
        return {
            "gewijzigdSinds": serializers.DateTimeField(
                required=False,
                error_messages={
                    "invalid": _(
                        "Geef gewijzigdSinds als tijdstip in ISO 8601 met tijdzone, bijv. 2026-11-23T10:00:00+01:00."
                    )
                },
            ),
            "gewijzigd_sinds": serializers.DateTimeField(
                required=False,
                error_messages={
                    "invalid": _(
                        "Geef gewijzigd_sinds als tijdstip in ISO 8601 met tijdzone, bijv. 2026-11-23T10:00:00+01:00."
                    )
                },
            ),
        }


def filter_gewijzigd_sinds(request, queryset, veld: str):
    """The `gewijzigdSinds` filter (or its old name); a value that is no ISO 8601 moment, an empty one too, is a
    400 with invalid-params (a plain dict: a query string's empty value would otherwise count as left out)."""
    if {"gewijzigdSinds", "gewijzigd_sinds"} <= request.query_params.keys():
        regel = twee_namen("gewijzigd_sinds")
        raise serializers.ValidationError({regel.veld: [serializers.ErrorDetail(regel.reden, code=regel.code)]})
    parameters = GewijzigdSindsSerializer(data=request.query_params.dict())
    parameters.is_valid(raise_exception=True)
    sinds = parameters.validated_data.get("gewijzigdSinds") or parameters.validated_data.get("gewijzigd_sinds")
    return queryset.filter(**{f"{veld}__gte": sinds}) if sinds else queryset


def zichtbare_dossiers(request):
    """What the client may see: the one visibility rule, as the begeleider's pages use it."""
    return Inburgeraar.objects.zichtbaar_voor(request.user, INZIEN)


# Free text is checked as sent: a trimmed value could pass `max_length` while the raw one breaks the schema's
# maxLength, and text of only spaces reaches the service, which refuses it with its own code.
ONGETRIMD = {"trim_whitespace": False}


def dossier_onbekend(veld: str = "dossier") -> Bedrijfsregel:
    """The rule behind `DossierVeld`: the dossier does not exist or is not referred to the client."""
    return Bedrijfsregel("does_not_exist", veld, "Dossier 12 bestaat niet of is niet naar uw organisatie verwezen.")


class DossierVeld(serializers.PrimaryKeyRelatedField):
    """A dossier id in a request: only dossiers the client may see; any other is 'does not exist'."""

    default_error_messages = {
        "does_not_exist": _("Dossier {pk_value} bestaat niet of is niet naar uw organisatie verwezen."),
        "incorrect_type": _("Geef het id van het dossier als geheel getal."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("Het id van het dossier (zie /dossiers)."))
        super().__init__(**kwargs)

    def get_queryset(self):
        return zichtbare_dossiers(self.context["request"])

    def to_internal_value(self, data):
        # A JSON integer only: DRF would take "12" and True, and the database 12.5 as dossier 12.
        if type(data) is not int:
            self.fail("incorrect_type", data_type=type(data).__name__)
        if not 1 <= data < 2**63:
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)
