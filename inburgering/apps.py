from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class InburgeringConfig(AppConfig):
    name = "inburgering"
    verbose_name = _("Inburgering")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)

        post_migrate.connect(_sync_rollen, sender=self)


def _sync_rollen(using="default", **kwargs):
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from .rollen import sync_rollen

    # Roles name permissions of apps migrated after this one: create them all first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_rollen()
