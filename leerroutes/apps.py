from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerroutesConfig(AppConfig):
    """Leerroutes, aanbieders, examens, MAP and PVT."""

    name = "leerroutes"
    verbose_name = _("Leerroutes")

    def ready(self):
        from inburgering import dossier_secties, navigatie, privacy, rollen
        from inburgering.duo import gebeurtenissen

        from . import (
            duo_handlers,
            indicatoren,  # noqa: F401  (registers the leerroutes' report figures with the core)
        )
        from . import privacy as leerroutes_privacy

        gebeurtenissen.registreer("SS199", handler=duo_handlers.examenresultaten)  # DUO's exam results
        privacy.registreer("leerroutes", vernietig=leerroutes_privacy.vernietig, exporteer=leerroutes_privacy.exporteer)

        # Aanbod, deelname, examens, MAP, PVT and their groups; the aanbieders are kept by functioneel beheer.
        regie = [
            f"{actie}_{model}"
            for model in ("inburgeringsaanbod", "deelname", "examen", "activiteit", "afronding", "groep", "sessie")
            for actie in ("view", "add")
        ] + ["delete_deelname", "change_groep", "view_aanbieder"]
        rollen.registreer(
            "leerroutes",
            {
                rollen.CASUSREGISSEUR: regie,
                rollen.TEAMLEIDER: regie,
                rollen.FUNCTIONEEL_BEHEERDER: ["view_aanbieder", "add_aanbieder", "change_aanbieder"],
                # A partner system reports through the API what the partner's people would report.
                rollen.PARTNERSYSTEEM: ["add_deelname", "add_examen"],
            },
        )
        dossier_secties.registreer(
            "leerroute",
            titel=_("Leerroute"),
            url_naam="leerroutes:leerroute",
            recht="leerroutes.view_deelname",
            volgorde=30,
            template="leerroutes/_dossier_sectie.html",
        )
        navigatie.registreer_menu(
            "groepen:groepen", titel=_("Groepen PVT en MAP"), recht="leerroutes.view_groep", volgorde=90
        )
