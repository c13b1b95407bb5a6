from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerroutesConfig(AppConfig):
    """Leerroutes, aanbieders, examens, MAP and PVT (step 4)."""

    name = "leerroutes"
    verbose_name = _("Leerroutes")

    def ready(self):
        from inburgering import dossier_secties, privacy
        from inburgering.duo import gebeurtenissen

        from . import (
            duo_handlers,
            indicatoren,  # noqa: F401  (registers the leerroutes' report figures with the core)
        )
        from . import privacy as leerroutes_privacy

        gebeurtenissen.registreer("SS199", handler=duo_handlers.examenresultaten)  # DUO's exam results
        dossier_secties.registreer("leerroute", _("Leerroute"), "leerroute", "leerroutes.view_deelname", 40)
        privacy.registreer("leerroutes", vernietig=leerroutes_privacy.vernietig, exporteer=leerroutes_privacy.exporteer)
