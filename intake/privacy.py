"""The brede intake's part of destruction and of the AVG export (registered in IntakeConfig.ready)."""

from django.utils.translation import gettext as _

from inburgering.privacy import als_gegevens, wis

from .leefgebieden import LEEFGEBIEDEN
from .models import BredeIntake, Gesprek, Leerbaarheidstoets, NietVerschenen

LEEFGEBIEDEN_MODELLEN = [sectie.model for sectie in LEEFGEBIEDEN]


def vernietig(ids: list[int]) -> dict[str, int]:
    intakes = BredeIntake.objects.filter(inburgeraar_id__in=ids)
    aantallen = {
        _("intakegesprekken"): wis(Gesprek.objects.filter(intake__in=intakes)),
        _("leerbaarheidstoetsen"): wis(Leerbaarheidstoets.objects.filter(intake__in=intakes)),
        _("niet verschenen"): wis(NietVerschenen.objects.filter(intake__in=intakes)),
        _("leefgebieden"): sum(wis(model.objects.filter(intake__in=intakes)) for model in LEEFGEBIEDEN_MODELLEN),
    }
    aantallen[_("brede intakes")] = wis(intakes)
    return aantallen


def exporteer(inburgeraar) -> dict[str, list[dict]]:
    intake = BredeIntake.objects.filter(inburgeraar=inburgeraar).first()
    if intake is None:
        return {}
    secties = {
        str(_("Brede intake")): [als_gegevens(intake)],
        str(_("Intakegesprekken")): [als_gegevens(g, zonder=("id", "intake")) for g in intake.gesprekken.all()],
        str(_("Leerbaarheidstoets")): [
            als_gegevens(t, zonder=("id", "intake")) for t in Leerbaarheidstoets.objects.filter(intake=intake)
        ],
        str(_("Niet verschenen")): [
            als_gegevens(n, zonder=("id", "intake")) for n in NietVerschenen.objects.filter(intake=intake)
        ],
    }
    # Health data (Gezondheid) is the person's own: it belongs in their export, produced by an
    # authorised user and logged as an inzage of special-category data.
    for model in LEEFGEBIEDEN_MODELLEN:
        secties[str(model._meta.verbose_name).capitalize()] = [
            als_gegevens(rij, zonder=("id", "intake")) for rij in model.objects.filter(intake=intake)
        ]
    return secties
