"""Days a Royal Decree equated with the public holidays (Algemene termijnenwet art. 3 lid 3).

The holidays of art. 3 lid 1 and Goede Vrijdag (lid 2) are rules in inburgering/atw.py; the days of a
decree are data, kept by the functioneel beheerder in /beheer/ when the next decree is published (one
every three years, in the Staatscourant). The table is small: the Atw reads it whole, once per process.
"""

from auditlog.registry import auditlog

from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import opmaak


class GelijkgesteldeDag(models.Model):
    datum = models.DateField(_("datum"), unique=True)
    besluit = models.CharField(
        _("besluit"),
        max_length=300,
        help_text=_(
            "De titel van het koninklijk besluit dat deze dag met een algemeen erkende feestdag gelijkstelt "
            "(Algemene termijnenwet art. 3 lid 3), zoals gepubliceerd in de Staatscourant."
        ),
    )

    class Meta:
        verbose_name = _("met een feestdag gelijkgestelde dag")
        verbose_name_plural = _("met een feestdag gelijkgestelde dagen")
        ordering = ["datum"]

    def __str__(self):
        return opmaak.datum(self.datum)


auditlog.register(GelijkgesteldeDag)
