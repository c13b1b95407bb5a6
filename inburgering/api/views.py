"""The core's resource: dossiers, in the limited view a partner needs (no health or Participatiewet data)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers

from django.utils.translation import gettext_lazy as _

from ..models import Inburgeraar
from ..permissions import INZIEN
from ..services import log_inzage
from .schema import Bedrijfsregel

GEWIJZIGD_SINDS = OpenApiParameter(
    "gewijzigd_sinds",
    OpenApiTypes.DATETIME,
    OpenApiParameter.QUERY,
    description="Alleen wat op of na dit tijdstip (ISO 8601, met tijdzone) is gewijzigd.",
)


class GewijzigdSindsSerializer(serializers.Serializer):
    gewijzigd_sinds = serializers.DateTimeField(
        required=False,
        error_messages={
            "invalid": _("Geef gewijzigd_sinds als tijdstip in ISO 8601 met tijdzone, bijv. 2026-11-23T10:00:00+01:00.")
        },
    )


def filter_gewijzigd_sinds(request, queryset, veld: str):
    """The `gewijzigd_sinds` filter; a value that is no ISO 8601 moment, an empty one too, is a 400 with
    invalid-params (a plain dict: a query string's empty value would otherwise count as left out)."""
    parameters = GewijzigdSindsSerializer(data=request.query_params.dict())
    parameters.is_valid(raise_exception=True)
    sinds = parameters.validated_data.get("gewijzigd_sinds")
    return queryset.filter(**{f"{veld}__gte": sinds}) if sinds else queryset


def zichtbare_dossiers(request):
    """What the client may see: the one visibility rule, as the begeleider's pages use it."""
    return Inburgeraar.objects.zichtbaar_voor(request.user, INZIEN)


class DossierSerializer(serializers.ModelSerializer):
    bsn_gemaskeerd = serializers.CharField(help_text=_("Alleen de laatste drie cijfers van het BSN."))
    gemeente = serializers.CharField(source="gemeente.naam", help_text=_("De gemeente die nu verantwoordelijk is."))
    gewijzigd_op = serializers.DateTimeField(source="updated_at")

    class Meta:
        model = Inburgeraar
        fields = [
            "id",
            "bsn_gemaskeerd",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "gemeente",
            "fase",
            "taal",
            "tolk_nodig",
            "telefoon",
            "email",
            "gewijzigd_op",
        ]


@extend_schema(tags=["dossiers"], parameters=[GEWIJZIGD_SINDS])
class DossierLijst(generics.ListAPIView):
    """Dossiers die naar uw organisatie zijn verwezen (zolang de verwijzing loopt)."""

    serializer_class = DossierSerializer
    vereist_recht = "ontzorgen.begeleiding_inzien"

    def get_queryset(self):
        dossiers = zichtbare_dossiers(self.request).select_related("gemeente")
        return filter_gewijzigd_sinds(self.request, dossiers, "updated_at")


@extend_schema(tags=["dossiers"])
class DossierDetail(generics.RetrieveAPIView):
    """Eén dossier; 404 als het niet bestaat of niet naar uw organisatie is verwezen. Elke inzage wordt gelogd."""

    serializer_class = DossierSerializer
    vereist_recht = "ontzorgen.begeleiding_inzien"

    def get_queryset(self):
        return zichtbare_dossiers(self.request).select_related("gemeente")

    def get_object(self):
        dossier = super().get_object()
        log_inzage(user=self.request.user, inburgeraar=dossier, pagina=self.request.path)
        return dossier


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
