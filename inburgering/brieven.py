"""What every letter to the inburgeraar needs before it can be final: somewhere to send it.

A beschikking or other letter is made final (fixed, stored, or chosen to be sent) by the apps' services;
each asks here first, so no final letter exists without the postal address it goes to.
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _


def heeft_adres(inburgeraar) -> bool:
    return bool((inburgeraar.adres or "").strip())


def adres_veld_url(inburgeraar) -> str:
    """The address field on the dossier's form, where the regisseur fills it in."""
    return reverse("inburgering:dossier_wijzigen", args=[inburgeraar.pk]) + "#id_adres"


def adres_ontbreekt(inburgeraar) -> SafeString | None:
    """The message (with a link to the field) when the dossier has no postal address; None when it has one."""
    if heeft_adres(inburgeraar):
        return None
    return format_html(
        '{} <a class="utrecht-link" href="{}">{}</a>',
        _("Een brief wordt pas definitief met het postadres van de inburgeraar, en dat ontbreekt."),
        adres_veld_url(inburgeraar),
        _("Vul het adres in bij de gegevens van het dossier."),
    )
