"""Ontzorgen's figures for the core's reports: approved hours of maatschappelijke begeleiding."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from inburgering.rapportage import Onderwerp, registreer, uren

from .models import Urenregistratie


@registreer("begeleidingsuren", onderwerp=Onderwerp.ONTZORGEN, volgorde=20)
def begeleidingsuren(selectie):
    z_route = Q(telt_voor_z_route=True)
    data = selectie.per_groep(
        Urenregistratie.objects.filter(
            selectie.in_periode("datum"),
            status=Urenregistratie.Status.GOEDGEKEURD,
            inburgeraar__in=selectie.dossiers(),
        ),
        prefix="inburgeraar__",
        totaal_uren=Sum("uren"),
        personen=Count("inburgeraar", distinct=True),
        z_uren=Sum("uren", filter=z_route),
        z_personen=Count("inburgeraar", distinct=True, filter=z_route),
    )
    return [
        uren(_("Uren maatschappelijke begeleiding (goedgekeurd)"), data, "totaal_uren", "personen"),
        uren(
            _("Participatie-uren Z-route bij begeleiders"),
            data,
            "z_uren",
            "z_personen",
            _("Goedgekeurde uren die voor de Z-route tellen; de uren in MAP en PVT staan bij de leerroutes."),
        ),
    ]
