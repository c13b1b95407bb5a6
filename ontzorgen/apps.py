from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntzorgenConfig(AppConfig):
    """Financieel ontzorgen, verwijzingen and maatschappelijke begeleiding (step 5)."""

    name = "ontzorgen"
    verbose_name = _("Ontzorgen en begeleiding")

    def ready(self):
        from inburgering import privacy, rollen
        from inburgering.signals import dossier_verlaten

        from . import indicatoren  # noqa: F401  (registers the report figures with the core)
        from . import privacy as ontzorgen_privacy
        from .handlers import beeindig_verwijzingen

        dossier_verlaten.connect(beeindig_verwijzingen, dispatch_uid="ontzorgen.beeindig_verwijzingen")
        privacy.registreer("ontzorgen", vernietig=ontzorgen_privacy.vernietig, exporteer=ontzorgen_privacy.exporteer)

        # Referrals, ontzorgen and approving a begeleider's hours.
        regie = [
            "view_verwijzing",
            "add_verwijzing",
            "change_verwijzing",
            "view_ontzorging",
            "add_ontzorging",
            "change_ontzorging",
            "view_urenregistratie",
            "uren_beoordelen",
            "view_melding",
            "change_melding",
        ]
        # A begeleider reaches referred dossiers only, through this app's limited pages; a partner system
        # does the same through the API.
        begeleiding = ["begeleiding_inzien", "add_urenregistratie", "add_melding"]
        rollen.registreer(
            "ontzorgen",
            {
                rollen.CASUSREGISSEUR: regie,
                rollen.TEAMLEIDER: regie,
                rollen.BEGELEIDER: begeleiding,
                rollen.PARTNERSYSTEEM: begeleiding,
            },
        )
