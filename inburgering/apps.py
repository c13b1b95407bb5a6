from django.apps import AppConfig, apps
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class InburgeringConfig(AppConfig):
    name = "inburgering"
    verbose_name = _("Inburgering")

    def ready(self):
        from . import (
            atw,
            checks,  # noqa: F401  (registers the system checks)
            dossier_documenten,
            dossier_secties,
            queries,
            werkvoorraad_kern,
        )
        from .duo import tasks, verwerking  # noqa: F401  (registers the DUO tasks and the core's event handlers)
        from .models import GelijkgesteldeDag
        from .rapportage import kern  # noqa: F401  (registers the core's indicators)

        # The Atw reads the days a decree equated with the holidays from the table, and forgets its copy
        # when one is saved or deleted (inburgering/atw.py).
        atw.registreer_lader(queries.gelijkgestelde_dagen)
        post_save.connect(_feestdagen_gewijzigd, sender=GelijkgesteldeDag, dispatch_uid="atw-opgeslagen")
        post_delete.connect(_feestdagen_gewijzigd, sender=GelijkgesteldeDag, dispatch_uid="atw-verwijderd")

        werkvoorraad_kern.registreer_kern()
        dossier_secties.registreer_kern()
        dossier_documenten.registreer_kern()
        post_migrate.connect(_sync_rollen)


def _sync_rollen(app_config, **kwargs):
    """Roles name permissions of every domain app, so sync them once the last app has its own."""
    from .rollen import sync_rollen

    met_modellen = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is met_modellen[-1]:
        sync_rollen()


def _feestdagen_gewijzigd(**kwargs):
    from . import atw

    atw.vergeet()
