"""Meldingen: a begeleider tells the regisseur about a problem, a no-show or a question."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.services import schrijf_gebeurtenis

from ..models import Melding
from .tijdlijn import MELDING, MELDING_AFGEHANDELD, datum_tekst
from .verwijzingen import actieve_verwijzing


@transaction.atomic
def maak_melding(*, door, inburgeraar, soort, tekst) -> Melding:
    """A begeleider tells the regisseur about a problem, a no-show or a question."""
    verwijzing = actieve_verwijzing(begeleider=door, inburgeraar_id=inburgeraar.pk)
    if verwijzing is None:
        raise ValidationError(_("U heeft geen lopende verwijzing voor deze inburgeraar."), code="geen_verwijzing")
    if not tekst.strip():
        raise ValidationError({"tekst": ValidationError(_("Schrijf wat er aan de hand is."), code="tekst_ontbreekt")})
    melding = Melding.objects.create(
        inburgeraar=inburgeraar, verwijzing=verwijzing, soort=soort, tekst=tekst, door=door
    )
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=MELDING,
        omschrijving=_("Melding van %(naam)s (%(soort)s): %(tekst)s")
        % {"naam": door, "soort": melding.get_soort_display().lower(), "tekst": tekst},
        door=door,
        melding=melding.pk,
    )
    return melding


@transaction.atomic
def handel_melding_af(*, door, melding) -> Melding:
    melding = Melding.objects.select_for_update().select_related("inburgeraar").get(pk=melding.pk)
    if melding.afgehandeld_op is not None:
        return melding
    melding.afgehandeld_door = door
    melding.afgehandeld_op = timezone.now()
    melding.save(update_fields=["afgehandeld_door", "afgehandeld_op"])
    schrijf_gebeurtenis(
        inburgeraar=melding.inburgeraar,
        soort=MELDING_AFGEHANDELD,
        omschrijving=_("Melding van %(datum)s afgehandeld.")
        % {"datum": datum_tekst(timezone.localtime(melding.created_at))},
        door=door,
        melding=melding.pk,
    )
    return melding
