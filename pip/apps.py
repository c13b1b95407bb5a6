from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipConfig(AppConfig):
    """The Plan Inburgering en Participatie as beschikking (step 3)."""

    name = "pip"
    verbose_name = _("Plan Inburgering en Participatie")

    def ready(self):
        from inburgering import dossier_documenten, dossier_secties, privacy

        from . import (
            documenten,
            indicatoren,  # noqa: F401  (registers the PIP's report figures with the core)
            werkvoorraad,
        )
        from . import privacy as pip_privacy

        werkvoorraad.registreer()
        dossier_secties.registreer("pip", _("PIP"), "pip", "pip.view_pip", 30)
        dossier_documenten.registreer("pip", documenten.documenten, recht="pip.view_pip")
        privacy.registreer("pip", vernietig=pip_privacy.vernietig, exporteer=pip_privacy.exporteer)
