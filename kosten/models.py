"""Contract prices, interpreter bookings and the cost lines that are not derived from other apps' records.

Derived costs (lesuren, modules, ontzorgen months, begeleiding hours, interpreters) are computed when
read (`bronnen.py`, `berekening.py`), so they always follow what is registered. Stored here are only
what cannot be derived: a manual line with its reason, and the anonymous totals left by a destroyed
dossier (`Kostenpost`).
"""

from auditlog.registry import auditlog

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.models import Gemeente, Inburgeraar, Regio


class Voorziening(models.TextChoices):
    """The inburgeringsvoorzieningen paid from the SPUK, as the SiSa accounting asks for them."""

    TAAL_B1 = "taal_b1", _("Taalonderwijs B1-route")
    Z_ROUTE = "z_route", _("Z-route")
    TAALSCHAKELTRAJECT = "taalschakeltraject", _("Taalschakeltraject (onderwijsroute)")
    MAP = "map", _("MAP")
    PVT = "pvt", _("PVT")
    BEGELEIDING = "maatschappelijke_begeleiding", _("Maatschappelijke begeleiding")
    ONTZORGEN = "ontzorgen", _("Financieel ontzorgen")
    TOLK = "tolk", _("Tolk")


class Eenheid(models.TextChoices):
    LESUUR = "lesuur", _("per lesuur")
    UUR = "uur", _("per uur")
    MODULE = "module", _("per module")
    TRAJECT = "traject", _("per traject")
    MAAND = "maand", _("per maand")
    INZET = "inzet", _("per inzet")


# What each voorziening is counted in: the unit the registered records give.
EENHEDEN: dict[str, tuple[str, ...]] = {
    Voorziening.TAAL_B1: (Eenheid.LESUUR,),
    Voorziening.Z_ROUTE: (Eenheid.LESUUR,),
    Voorziening.TAALSCHAKELTRAJECT: (Eenheid.TRAJECT,),
    Voorziening.MAP: (Eenheid.MODULE,),
    Voorziening.PVT: (Eenheid.MODULE,),
    Voorziening.BEGELEIDING: (Eenheid.UUR,),
    Voorziening.ONTZORGEN: (Eenheid.MAAND,),
    Voorziening.TOLK: (Eenheid.INZET, Eenheid.UUR),
}


class Contractprijs(models.Model):
    """What a gemeente or regio pays an aanbieder for one voorziening, over a period."""

    aanbieder = models.ForeignKey(
        "leerroutes.Aanbieder",
        verbose_name=_("aanbieder"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contractprijzen",
        help_text=_("Leeg: het tarief voor elke aanbieder zonder eigen prijs (zoals de eigen begeleiders)."),
    )
    voorziening = models.CharField(_("product"), max_length=30, choices=Voorziening.choices)
    eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid.choices)
    prijs = models.DecimalField(_("prijs in euro"), max_digits=9, decimal_places=2)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vul een gemeente of een regio in. Een prijs van de gemeente gaat voor die van de regio."),
    )
    regio = models.ForeignKey(
        Regio, verbose_name=_("regio"), on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    geldig_van = models.DateField(_("geldig vanaf"))
    geldig_tot = models.DateField(_("geldig tot en met"), null=True, blank=True, help_text=_("Leeg: zonder einde."))

    class Meta:
        verbose_name = _("contractprijs")
        verbose_name_plural = _("contractprijzen")
        ordering = ["voorziening", "aanbieder__naam", "-geldig_van"]
        constraints = [
            models.CheckConstraint(
                condition=Q(gemeente__isnull=True, regio__isnull=False) | Q(gemeente__isnull=False, regio__isnull=True),
                name="contractprijs_gemeente_of_regio",
            ),
            models.CheckConstraint(condition=Q(prijs__gte=0), name="contractprijs_niet_negatief"),
        ]

    def __str__(self):
        return (
            f"{self.aanbieder or _('Elke aanbieder')} – {self.get_voorziening_display()} {self.get_eenheid_display()}"
        )

    @property
    def gebied(self):
        return self.gemeente or self.regio

    def clean(self):
        fouten = {}
        if bool(self.gemeente_id) == bool(self.regio_id):
            fouten["gemeente"] = _("Vul een gemeente of een regio in, niet allebei.")
        if self.voorziening and self.eenheid and self.eenheid not in EENHEDEN[self.voorziening]:
            toegestaan = ", ".join(str(Eenheid(e).label) for e in EENHEDEN[self.voorziening])
            fouten["eenheid"] = _("%(product)s heeft een prijs %(eenheden)s.") % {
                "product": Voorziening(self.voorziening).label,
                "eenheden": toegestaan,
            }
        if self.geldig_van and self.geldig_tot and self.geldig_tot < self.geldig_van:
            fouten["geldig_tot"] = _("De einddatum ligt vóór de begindatum.")
        if fouten:
            raise ValidationError(fouten)
        overlap = self.overlappend().first()
        if overlap:
            raise ValidationError(
                _(
                    "Er is al een contractprijs voor %(aanbieder)s, %(product)s in %(gebied)s van %(van)s tot "
                    "en met %(tot)s. Perioden van dezelfde aanbieder, hetzelfde product en dezelfde gemeente "
                    "of regio mogen niet overlappen: laat de oude prijs eerder eindigen."
                )
                % {
                    "aanbieder": overlap.aanbieder or _("elke aanbieder"),
                    "product": overlap.get_voorziening_display(),
                    "gebied": overlap.gebied,
                    "van": opmaak.datum(overlap.geldig_van),
                    "tot": opmaak.datum(overlap.geldig_tot) if overlap.geldig_tot else _("zonder einde"),
                }
            )

    def overlappend(self):
        """Prices of the same aanbieder, product and gemeente or regio whose period meets this one's."""
        andere = Contractprijs.objects.filter(
            aanbieder=self.aanbieder_id, voorziening=self.voorziening, gemeente=self.gemeente_id, regio=self.regio_id
        ).exclude(pk=self.pk)
        if self.geldig_tot:
            andere = andere.filter(geldig_van__lte=self.geldig_tot)
        return andere.filter(Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=self.geldig_van))


class Gesprek(models.TextChoices):
    INTAKE = "intakegesprek", _("Intakegesprek")
    PIP = "pip_gesprek", _("PIP-gesprek")
    VOORTGANG = "voortgangsgesprek", _("Voortgangsgesprek")


class Tolkwijze(models.TextChoices):
    FYSIEK = "fysiek", _("Ter plaatse")
    TELEFOON = "telefoon", _("Telefonisch")
    VIDEO = "video", _("Video")


class Tolkinzet(models.Model):
    """An interpreter booked for one conversation with the inburgeraar; its price is fixed at booking."""

    inburgeraar = models.ForeignKey(
        Inburgeraar, verbose_name=_("inburgeraar"), on_delete=models.CASCADE, related_name="tolkinzetten"
    )
    gesprek = models.CharField(_("gesprek"), max_length=20, choices=Gesprek.choices)
    datum = models.DateField(_("datum gesprek"))
    taal = models.CharField(_("taal"), max_length=60, help_text=_("De taal die de tolk spreekt, zoals Tigrinya."))
    wijze = models.CharField(_("hoe"), max_length=10, choices=Tolkwijze.choices)
    aanbieder = models.ForeignKey(
        "leerroutes.Aanbieder", verbose_name=_("tolkaanbieder"), on_delete=models.PROTECT, related_name="tolkinzetten"
    )
    duur_minuten = models.PositiveSmallIntegerField(_("duur in minuten"), default=60)
    eenheid = models.CharField(_("eenheid"), max_length=10, choices=Eenheid.choices)
    bedrag = models.DecimalField(_("kosten in euro"), max_digits=9, decimal_places=2)
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("geboekt door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("geboekt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("tolkinzet")
        verbose_name_plural = _("tolkinzetten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["inburgeraar", "datum"]), models.Index(fields=["datum"])]

    def __str__(self):
        return f"{self.get_gesprek_display()} {opmaak.datum(self.datum)} ({self.taal})"


class Kostenpost(models.Model):
    """A cost line that is not derived: entered by hand with a reason, or the anonymous rest of a destroyed dossier."""

    class Soort(models.TextChoices):
        HANDMATIG = "handmatig", _("Handmatig")
        VERNIETIGD = "vernietigd", _("Van vernietigde dossiers (anoniem)")
        # Kept apart from the priced uses, so that a voorziening's quantity still matches its contract amount.
        VERNIETIGD_HANDMATIG = "vernietigd_handmatig", _("Met de hand geboekt, van vernietigde dossiers (anoniem)")

    inburgeraar = models.ForeignKey(
        Inburgeraar,
        verbose_name=_("inburgeraar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="kostenposten",
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices, default=Soort.HANDMATIG)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De gemeente die op de datum van de kosten verantwoordelijk was."),
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    datum = models.DateField(_("datum"), null=True, blank=True)
    voorziening = models.CharField(_("voorziening"), max_length=30, choices=Voorziening.choices)
    hoeveelheid = models.DecimalField(_("hoeveelheid"), max_digits=9, decimal_places=2, default=0)
    bedrag = models.DecimalField(_("bedrag in euro"), max_digits=11, decimal_places=2)
    personen = models.PositiveIntegerField(
        _("personen"), default=0, help_text=_("Alleen bij vernietigde dossiers: hoeveel personen achter het bedrag.")
    )
    reden = models.TextField(_("reden"), blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("door"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("kostenpost")
        verbose_name_plural = _("kostenposten")
        ordering = ["-datum", "-pk"]
        indexes = [models.Index(fields=["gemeente", "jaar"]), models.Index(fields=["inburgeraar", "datum"])]

    def __str__(self):
        return f"{self.get_voorziening_display()} {self.jaar}: € {self.bedrag}"


for _model in (Contractprijs, Tolkinzet, Kostenpost):
    auditlog.register(_model)
