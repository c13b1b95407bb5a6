"""The partner API of the leerroute: deelname (batch of attendance) and examenresultaten.

Thin: serializers check the shape, leerroutes.services checks DUO's rules and writes (with the
tijdlijn and the lesuren milestone), and every dossier is reached through the core's visibility rule.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers

from django.urls import path
from django.utils.translation import gettext_lazy as _

from inburgering.api.basis import ONGETRIMD, DossierVeld, dossier_onbekend
from inburgering.api.invoer import StrikteModelSerializer, datumregel
from inburgering.api.schema import Bedrijfsregel
from inburgering.api.schrijven import IDEMPOTENCY_PARAMETER, SchrijfView, alles_of_niets

from . import services
from .models import Deelname, Examen

MAX_REGELS = 500


class DeelnameSerializer(StrikteModelSerializer):
    dossier = DossierVeld(source="inburgeraar")

    class Meta:
        model = Deelname
        fields = [
            "id",
            "dossier",
            "periode_van",
            "periode_tot",
            "lesuren",
            "knm_uren",
            "afwezig_uren",
            "reden_afwezigheid",
        ]
        read_only_fields = ["id"]
        extra_kwargs = {
            **{f: {"max_value": 10_000} for f in ("lesuren", "knm_uren", "afwezig_uren")},
            "reden_afwezigheid": ONGETRIMD,
        }


class DeelnameBatchSerializer(serializers.Serializer):
    regels = DeelnameSerializer(many=True, allow_empty=False, max_length=MAX_REGELS)


class DeelnameBatchAntwoordSerializer(serializers.Serializer):
    deelnames = DeelnameSerializer(many=True)


@extend_schema(
    tags=["deelname"],
    request=DeelnameBatchSerializer,
    responses={201: DeelnameBatchAntwoordSerializer},
    parameters=[IDEMPOTENCY_PARAMETER],
)
class Deelnames(SchrijfView):
    """Gevolgde lesuren, uren KNM en afwezigheid per periode, voor veel dossiers tegelijk.

    Alles of niets: elke regel wordt gecontroleerd; bevat één regel een fout, dan wordt niets opgeslagen
    en noemt het antwoord elke fout met zijn pad, bijv. `regels[3].periode_tot`."""

    serializer_class = DeelnameBatchSerializer
    vereist_recht = "leerroutes.add_deelname"
    bedrijfsregels = [
        dossier_onbekend("regels[0].dossier"),
        Bedrijfsregel("einde_voor_begin", "regels[0].periode_tot", "Het einde van de periode ligt vóór het begin."),
        datumregel("regels[0].periode_van"),
        datumregel("regels[0].periode_tot", "Periode tot"),
        Bedrijfsregel(
            "toekomst", "regels[0].periode_van", "Deelname legt u vast als de periode begonnen is, niet vooraf."
        ),
        Bedrijfsregel("reden_ontbreekt", "regels[0].reden_afwezigheid", "Vul de reden van de afwezigheid in."),
        Bedrijfsregel("geen_uren", "regels[0].lesuren", "Vul de gevolgde uren of de uren afwezig in."),
    ]

    def schrijf(self, gegevens):
        def registreer(regel):
            regel = dict(regel)
            inburgeraar = regel.pop("inburgeraar")
            return services.registreer_deelname(door=self.request.user, inburgeraar=inburgeraar, gegevens=regel)

        deelnames = alles_of_niets(gegevens["regels"], registreer)
        return {"deelnames": DeelnameSerializer(deelnames, many=True, context=self.get_serializer_context()).data}


class ExamenresultaatSerializer(StrikteModelSerializer):
    dossier = DossierVeld(source="inburgeraar")

    class Meta:
        model = Examen
        fields = ["id", "dossier", "onderdeel", "examendatum", "niveau", "resultaat", "reden_geen_resultaat"]
        read_only_fields = ["id"]
        extra_kwargs = {
            "niveau": {"help_text": _("Leeg bij KNM.")},
            "reden_geen_resultaat": {"help_text": _("Alleen bij resultaat 'Geen'.")},
        }


@extend_schema(
    tags=["examenresultaten"],
    parameters=[IDEMPOTENCY_PARAMETER],
    responses={201: ExamenresultaatSerializer},
)
class Examenresultaten(SchrijfView):
    """Het resultaat van één examenonderdeel, met DUO's codes (Examen.openapi.yml)."""

    serializer_class = ExamenresultaatSerializer
    vereist_recht = "leerroutes.add_examen"
    bedrijfsregels = [
        dossier_onbekend(),
        Bedrijfsregel("toekomst", "examendatum", "Een resultaat legt u vast na het examen, niet ervoor."),
        datumregel("examendatum", "Examendatum"),
        Bedrijfsregel("knm_niveau", "niveau", "KNM heeft geen niveau. Laat het niveau leeg."),
        Bedrijfsregel("niveau_ontbreekt", "niveau", "Kies het niveau van dit examen."),
        Bedrijfsregel("reden_ontbreekt", "reden_geen_resultaat", "Kies waarom er geen resultaat is."),
        Bedrijfsregel(
            "reden_bij_resultaat", "reden_geen_resultaat", "Een reden hoort alleen bij 'geen resultaat'. Laat dit leeg."
        ),
    ]

    def schrijf(self, gegevens):
        gegevens = dict(gegevens)
        inburgeraar = gegevens.pop("inburgeraar")
        examen = services.leg_examen_vast(door=self.request.user, inburgeraar=inburgeraar, gegevens=gegevens)
        return ExamenresultaatSerializer(examen, context=self.get_serializer_context()).data


urlpatterns = [
    path("deelnames", Deelnames.as_view(), name="api_deelnames"),
    path("examenresultaten", Examenresultaten.as_view(), name="api_examenresultaten"),
]
