"""The dashboard's filter: gebied (a gemeente or a regio), period and cohort."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..forms import DatumInput, UtrechtFormMixin

EERSTE_COHORT = 2020


def _gebieden(gemeenten) -> list[tuple[str, str]]:
    """A regio (all its gemeenten the user may report on) before its gemeenten, as `regio-1` / `gemeente-3`."""
    keuzes = []
    regio_id = None
    for gemeente in gemeenten:
        if gemeente.regio_id != regio_id:
            regio_id = gemeente.regio_id
            keuzes.append((f"regio-{regio_id}", _("Regio %(naam)s") % {"naam": gemeente.regio.naam}))
        keuzes.append((f"gemeente-{gemeente.pk}", f"– {gemeente.naam}"))
    return keuzes


class RapportageFilterForm(UtrechtFormMixin, forms.Form):
    gebied = forms.ChoiceField(label=_("Gemeente of regio"))
    van = forms.DateField(label=_("Periode van"), widget=DatumInput)
    tot = forms.DateField(label=_("Periode tot en met"), widget=DatumInput)
    cohort = forms.TypedChoiceField(
        label=_("Cohort"),
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("Het jaar waarin de inburgeringsplicht begon (kennisgeving van DUO)."),
    )

    def __init__(self, data, *, gemeenten):
        self.gemeenten = gemeenten
        keuzes = _gebieden(gemeenten)
        vandaag = timezone.localdate()
        if not data:
            # The first visit: the first regio, this year so far.
            data = {
                "gebied": keuzes[0][0] if keuzes else "",
                "van": datetime.date(vandaag.year, 1, 1).isoformat(),
                "tot": vandaag.isoformat(),
            }
        super().__init__(data)
        self.fields["gebied"].choices = keuzes
        self.fields["cohort"].choices = [("", _("Alle cohorten"))] + [
            (jaar, str(jaar)) for jaar in range(vandaag.year, EERSTE_COHORT - 1, -1)
        ]

    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and tot and van > tot:
            self.add_error("tot", _("De einddatum ligt voor de begindatum van de periode."))
        return cleaned

    def gemeente_ids(self) -> tuple[int, ...]:
        soort, _streep, pk = self.cleaned_data["gebied"].partition("-")
        veld = "regio_id" if soort == "regio" else "pk"
        return tuple(g.pk for g in self.gemeenten if str(getattr(g, veld)) == pk)

    def gebied_naam(self) -> str:
        return dict(self.fields["gebied"].choices)[self.cleaned_data["gebied"]].removeprefix("– ")
