"""DUO's exam results (SS199) into the leerroute; registered in LeerroutesConfig.ready()."""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inburgering.duo.verwerking import dossier

from . import services
from .models import Examen


def examenresultaten(notificatie, client) -> str:
    """Record every result DUO knows that the dossier does not have yet (same part and date)."""
    inburgeraar = dossier(notificatie, client)
    resultaten = client.lees(f"/personen/{notificatie.bsn}/examens/resultaten") or []
    bekend = set(Examen.objects.filter(inburgeraar=inburgeraar).values_list("onderdeel", "examendatum"))
    nieuw, fouten = 0, []
    for resultaat in resultaten:
        datum = datetime.date.fromisoformat(resultaat["examendatum"])
        if (resultaat["onderdeel"], datum) in bekend:
            continue
        try:
            services.leg_examen_vast(
                door=None,
                inburgeraar=inburgeraar,
                gegevens={
                    "onderdeel": resultaat["onderdeel"],
                    "examendatum": datum,
                    "niveau": resultaat.get("niveau", ""),
                    "resultaat": resultaat["resultaat"],
                    "reden_geen_resultaat": resultaat.get("redenGeenResultaat", ""),
                },
            )
        except ValidationError as e:
            fouten.append(f"{resultaat['onderdeel']} {resultaat['examendatum']}: {' '.join(e.messages)}")
        else:
            nieuw += 1
    if fouten:
        return _("Controleer de examenuitslagen; niet overgenomen: %(fouten)s") % {"fouten": "; ".join(fouten)}
    return _("%(aantal)s nieuwe examenuitslag(en) overgenomen; bespreek ze in het voortgangsgesprek.") % {
        "aantal": nieuw
    }
