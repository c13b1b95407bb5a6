"""Services for PVT and MAP groups: a group of many inburgeraars with sessies, and attendance for all at once.

A group belongs to one or more gemeenten where the user may change dossiers; members are dossiers of
those gemeenten. Attendance checks every row before it writes any, so a mistake in one row loses
nothing and writes nothing.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering import services as dossier_services
from inburgering.models import Inburgeraar
from inburgering.permissions import WIJZIGEN, gemeenten_met_recht

from .models import MAP_SOORTEN, PVT_SOORTEN, Activiteit, Groep, Sessie
from .services import Soort


def _soorten(groep: Groep) -> frozenset[str]:
    return MAP_SOORTEN if groep.onderdeel == "map" else PVT_SOORTEN


@transaction.atomic
def maak_groep(*, door, naam: str, onderdeel: str, gemeenten, aanbieder=None) -> Groep:
    gemeenten = list(gemeenten)
    toegestaan = set(gemeenten_met_recht(door, WIJZIGEN).values_list("pk", flat=True))
    if not gemeenten:
        raise ValidationError({"gemeenten": _("Kies ten minste één gemeente.")})
    if any(g.pk not in toegestaan for g in gemeenten):
        raise ValidationError({"gemeenten": _("U kunt alleen een groep maken voor gemeenten van uw team.")})
    groep = Groep(naam=naam, onderdeel=onderdeel, aanbieder=aanbieder)
    groep.full_clean()
    groep.save()
    groep.gemeenten.set(gemeenten)
    return groep


@transaction.atomic
def voeg_leden_toe(*, door, groep: Groep, inburgeraars) -> int:
    ids = [i.pk for i in inburgeraars]
    toegestaan = set(
        Inburgeraar.objects.zichtbaar_voor(door, WIJZIGEN)
        .filter(pk__in=ids, gemeente__in=groep.gemeenten.all())
        .values_list("pk", flat=True)
    )
    if set(ids) - toegestaan:
        raise ValidationError({"leden": _("Alleen inburgeraars van de gemeenten van deze groep kunnen meedoen.")})
    groep.leden.add(*ids)
    return len(ids)


@transaction.atomic
def haal_uit_groep(*, door, groep: Groep, inburgeraar_id: int) -> None:
    """A member leaves the group (moved, another route); attendance already recorded stays on the dossier."""
    if not Inburgeraar.objects.zichtbaar_voor(door, WIJZIGEN).filter(pk=inburgeraar_id, groepen=groep).exists():
        raise ValidationError(_("Deze inburgeraar is geen deelnemer van deze groep die u kunt wijzigen."))
    groep.leden.remove(inburgeraar_id)


@transaction.atomic
def plan_sessie(*, door, groep: Groep, gegevens: dict) -> Sessie:
    sessie = Sessie(groep=groep, **gegevens)
    sessie.full_clean()
    if sessie.soort not in _soorten(groep):
        raise ValidationError(
            {
                "soort": _("Deze soort hoort niet bij een %(onderdeel)s-groep.")
                % {"onderdeel": groep.get_onderdeel_display()}
            }
        )
    if sessie.uren <= 0:
        raise ValidationError({"uren": _("Vul de duur van de sessie in uren in.")})
    sessie.save()
    return sessie


@dataclass(frozen=True)
class Rij:
    """One member's attendance as typed on the screen."""

    inburgeraar: Inburgeraar
    aanwezig: bool
    uren: Decimal | None
    reden_afwezigheid: str = ""


def rij_fouten(rij: Rij, sessie: Sessie) -> dict[str, str]:
    """What is wrong with one row, by field; the form shows these beside the row, the service refuses them."""
    if rij.aanwezig:
        if rij.uren is None or rij.uren <= 0:
            return {"uren": _("Vul de uren in, of vink 'aanwezig' uit.")}
        if rij.uren > sessie.uren:
            return {"uren": _("Meer dan de sessie duurde (%(uren)s uur).") % {"uren": sessie.uren}}
    elif rij.uren:
        return {"uren": _("Wie afwezig was, heeft geen uren. Laat dit leeg of vink 'aanwezig' aan.")}
    return {}


@transaction.atomic
def registreer_aanwezigheid(*, door, sessie: Sessie, rijen: list[Rij]) -> int:
    """Record attendance of a whole group at one sessie; replaces what was recorded for that sessie before."""
    if sessie.datum > timezone.localdate():
        raise ValidationError(_("Deze sessie is nog niet geweest; aanwezigheid legt u daarna vast."), code="toekomst")
    leden = set(
        Inburgeraar.objects.zichtbaar_voor(door, WIJZIGEN).filter(groepen=sessie.groep).values_list("pk", flat=True)
    )
    fouten = []
    for nummer, rij in enumerate(rijen, start=1):
        if rij.inburgeraar.pk not in leden:
            fouten.append(_("Regel %(n)s: deze inburgeraar is geen deelnemer van de groep.") % {"n": nummer})
        fouten += [
            _("Regel %(n)s: %(fout)s") % {"n": nummer, "fout": tekst} for tekst in rij_fouten(rij, sessie).values()
        ]
    if fouten:
        raise ValidationError(fouten, code="rij")
    for rij in rijen:
        Activiteit.objects.update_or_create(
            sessie=sessie,
            inburgeraar=rij.inburgeraar,
            defaults={
                "soort": sessie.soort,
                "datum": sessie.datum,
                "uren": rij.uren if rij.aanwezig else 0,
                "aanwezig": rij.aanwezig,
                "reden_afwezigheid": "" if rij.aanwezig else rij.reden_afwezigheid,
                "omschrijving": sessie.onderwerp,
                "vastgelegd_door": door,
            },
        )
        dossier_services.schrijf_gebeurtenis(
            inburgeraar=rij.inburgeraar,
            soort=Soort.ACTIVITEIT,
            omschrijving=(
                _("%(groep)s, %(soort)s op %(datum)s: aanwezig, %(uren)s uur.")
                if rij.aanwezig
                else _("%(groep)s, %(soort)s op %(datum)s: afwezig.")
            )
            % {
                "groep": sessie.groep.naam,
                "soort": sessie.get_soort_display(),
                "datum": opmaak.datum(sessie.datum),
                "uren": rij.uren,
            },
            door=door,
            sessie=sessie.pk,
        )
    return len(rijen)
