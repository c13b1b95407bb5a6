"""Browser forms of the PIP. They validate and collect input; the services write and check DUO's rules."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering.forms import DatumInput, UtrechtFormMixin, niet_in_de_toekomst, verplicht_als

from .models import AFSCHALEN, INHOUD, Handhaving, Pip, RedenWijziging, Voortgangsgesprek


class ConceptForm(UtrechtFormMixin, forms.ModelForm):
    """All content of Wi2021 art. 15; with 'vaststellen' also the dagtekening."""

    dagtekening = forms.DateField(
        label=_("Dagtekening"),
        required=False,
        widget=DatumInput(),
        help_text=_("De datum van de beschikking. Alleen nodig bij vaststellen; daarna verandert die nooit meer."),
    )

    class Meta:
        model = Pip
        fields = [*INHOUD, "reden_wijziging", "toelichting_wijziging", *AFSCHALEN]
        widgets = {
            veld: forms.Textarea(attrs={"rows": 2})
            for veld in [
                "maatschappelijke_begeleiding",
                "voortgang_toelichting",
                "dualiteit_afspraken",
                "kinderopvang",
                "vervoer",
                "participatiewet_verplichtingen",
                "toelichting_wijziging",
                "afschalen_motivatie",
            ]
        }

    def __init__(self, *args, vaststellen=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.vaststellen = vaststellen
        self.fields["dagtekening"].initial = timezone.localdate
        verplicht_als(self.fields["dagtekening"], _("bij vaststellen"))
        self.fields["niveau"].choices = [
            ("", _("Geen (B1 bij B1- en onderwijsroute; Z-route)")),
            *self.fields["niveau"].choices[1:],
        ]
        if not self.instance.inburgeraar.is_asielstatushouder:
            # Only asielstatushouders get financieel ontzorgen and maatschappelijke begeleiding (Wi2021).
            for veld in ("ontzorgen", "ontzorgen_maanden", "maatschappelijke_begeleiding"):
                del self.fields[veld]
        else:
            self.fields["ontzorgen_maanden"].help_text = _(
                "Ten minste %(maanden)s maanden, vanaf de dag dat de bijstand ingaat."
            ) % {"maanden": settings.ONTZORGEN_MINIMALE_MAANDEN}
            self.fields["ontzorgen"].help_text = _(
                "Verplicht bij bijstand: de gemeente betaalt dan de vaste lasten uit de bijstand, ten minste de "
                "eerste zes maanden (Participatiewet art. 56a)."
            )
        if not self.instance.is_wijziging:
            for veld in ("reden_wijziging", "toelichting_wijziging", *AFSCHALEN):
                del self.fields[veld]
        else:
            self.fields["reden_wijziging"].required = True

    def clean_dagtekening(self):
        dagtekening = self.cleaned_data.get("dagtekening")
        if self.vaststellen and not dagtekening:
            raise forms.ValidationError(_("Vul de dagtekening in om het PIP vast te stellen."), code="verplicht")
        return dagtekening

    def inhoud(self) -> dict:
        return {veld: waarde for veld, waarde in self.cleaned_data.items() if veld != "dagtekening"}

    def _post_clean(self):
        # The service validates the model and DUO's rules; the form writes nothing.
        pass


class WijzigingForm(UtrechtFormMixin, forms.Form):
    reden = forms.ChoiceField(
        label=_("Reden van de wijziging"), choices=[("", _("— kies de reden —")), *RedenWijziging.choices]
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DerdenForm(UtrechtFormMixin, forms.Form):
    sinds = forms.DateField(label=_("Wacht op informatie van derden sinds"), required=False, widget=DatumInput())
    ontvangen_op = forms.DateField(label=_("Informatie ontvangen op"), required=False, widget=DatumInput())


class VoortgangsgesprekForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Voortgangsgesprek
        fields = [
            "datum",
            "deelnemers",
            "voortgang_taal",
            "voortgang_map",
            "voortgang_pvt",
            "voortgang_participatie",
            "afspraken",
            "volgende_datum",
        ]
        widgets = {
            "datum": DatumInput(),
            "volgende_datum": DatumInput(),
            **{
                veld: forms.Textarea(attrs={"rows": 2})
                for veld in ["voortgang_taal", "voortgang_map", "voortgang_pvt", "voortgang_participatie", "afspraken"]
            },
        }

    def clean_datum(self):
        return niet_in_de_toekomst(self.cleaned_data["datum"], _("De datum van het gesprek"))

    def _post_clean(self):
        pass


class HandhavingForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Handhaving
        fields = [
            "soort",
            "verplichting",
            "feiten",
            "verwijtbaarheid",
            "verwijtbaarheid_motivatie",
            "bedrag",
            "dagtekening",
        ]
        widgets = {
            "dagtekening": DatumInput(),
            "feiten": forms.Textarea(attrs={"rows": 3}),
            "verwijtbaarheid_motivatie": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bedrag"].help_text = _("Alleen bij een boete; hoogstens € %(max)s.") % {
            "max": settings.BOETE_MAXIMUM
        }
        self.fields["soort"].choices = [("", _("— kies de maatregel —")), *Handhaving.Soort.choices]
        self.fields["verplichting"].choices = [("", _("— kies de verplichting —")), *Handhaving.Verplichting.choices]
        self.fields["verwijtbaarheid"].choices = [("", _("— beoordeel —")), *Handhaving.Verwijtbaarheid.choices]

    def clean_dagtekening(self):
        return niet_in_de_toekomst(self.cleaned_data["dagtekening"], _("De dagtekening"))

    def _post_clean(self):
        pass


class IntrekkingForm(UtrechtFormMixin, forms.Form):
    ingetrokken_op = forms.DateField(label=_("Datum van intrekking"), widget=DatumInput())
    reden_intrekking = forms.CharField(
        label=_("Reden van de intrekking"),
        help_text=_("Deze tekst staat in de brief, bijvoorbeeld de beslissing op bezwaar."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
