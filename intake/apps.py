from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    """Brede intake and leerbaarheidstoets (step 2)."""

    name = "intake"
    verbose_name = _("Brede intake")

    def ready(self):
        from inburgering import dossier_documenten, dossier_secties, privacy
        from inburgering.duo import gebeurtenissen

        from . import documenten, duo, werkvoorraad
        from . import privacy as intake_privacy

        # DUO's leerbaarheidstoets events reach the intake through the core's registry (DESIGN.md).
        gebeurtenissen.registreer("SS137", handler=duo.aangemeld_voor_lbt)
        gebeurtenissen.registreer("SS131", handler=duo.lbt_uitslag)

        werkvoorraad.registreer()
        dossier_secties.registreer("intake", _("Brede intake"), "intake", "intake.view_bredeintake", 20)
        dossier_documenten.registreer("intake", documenten.documenten, recht="intake.view_bredeintake")
        privacy.registreer("intake", vernietig=intake_privacy.vernietig, exporteer=intake_privacy.exporteer)
