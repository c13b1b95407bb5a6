"""Forms of the casuïstiekoverleg. They collect input; pip/overleg.py checks and writes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inburgering.fasen import EINDFASEN
from inburgering.forms import DatumInput, UtrechtFormMixin
from inburgering.models import Inburgeraar

from .overleg import kandidaat_deelnemers


class Dossier(forms.ModelChoiceField):
    """A dossier by name and number, never by BSN (the agenda is shared with partners)."""

    def label_from_instance(self, obj):
        return f"{obj.naam} (dossier {obj.pk}, {obj.gemeente.naam})"


class OverlegForm(UtrechtFormMixin, forms.Form):
    datum = forms.DateField(label=_("Datum"), widget=DatumInput())
    tijd = forms.TimeField(label=_("Tijd"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    locatie = forms.CharField(label=_("Locatie"), required=False, max_length=200)
    deelnemers = forms.ModelMultipleChoiceField(
        label=_("Deelnemers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Collega's en mensen van ketenpartners die aan uw dossiers meewerken."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deelnemers"].queryset = kandidaat_deelnemers(user)
        self.fields["deelnemers"].label_from_instance = lambda u: u.get_full_name() or u.username


class AgendapuntForm(UtrechtFormMixin, forms.Form):
    inburgeraar = Dossier(label=_("Dossier"), queryset=None, empty_label=_("Kies een dossier"))
    vraag = forms.CharField(
        label=_("Bespreekpunt"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inburgeraar"].queryset = (
            Inburgeraar.objects.zichtbaar_voor(user)
            .exclude(fase__in=EINDFASEN)
            .select_related("gemeente")
            .order_by("achternaam", "voornamen", "pk")
        )


class BesprekingForm(UtrechtFormMixin, forms.Form):
    besproken = forms.CharField(label=_("Besproken"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class AfspraakForm(UtrechtFormMixin, forms.Form):
    """`eigenaren`: the overleg's voorzitter and deelnemers as (pk, name), read once for the whole page."""

    omschrijving = forms.CharField(label=_("Afspraak"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    eigenaar = forms.TypedChoiceField(label=_("Eigenaar"), coerce=int)
    uiterlijk = forms.DateField(
        label=_("Uiterlijk"),
        required=False,
        widget=DatumInput(),
        help_text=_("Met een datum wordt de afspraak een termijn van het dossier, met een signaal."),
    )

    def __init__(self, *args, eigenaren, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].choices = [("", _("Kies wie de afspraak uitvoert")), *eigenaren]
