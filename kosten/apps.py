from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KostenConfig(AppConfig):
    """Costs per voorziening for the SPUK accounting (SiSa): contract prices, interpreters, the cost report.

    The app sits above the other domain apps: it reads what they registered (hours, modules, months) and
    prices it; none of them imports it.
    """

    name = "kosten"
    verbose_name = _("Kosten en tolken")

    def ready(self):
        from inburgering import privacy

        from . import privacy as kosten_privacy

        # First: the anonymous totals are taken while the other apps' records still exist.
        privacy.registreer("kosten", vernietig=kosten_privacy.vernietig, exporteer=kosten_privacy.exporteer, volgorde=0)
