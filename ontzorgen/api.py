"""The partner API of ontzorgen: verwijzingen, uren (batch and correction) and meldingen.

Thin: serializers check the shape, ontzorgen.services checks the rules and writes, and every
dossier is reached through the core's visibility rule (inburgering.api.views.zichtbare_dossiers).
"""

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.mixins import ListModelMixin

from django.urls import path
from django.utils.translation import gettext_lazy as _

from inburgering.api.paginering import Cursor
from inburgering.api.schrijven import IDEMPOTENCY_PARAMETER, SchrijfView
from inburgering.api.views import GEWIJZIGD_SINDS, DossierVeld, filter_gewijzigd_sinds, zichtbare_dossiers

from . import services
from .models import Melding, Urenregistratie, Verwijzing

MAX_REGELS = 500


class VerwijzingSerializer(serializers.ModelSerializer):
    dossier = serializers.IntegerField(source="inburgeraar_id", help_text=_("Het id van het dossier."))

    class Meta:
        model = Verwijzing
        fields = ["id", "dossier", "dienst", "startdatum", "einddatum", "toelichting", "beeindigd", "gewijzigd_op"]


class OpWijziging(Cursor):
    """Oldest change first: a partner keeps the last `gewijzigd_op` it saw and asks from there."""

    ordering = ("gewijzigd_op", "pk")


@extend_schema(tags=["verwijzingen"], parameters=[GEWIJZIGD_SINDS])
class VerwijzingLijst(generics.ListAPIView):
    """Verwijzingen naar uw team voor dossiers die u nu mag zien; een beëindigde verwijzing staat erbij
    zolang een andere verwijzing van uw team voor dat dossier loopt."""

    serializer_class = VerwijzingSerializer
    pagination_class = OpWijziging
    vereist_recht = "ontzorgen.begeleiding_inzien"

    def get_queryset(self):
        verwijzingen = Verwijzing.objects.filter(
            team__groep__user=self.request.user, inburgeraar__in=zichtbare_dossiers(self.request)
        )
        return filter_gewijzigd_sinds(self.request, verwijzingen, "gewijzigd_op")


class UrenregistratieSerializer(serializers.ModelSerializer):
    dossier = serializers.IntegerField(source="inburgeraar_id")
    vervangt = serializers.IntegerField(source="vervangt_id", allow_null=True)

    class Meta:
        model = Urenregistratie
        fields = ["id", "dossier", "datum", "uren", "soort", "telt_voor_z_route", "notitie", "status", "vervangt"]


class UrenRegelSerializer(serializers.ModelSerializer):
    dossier = DossierVeld(source="inburgeraar")
    uren = serializers.DecimalField(
        max_digits=4, decimal_places=2, help_text=_("In kwartieren, meer dan 0 en samen hoogstens 24 per dag.")
    )

    class Meta:
        model = Urenregistratie
        fields = ["dossier", "datum", "uren", "soort", "telt_voor_z_route", "notitie"]


class UrenBatchSerializer(serializers.Serializer):
    regels = UrenRegelSerializer(many=True, allow_empty=False, max_length=MAX_REGELS)


class UrenBatchAntwoordSerializer(serializers.Serializer):
    uren = UrenregistratieSerializer(many=True)


def _eigen_uren(request):
    """Hours registered by the client's team, on dossiers it may still see."""
    return Urenregistratie.objects.filter(
        verwijzing__team__groep__user=request.user, inburgeraar__in=zichtbare_dossiers(request)
    )


class Uren(ListModelMixin, SchrijfView):
    vereist_recht = "ontzorgen.add_urenregistratie"

    def get_queryset(self):
        return _eigen_uren(self.request)

    def get_serializer_class(self):
        return UrenBatchSerializer if self.request.method == "POST" else UrenregistratieSerializer

    @extend_schema(tags=["uren"], responses=UrenregistratieSerializer(many=True))
    def get(self, request, *args, **kwargs):
        """De uren die uw organisatie registreerde, met hun status (te beoordelen, goedgekeurd, vervangen)."""
        return self.list(request, *args, **kwargs)

    @extend_schema(
        tags=["uren"],
        request=UrenBatchSerializer,
        responses={201: UrenBatchAntwoordSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    def post(self, request, *args, **kwargs):
        """Uren registreren, alles of niets: elke regel wordt gecontroleerd (kwartieren, niet in de toekomst,
        hoogstens 24 uur per persoon per dag, op een dag met een lopende verwijzing naar uw organisatie).
        Bevat één regel een fout, dan wordt niets opgeslagen en noemt het antwoord elke fout met zijn pad,
        bijv. `regels[3].uren`. De casusregisseur beoordeelt de uren daarna."""
        return super().post(request, *args, **kwargs)

    def schrijf(self, gegevens):
        regels = gegevens["regels"]
        fouten = services.uren_fouten(begeleider=self.request.user, regels=regels)
        if any(fouten):
            raise serializers.ValidationError(
                {"regels": [{veld: [bericht] for veld, bericht in f.items()} for f in fouten]}
            )
        nieuw = services.registreer_uren(door=self.request.user, regels=regels)
        return {"uren": UrenregistratieSerializer(nieuw, many=True).data}


class CorrectieSerializer(serializers.ModelSerializer):
    uren = serializers.DecimalField(max_digits=4, decimal_places=2)
    reden = serializers.CharField(max_length=2000, help_text=_("Waarom de registratie niet klopte."))

    class Meta:
        model = Urenregistratie
        fields = ["uren", "soort", "telt_voor_z_route", "notitie", "reden"]


@extend_schema(
    tags=["uren"],
    request=CorrectieSerializer,
    responses={201: UrenregistratieSerializer},
    parameters=[IDEMPOTENCY_PARAMETER],
)
class UrenCorrectie(SchrijfView):
    """Een eigen registratie corrigeren zolang de casusregisseur die nog niet beoordeelde: een nieuwe
    registratie vervangt de oude, die bewaard blijft. Goedgekeurde uren corrigeert alleen de regisseur."""

    serializer_class = CorrectieSerializer
    vereist_recht = "ontzorgen.add_urenregistratie"

    def get_queryset(self):
        return _eigen_uren(self.request)

    def post(self, request, *args, **kwargs):
        self.registratie = self.get_object()  # 404 for hours of another organisation or dossier
        return super().post(request, *args, **kwargs)

    def schrijf(self, gegevens):
        nieuw = services.vervang_ingediende_uren(door=self.request.user, registratie=self.registratie, **gegevens)
        return UrenregistratieSerializer(nieuw).data


class MeldingSerializer(serializers.ModelSerializer):
    dossier = DossierVeld(source="inburgeraar")
    tekst = serializers.CharField(max_length=2000)

    class Meta:
        model = Melding
        fields = ["id", "dossier", "soort", "tekst", "created_at"]
        read_only_fields = ["id", "created_at"]


@extend_schema(tags=["meldingen"], parameters=[IDEMPOTENCY_PARAMETER], responses={201: MeldingSerializer})
class Meldingen(SchrijfView):
    """Een melding aan de casusregisseur (probleem, niet verschenen, vraag) over een verwezen dossier."""

    serializer_class = MeldingSerializer
    vereist_recht = "ontzorgen.add_melding"

    def schrijf(self, gegevens):
        melding = services.maak_melding(door=self.request.user, **gegevens)
        return MeldingSerializer(melding, context=self.get_serializer_context()).data


urlpatterns = [
    path("verwijzingen", VerwijzingLijst.as_view(), name="api_verwijzingen"),
    path("uren", Uren.as_view(), name="api_uren"),
    path("uren/<int:pk>/correcties", UrenCorrectie.as_view(), name="api_uren_correctie"),
    path("meldingen", Meldingen.as_view(), name="api_meldingen"),
]
