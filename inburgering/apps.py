from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InburgeringConfig(AppConfig):
    name = "inburgering"
    verbose_name = _("Inburgering")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(_sync_rollen, sender=self)


def _sync_rollen(**kwargs):
    from .rollen import sync_rollen

    sync_rollen()
