"""Forms of the kosten app: Dutch messages beside the field, what was typed is kept."""

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering.forms import DatumInput, UtrechtFormMixin
from leerroutes.queries import aanbieders

from .models import Gesprek, Tolkwijze, Voorziening

EERSTE_JAAR = 2022  # the Wet inburgering 2021 took effect on 1 January 2022


class KostenrapportForm(UtrechtFormMixin, forms.Form):
    gemeente = forms.TypedChoiceField(label=_("Gemeente"), coerce=int)
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)

    def __init__(self, data, *, gemeenten):
        self.gemeenten = {gemeente.pk: gemeente for gemeente in gemeenten}
        vandaag = timezone.localdate()
        if not data and gemeenten:
            data = {"gemeente": gemeenten[0].pk, "jaar": vandaag.year}
        super().__init__(data or None)
        self.fields["gemeente"].choices = [(g.pk, g.naam) for g in gemeenten]
        self.fields["jaar"].choices = [(jaar, str(jaar)) for jaar in range(vandaag.year, EERSTE_JAAR - 1, -1)]

    @property
    def gekozen_gemeente(self):
        return self.gemeenten[self.cleaned_data["gemeente"]]


def tolkaanbieders(inburgeraar):
    """Aanbieders with a tolk contract for the dossier's gemeente or its regio."""
    gemeente = inburgeraar.gemeente
    return (
        aanbieders()
        .filter(
            Q(contractprijzen__gemeente=gemeente) | Q(contractprijzen__regio=gemeente.regio_id),
            contractprijzen__voorziening=Voorziening.TOLK,
        )
        .distinct()
        .order_by("naam")
    )


class TolkForm(UtrechtFormMixin, forms.Form):
    gesprek = forms.ChoiceField(label=_("Voor welk gesprek"), choices=Gesprek.choices)
    datum = forms.DateField(label=_("Datum gesprek"), widget=DatumInput)
    taal = forms.CharField(label=_("Taal"), max_length=60, help_text=_("Bijvoorbeeld Tigrinya, Arabisch, Dari."))
    wijze = forms.ChoiceField(label=_("Hoe"), choices=Tolkwijze.choices)
    aanbieder = forms.ModelChoiceField(label=_("Tolkaanbieder"), queryset=aanbieders().none())
    duur_minuten = forms.IntegerField(label=_("Duur in minuten"), min_value=5, max_value=480, initial=60)

    def __init__(self, *args, inburgeraar, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = tolkaanbieders(inburgeraar)
        if not self.fields["aanbieder"].queryset.exists():
            self.fields["aanbieder"].help_text = _(
                "Er is nog geen tolkaanbieder met een contractprijs voor deze gemeente; "
                "functioneel beheer legt die vast."
            )


class KostenpostForm(UtrechtFormMixin, forms.Form):
    voorziening = forms.ChoiceField(label=_("Voorziening"), choices=Voorziening.choices)
    datum = forms.DateField(label=_("Datum van de kosten"), widget=DatumInput)
    bedrag = forms.DecimalField(label=_("Bedrag in euro"), max_digits=11, decimal_places=2)
    reden = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waarom deze kosten niet uit de registratie volgen, bijvoorbeeld een factuur voor reiskosten."),
    )
