from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntzorgenConfig(AppConfig):
    """Financieel ontzorgen, verwijzingen and maatschappelijke begeleiding (step 5)."""

    name = "ontzorgen"
    verbose_name = _("Ontzorgen en begeleiding")
