"""Reading a request's fields strictly: whole numbers that are JSON integers, digits 0-9 only, and dates
within the range a plan can have (inburgering.invoer, as the web forms). The body itself is read by
inburgering.api.parsers."""

from rest_framework import serializers

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..invoer import Datumsoort, controleer_cijfers, controleer_datum, heeft_andere_cijfers, veldnaam
from .schema import Bedrijfsregel


def _als_drf(fout: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(fout.messages, code=fout.code)


class GeheelGetalVeld(serializers.IntegerField):
    """A JSON integer, nothing else: not "12", not 12.5 or 12.0, not true, not "١٢"."""

    default_error_messages = {"invalid": _("Geef een geheel getal, zonder aanhalingstekens.")}

    def to_internal_value(self, data):
        if heeft_andere_cijfers(data):
            try:
                controleer_cijfers(data, veld=veldnaam(self.label or self.field_name))
            except DjangoValidationError as fout:
                raise _als_drf(fout) from None
        if type(data) is not int:  # bool is a subclass of int
            self.fail("invalid")
        return super().to_internal_value(data)


class DatumVeld(serializers.DateField):
    """An ISO 8601 date with the digits 0-9, within the range of its kind (a plan: five years either way)."""

    def __init__(self, *, datumsoort: Datumsoort = Datumsoort.PLAN, **kwargs):
        self.datumsoort = datumsoort
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        naam = veldnaam(self.label or self.field_name)
        try:
            controleer_cijfers(value, veld=naam)
            datum = super().to_internal_value(value)
            controleer_datum(datum, veld=naam, soort=self.datumsoort)
        except DjangoValidationError as fout:
            raise _als_drf(fout) from None
        return datum


class StrikteModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose date and integer fields read strictly (DatumVeld, GeheelGetalVeld)."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateField: DatumVeld,
        models.IntegerField: GeheelGetalVeld,
        models.SmallIntegerField: GeheelGetalVeld,
        models.BigIntegerField: GeheelGetalVeld,
        models.PositiveIntegerField: GeheelGetalVeld,
        models.PositiveSmallIntegerField: GeheelGetalVeld,
        models.PositiveBigIntegerField: GeheelGetalVeld,
    }


def datumregel(veld: str, voorbeeld: str = "Periode van") -> Bedrijfsregel:
    """The documented 400 of a DatumVeld: a date no plan can have."""
    return Bedrijfsregel(
        "buiten_bereik", veld, f"{voorbeeld}: kies een datum tussen 23 november 2021 en 23 november 2031."
    )
