from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntzorgenConfig(AppConfig):
    """Financieel ontzorgen, verwijzingen and maatschappelijke begeleiding (step 5)."""

    name = "ontzorgen"
    verbose_name = _("Ontzorgen en begeleiding")

    def ready(self):
        from inburgering import dossier_secties, privacy
        from inburgering.signals import dossier_verlaten

        from . import (
            indicatoren,  # noqa: F401  (registers the report figures with the core)
            werkvoorraad,
        )
        from . import privacy as ontzorgen_privacy
        from .handlers import beeindig_verwijzingen

        dossier_verlaten.connect(beeindig_verwijzingen, dispatch_uid="ontzorgen.beeindig_verwijzingen")
        werkvoorraad.registreer()
        dossier_secties.registreer(
            "ontzorgen", _("Ontzorgen en begeleiding"), "ontzorgen_dossier", "ontzorgen.view_verwijzing", 50
        )
        privacy.registreer("ontzorgen", vernietig=ontzorgen_privacy.vernietig, exporteer=ontzorgen_privacy.exporteer)
