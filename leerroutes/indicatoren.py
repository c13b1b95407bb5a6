"""The leerroutes' figures for the core's reports: lesuren followed, and the MAP and PVT hours that
count toward the Z-route's participation (with the begeleiders' hours that ontzorgen reports)."""

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from inburgering.leerroute import Leerroute
from inburgering.rapportage import Onderwerp, aantal, registreer, uren

from .models import Activiteit, Afronding, Deelname


@registreer("lesuren", onderwerp=Onderwerp.LEERROUTES, volgorde=30)
def lesuren(selectie):
    data = selectie.per_groep(
        Deelname.objects.filter(selectie.in_periode("periode_van"), inburgeraar__in=selectie.dossiers()),
        prefix="inburgeraar__",
        taaluren=Sum("lesuren"),
        personen=Count("inburgeraar", distinct=True),
    )
    return [uren(_("Gevolgde lesuren taal"), data, "taaluren", "personen")]


@registreer("z_route_participatie", onderwerp=Onderwerp.LEERROUTES, volgorde=31)
def z_route_participatie(selectie):
    z_route = Q(inburgeraar__leerroute=Leerroute.Z)
    data = selectie.per_groep(
        Activiteit.objects.filter(
            z_route, selectie.in_periode("datum"), aanwezig=True, inburgeraar__in=selectie.dossiers()
        ),
        prefix="inburgeraar__",
        z_uren=Sum("uren"),
        personen=Count("inburgeraar", distinct=True),
    )
    return [
        uren(
            _("Participatie-uren Z-route in MAP en PVT"),
            data,
            "z_uren",
            "personen",
            _("Uren MAP en PVT van wie de Z-route volgt; de uren bij begeleiders staan bij ontzorgen."),
        )
    ]


@registreer("afrondingen_onder_norm", onderwerp=Onderwerp.LEERROUTES, volgorde=32)
def afrondingen_onder_norm(selectie):
    data = selectie.per_groep(
        Afronding.objects.filter(
            selectie.in_periode("datum"), behaald=True, inburgeraar__in=selectie.dossiers()
        ).exclude(motivatie_onder_norm=""),
        prefix="inburgeraar__",
        onder_norm=Count("id"),
        personen=Count("inburgeraar", distinct=True),  # one person can finish both the Z-route and MAP
    )
    return [
        aantal(
            _("Afgerond onder de urennorm"),
            data,
            "onder_norm",
            _("Z-route of MAP afgerond met minder uren dan de norm, met een motivatie van de regisseur."),
            personen="personen",
        )
    ]
