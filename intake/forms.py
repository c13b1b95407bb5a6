"""Forms of the brede intake: they validate and keep what was typed; services do the writing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from inburgering.forms import DatumInput, UtrechtFormMixin, niet_in_de_toekomst, verplicht_als

from . import regels
from .leefgebieden import Sectie
from .models import BredeIntake, Financien, Gesprek, Leerbaarheidstoets, Leerroute, NietVerschenen, Niveau, Score


class IntakeModelForm(UtrechtFormMixin, forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            keuzes = getattr(veld, "choices", None)
            if keuzes and list(keuzes)[0] == ("", "---------"):
                veld.choices = [("", _("— kies —")), *list(keuzes)[1:]]

    def _post_clean(self):
        # Services validate the model; the form only checks what was typed.
        pass


def _tekstvak(rijen=3):
    return forms.Textarea(attrs={"rows": rijen})


class GesprekForm(IntakeModelForm):
    prefix = "gesprek"

    class Meta:
        model = Gesprek
        fields = ["datum", "plaats", "aanwezigen", "tolk_ingezet", "tolk_taal", "zonder_partner", "notities"]
        widgets = {"datum": DatumInput(), "notities": _tekstvak(4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        verplicht_als(self.fields["tolk_taal"], _("als er een tolk is ingezet"))

    def clean_datum(self):
        return niet_in_de_toekomst(self.cleaned_data["datum"], _("De datum van het gesprek"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("tolk_ingezet") and not cleaned.get("tolk_taal"):
            self.add_error("tolk_taal", _("Vul de taal van de tolk in."))
        return cleaned


class PartnerForm(IntakeModelForm):
    prefix = "partner"

    class Meta:
        model = BredeIntake
        fields = ["gesprek_zonder_partner_aangeboden"]


class LeefgebiedForm(IntakeModelForm):
    """Base of the generated form per leefgebied: score, the fields of the section, free text."""

    verberg_optioneel = True  # a section saves partially: every field is optional

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["score"].choices = [("", _("— nog geen score —")), *Score.choices]
        if "bijstand_sinds" in self.fields:
            verplicht_als(self.fields["bijstand_sinds"], _("bij bijstand"))

    def clean(self):
        cleaned = super().clean()
        if "bijstand_sinds" in self.fields:
            bijstand = cleaned.get("inkomen") == Financien.Inkomen.BIJSTAND
            if bijstand and not cleaned.get("bijstand_sinds"):
                self.add_error(
                    "bijstand_sinds",
                    _("Vul in sinds wanneer de bijstand loopt; daarmee wordt de bijstand ook geregistreerd."),
                )
            elif cleaned.get("bijstand_sinds") and not bijstand:
                self.add_error("bijstand_sinds", _("Alleen bij bijstand als bron van inkomen. Laat dit leeg."))
        if cleaned.get("score") is not None and (cleaned.get("niet_mogelijk_reden") or "").strip():
            self.add_error(
                "niet_mogelijk_reden",
                _("Kies een score óf schrijf waarom dit niet in kaart te brengen is, niet allebei."),
            )
        return cleaned


def leefgebied_form(sectie: Sectie) -> type[LeefgebiedForm]:
    """The form of one leefgebied; its prefix keeps field ids unique on the one intake page."""
    form = forms.modelform_factory(
        sectie.model,
        form=LeefgebiedForm,
        fields=["score", *sectie.velden, "toelichting", "niet_mogelijk_reden"],
        widgets={
            **{veld: DatumInput() for veld in sectie.velden if _is_datumveld(sectie, veld)},
            "toelichting": _tekstvak(),
            "niet_mogelijk_reden": _tekstvak(2),
            **{veld: _tekstvak() for veld in sectie.velden if _is_tekstveld(sectie, veld)},
        },
    )
    form.prefix = sectie.slug
    return form


def _is_tekstveld(sectie: Sectie, veld: str) -> bool:
    return sectie.model._meta.get_field(veld).get_internal_type() == "TextField"


def _is_datumveld(sectie: Sectie, veld: str) -> bool:
    return sectie.model._meta.get_field(veld).get_internal_type() == "DateField"


class LeerbaarheidstoetsForm(IntakeModelForm):
    prefix = "lbt"
    verberg_optioneel = True

    class Meta:
        model = Leerbaarheidstoets
        fields = [
            "examennummer",
            "datum_aanmelding",
            "resultaat",
            "datum_afname",
            "behaalde_score",
            "benodigde_score",
            "vrijstelling",
            "vrijstelling_reden",
            "niet_mogelijk_reden",
        ]
        # Scores as people and DUO write them: "61,50".
        localized_fields = ["behaalde_score", "benodigde_score"]
        widgets = {
            "behaalde_score": forms.TextInput(attrs={"inputmode": "decimal"}),
            "benodigde_score": forms.TextInput(attrs={"inputmode": "decimal"}),
            "datum_aanmelding": DatumInput(),
            "datum_afname": DatumInput(),
            "vrijstelling_reden": _tekstvak(2),
            "niet_mogelijk_reden": _tekstvak(2),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        verplicht_als(self.fields["datum_afname"], _("bij een uitslag"))
        verplicht_als(self.fields["vrijstelling_reden"], _("bij vrijstelling"))

    def clean_datum_afname(self):
        return niet_in_de_toekomst(self.cleaned_data["datum_afname"], _("De datum van de uitslag"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("resultaat") and not cleaned.get("datum_afname"):
            self.add_error("datum_afname", _("Vul de datum van de uitslag in."))
        if cleaned.get("vrijstelling"):
            if cleaned.get("resultaat"):
                self.add_error("vrijstelling", _("Wie is vrijgesteld, heeft geen uitslag. Kies één van beide."))
            if not (cleaned.get("vrijstelling_reden") or "").strip():
                self.add_error("vrijstelling_reden", _("Licht de vrijstelling toe: welke beperking, en hoe bekend."))
        aanmelding, afname = cleaned.get("datum_aanmelding"), cleaned.get("datum_afname")
        if aanmelding and afname and afname < aanmelding:
            self.add_error("datum_afname", _("De uitslag ligt vóór de aanmelding."))
        return cleaned


class AdviesForm(IntakeModelForm):
    prefix = "advies"
    # Browsers would paint an untouched required textarea as invalid; the server checks instead.
    use_required_attribute = False
    verberg_optioneel = True  # the niveau explains itself; "not required" beside the warnings would confuse
    erkend = forms.MultipleChoiceField(
        label=_("Ik heb deze waarschuwingen gelezen en houd het advies aan"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}),
    )

    class Meta:
        model = BredeIntake
        fields = ["advies_leerroute", "advies_niveau", "advies_motivatie"]
        widgets = {"advies_motivatie": _tekstvak(4)}
        help_texts = {
            "advies_niveau": _(
                "Leeg laten: B1 bij de B1- en onderwijsroute, A1 bij de Z-route. "
                "A2 volgt alleen later, door af te schalen."
            )
        }

    def __init__(self, *args, waarschuwingen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advies_leerroute"].required = True
        self.fields["advies_leerroute"].choices = [("", _("— kies de leerroute —")), *Leerroute.choices]
        self.fields["advies_motivatie"].required = True
        self.fields["advies_niveau"].choices = niveau_keuzes()
        self.waarschuwingen = list(waarschuwingen)
        self.fields["erkend"].choices = [(w.code, w.tekst) for w in self.waarschuwingen]

    def clean(self):
        cleaned = super().clean()
        route, niveau = cleaned.get("advies_leerroute"), cleaned.get("advies_niveau")
        if route and niveau and niveau not in regels.NIVEAUS_PER_ROUTE[route]:
            passend = ", ".join(str(n.label) for n in regels.NIVEAUS_PER_ROUTE[route])
            self.add_error(
                "advies_niveau",
                _("Bij de %(route)s past niveau %(passend)s.") % {"route": Leerroute(route).label, "passend": passend},
            )
        return cleaned

    def toon_waarschuwingen(self, waarschuwingen) -> None:
        """Ask again, now with a checkbox per warning; what was typed stays."""
        self.waarschuwingen = list(waarschuwingen)
        self.fields["erkend"].choices = [(w.code, w.tekst) for w in self.waarschuwingen]


def niveau_keuzes() -> list[tuple[str, str]]:
    """Only the levels some route allows, each naming its routes (the form works without JavaScript, so
    it cannot hide options per chosen route); A2 comes only later, by afschalen, never in the advice."""
    routes_per_niveau: dict[str, list[str]] = {}
    for route, niveaus in regels.NIVEAUS_PER_ROUTE.items():
        for niveau in niveaus:
            routes_per_niveau.setdefault(niveau, []).append(str(route.label))
    return [
        ("", _("— standaard voor de route —")),
        *(
            (niveau.value, f"{niveau.label} ({', '.join(routes_per_niveau[niveau])})")
            for niveau in Niveau
            if niveau in routes_per_niveau
        ),
    ]


class NietVerschenenForm(IntakeModelForm):
    prefix = "gemist"

    class Meta:
        model = NietVerschenen
        fields = ["datum", "geldige_reden", "toelichting"]
        widgets = {"datum": DatumInput(), "toelichting": _tekstvak(2)}

    def clean_datum(self):
        return niet_in_de_toekomst(self.cleaned_data["datum"], _("De datum van de uitnodiging"))


class VervolgstapForm(UtrechtFormMixin, forms.Form):
    prefix = "vervolgstap"

    stap = forms.ChoiceField(label=_("Vervolgstap"), choices=NietVerschenen.Vervolgstap.choices)
