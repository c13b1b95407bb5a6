"""The PIP-team's casuïstiekoverleg (seeds 000_…: "Het PIP-team komt regelmatig bijeen om casuïstiek te
bespreken. Op afroep kunnen andere partijen aansluiten.").

A regisseur plans an overleg with the ketenpartners' people, puts dossiers on its agenda, and records per
dossier what was discussed and the agreements made, each with an owner and a due date. An agreement
with a due date becomes a deadline of the dossier (milestone dates on `Inburgeraar`, see
pip/overleg.py) and so a signaal.
"""

from auditlog.registry import auditlog

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.models import Inburgeraar


class Overleg(models.Model):
    datum = models.DateField(_("datum"))
    tijd = models.TimeField(_("tijd"), null=True, blank=True)
    locatie = models.CharField(_("locatie"), max_length=200, blank=True, help_text=_("Een zaal of een videolink."))
    voorzitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voorzitter"),
        on_delete=models.PROTECT,
        related_name="voorgezeten_overleggen",
        help_text=_("De regisseur die het overleg plant en het verslag vastlegt."),
    )
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("deelnemers"),
        related_name="overleggen",
        blank=True,
        help_text=_("Collega's en mensen van ketenpartners. Een partner ziet alleen de naar hem verwezen dossiers."),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("casuïstiekoverleg")
        verbose_name_plural = _("casuïstiekoverleggen")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["voorzitter", "-datum"])]

    def __str__(self):
        return _("Casuïstiekoverleg PIP-team van %(datum)s") % {"datum": opmaak.datum(self.datum)}


class Agendapunt(models.Model):
    overleg = models.ForeignKey(
        Overleg, verbose_name=_("overleg"), on_delete=models.CASCADE, related_name="agendapunten"
    )
    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="agendapunten"
    )
    vraag = models.TextField(_("bespreekpunt"), blank=True, help_text=_("Wat de regisseur wil bespreken."))
    besproken = models.TextField(_("besproken"), blank=True, help_text=_("Wat er in het overleg is besproken."))
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["overleg", "inburgeraar"], name="agendapunt_per_dossier")]

    def __str__(self):
        return f"{self.overleg} – {self.inburgeraar_id}"


class Afspraak(models.Model):
    agendapunt = models.ForeignKey(
        Agendapunt, verbose_name=_("agendapunt"), on_delete=models.CASCADE, related_name="afspraken"
    )
    # The dossier itself as well: its deadline and destruction look agreements up per dossier.
    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="afspraken_overleg"
    )
    omschrijving = models.TextField(_("afspraak"))
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.PROTECT,
        related_name="afspraken_overleg",
        help_text=_("Wie de afspraak uitvoert: de voorzitter of een deelnemer."),
    )
    uiterlijk = models.DateField(
        _("uiterlijk"), null=True, blank=True, help_text=_("Met een datum wordt de afspraak een termijn met signaal.")
    )
    afgerond_op = models.DateField(_("afgerond op"), null=True, blank=True)
    afgerond_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgerond door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("afspraak uit casuïstiekoverleg")
        verbose_name_plural = _("afspraken uit casuïstiekoverleg")
        ordering = ["pk"]
        indexes = [
            models.Index(
                fields=["inburgeraar", "uiterlijk"],
                condition=models.Q(afgerond_op__isnull=True),
                name="afspraak_open_per_dossier",
            )
        ]

    def __str__(self):
        return self.omschrijving[:60]


auditlog.register(Overleg)
auditlog.register(Agendapunt)
auditlog.register(Afspraak)
