from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    """Brede intake and leerbaarheidstoets."""

    name = "intake"
    verbose_name = _("Brede intake")

    def ready(self):
        from inburgering import dossier_documenten, dossier_secties, privacy, rollen
        from inburgering.duo import gebeurtenissen

        from . import documenten, duo_handlers, werkvoorraad
        from . import privacy as intake_privacy

        # DUO's leerbaarheidstoets events reach the intake through the core's registry (docs/duo.md).
        gebeurtenissen.registreer("SS137", handler=duo_handlers.aangemeld_voor_lbt)
        gebeurtenissen.registreer("SS131", handler=duo_handlers.lbt_uitslag)

        werkvoorraad.registreer()
        dossier_documenten.registreer("intake", documenten.documenten, recht="intake.view_bredeintake")
        privacy.registreer("intake", vernietig=intake_privacy.vernietig, exporteer=intake_privacy.exporteer)

        intake = ["view_bredeintake", "add_bredeintake", "change_bredeintake"]
        rollen.registreer(
            "intake",
            {
                rollen.CASUSREGISSEUR: intake,
                rollen.TEAMLEIDER: intake,
                # Health data is special-category data: an extra right on top of a role.
                rollen.GEZONDHEIDSGEGEVENS: ["gezondheid_verwerken"],
            },
        )
        dossier_secties.registreer(
            "intake",
            titel=_("Brede intake"),
            url_naam="intake:intake",
            recht="intake.view_bredeintake",
            volgorde=10,
            template="intake/_dossier_sectie.html",
        )
