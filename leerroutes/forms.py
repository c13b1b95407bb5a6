"""Browser forms of the leerroute. They collect input; the services check DUO's rules and write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inburgering.forms import DatumInput, UtrechtFormMixin

from .groepen import Rij, rij_fouten
from .models import (
    MAP_SOORTEN,
    PVT_SOORTEN,
    Aanbieder,
    Activiteit,
    Afronding,
    Deelname,
    Examen,
    Groep,
    Inburgeringsaanbod,
    Onderdeel,
    Sessie,
)


def _datumvelden(*namen):
    return dict.fromkeys(namen, DatumInput())


class AanbodForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Inburgeringsaanbod
        fields = [
            "aanbieder",
            "leerroute",
            "datum_aanbod",
            "verwachte_startdatum",
            "verwachte_einddatum",
            "start_taalschakeltraject",
            "alfabetisering",
        ]
        widgets = _datumvelden(
            "datum_aanbod", "verwachte_startdatum", "verwachte_einddatum", "start_taalschakeltraject"
        )

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the aanbieders this gemeente contracted.
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(gemeenten=inburgeraar.gemeente_id)


class DeelnameForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Deelname
        fields = ["aanbieder", "periode_van", "periode_tot", "lesuren", "knm_uren", "afwezig_uren", "reden_afwezigheid"]
        widgets = _datumvelden("periode_van", "periode_tot")

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(gemeenten=inburgeraar.gemeente_id)


class ExamenForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Examen
        fields = ["onderdeel", "examendatum", "niveau", "resultaat", "reden_geen_resultaat"]
        widgets = _datumvelden("examendatum")


class ActiviteitForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Activiteit
        fields = ["soort", "datum", "uren", "omschrijving"]
        widgets = _datumvelden("datum")


class AfrondingForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Afronding
        fields = ["onderdeel", "datum", "behaald", "verwijtbaar", "toelichting", "motivatie_onder_norm"]
        widgets = {
            **_datumvelden("datum"),
            "toelichting": forms.Textarea(attrs={"rows": 2}),
            "motivatie_onder_norm": forms.Textarea(attrs={"rows": 2}),
        }

    def validate_unique(self):
        """A new afronding replaces the one before (as DUO's PUT does): the service takes care of it."""


class GroepForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Groep
        fields = ["naam", "onderdeel", "aanbieder", "gemeenten"]

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeenten"].queryset = gemeenten
        self.fields["gemeenten"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(gemeenten__in=gemeenten).distinct()


class LedenForm(UtrechtFormMixin, forms.Form):
    leden = forms.ModelMultipleChoiceField(label=_("Deelnemers toevoegen"), queryset=None)

    def __init__(self, *args, kandidaten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leden"].queryset = kandidaten
        self.fields["leden"].widget.attrs["class"] = "utrecht-select utrecht-select--html-select"


class SessieForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Sessie
        fields = ["datum", "soort", "onderwerp", "uren"]
        widgets = _datumvelden("datum")

    def __init__(self, *args, groep, **kwargs):
        super().__init__(*args, **kwargs)
        soorten = MAP_SOORTEN if groep.onderdeel == Onderdeel.MAP else PVT_SOORTEN
        self.fields["soort"].choices = [(k, v) for k, v in self.fields["soort"].choices if k in soorten]


class AanwezigheidForm(UtrechtFormMixin, forms.Form):
    """One member's row: present or not, hours, and a reason when absent."""

    lid = forms.IntegerField(widget=forms.HiddenInput)
    aanwezig = forms.BooleanField(label=_("Aanwezig"), required=False)
    uren = forms.DecimalField(label=_("Uren"), required=False, min_value=0, max_digits=4, decimal_places=2)
    reden_afwezigheid = forms.CharField(label=_("Reden afwezigheid"), required=False, max_length=200)

    def __init__(self, *args, lid, sessie, **kwargs):
        super().__init__(*args, **kwargs)
        self.lid, self.sessie = lid, sessie
        self.fields["uren"].widget.attrs.update(
            {"inputmode": "decimal", "step": "0.25", "class": "utrecht-textbox utrecht-textbox--html-input app-uren"}
        )

    def clean(self):
        gegevens = super().clean()
        if gegevens.get("lid") != self.lid.pk:
            raise forms.ValidationError(_("De groep is intussen gewijzigd. Laad de pagina opnieuw."), code="andere_lid")
        if not self.errors:
            for veld, tekst in rij_fouten(self.rij(), self.sessie).items():
                self.add_error(veld, tekst)
        return gegevens

    def rij(self) -> Rij:
        c = self.cleaned_data
        return Rij(self.lid, bool(c.get("aanwezig")), c.get("uren"), c.get("reden_afwezigheid", ""))


class BaseAanwezigheidFormSet(forms.BaseFormSet):
    def __init__(self, *args, leden, sessie, **kwargs):
        self.leden, self.sessie = leden, sessie
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"lid": self.leden[index], "sessie": self.sessie}

    def rijen(self) -> list[Rij]:
        return [form.rij() for form in self.forms]


def aanwezigheid_formset(data, *, leden, sessie, bekend: dict):
    """A formset with exactly one row per visible member, pre-filled with what was recorded before."""
    klasse = forms.formset_factory(
        AanwezigheidForm,
        formset=BaseAanwezigheidFormSet,
        extra=0,
        min_num=len(leden),
        max_num=len(leden),
        absolute_max=len(leden),
        validate_min=True,
    )
    initial = []
    for lid in leden:
        eerder = bekend.get(lid.pk)
        initial.append(
            {
                "lid": lid.pk,
                "aanwezig": eerder.aanwezig,
                "uren": eerder.uren if eerder.aanwezig else None,
                "reden_afwezigheid": eerder.reden_afwezigheid,
            }
            if eerder
            else {"lid": lid.pk, "aanwezig": True, "uren": sessie.uren, "reden_afwezigheid": ""}
        )
    return klasse(data, initial=None if data else initial, leden=leden, sessie=sessie, prefix="aanwezig")
