"""The dossier's root (Inburgeraar), its household and the per-dossier object permissions."""

from auditlog.registry import auditlog
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..bsn import maskeer_bsn, valideer_bsn
from ..fasen import Fase, RedenAfronding, RedenUitschrijving, Uitstroom
from ..leerroute import Leerroute
from ..termijnen import Soort as TermijnSoort
from .organisatie import Gemeente


class Huishouden(models.Model):
    """The household an inburgeraar lives in; other inburgeraars of it are linked to the same row."""

    aantal_minderjarige_kinderen = models.PositiveSmallIntegerField(_("aantal minderjarige kinderen"), default=0)
    toelichting = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")

    def __str__(self):
        return _("Huishouden %(nummer)s") % {"nummer": self.pk}


class Doelgroep(models.TextChoices):
    """DUO's gedetailleerde doelgroep (Inburgeringsplicht.openapi.yml, GedetailleerdeDoelgroep)."""

    ASIELSTATUSHOUDER = "Asielstatushouder", _("Asielstatushouder")
    GEESTELIJK_BEDIENAAR = "Geestelijk bedienaar", _("Geestelijk bedienaar")
    GEZINSHERENIGER = "Gezinshereniger", _("Gezinshereniger")
    GEZINSHERENIGER_ASIEL = "Gezinshereniger met Asielstatushouder", _("Gezinshereniger met asielstatushouder")
    GEZINSVORMER = "Gezinsvormer", _("Gezinsvormer")
    GEZINSVORMER_ASIEL = "Gezinsvormer met Asielstatushouder", _("Gezinsvormer met asielstatushouder")
    OVERIG = "Overig", _("Overig")


class Regime(models.TextChoices):
    WI2021 = "wi2021", _("Wet inburgering 2021")
    WI2013 = "wi2013", _("Wet inburgering 2013 (ondertussen-groep)")


# DUO's codes of the exam parts (ExamenonderdeelOntheffingInburgering), as its vrijstellingen and
# ontheffingen name them.
EXAMENONDERDELEN_DUO = {
    "LE": _("Lezen"),
    "LU": _("Luisteren"),
    "SC": _("Schrijven"),
    "SP": _("Spreken"),
    "KNM": _("Kennis van de Nederlandse Maatschappij"),
}


class InburgeraarQuerySet(models.QuerySet):
    def zichtbaar_voor(self, user, perm="dossiers_inzien"):
        """The one way a list reaches dossiers: see inburgering.permissions."""
        from ..permissions import zichtbare_dossiers

        return zichtbare_dossiers(self, user, perm)


class Inburgeraar(models.Model):
    """The dossier's root: the person, the gemeente responsible now, and where the case stands."""

    # Empty (NULL) only once the dossier is destroyed: unique wherever it is set.
    bsn = models.CharField(_("BSN"), max_length=9, unique=True, null=True, validators=[valideer_bsn])
    voornamen = models.CharField(_("voornamen"), max_length=200)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200)
    # Empty when DUO opened the dossier (a notification carries no birth date) or it was destroyed.
    geboortedatum = models.DateField(_("geboortedatum"), null=True, blank=True)
    doelgroep = models.CharField(
        _("doelgroep"),
        max_length=40,
        choices=Doelgroep.choices,
        help_text=_("De gedetailleerde doelgroep zoals DUO die vaststelt."),
    )
    regime = models.CharField(
        _("regime"),
        max_length=10,
        choices=Regime.choices,
        default=Regime.WI2021,
        help_text=_(
            "Wie voor 1 januari 2022 inburgeringsplichtig werd, valt onder de Wet inburgering 2013 "
            "(overgangsrecht, Wi2021 art. 54): geen PIP, de inburgeringstermijn is die van DUO."
        ),
    )
    gemeente = models.ForeignKey(
        Gemeente, verbose_name=_("gemeente"), on_delete=models.PROTECT, related_name="inburgeraars"
    )
    regisseur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("casusregisseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="caseload",
    )
    fase = models.CharField(_("fase"), max_length=20, choices=Fase.choices, default=Fase.AANGEMELD)
    reden_uitschrijving = models.CharField(
        _("reden uitschrijving"), max_length=20, choices=RedenUitschrijving.choices, blank=True
    )
    reden_afronding = models.CharField(_("reden afronding"), max_length=20, choices=RedenAfronding.choices, blank=True)
    uitstroom = models.CharField(
        _("uitstroom"),
        max_length=20,
        choices=Uitstroom.choices,
        blank=True,
        help_text=_("Bij afronden of uitschrijven: naar betaald werk of een reguliere opleiding. Leeg is onbekend."),
    )
    datum_einde = models.DateField(
        _("einde dossier"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De dag waarop het dossier werd afgerond of uitgeschreven; de bewaartermijn telt hiervandaan."),
    )
    huishouden = models.ForeignKey(
        Huishouden,
        verbose_name=_("huishouden"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leden",
    )
    # Koppeling / warme overdracht.
    datum_koppeling = models.DateField(
        _("datum koppeling"), help_text=_("De dag dat COA de persoon aan de gemeente koppelde, of de aanmelding.")
    )
    azc = models.CharField(_("AZC"), max_length=100, blank=True, help_text=_("Het AZC waar de persoon nu woont."))
    taal = models.CharField(_("voorkeurstaal"), max_length=50, blank=True)
    tolk_nodig = models.BooleanField(_("tolk nodig"), default=False)
    telefoon = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    adres = models.CharField(_("adres"), max_length=200, blank=True)
    # Milestone dates that deadlines are computed from (docs/architecture.md: facts on the dossier itself).
    datum_kennisgeving = models.DateField(
        _("datum kennisgeving DUO"), null=True, blank=True, help_text=_("Dagtekening van DUO's kennisgeving.")
    )
    datum_vestiging = models.DateField(
        _("datum vestiging in gemeente"), null=True, blank=True, help_text=_("Inschrijving in de BRP.")
    )
    datum_eerste_intakegesprek = models.DateField(
        _("datum eerste intakegesprek"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Het eerste gesprek van de brede intake; de intake schrijft deze datum."),
    )
    # Further milestones, each written by the service of the app where the fact happens and read by
    # the deadlines (inburgering/termijnen.py). None means: the fact has not happened (yet).
    datum_pip_termijn_herstart = models.DateField(
        _("herstart termijn PIP (DUO)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("DUO meldde (SS139) dat de termijn voor het vaststellen van het PIP opnieuw begon."),
    )
    wacht_op_derden_sinds = models.DateField(
        _("wacht op informatie van derden sinds"), null=True, blank=True, editable=False
    )
    informatie_derden_ontvangen_op = models.DateField(
        _("informatie van derden ontvangen op"), null=True, blank=True, editable=False
    )
    datum_eerste_pip = models.DateField(
        _("dagtekening eerste PIP"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De inburgeringstermijn begint de dag erna en verschuift nooit (Wi2021 art. 11)."),
    )
    datum_huidige_pip = models.DateField(
        _("dagtekening huidige PIP"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Het PIP of de wijzigingsbeschikking die nu geldt."),
    )
    datum_laatste_bekendmaking = models.DateField(
        _("laatste beschikking verzonden op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De bezwaartermijn van zes weken begint de dag erna (Awb 6:7, 6:8)."),
    )
    datum_laatste_voortgangsgesprek = models.DateField(
        _("laatste voortgangsgesprek"), null=True, blank=True, editable=False
    )
    leerroute = models.CharField(
        _("leerroute"),
        max_length=1,
        choices=Leerroute.choices,
        blank=True,
        editable=False,
        help_text=_("De leerroute van het huidige PIP."),
    )
    voortgangsgesprek_maanden = models.PositiveSmallIntegerField(
        _("voortgangsgesprek elke (maanden)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De frequentie uit het huidige PIP; zonder PIP geldt de norm van de gemeente."),
    )
    datum_einde_termijn_duo = models.DateField(
        _("einde inburgeringstermijn volgens DUO"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("DUO's einddatum, met verlengingen; gaat voor de berekende datum."),
    )
    # DUO's own dates (inburgering/duo/verwerking.py writes them): where DUO gives one, it is the truth.
    duo_begindatum_plicht = models.DateField(
        _("begin inburgeringsplicht volgens DUO"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("DUO's begindatum van de inburgeringsplicht; de dagtekening van het PIP ligt niet eerder."),
    )
    duo_startdatum_termijn = models.DateField(
        _("start inburgeringstermijn volgens DUO"), null=True, blank=True, editable=False
    )
    duo_opschorting_van = models.DateField(
        _("tijdelijke vrijstelling DUO vanaf"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lopende termijnen staan stil vanaf deze dag (DUO's tijdelijke vrijstelling)."),
    )
    duo_opschorting_tot = models.DateField(
        _("tijdelijke vrijstelling DUO tot en met"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Na deze dag lopen de termijnen weer, verlengd met de duur van de vrijstelling."),
    )
    duo_vrijgestelde_onderdelen = models.CharField(
        _("vrijgestelde examenonderdelen volgens DUO"),
        max_length=60,
        blank=True,
        editable=False,
        help_text=_("Onderdelen met een gedeeltelijke vrijstelling of ontheffing van DUO, zoals LE,KNM."),
    )
    lesuren_gevolgd = models.PositiveIntegerField(
        _("gevolgde lesuren"),
        default=0,
        editable=False,
        help_text=_("Taalles en KNM samen, volgens de deelname die de leerroute registreert; afschalen leest dit."),
    )
    datum_map_afgerond = models.DateField(_("MAP afgerond op"), null=True, blank=True, editable=False)
    datum_pvt_afgerond = models.DateField(_("PVT afgerond op"), null=True, blank=True, editable=False)
    datum_start_bijstand = models.DateField(
        _("bijstand sinds"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("De dag dat het recht op bijstand ingaat; financieel ontzorgen begint niet eerder."),
    )
    datum_einde_bijstand = models.DateField(_("bijstand beëindigd op"), null=True, blank=True, editable=False)
    datum_start_ontzorgen = models.DateField(_("start financieel ontzorgen"), null=True, blank=True, editable=False)
    datum_gepland_einde_ontzorgen = models.DateField(
        _("gepland einde financieel ontzorgen"), null=True, blank=True, editable=False
    )
    datum_einde_ontzorgen = models.DateField(
        _("financieel ontzorgen afgebouwd op"), null=True, blank=True, editable=False
    )
    # The PIP-team's agreements (pip/overleg.py writes them): the earliest open agreement with a due date,
    # or, once every one is done, the last one and when it was done.
    datum_afspraak_overleg = models.DateField(
        _("datum overleg van de eerstvolgende afspraak"), null=True, blank=True, editable=False
    )
    datum_afspraak_uiterlijk = models.DateField(
        _("eerstvolgende afspraak uiterlijk"), null=True, blank=True, editable=False
    )
    datum_afspraak_nagekomen = models.DateField(_("afspraken nagekomen op"), null=True, blank=True, editable=False)
    # Retention (inburgering/privacy/vernietiging.py): a legal hold keeps a closed dossier off the
    # vernietigingslijst; a destroyed dossier keeps only what the reports count.
    blokkade_reden = models.TextField(
        _("reden blokkade vernietiging"),
        blank=True,
        help_text=_("Legal hold: zolang hier een reden staat, wordt het dossier niet vernietigd."),
    )
    blokkade_sinds = models.DateField(_("blokkade sinds"), null=True, blank=True, editable=False)
    vernietigd_op = models.DateField(
        _("vernietigd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Persoonsgegevens en documenten zijn vernietigd; alleen anonieme gegevens voor statistiek resten."),
    )
    # The next open deadline, kept in the dossier's own row by the recompute of its termijnen
    # (services.synchroniseer_termijnen), so the caseload filters and sorts without a join.
    volgende_termijn = models.DateField(_("volgende termijn"), null=True, blank=True, editable=False)
    volgende_termijn_soort = models.CharField(
        _("soort volgende termijn"), max_length=30, choices=TermijnSoort.choices, blank=True, editable=False
    )
    termijn_onbekend = models.BooleanField(
        _("termijn onbekend"),
        default=False,
        editable=False,
        help_text=_("Een wettelijke termijn loopt, maar een gegeven om hem te berekenen ontbreekt."),
    )
    # When the termijnen were last computed; a dossier changed after that (updated_at) is recomputed by
    # the nightly run, which so only touches what changed.
    termijnen_bijgewerkt_op = models.DateTimeField(_("termijnen bijgewerkt op"), null=True, editable=False)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    objects = InburgeraarQuerySet.as_manager()

    class Meta:
        verbose_name = _("inburgeraar")
        verbose_name_plural = _("inburgeraars")
        ordering = ["achternaam", "voornamen", "pk"]
        permissions = [("historie_inzien", _("Wijzigingshistorie van dossiers inzien"))]
        # The caseload's search has trigram indexes on PostgreSQL only, outside the state: migration 0028.
        indexes = [
            models.Index(fields=["gemeente", "fase"]),
            # The caseload's and the reports' filter on the ondertussen-groep.
            models.Index(fields=["regime", "gemeente"]),
            # The nightly run: the few dossiers with a DUO pause, whose suspension moves with the day.
            models.Index(
                fields=["duo_opschorting_van", "duo_opschorting_tot"],
                condition=models.Q(duo_opschorting_van__isnull=False),
                name="dossier_duo_opschorting",
            ),
            models.Index(fields=["regisseur", "fase"]),
            models.Index(fields=["achternaam", "voornamen"]),
            models.Index(fields=["datum_koppeling"]),
            models.Index(
                fields=["datum_einde"], condition=models.Q(vernietigd_op__isnull=True), name="dossier_bewaren"
            ),
            # Reports count ended dossiers per gemeente and period.
            models.Index(fields=["gemeente", "datum_einde"]),
            # The caseload sorted by deadline, both ways (CaseloadFilterForm.SORTERINGEN): an index scan
            # in the page's order that stops after one page, whatever the number of dossiers. Plain ASC
            # and DESC (SQLite knows no NULLS in an index): PostgreSQL's defaults, NULLS LAST ascending
            # and NULLS FIRST descending, are what the sort asks for.
            models.Index(
                models.F("termijn_onbekend").desc(),
                "volgende_termijn",
                "achternaam",
                "voornamen",
                "id",
                name="caseload_op_termijn",
            ),
            models.Index(
                models.F("termijn_onbekend").asc(),
                models.F("volgende_termijn").desc(),
                "achternaam",
                "voornamen",
                "id",
                name="caseload_op_termijn_aflopend",
            ),
            # The nightly run's share: dossiers whose facts changed since their termijnen were computed.
            models.Index(
                fields=["id"],
                condition=models.Q(termijnen_bijgewerkt_op__isnull=True)
                | models.Q(updated_at__gt=models.F("termijnen_bijgewerkt_op")),
                name="termijnen_verouderd",
            ),
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("inburgering:dossier", args=[self.pk])

    @property
    def naam(self) -> str:
        return " ".join(deel for deel in (self.voornamen, self.tussenvoegsel, self.achternaam) if deel)

    @property
    def bsn_gemaskeerd(self) -> str:
        return maskeer_bsn(self.bsn) if self.bsn else ""

    @property
    def is_asielstatushouder(self) -> bool:
        return self.doelgroep == Doelgroep.ASIELSTATUSHOUDER

    @property
    def vrijgestelde_codes(self) -> list[str]:
        """DUO's partially exempt exam parts, by DUO's code (LE, LU, SC, SP, KNM)."""
        return [code for code in self.duo_vrijgestelde_onderdelen.split(",") if code]

    @property
    def vrijgestelde_onderdelen(self) -> list[str]:
        """DUO's partially exempt exam parts, by name: what the dossier no longer needs."""
        return [str(EXAMENONDERDELEN_DUO.get(code, code)) for code in self.vrijgestelde_codes]

    def dagen_sinds_koppeling(self, vandaag=None) -> int:
        return ((vandaag or timezone.localdate()) - self.datum_koppeling).days


class InburgeraarUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Inburgeraar, on_delete=models.CASCADE)


class InburgeraarGroupObjectPermission(GroupObjectPermissionBase):
    """Per-dossier access for a partner's team, granted by a verwijzing (referral)."""

    content_object = models.ForeignKey(Inburgeraar, on_delete=models.CASCADE)


auditlog.register(Inburgeraar)
auditlog.register(Huishouden)
