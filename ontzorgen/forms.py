"""Browser forms of ontzorgen. They collect and check input; the services write."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from inburgering import opmaak
from inburgering.forms import DatumInput, UtrechtFormMixin, verplicht_als
from inburgering.models import Organisatie, Team

from . import services
from .models import Aanbieder, Dienst, Melding, Ondersteuningsniveau, Ontzorging, Urensoort, VasteLast, Verwijzing

DAGEN = 7


class VerwijzingForm(UtrechtFormMixin, forms.Form):
    team = forms.ModelChoiceField(label=_("Partner"), queryset=Team.objects.none())
    dienst = forms.ChoiceField(label=_("Dienst"), choices=[("", _("— kies de dienst —")), *Dienst.choices])
    startdatum = forms.DateField(label=_("Startdatum"), widget=DatumInput())
    einddatum = forms.DateField(
        label=_("Einddatum"), required=False, widget=DatumInput(), help_text=_("De laatste dag; leeg is zonder einde.")
    )
    toelichting = forms.CharField(
        label=_("Toelichting voor de partner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisatie__soort=Organisatie.Soort.PARTNER).select_related(
            "organisatie"
        )

    def clean(self):
        cleaned = super().clean()
        start, einde = cleaned.get("startdatum"), cleaned.get("einddatum")
        if start and einde and einde < start:
            self.add_error("einddatum", _("De einddatum ligt vóór de startdatum."))
        return cleaned


class VerwijzingBeeindigenForm(UtrechtFormMixin, forms.Form):
    verwijzing = forms.ModelChoiceField(label=_("Verwijzing"), queryset=Verwijzing.objects.none())
    reden = forms.CharField(label=_("Reden van beëindiging"), max_length=1000)

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verwijzing"].queryset = inburgeraar.verwijzingen.filter(beeindigd=False)


class BijstandStartForm(UtrechtFormMixin, forms.Form):
    startdatum = forms.DateField(
        label=_("Bijstand vanaf"), widget=DatumInput(), help_text=_("De dag dat het recht op bijstand ingaat.")
    )


class BijstandEindeForm(UtrechtFormMixin, forms.Form):
    einddatum = forms.DateField(
        label=_("Bijstand beëindigd op"), widget=DatumInput(), help_text=_("De laatste dag met recht op bijstand.")
    )


class OntzorgingForm(UtrechtFormMixin, forms.Form):
    startdatum = forms.DateField(
        label=_("Startdatum"), widget=DatumInput(), help_text=_("De dag dat het recht op bijstand ingaat.")
    )
    geplande_einddatum = forms.DateField(
        label=_("Geplande einddatum"),
        required=False,
        widget=DatumInput(),
        help_text=_("Leeg: het minimum aantal maanden na de startdatum."),
    )
    datum_machtiging = forms.DateField(label=_("Datum machtiging ondertekend"), required=False, widget=DatumInput())
    leefgeld = forms.DecimalField(label=_("Leefgeld (€)"), min_value=0, max_digits=8, decimal_places=2, localize=True)
    leefgeld_frequentie = forms.ChoiceField(label=_("Leefgeld wordt betaald"), choices=Ontzorging.Frequentie.choices)

    def clean_datum_machtiging(self):
        datum = self.cleaned_data["datum_machtiging"]
        if datum and datum > timezone.localdate():
            raise forms.ValidationError(_("De datum machtiging kan niet in de toekomst liggen."), code="toekomst")
        return datum


class VasteLastForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Soort"), choices=[("", _("— soort —")), *VasteLast.Soort.choices])
    omschrijving = forms.CharField(label=_("Omschrijving"), required=False, max_length=100)
    begunstigde = forms.CharField(label=_("Begunstigde"), max_length=100)
    bedrag = forms.DecimalField(
        label=_("Bedrag per maand (€)"), min_value=0.01, max_digits=8, decimal_places=2, localize=True
    )


VasteLastenFormSet = forms.formset_factory(VasteLastForm, extra=5, max_num=20)


class VerlengingForm(UtrechtFormMixin, forms.Form):
    nieuwe_einddatum = forms.DateField(label=_("Nieuwe geplande einddatum"), widget=DatumInput())
    reden = forms.CharField(label=_("Reden van verlenging"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class OntzorgingBeeindigenForm(UtrechtFormMixin, forms.Form):
    einddatum = forms.DateField(label=_("Einddatum"), widget=DatumInput())
    afbouwplan = forms.CharField(
        label=_("Afbouwplan"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Welke betalingen neemt de inburgeraar wanneer zelf over?"),
    )
    ondersteuningsniveau = forms.ChoiceField(
        label=_("Ondersteuning bij financiële zelfredzaamheid"),
        choices=[("", _("— kies het niveau —")), *Ondersteuningsniveau.choices],
    )
    aanbieder = forms.ChoiceField(label=_("Aanbieder"), choices=[("", _("— kies de aanbieder —")), *Aanbieder.choices])


class UrenForm(UtrechtFormMixin, forms.Form):
    """The fields of an hour entry shared by the week screen and the regisseur's correction."""

    uren = forms.DecimalField(
        label=_("Uren"),
        max_digits=4,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text=_("In kwartieren: 1,25 is een uur en een kwartier."),
    )
    soort = forms.ChoiceField(label=_("Soort activiteit"), choices=[("", _("— kies de soort —")), *Urensoort.choices])
    telt_voor_z_route = forms.BooleanField(label=_("Telt voor participatie in de Z-route"), required=False)


class CorrectieForm(UrenForm):
    reden = forms.CharField(
        label=_("Reden van de correctie"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class WeekRijForm(UtrechtFormMixin, forms.Form):
    """One row of the week screen: an inburgeraar, hours per day, and what the hours were for."""

    # Plain choices from one list, not a queryset per row: the screen stays at a fixed number of queries.
    inburgeraar = forms.TypedChoiceField(label=_("Inburgeraar"), coerce=int, required=False, empty_value=None)
    soort = forms.ChoiceField(
        label=_("Soort activiteit"), choices=[("", _("— soort —")), *Urensoort.choices], required=False
    )
    telt_voor_z_route = forms.BooleanField(label=_("Telt voor Z-route"), required=False)
    notitie = forms.CharField(label=_("Notitie"), required=False, max_length=500)

    def __init__(self, *args, dossiers, dagen, **kwargs):
        super().__init__(*args, **kwargs)
        self.dagen = dagen
        self.dossiers = {d.pk: d for d in dossiers}
        self.fields["inburgeraar"].choices = [("", _("— kies —")), *((d.pk, d.naam) for d in dossiers)]
        verplicht_als(self.fields["inburgeraar"], _("bij ingevulde uren"))
        verplicht_als(self.fields["soort"], _("bij ingevulde uren"))
        vandaag = timezone.localdate()
        for i, dag in enumerate(dagen):
            self.fields[f"dag_{i}"] = forms.DecimalField(
                label=f"{formats.date_format(dag, 'D')} {opmaak.datum(dag)}",
                required=False,
                # Hours are logged afterwards: a day still to come cannot be filled in.
                disabled=dag > vandaag,
                max_digits=4,
                decimal_places=2,
                localize=True,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal", "class": "utrecht-textbox utrecht-textbox--html-input app-uur"}
                ),
            )

    def clean_inburgeraar(self):
        pk = self.cleaned_data["inburgeraar"]
        return self.dossiers[pk] if pk is not None else None

    def dagvelden(self):
        return [self[f"dag_{i}"] for i in range(len(self.dagen))]

    def clean(self):
        cleaned = super().clean()
        if not self.ingevuld():
            return cleaned
        if not cleaned.get("inburgeraar"):
            self.add_error("inburgeraar", _("Kies voor wie deze uren zijn."))
        if not cleaned.get("soort"):
            self.add_error("soort", _("Kies de soort activiteit."))
        return cleaned

    def ingevuld(self) -> bool:
        return any(self.cleaned_data.get(f"dag_{i}") not in (None, 0) for i in range(len(self.dagen)))

    def regels(self) -> list[tuple[str, dict]]:
        """(field name, line) per filled-in day; 0 counts as empty. Also for a row with errors
        elsewhere, so that every wrong cell is reported in one go."""
        return [
            (
                f"dag_{i}",
                {
                    "inburgeraar": self.cleaned_data.get("inburgeraar"),
                    "datum": dag,
                    "uren": self.cleaned_data[f"dag_{i}"],
                    "soort": self.cleaned_data.get("soort"),
                    "telt_voor_z_route": self.cleaned_data.get("telt_voor_z_route", False),
                    "notitie": self.cleaned_data.get("notitie", ""),
                },
            )
            for i, dag in enumerate(self.dagen)
            if self.cleaned_data.get(f"dag_{i}") not in (None, 0)
        ]


class BaseWeekFormSet(forms.BaseFormSet):
    """Checks all rows together (the 24-hour cap spans rows) and puts each error beside its cell."""

    def __init__(self, *args, begeleider, **kwargs):
        self.begeleider = begeleider
        super().__init__(*args, **kwargs)

    def clean(self):
        posities, regels = [], []
        for form in self.forms:
            for veld, regel in form.regels():
                posities.append((form, veld))
                regels.append(regel)
        if not regels:
            if not any(self.errors):
                raise forms.ValidationError(_("Vul bij minstens één inburgeraar uren in."), code="leeg")
            return
        for (form, veld), fouten in zip(
            posities, services.uren_fouten(begeleider=self.begeleider, regels=regels), strict=True
        ):
            for bericht in dict.fromkeys(fouten.values()):
                form.add_error(veld, bericht)
        self.regels = regels


WeekFormSet = forms.formset_factory(WeekRijForm, formset=BaseWeekFormSet, extra=2, max_num=200)


def week_van(tekst: str | None, vandaag: datetime.date) -> datetime.date:
    """The Monday of the week `tekst` (YYYY-MM-DD) falls in, or of this week."""
    try:
        datum = datetime.date.fromisoformat(tekst) if tekst else vandaag
    except ValueError:
        datum = vandaag
    return datum - datetime.timedelta(days=datum.weekday())


class GoedkeurenForm(forms.Form):
    registraties = forms.ModelMultipleChoiceField(
        queryset=None,
        error_messages={
            "required": _(
                "U heeft geen uren aangevinkt, dus er is niets goedgekeurd. Vink de uren aan die u wilt goedkeuren."
            ),
            "invalid_choice": _(
                "Er is niets goedgekeurd: een of meer aangevinkte uren wachten niet meer op beoordeling. "
                "Kies opnieuw uit de lijst."
            ),
        },
    )

    def __init__(self, *args, te_beoordelen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registraties"].queryset = te_beoordelen


class MeldingForm(UtrechtFormMixin, forms.Form):
    soort = forms.ChoiceField(label=_("Soort melding"), choices=[("", _("— kies —")), *Melding.Soort.choices])
    tekst = forms.CharField(
        label=_("Bericht aan de casusregisseur"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class MeldingAfhandelenForm(forms.Form):
    melding = forms.ModelChoiceField(queryset=None)

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["melding"].queryset = inburgeraar.meldingen.filter(afgehandeld_op__isnull=True)
