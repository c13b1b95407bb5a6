"""AVG inzage (art. 15): everything the system holds about one person, and who looked at their dossier.

The core gathers its own records and asks every app through inburgering.privacy for theirs."""

from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Inburgeraar, Inzage
from .register import als_gegevens, bijdragen


def verzamel(inburgeraar: Inburgeraar) -> dict:
    secties = {
        _("Persoonsgegevens en dossier"): [als_gegevens(inburgeraar, zonder=("id",))],
        _("Huishouden"): [als_gegevens(inburgeraar.huishouden)] if inburgeraar.huishouden else [],
        _("Tijdlijn"): [
            als_gegevens(g, zonder=("id", "inburgeraar", "gegevens"))
            for g in inburgeraar.tijdlijn.select_related("gemeente", "actor")
        ],
        _("Termijnen"): [als_gegevens(t) for t in inburgeraar.termijnen.all()],
    }
    for bijdrage in bijdragen():
        secties.update(bijdrage.exporteer(inburgeraar))
    secties[_("Inzagelog: wie het dossier bekeek")] = [
        {
            _("gebruiker"): str(inzage.user),
            _("organisatie"): str(inzage.user.organisatie or ""),
            _("tijdstip"): timezone.localtime(inzage.tijdstip).isoformat(),
            _("soort"): inzage.get_soort_display(),
            _("pagina"): inzage.pagina,
            _("bijzondere persoonsgegevens getoond"): inzage.bijzondere_persoonsgegevens,
        }
        for inzage in Inzage.objects.filter(bsn=inburgeraar.bsn).select_related("user__organisatie")
    ]
    return {
        "gegenereerd_op": timezone.localtime().isoformat(),
        "bsn": inburgeraar.bsn,
        "secties": {str(naam): rijen for naam, rijen in secties.items()},
    }
