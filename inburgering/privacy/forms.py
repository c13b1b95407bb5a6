"""Forms of the privacy pages: the legal hold and the inzage log search."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..bsn import normaliseer_bsn, valideer_bsn
from ..forms import DatumInput, UtrechtFormMixin


class BlokkadeForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(
        label=_("Reden van de blokkade"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: lopende bezwaarprocedure, rechtszaak of verzoek van de toezichthouder."),
    )


class InzageZoekForm(UtrechtFormMixin, forms.Form):
    bsn = forms.CharField(label=_("BSN"), max_length=20, required=False)
    gebruiker = forms.CharField(
        label=_("Gebruiker"), max_length=150, required=False, help_text=_("Gebruikersnaam of (deel van de) naam.")
    )
    van = forms.DateField(label=_("Vanaf"), required=False, widget=DatumInput)
    tot = forms.DateField(label=_("Tot en met"), required=False, widget=DatumInput)

    def clean_bsn(self):
        bsn = normaliseer_bsn(self.cleaned_data["bsn"])
        if bsn:
            valideer_bsn(bsn)
        return bsn

    def clean(self):
        gegevens = super().clean()
        van, tot = gegevens.get("van"), gegevens.get("tot")
        if van and tot and tot < van:
            raise ValidationError({"tot": _("De einddatum ligt vóór de begindatum.")}, code="periode")
        return gegevens
