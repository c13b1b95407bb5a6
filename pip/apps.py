from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipConfig(AppConfig):
    """The Plan Inburgering en Participatie as beschikking."""

    name = "pip"
    verbose_name = _("Plan Inburgering en Participatie")

    def ready(self):
        from inburgering import dossier_documenten, dossier_secties, navigatie, privacy, rollen

        from . import (
            documenten,
            indicatoren,  # noqa: F401  (registers the PIP's report figures with the core)
            werkvoorraad,
        )
        from . import privacy as pip_privacy

        werkvoorraad.registreer()
        dossier_documenten.registreer("pip", documenten.documenten, recht="pip.view_pip")
        privacy.registreer("pip", vernietig=pip_privacy.vernietig, exporteer=pip_privacy.exporteer)

        # The PIP, its voortgangsgesprekken and handhaving.
        pip = [
            "view_pip",
            "add_pip",
            "change_pip",
            "view_voortgangsgesprek",
            "add_voortgangsgesprek",
            "view_handhaving",
            "add_handhaving",
            "view_overleg",
            "add_overleg",
        ]
        rollen.registreer(
            "pip",
            {
                rollen.CASUSREGISSEUR: pip,
                rollen.TEAMLEIDER: pip,
                # A begeleider joins the PIP-team's overleg and sees on its agenda only the dossiers referred to
                # the team.
                rollen.BEGELEIDER: ["view_overleg"],
                # The translated explanation pages of the beschikking: per gemeente (the beheerder of the
                # organisatie serving it), and for every gemeente (the applicatiebeheerder).
                rollen.FUNCTIONEEL_BEHEERDER: ["view_toelichting", "add_toelichting", "change_toelichting"],
                rollen.APPLICATIEBEHEERDER: ["view_toelichting", "add_toelichting", "change_toelichting"],
            },
        )
        dossier_secties.registreer(
            "pip",
            titel=_("PIP"),
            url_naam="pip:pip",
            recht="pip.view_pip",
            volgorde=20,
            template="pip/_dossier_sectie.html",
        )
        navigatie.registreer_menu(
            "overleggen:overleggen", titel=_("Casuïstiekoverleg"), recht="pip.view_overleg", volgorde=25
        )
