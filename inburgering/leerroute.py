"""DUO's leerroute codes: the intake advises one, the PIP fixes one, the deadlines read it.

The PIP's niveau and alfabetiseringsonderwijs live here too, so the leerroutes app reads DUO's codes
from the core rather than from the PIP app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Leerroute(models.TextChoices):
    """PIP.openapi.yml, Leerroute."""

    B1 = "B", _("B1-route")
    ONDERWIJS = "O", _("Onderwijsroute")
    Z = "Z", _("Z-route")


class Niveau(models.TextChoices):
    """DUO's NiveauPip: only A2 and B1; the Z-route has none."""

    A2 = "A2", _("A2")
    B1 = "B1", _("B1")


class Alfabetisering(models.TextChoices):
    """DUO's codes (PIP.openapi.yml, Alfabetiseringsonderwijs)."""

    ANALFABEET = "A", _("Onderwijs voor analfabeet")
    ANDERS_GEALFABETISEERD = "AA", _("Onderwijs voor anders-gealfabetiseerde")
    NVT = "NVT", _("Niet van toepassing")
