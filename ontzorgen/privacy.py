"""Ontzorgen's part of destruction and of the AVG export (registered in OntzorgenConfig.ready)."""

from django.utils.translation import gettext as _

from inburgering.privacy import als_gegevens, wis

from .models import Melding, Ontzorging, Urenregistratie, VasteLast, Verlenging, Verwijzing


def vernietig(ids: list[int]) -> dict[str, int]:
    uren = Urenregistratie.objects.filter(inburgeraar_id__in=ids)
    uren.update(vervangt=None)  # corrections point at what they replace (PROTECT): unlink first
    ontzorgingen = Ontzorging.objects.filter(inburgeraar_id__in=ids)
    aantallen = {
        _("urenregistraties"): wis(uren),
        _("meldingen"): wis(Melding.objects.filter(inburgeraar_id__in=ids)),
        _("verwijzingen"): wis(Verwijzing.objects.filter(inburgeraar_id__in=ids)),
        _("vaste lasten"): wis(VasteLast.objects.filter(ontzorging__in=ontzorgingen)),
        _("verlengingen ontzorgen"): wis(Verlenging.objects.filter(ontzorging__in=ontzorgingen)),
    }
    aantallen[_("ontzorgingen")] = wis(ontzorgingen)
    return aantallen


def exporteer(inburgeraar) -> dict[str, list[dict]]:
    ontzorgingen = Ontzorging.objects.filter(inburgeraar=inburgeraar)
    return {
        str(_("Financieel ontzorgen")): [als_gegevens(o) for o in ontzorgingen],
        str(_("Vaste lasten")): [
            als_gegevens(v, zonder=("id",)) for v in VasteLast.objects.filter(ontzorging__in=ontzorgingen)
        ],
        str(_("Verlengingen ontzorgen")): [
            als_gegevens(v, zonder=("id",)) for v in Verlenging.objects.filter(ontzorging__in=ontzorgingen)
        ],
        str(_("Verwijzingen")): [als_gegevens(v) for v in Verwijzing.objects.filter(inburgeraar=inburgeraar)],
        str(_("Urenregistraties")): [als_gegevens(u) for u in Urenregistratie.objects.filter(inburgeraar=inburgeraar)],
        str(_("Meldingen")): [als_gegevens(m) for m in Melding.objects.filter(inburgeraar=inburgeraar)],
    }
