"""The partner API of ontzorgen: the referred dossiers, verwijzingen, uren (batch and correction) and meldingen.

Thin: serializers check the shape, ontzorgen.services checks the rules and writes, and every
dossier is reached through the core's visibility rule (inburgering.api.basis.zichtbare_dossiers). The
dossiers are served here because a partner reaches them through a verwijzing, with this app's
`begeleiding_inzien`.
"""

import re

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.mixins import ListModelMixin

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering.api.basis import (
    GEWIJZIGD_SINDS,
    ONGETRIMD,
    DossierVeld,
    dossier_onbekend,
    filter_gewijzigd_sinds,
    zichtbare_dossiers,
)
from inburgering.api.invoer import StrikteModelSerializer, datumregel
from inburgering.api.paginering import Cursor
from inburgering.api.schema import Bedrijfsregel
from inburgering.api.schrijven import IDEMPOTENCY_PARAMETER, SchrijfView
from inburgering.invoer import heeft_andere_cijfers, veldnaam
from inburgering.models import Inburgeraar
from inburgering.services import log_inzage

from . import services
from .models import Melding, Urenregistratie, Verwijzing

MAX_REGELS = 500


# A dossier in the limited view a partner needs (no health or Participatiewet data). No docstring: it would
# become the schema's description.
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


@extend_schema(tags=["dossiers"], parameters=GEWIJZIGD_SINDS)
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


class VerwijzingSerializer(serializers.ModelSerializer):
    dossier = serializers.IntegerField(source="inburgeraar_id", help_text=_("Het id van het dossier."))
    toelichting = serializers.CharField(
        allow_null=True, help_text=_("Leeg (null) bij een beëindigde verwijzing: dan meldt de rij alleen het einde.")
    )
    # The published contract names it gewijzigd_op; the model field is updated_at.
    gewijzigd_op = serializers.DateTimeField(source="updated_at", read_only=True, label=_("gewijzigd op"))
    beeindigd = serializers.BooleanField(
        source="afgelopen",
        help_text=_("Waar als de verwijzing is beëindigd of haar einddatum voorbij is; uw toegang is dan vervallen."),
    )

    class Meta:
        model = Verwijzing
        fields = ["id", "dossier", "dienst", "startdatum", "einddatum", "toelichting", "beeindigd", "gewijzigd_op"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.afgelopen:
            data["toelichting"] = None  # free text about the person, no longer the partner's to read
        return data


class OpWijziging(Cursor):
    """Oldest change first: a partner keeps the last `gewijzigd_op` it saw and asks from there."""

    ordering = ("updated_at", "pk")


@extend_schema(tags=["verwijzingen"], parameters=GEWIJZIGD_SINDS)
class VerwijzingLijst(generics.ListAPIView):
    """Verwijzingen naar uw team: die voor dossiers die u nu mag zien, en elke beëindigde verwijzing van uw
    team met `beeindigd: true` (zonder toelichting), zodat een synchronisatie met `gewijzigdSinds` het einde
    ook ziet wanneer u het dossier niet meer mag inzien."""

    serializer_class = VerwijzingSerializer
    pagination_class = OpWijziging
    vereist_recht = "ontzorgen.begeleiding_inzien"

    def get_queryset(self):
        vandaag = timezone.localdate()
        afgelopen = Q(beeindigd=True) | Q(einddatum__isnull=False, einddatum__lt=vandaag)  # never NULL
        # An ended referral is the team's own record; its row names the dossier's id and nothing about the person.
        verwijzingen = (
            Verwijzing.objects.filter(team__groep__user=self.request.user)
            .filter(Q(inburgeraar__in=zichtbare_dossiers(self.request)) | afgelopen)
            .annotate(afgelopen=ExpressionWrapper(afgelopen, output_field=BooleanField()))
        )
        return filter_gewijzigd_sinds(self.request, verwijzingen, "updated_at")


class UrenVeld(serializers.DecimalField):
    """Hours as the schema writes them: a string of digits with at most two decimals after a point, never
    negative (the schema's pattern, checked on the raw value so that the two cannot differ)."""

    # [0-9], not \d: Python's \d takes any Unicode digit ("١.٥"), ECMAScript's (the schema's) only 0-9.
    PATROON = r"^[0-9]{1,2}(?:\.[0-9]{1,2})?$"
    default_error_messages = {"invalid": _('Geef de uren als tekst met een punt, bijvoorbeeld "1.5".')}

    def __init__(self, **kwargs):
        super().__init__(max_digits=4, decimal_places=2, min_value=0, **kwargs)

    def to_internal_value(self, data):
        if heeft_andere_cijfers(data):
            raise serializers.ValidationError(
                _("%(veld)s: gebruik alleen de cijfers 0 tot en met 9.") % {"veld": veldnaam(self.label)},
                code="cijfers",
            )
        if not isinstance(data, str) or not re.fullmatch(self.PATROON, data):
            self.fail("invalid")
        return super().to_internal_value(data)


extend_schema_field({"type": "string", "format": "decimal", "pattern": UrenVeld.PATROON})(UrenVeld)


def _urenregels(pad: str) -> list[Bedrijfsregel]:
    """The rules `services.uren_fouten` checks for one line of hours, at `pad` (`regels[0].` or nothing)."""
    return [
        Bedrijfsregel("uren_nul", f"{pad}uren", "Vul meer dan 0 uren in."),
        Bedrijfsregel("meer_dan_24", f"{pad}uren", "Meer dan 24 uur op één dag kan niet."),
        Bedrijfsregel("geen_kwartier", f"{pad}uren", "Vul uren in kwartieren in: 0,25, 0,5, 0,75 enzovoort."),
        Bedrijfsregel(
            "dagtotaal_boven_24", f"{pad}uren", "Samen 25 uur op 19-11-2026 voor deze persoon: meer dan 24 kan niet."
        ),
        Bedrijfsregel("toekomst", f"{pad}datum", "Uren van 24-11-2026 liggen in de toekomst."),
        datumregel(f"{pad}datum", "Datum"),
        Bedrijfsregel(
            "geen_verwijzing_op_datum", f"{pad}datum", "Op 01-11-2026 liep er geen verwijzing naar uw organisatie."
        ),
    ]


class UrenregistratieSerializer(StrikteModelSerializer):
    dossier = serializers.IntegerField(source="inburgeraar_id")
    vervangt = serializers.IntegerField(source="vervangt_id", allow_null=True)

    class Meta:
        model = Urenregistratie
        fields = ["id", "dossier", "datum", "uren", "soort", "telt_voor_z_route", "notitie", "status", "vervangt"]
        extra_kwargs = {"uren": {"min_value": 0}}


class UrenRegelSerializer(StrikteModelSerializer):
    dossier = DossierVeld(source="inburgeraar")
    uren = UrenVeld(help_text=_("In kwartieren, meer dan 0 en samen hoogstens 24 per dag."))

    class Meta:
        model = Urenregistratie
        fields = ["dossier", "datum", "uren", "soort", "telt_voor_z_route", "notitie"]
        extra_kwargs = {"notitie": ONGETRIMD}


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
    bedrijfsregels = [dossier_onbekend("regels[0].dossier"), *_urenregels("regels[0].")]

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
                {
                    "regels": [
                        {veld: [serializers.ErrorDetail(bericht, code=bericht.code)] for veld, bericht in f.items()}
                        for f in fouten
                    ]
                }
            )
        nieuw = services.registreer_uren(door=self.request.user, regels=regels)
        return {"uren": UrenregistratieSerializer(nieuw, many=True).data}


class CorrectieSerializer(StrikteModelSerializer):
    uren = UrenVeld(help_text=_("In kwartieren, meer dan 0 en hoogstens 24."))
    reden = serializers.CharField(max_length=2000, help_text=_("Waarom de registratie niet klopte."), **ONGETRIMD)

    class Meta:
        model = Urenregistratie
        fields = ["uren", "soort", "telt_voor_z_route", "notitie", "reden"]
        extra_kwargs = {"notitie": ONGETRIMD}


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
    bedrijfsregels = [
        Bedrijfsregel(
            "al_beoordeeld",
            "",
            "Deze uren zijn al beoordeeld of gecorrigeerd; vraag de casusregisseur om een correctie.",
        ),
        Bedrijfsregel("reden_ontbreekt", "reden", "Geef de reden van de correctie."),
        *_urenregels(""),
    ]

    def get_queryset(self):
        return _eigen_uren(self.request)

    def post(self, request, *args, **kwargs):
        self.registratie = self.get_object()  # 404 for hours of another organisation or dossier
        return super().post(request, *args, **kwargs)

    def schrijf(self, gegevens):
        nieuw = services.vervang_ingediende_uren(door=self.request.user, registratie=self.registratie, **gegevens)
        return UrenregistratieSerializer(nieuw).data


class MeldingSerializer(StrikteModelSerializer):
    dossier = DossierVeld(source="inburgeraar")
    tekst = serializers.CharField(max_length=2000, **ONGETRIMD)

    class Meta:
        model = Melding
        fields = ["id", "dossier", "soort", "tekst", "created_at"]
        read_only_fields = ["id", "created_at"]


@extend_schema(tags=["meldingen"], parameters=[IDEMPOTENCY_PARAMETER], responses={201: MeldingSerializer})
class Meldingen(SchrijfView):
    """Een melding aan de casusregisseur (probleem, niet verschenen, vraag) over een verwezen dossier."""

    serializer_class = MeldingSerializer
    vereist_recht = "ontzorgen.add_melding"
    bedrijfsregels = [
        dossier_onbekend(),
        Bedrijfsregel("geen_verwijzing", "", "U heeft geen lopende verwijzing voor deze inburgeraar."),
        Bedrijfsregel("tekst_ontbreekt", "tekst", "Schrijf wat er aan de hand is."),
    ]

    def schrijf(self, gegevens):
        melding = services.maak_melding(door=self.request.user, **gegevens)
        return MeldingSerializer(melding, context=self.get_serializer_context()).data


urlpatterns = [
    path("dossiers", DossierLijst.as_view(), name="api_dossiers"),
    path("dossiers/<int:pk>", DossierDetail.as_view(), name="api_dossier"),
    path("verwijzingen", VerwijzingLijst.as_view(), name="api_verwijzingen"),
    path("uren", Uren.as_view(), name="api_uren"),
    path("uren/<int:pk>/correcties", UrenCorrectie.as_view(), name="api_uren_correctie"),
    path("meldingen", Meldingen.as_view(), name="api_meldingen"),
]
