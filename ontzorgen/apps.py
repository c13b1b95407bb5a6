from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntzorgenConfig(AppConfig):
    """Financieel ontzorgen, verwijzingen and maatschappelijke begeleiding."""

    name = "ontzorgen"
    verbose_name = _("Ontzorgen en begeleiding")

    def ready(self):
        from inburgering import dossier_secties, navigatie, privacy, rollen
        from inburgering.signals import dossier_verlaten

        from . import (
            indicatoren,  # noqa: F401  (registers the report figures with the core)
            werkvoorraad,
        )
        from . import privacy as ontzorgen_privacy
        from .handlers import beeindig_verwijzingen

        dossier_verlaten.connect(beeindig_verwijzingen, dispatch_uid="ontzorgen.beeindig_verwijzingen")
        werkvoorraad.registreer()
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
        # The regisseur's view of referrals, ontzorgen and the begeleiders' hours.
        dossier_secties.registreer(
            "ontzorgen",
            titel=_("Ontzorgen en begeleiding"),
            url_naam="ontzorgen:ontzorgen_dossier",
            recht="ontzorgen.view_verwijzing",
            volgorde=40,
        )
        navigatie.registreer_menu(
            "ontzorgen:mijn_inburgeraars",
            titel=_("Mijn inburgeraars"),
            recht="ontzorgen.begeleiding_inzien",
            volgorde=40,
        )
        navigatie.registreer_menu(
            "ontzorgen:uren_week", titel=_("Uren invullen"), recht="ontzorgen.add_urenregistratie", volgorde=50
        )
        navigatie.registreer_menu(
            "ontzorgen:uren_beoordelen", titel=_("Uren beoordelen"), recht="ontzorgen.uren_beoordelen", volgorde=60
        )
        # A begeleider has no caseload: login lands on the referred inburgeraars.
        navigatie.registreer_startpagina(
            "ontzorgen:mijn_inburgeraars",
            titel=_("Mijn inburgeraars"),
            recht="ontzorgen.begeleiding_inzien",
            volgorde=30,
            uitleg=_("De inburgeraars die naar uw organisatie zijn doorverwezen staan onder"),
        )
