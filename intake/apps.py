from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    """Brede intake and leerbaarheidstoets (step 2)."""

    name = "intake"
    verbose_name = _("Brede intake")

    def ready(self):
        from inburgering import privacy

        from . import privacy as intake_privacy

        privacy.registreer("intake", vernietig=intake_privacy.vernietig, exporteer=intake_privacy.exporteer)
