"""The registry of indicators: the core and each domain app add theirs when Django starts."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Onderwerp(models.TextChoices):
    """The dashboard's sections, in this order."""

    INSTROOM = "instroom", _("Instroom en brede intake")
    PIP = "pip", _("Plan Inburgering en Participatie")
    LEERROUTES = "leerroutes", _("Leerroutes")
    MAP_PVT = "map_pvt", _("MAP en PVT")
    ONTZORGEN = "ontzorgen", _("Ontzorgen en begeleiding")
    VOORTGANG = "voortgang", _("Voortgang")
    UITSTROOM = "uitstroom", _("Afronding en uitstroom")


@dataclass(frozen=True)
class Indicator:
    sleutel: str
    onderwerp: Onderwerp
    volgorde: int
    bereken: Callable


_REGISTER: dict[str, Indicator] = {}


def registreer(sleutel: str, *, onderwerp: Onderwerp, volgorde: int = 50):
    """Decorator: add `bereken(selectie) -> list[Rij]` to the dashboard. Registering a key again replaces it."""

    def decorator(bereken):
        _REGISTER[sleutel] = Indicator(sleutel, Onderwerp(onderwerp), volgorde, bereken)
        return bereken

    return decorator


def indicatoren() -> list[Indicator]:
    volgorde = list(Onderwerp)
    return sorted(_REGISTER.values(), key=lambda i: (volgorde.index(i.onderwerp), i.volgorde, i.sleutel))
