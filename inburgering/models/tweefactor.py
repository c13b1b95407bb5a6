"""The one-time code a beheerder hands out before someone may set up an authenticator app.

A password alone must not be enough to bind a second factor to an account: whoever has the password
would otherwise enrol their own phone. Only the code's SHA-256 is kept; the beheerder sees it once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import opmaak


class Koppelcode(models.Model):
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("gebruiker"), on_delete=models.CASCADE, related_name="koppelcodes"
    )
    code_hash = models.CharField(_("SHA-256 van de code"), max_length=64, unique=True, editable=False)
    uitgegeven_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uitgegeven door"),
        on_delete=models.PROTECT,
        null=True,  # the very first beheerder gets a code from the command line
        related_name="+",
    )
    uitgegeven_op = models.DateTimeField(_("uitgegeven op"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("verloopt op"))
    gebruikt_op = models.DateTimeField(_("gebruikt op"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppelcode")
        verbose_name_plural = _("koppelcodes")
        ordering = ["-uitgegeven_op", "-pk"]
        indexes = [
            models.Index(fields=["gebruiker"], condition=models.Q(gebruikt_op__isnull=True), name="koppelcode_open_idx")
        ]

    def __str__(self):
        return f"Koppelcode van {self.gebruiker} ({opmaak.datum(self.uitgegeven_op)})"
