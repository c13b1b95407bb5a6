"""Browser forms of the core. They validate and collect input; services do the writing."""

from django import forms
from django.contrib import messages
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.db.models import F, Q, Value
from django.db.models.functions import Concat
from django.forms.renderers import TemplatesSetting
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import atw, bsn_pogingen, services
from .bsn import ZICHTBARE_BSN_CIJFERS, normaliseer_bsn, valideer_bsn
from .fasen import Fase, RedenAfronding, RedenUitschrijving, Uitstroom, handmatige_fasen, redenen_afronding
from .invoer import Datumsoort, controleer_cijfers, controleer_datum, veldnaam
from .models import Doelgroep, Gemeente, Inburgeraar, Regime
from .permissions import INZIEN, WIJZIGEN, gemeenten_met_recht
from .queries import regisseurs_voor, regisseurs_voor_gebruiker

_WIDGET_KLASSE = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}


class FormRenderer(TemplatesSetting):
    """Render every field as an NL Design System form field with its error beside it."""

    field_template_name = "forms/veld.html"


# Fields whose typed text must use the digits 0-9 only: Python's int(), Decimal() and date parsing would
# read "١٢" as 12 (and a BSN field counts as one, by its name).
_CIJFERVELDEN = (
    forms.IntegerField,
    forms.DecimalField,
    forms.FloatField,
    forms.DateField,
    forms.DateTimeField,
    forms.TimeField,
)


def datumsoort(veld: forms.Field, soort: Datumsoort) -> None:
    """How far from today this date field's value may lie (UtrechtFormMixin checks it); a form's date
    field is a plan date unless it says otherwise, and a field named *geboortedatum* a birth date."""
    veld.datumsoort = soort


class UtrechtFormMixin:
    """Give each widget the NL Design System class that fits it, and refuse what typed input cannot mean:
    digits other than 0-9 in numbers, BSNs and dates, and dates outside the plausible range of their kind
    (inburgering.invoer), each with a Dutch message at the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            klasse = _WIDGET_KLASSE.get(type(veld.widget), "utrecht-textbox utrecht-textbox--html-input")
            veld.widget.attrs.setdefault("class", klasse)

    def _clean_fields(self):
        super()._clean_fields()
        for naam, veld in self.fields.items():
            if veld.disabled:
                continue
            label = veldnaam(veld.label or naam)
            if isinstance(veld, _CIJFERVELDEN) or "bsn" in naam:
                ruw = self[naam].data
                try:
                    for deel in ruw if isinstance(ruw, list | tuple) else [ruw]:
                        controleer_cijfers(deel, veld=label)
                except ValidationError as fout:
                    self._errors.pop(naam, None)  # this says why, rather than "enter a valid date"
                    self.add_error(naam, fout)
                    continue
            if naam in self._errors or not isinstance(veld, forms.DateField):
                continue
            standaard = Datumsoort.GEBOORTE if "geboortedatum" in naam else Datumsoort.PLAN
            try:
                controleer_datum(self.cleaned_data.get(naam), veld=label, soort=getattr(veld, "datumsoort", standaard))
            except ValidationError as fout:
                self.add_error(naam, fout)


def verplicht_als(veld: forms.Field, wanneer: str) -> None:
    """A field the form's clean() requires only in one case: its label says when ("verplicht bij
    afronden") instead of "niet verplicht", so the marker never contradicts the validation."""
    veld.verplicht_als = wanneer


class LoginForm(UtrechtFormMixin, AuthenticationForm):
    pass


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def niet_in_de_toekomst(datum, veldnaam):
    """Dates of facts that happened: today (Europe/Amsterdam) at the latest."""
    if datum and datum > timezone.localdate():
        raise forms.ValidationError(_("%(veld)s kan niet in de toekomst liggen.") % {"veld": veldnaam}, code="toekomst")
    return datum


def zet_fouten_op_form(form, fout: ValidationError) -> None:
    """Put a service's ValidationError on the form, by field where it names one."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)


def waarschuw_voor_vrije_dag(request, datum) -> None:
    """A date a person chose for planning on a Saturday, Sunday or holiday is accepted, and said out loud:
    the product itself never proposes one (inburgering/atw.py)."""
    tekst = atw.waarschuwing(datum)
    if tekst:
        messages.warning(request, tekst)


class DossierForm(UtrechtFormMixin, forms.ModelForm):
    """Person and koppeling details, for registering and for editing a dossier."""

    # Room for the dots and spaces people type ("1234.56.782"); clean_bsn removes them.
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=13,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    class Meta:
        model = Inburgeraar
        fields = [
            "bsn",
            "voornamen",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "doelgroep",
            "regime",
            "datum_koppeling",
            "datum_kennisgeving",
            "datum_vestiging",
            "azc",
            "taal",
            "tolk_nodig",
            "telefoon",
            "email",
            "adres",
        ]
        widgets = {
            "geboortedatum": DatumInput(),
            "datum_koppeling": DatumInput(),
            "datum_kennisgeving": DatumInput(),
            "datum_vestiging": DatumInput(),
        }
        help_texts = {
            "adres": _(
                "Het postadres waar brieven en beschikkingen heen gaan. Mag bij registratie leeg blijven; "
                "een brief wordt pas definitief met een adres."
            )
        }

    def __init__(self, *args, user, pagina: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.pagina = pagina  # where a refused BSN was typed, for the inzage log
        self.fields["doelgroep"].choices = [("", _("— kies de doelgroep —")), *Doelgroep.choices]
        # Empty only on a dossier DUO opened (it knows no birth dates); a person's form always asks it.
        self.fields["geboortedatum"].required = True
        # Facts of the dossier's history, which may lie further back than a plan (a Wi2013 dossier).
        for naam in ("datum_koppeling", "datum_kennisgeving", "datum_vestiging"):
            if naam in self.fields:
                datumsoort(self.fields[naam], Datumsoort.OVERIG)

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        valideer_bsn(bsn)
        if bsn == self.instance.bsn:
            return bsn
        if tot := bsn_pogingen.beperkt_tot(self.user):
            raise forms.ValidationError(bsn_pogingen.melding(tot), code="bsn_pogingen")
        bestaand = Inburgeraar.objects.filter(bsn=bsn).first()
        if bestaand is None:
            return bsn
        if Inburgeraar.objects.zichtbaar_voor(self.user, INZIEN).filter(pk=bestaand.pk).exists():
            # The user may open that dossier anyway: saying so gives nothing away and avoids a duplicate.
            raise forms.ValidationError(
                format_html(
                    _('Er bestaat al een dossier met dit BSN: <a href="{}" class="utrecht-link">{}</a>.'),
                    reverse("inburgering:dossier", args=[bestaand.pk]),
                    bestaand.naam,
                ),
                code="bsn_dubbel",
            )
        # Recorded (for the privacyfunctionaris and the team that holds the dossier) and counted before the
        # answer; past the limit this raises the limit's message instead.
        services.meld_geweigerd_bsn(door=self.user, inburgeraar=bestaand, pagina=self.pagina)
        # Neither where nor whose: the same words for every dossier the user may not see.
        raise forms.ValidationError(
            _(
                "Dit BSN kan hier niet worden gebruikt. Controleer het BSN; klopt het, neem dan contact op met "
                "de functioneel beheerder. Deze poging is vastgelegd."
            ),
            code="bsn_geweigerd",
        )

    def clean_geboortedatum(self):
        return niet_in_de_toekomst(self.cleaned_data["geboortedatum"], _("De geboortedatum"))

    def clean_datum_koppeling(self):
        return niet_in_de_toekomst(self.cleaned_data["datum_koppeling"], _("De datum koppeling"))

    def clean_datum_kennisgeving(self):
        return niet_in_de_toekomst(self.cleaned_data["datum_kennisgeving"], _("De datum kennisgeving"))

    def clean_datum_vestiging(self):
        return niet_in_de_toekomst(self.cleaned_data["datum_vestiging"], _("De datum vestiging"))

    def clean(self):
        cleaned = super().clean()
        geboren, koppeling = cleaned.get("geboortedatum"), cleaned.get("datum_koppeling")
        if geboren and koppeling and koppeling < geboren:
            self.add_error("datum_koppeling", _("De datum koppeling ligt vóór de geboortedatum."))
        return cleaned

    def _post_clean(self):
        # Services validate the model; the form must not write anything before that.
        pass


class RegistratieForm(DossierForm):
    """Registering a new dossier adds the gemeente, a regisseur and the household."""

    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=Gemeente.objects.none())
    regisseur = forms.ModelChoiceField(
        label=_("Casusregisseur"),
        queryset=None,
        required=False,
        help_text=_("Laat leeg om later toe te wijzen."),
    )
    huishouden_bsn = forms.CharField(
        label=_("Hoort bij het huishouden van (BSN)"),
        required=False,
        help_text=_("BSN van een huisgenoot die al een dossier heeft."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    aantal_minderjarige_kinderen = forms.IntegerField(
        label=_("Aantal minderjarige kinderen in het huishouden"), min_value=0, max_value=20, required=False
    )

    field_order = ["bsn", "voornamen", "tussenvoegsel", "achternaam", "geboortedatum", "gemeente", "doelgroep"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["gemeente"].queryset = gemeenten_met_recht(user, WIJZIGEN)
        self.fields["regisseur"].queryset = regisseurs_voor_gebruiker(user)
        self.order_fields(self.field_order)

    def clean_huishouden_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["huishouden_bsn"])
        if not bsn:
            return None
        huisgenoot = Inburgeraar.objects.zichtbaar_voor(self.user, WIJZIGEN).filter(bsn=bsn).first()
        if huisgenoot is None:
            raise forms.ValidationError(
                _("U heeft geen dossier met BSN %(bsn)s in beheer.") % {"bsn": bsn}, code="huisgenoot_onbekend"
            )
        return huisgenoot


class RegisseurForm(UtrechtFormMixin, forms.Form):
    regisseur = forms.ModelChoiceField(label=_("Casusregisseur"), queryset=None)

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = regisseurs_voor(inburgeraar.gemeente)
        self.fields["regisseur"].initial = inburgeraar.regisseur_id


class FaseForm(UtrechtFormMixin, forms.Form):
    fase = forms.ChoiceField(label=_("Nieuwe fase"))
    reden_uitschrijving = forms.ChoiceField(
        label=_("Reden uitschrijving"),
        choices=[("", _("— alleen bij uitschrijven —")), *RedenUitschrijving.choices],
        required=False,
    )
    reden_afronding = forms.ChoiceField(
        label=_("Reden afronding"),
        choices=[("", _("— alleen bij afronden —")), *RedenAfronding.choices],
        required=False,
    )
    uitstroom = forms.ChoiceField(
        label=_("Uitstroom"),
        choices=[("", _("— onbekend of niet van toepassing —")), *Uitstroom.choices],
        required=False,
        help_text=_("Alleen bij afronden of uitschrijven: gaat de persoon naar betaald werk of een opleiding?"),
    )

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        fasen = handmatige_fasen(inburgeraar.fase, inburgeraar.regime)
        # Nothing preselected: a fase change is a choice the regisseur makes, never a default.
        self.fields["fase"].choices = [("", _("— kies de nieuwe fase —")), *((f.value, f.label) for f in fasen)]
        verplicht_als(self.fields["reden_uitschrijving"], _("bij uitschrijven"))
        if Fase.AFGEROND not in fasen:
            del self.fields["reden_afronding"]
        else:
            redenen = [(r.value, r.label) for r in redenen_afronding(inburgeraar.fase)]
            self.fields["reden_afronding"].choices = [("", _("— alleen bij afronden —")), *redenen]
            verplicht_als(self.fields["reden_afronding"], _("bij afronden"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("fase") == Fase.UITGESCHREVEN and not cleaned.get("reden_uitschrijving"):
            self.add_error("reden_uitschrijving", _("Kies de reden van uitschrijving."))
        if cleaned.get("fase") == Fase.AFGEROND and not cleaned.get("reden_afronding"):
            self.add_error("reden_afronding", _("Kies de reden van afronding."))
        return cleaned


class OverdrachtForm(UtrechtFormMixin, forms.Form):
    naar = forms.ModelChoiceField(label=_("Naar gemeente"), queryset=Gemeente.objects.none())
    toelichting = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )
    bevestig = forms.BooleanField(
        label=_("Ik begrijp dat ons team na overdracht geen toegang meer heeft tot dit dossier."),
    )

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["naar"].queryset = Gemeente.objects.exclude(pk=inburgeraar.gemeente_id)


class CaseloadFilterForm(UtrechtFormMixin, forms.Form):
    SORTERINGEN = {
        "naam": ("achternaam", "voornamen", "pk"),
        "-naam": ("-achternaam", "-voornamen", "-pk"),
        "koppeling": ("datum_koppeling", "pk"),
        "-koppeling": ("-datum_koppeling", "-pk"),
        "fase": ("fase", "achternaam", "voornamen", "pk"),
        "-fase": ("-fase", "achternaam", "voornamen", "pk"),
        "gemeente": ("gemeente__naam", "achternaam", "voornamen", "pk"),
        "-gemeente": ("-gemeente__naam", "achternaam", "voornamen", "pk"),
        "doelgroep": ("doelgroep", "achternaam", "voornamen", "pk"),
        "-doelgroep": ("-doelgroep", "achternaam", "voornamen", "pk"),
        # The next open deadline, kept in the dossier's row: unknown deadlines first; dossiers without
        # one come last ascending and first descending (as NULL sorts in PostgreSQL), so the indexes
        # caseload_op_termijn(_aflopend) give these orders as they are.
        "termijn": (
            F("termijn_onbekend").desc(),
            F("volgende_termijn").asc(nulls_last=True),
            "achternaam",
            "voornamen",
            "pk",
        ),
        "-termijn": (
            F("termijn_onbekend").asc(),
            F("volgende_termijn").desc(nulls_first=True),
            "achternaam",
            "voornamen",
            "pk",
        ),
    }

    verberg_optioneel = True  # every filter is optional; saying so on each is noise

    q = forms.CharField(label=_("Naam, BSN of de laatste drie cijfers van het BSN"), required=False, max_length=100)
    gemeente = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Gemeente.objects.none(), required=False, empty_label=_("Alle gemeenten")
    )
    fase = forms.ChoiceField(label=_("Fase"), choices=[("", _("Alle fasen")), *Fase.choices], required=False)
    doelgroep = forms.ChoiceField(
        label=_("Doelgroep"), choices=[("", _("Alle doelgroepen")), *Doelgroep.choices], required=False
    )
    regime = forms.ChoiceField(label=_("Regime"), choices=[("", _("Beide regimes")), *Regime.choices], required=False)
    van = forms.ChoiceField(
        label=_("Dossiers"),
        choices=[("alle", _("Alle dossiers van het team")), ("mijn", _("Alleen mijn dossiers"))],
        required=False,
    )
    sorteer = forms.ChoiceField(choices=[(k, k) for k in SORTERINGEN], required=False, widget=forms.HiddenInput)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["gemeente"].queryset = gemeenten_met_recht(user, INZIEN)

    def filter(self, queryset):
        data = self.cleaned_data if self.is_valid() else {}
        volgorde = self.SORTERINGEN[data.get("sorteer") or "naam"]
        if zoekterm := (data.get("q") or "").strip():
            queryset = _zoek(queryset, zoekterm)
            volgorde = _volgorde_na_zoeken(volgorde, zoekterm)
        if data.get("gemeente"):
            queryset = queryset.filter(gemeente=data["gemeente"])
        if data.get("fase"):
            queryset = queryset.filter(fase=data["fase"])
        if data.get("doelgroep"):
            queryset = queryset.filter(doelgroep=data["doelgroep"])
        if data.get("regime"):
            queryset = queryset.filter(regime=data["regime"])
        if data.get("van") == "mijn":
            queryset = queryset.filter(regisseur=self.user)
        return queryset.order_by(*volgorde)


def _zoek(queryset, zoekterm: str):
    """A full BSN finds that one dossier; the three digits the list shows (`123` or `******123`) find the
    dossiers ending in them, within `queryset` only: the visible dossiers, so this reveals nothing new.
    Anything else searches the names, word by word."""
    zichtbaar_deel = zoekterm.strip().lstrip("*")
    if len(zichtbaar_deel) == ZICHTBARE_BSN_CIJFERS and zichtbaar_deel.isdigit():
        return queryset.filter(bsn__endswith=zichtbaar_deel)
    bsn = normaliseer_bsn(zoekterm)
    if len(bsn) == 9 and bsn.isdigit():
        return queryset.filter(bsn=bsn)
    for woord in zoekterm.split():
        queryset = queryset.filter(
            Q(voornamen__icontains=woord) | Q(achternaam__icontains=woord) | Q(tussenvoegsel__iexact=woord)
        )
    return queryset


# pg_trgm reads a word through the trigram indexes (migration 0026) from three characters on.
TRIGRAM = 3


def _volgorde_na_zoeken(volgorde, zoekterm: str):
    """The same order by name, on an expression that no index holds, once the search narrows by trigram.

    Searching names and sorting by name go badly together in PostgreSQL's planner: a common name's
    matches bunch together in the name order (every "Yilmaz" near the end), yet the planner takes
    them as spread evenly, walks the name index and tests row after row, reading most dossiers
    before a page is full (0.4 s at 200,000). Without that index it fetches the matches through the
    trigram indexes and sorts them: time in step with the matches. The order is the same: `achternaam
    || ''` sorts as `achternaam`. Words shorter than TRIGRAM narrow nothing and match nearly every
    row, which the index walk finds fastest; other sort orders do not bunch by name."""
    eerste, *rest = volgorde
    if eerste not in ("achternaam", "-achternaam") or not any(len(w) >= TRIGRAM for w in zoekterm.split()):
        return volgorde
    achternaam = Concat("achternaam", Value(""))
    return (achternaam.desc() if eerste.startswith("-") else achternaam.asc(), *rest)


class SignalenFilterForm(UtrechtFormMixin, forms.Form):
    verberg_optioneel = True

    van = forms.ChoiceField(
        label=_("Signalen"),
        choices=[("mijn", _("Van mijn dossiers")), ("team", _("Van alle dossiers van het team"))],
        required=False,
    )
    alleen_verlopen = forms.BooleanField(
        label=_("Alleen termijnen waarvan de uiterste datum is bereikt"), required=False
    )

    def filter(self, queryset, user, *, standaard_van: str):
        data = self.cleaned_data if self.is_valid() else {}
        if (data.get("van") or standaard_van) == "mijn":
            queryset = queryset.filter(termijn__inburgeraar__regisseur=user)
        if data.get("alleen_verlopen"):
            queryset = queryset.filter(niveau=0, uiterste_datum__isnull=False)
        return queryset


class AfhandelForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Reden van afhandeling"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Bijvoorbeeld: het PIP is verstuurd, de termijn is besproken met DUO. De reden blijft bij het signaal."
        ),
    )


class UitstelForm(UtrechtFormMixin, forms.Form):
    tot = forms.DateField(label=_("Uitstellen tot"), widget=DatumInput)
    reden = forms.CharField(
        label=_("Reden van uitstel"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: wacht op een reactie van de inburgeraar. De reden blijft bij het signaal."),
    )
