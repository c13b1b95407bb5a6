from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KostenConfig(AppConfig):
    """Costs per voorziening for the SPUK accounting (SiSa): contract prices, interpreters, the cost report.

    The app sits above the other domain apps: it reads what they registered (hours, modules, months) and
    prices it; none of them imports it.
    """

    name = "kosten"
    verbose_name = _("Kosten en tolken")

    def ready(self):
        from inburgering import dossier_secties, navigatie, privacy, rollen

        from . import privacy as kosten_privacy

        # First: the anonymous totals are taken while the other apps' records still exist.
        privacy.registreer("kosten", vernietig=kosten_privacy.vernietig, exporteer=kosten_privacy.exporteer, volgorde=0)

        # Interpreters and manual cost lines on a dossier; contract prices are kept by functioneel beheer.
        regie = ["view_tolkinzet", "add_tolkinzet", "view_kostenpost", "add_kostenpost"]
        rollen.registreer(
            "kosten",
            {
                rollen.CASUSREGISSEUR: regie,
                rollen.TEAMLEIDER: regie,
                rollen.FUNCTIONEEL_BEHEERDER: ["view_contractprijs", "add_contractprijs", "change_contractprijs"],
            },
        )
        dossier_secties.registreer(
            "kosten",
            titel=_("Tolken en kosten"),
            url_naam="kosten:kosten_dossier",
            recht="kosten.view_kostenpost",
            volgorde=50,
        )
        navigatie.registreer_menu(
            "kosten:kostenrapport", titel=_("Kosten (SPUK)"), recht="inburgering.rapportages_inzien", volgorde=105
        )
