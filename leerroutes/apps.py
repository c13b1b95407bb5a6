from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerroutesConfig(AppConfig):
    """Leerroutes, aanbieders, examens, MAP and PVT (step 4)."""

    name = "leerroutes"
    verbose_name = _("Leerroutes")
