"""Translated explanation pages for the PIP beschikking, kept per language: for every gemeente by the
applicatiebeheerder, and per gemeente by the functioneel beheerder of the organisatie serving it, whose
own text goes first.

The Dutch beschikking is the legal text; a page in the person's own language only explains it. The texts
may name a few facts of the letter through placeholders ({regisseur}, {telefoon}, {kenmerk},
{bezwaar_uiterlijk}), filled in when the beschikking is rendered.
"""

import re

from auditlog.registry import auditlog

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import talen

PLAATSHOUDERS = ("regisseur", "telefoon", "kenmerk", "bezwaar_uiterlijk")
PLAATSHOUDER = re.compile(r"\{(\w*)\}")
_HULP_PLAATSHOUDERS = _("Mag {regisseur}, {telefoon}, {kenmerk} en {bezwaar_uiterlijk} bevatten.")


class ToelichtingQuerySet(models.QuerySet):
    def voor_taal(self, voorkeurstaal: str, gemeente=None) -> "Toelichting | None":
        """The explanation in a person's voorkeurstaal (a code or a name): the gemeente's own, else the one for
        every gemeente; None when there is none."""
        code = talen.taalcode(voorkeurstaal or "")
        if not code or code == "nl":
            return None
        return (
            self.filter(models.Q(gemeente=gemeente) | models.Q(gemeente__isnull=True), taal=code)
            .order_by(models.F("gemeente").asc(nulls_last=True))
            .first()
        )


class Toelichting(models.Model):
    gemeente = models.ForeignKey(
        "inburgering.Gemeente",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg: voor elke gemeente zonder eigen toelichting in deze taal."),
    )
    taal = models.CharField(
        _("taal"),
        max_length=2,
        choices=talen.taalkeuzes,
        help_text=_("ISO 639-1-code; de schrijfrichting (van rechts naar links voor Arabisch, Perzisch) volgt eruit."),
    )
    titel = models.CharField(_("titel"), max_length=200, help_text=_("Kop van de uitlegpagina, in deze taal."))
    rechtsgeldigheid = models.TextField(
        _("verklaring: de Nederlandse brief is het besluit"),
        help_text=_("In deze taal: alleen de Nederlandse beschikking geldt; deze pagina legt haar alleen uit."),
    )
    uitleg_pip = models.TextField(_("wat het PIP betekent"), help_text=_HULP_PLAATSHOUDERS)
    uitleg_bezwaar = models.TextField(_("bezwaar maken, in gewone woorden"), help_text=_HULP_PLAATSHOUDERS)
    uitleg_regisseur = models.TextField(_("zo bereikt u uw regisseur"), help_text=_HULP_PLAATSHOUDERS)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = ToelichtingQuerySet.as_manager()

    class Meta:
        verbose_name = _("vertaalde toelichting")
        verbose_name_plural = _("vertaalde toelichtingen")
        ordering = ["taal"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "taal"], name="toelichting_per_gemeente_per_taal"),
            models.UniqueConstraint(
                fields=["taal"], condition=models.Q(gemeente__isnull=True), name="toelichting_algemeen_per_taal"
            ),
        ]

    def __str__(self):
        return talen.naam(self.taal)

    @property
    def richting(self) -> str:
        return talen.richting(self.taal)

    def clean(self):
        fouten = {}
        for veld in ("uitleg_pip", "uitleg_bezwaar", "uitleg_regisseur"):
            onbekend = sorted(set(PLAATSHOUDER.findall(getattr(self, veld))) - set(PLAATSHOUDERS))
            if onbekend:
                fouten[veld] = _("Onbekende plaatshouder %(namen)s; toegestaan zijn %(toegestaan)s.") % {
                    "namen": ", ".join(f"{{{naam}}}" for naam in onbekend),
                    "toegestaan": ", ".join(f"{{{naam}}}" for naam in PLAATSHOUDERS),
                }
        if fouten:
            raise ValidationError(fouten)


auditlog.register(Toelichting)
