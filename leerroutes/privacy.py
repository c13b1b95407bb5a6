"""The leerroute's part of destruction and of the AVG export: aanbod, deelname, examens,
afrondingen (MAP, PVT, Z-route), activiteiten and group memberships. Aanbieders, groepen and
sessies are about organisations, not persons, and stay."""

from django.utils.translation import gettext as _

from inburgering.privacy import als_gegevens, wis

from .models import Activiteit, Afronding, Deelname, Examen, Groep, Inburgeringsaanbod

_PER_PERSOON = [
    (Inburgeringsaanbod, "inburgeringsaanbod"),
    (Deelname, "deelname"),
    (Examen, "examens"),
    (Afronding, "afrondingen MAP, PVT en Z-route"),
    (Activiteit, "activiteiten MAP, PVT en participatie"),
]


def vernietig(ids: list[int]) -> dict[str, int]:
    aantallen = {_(naam): wis(model.objects.filter(inburgeraar_id__in=ids)) for model, naam in _PER_PERSOON}
    lidmaatschappen = Groep.leden.through.objects.filter(inburgeraar_id__in=ids)
    aantallen[_("groepslidmaatschappen")] = lidmaatschappen.delete()[0]
    return aantallen


def exporteer(inburgeraar) -> dict[str, list[dict]]:
    secties = {
        str(_(naam)).capitalize(): [als_gegevens(r) for r in model.objects.filter(inburgeraar=inburgeraar)]
        for model, naam in _PER_PERSOON
    }
    secties[str(_("Groepen PVT en MAP"))] = [
        als_gegevens(g, zonder=("id",)) for g in Groep.objects.filter(leden=inburgeraar)
    ]
    return secties
