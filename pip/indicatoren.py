"""The PIP's figures for the core's reports: which leerroute people start, and who changes route."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from inburgering.rapportage import Onderwerp, aantal, registreer

from .models import Leerroute, Pip, RedenWijziging


def _vastgesteld(selectie):
    return Pip.objects.vastgesteld().filter(selectie.in_periode("dagtekening"), inburgeraar__in=selectie.dossiers())


@registreer("leerroute_start", onderwerp=Onderwerp.LEERROUTES, volgorde=10)
def leerroute_start(selectie):
    """Emmen monitors starts per leerroute and type migrant: the leerroute of each first PIP in the period."""
    data = selectie.per_groep(
        _vastgesteld(selectie).filter(versie=1),
        prefix="inburgeraar__",
        **{route.value: Count("inburgeraar", distinct=True, filter=Q(leerroute=route)) for route in Leerroute},
    )
    # Each first PIP starts one leerroute, so these rows make up the core's "Eerste PIP vastgesteld" ("pip").
    return [
        aantal(_("Gestart met %(route)s") % {"route": route.label}, data, route.value, deel_van="pip")
        for route in Leerroute
    ]


@registreer("leerroute_wissel", onderwerp=Onderwerp.LEERROUTES, volgorde=20)
def leerroute_wissel(selectie):
    redenen = [RedenWijziging.SCHAKELEN, RedenWijziging.AFSCHALEN]
    data = selectie.per_groep(
        _vastgesteld(selectie).filter(versie__gt=1, reden_wijziging__in=redenen),
        prefix="inburgeraar__",
        **{r.value: Count("inburgeraar", distinct=True, filter=Q(reden_wijziging=r)) for r in redenen},
    )
    return [
        aantal(_("Gewisseld van leerroute"), data, RedenWijziging.SCHAKELEN, _("Wijzigingsbeschikking in de periode.")),
        aantal(_("Afgeschaald van B1 naar A2"), data, RedenWijziging.AFSCHALEN),
    ]
