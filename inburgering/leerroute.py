"""DUO's leerroute codes: the intake advises one, the PIP fixes one, the deadlines read it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Leerroute(models.TextChoices):
    """PIP.openapi.yml, Leerroute."""

    B1 = "B", _("B1-route")
    ONDERWIJS = "O", _("Onderwijsroute")
    Z = "Z", _("Z-route")
