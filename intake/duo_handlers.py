"""DUO's leerbaarheidstoets events (SS137, SS131) into the brede intake; registered in IntakeConfig.ready()."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.duo.verwerking import dossier

from . import services
from .models import BredeIntake


def _lopende_intake(inburgeraar) -> BredeIntake | None:
    intake = BredeIntake.objects.filter(inburgeraar=inburgeraar).first()
    return intake if intake is not None and not intake.is_afgerond else None


def aangemeld_voor_lbt(notificatie, client) -> str:
    """SS137: note the registration in a running intake; the result follows with SS131."""
    intake = _lopende_intake(dossier(notificatie, client))
    if intake is None:
        return _("Aangemeld voor de leerbaarheidstoets: start de brede intake.")
    datum = timezone.localdate(notificatie.registratie_datum_tijd)
    services.sla_leerbaarheidstoets_op(door=None, intake=intake, gegevens={"datum_aanmelding": datum})
    return ""


def lbt_uitslag(notificatie, client) -> str:
    """SS131: read lbt/resultaten and put the latest result in the brede intake."""
    inburgeraar = dossier(notificatie, client)
    resultaten = client.lees(f"/personen/{notificatie.bsn}/lbt/resultaten") or []
    if not resultaten:
        return _("DUO meldde een uitslag maar gaf geen resultaat: vraag dit na bij DUO.")
    laatste = max(resultaten, key=lambda r: r["datumAfname"])
    samenvatting = _("Uitslag leerbaarheidstoets: %(resultaat)s.") % {"resultaat": laatste["resultaat"]}
    intake = _lopende_intake(inburgeraar)
    if intake is None:
        return samenvatting + " " + _("Neem de uitslag op in de brede intake.")
    try:
        services.sla_leerbaarheidstoets_op(
            door=None,
            intake=intake,
            gegevens={
                "resultaat": laatste["resultaat"],
                "behaalde_score": Decimal(str(laatste["behaaldeScore"])),
                "benodigde_score": Decimal(str(laatste["benodigdeScore"])),
                "datum_afname": datetime.date.fromisoformat(laatste["datumAfname"]),
            },
        )
    except ValidationError as e:
        return samenvatting + " " + _("Niet overgenomen: %(fout)s") % {"fout": " ".join(e.messages)}
    return _("Betrek de uitslag van de leerbaarheidstoets bij het advies over de leerroute.")
