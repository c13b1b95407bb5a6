"""The only writers of the kosten app: book an interpreter, add a manual cost line."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering.services import schrijf_gebeurtenis

from .berekening import CENT, Prijzen, Verantwoordelijk
from .bronnen import Gebruik
from .models import Eenheid, Gesprek, Kostenpost, Tolkinzet, Tolkwijze, Voorziening

TOLK_GEBOEKT = "tolk_geboekt"
KOSTEN_GEBOEKT = "kosten_geboekt"


def tolkprijs(*, aanbieder, gemeente_id: int, datum, duur_minuten: int) -> tuple[str, Decimal] | None:
    """(eenheid, bedrag) from the aanbieder's tolk contract on that day: per inzet, else per uur."""
    prijzen = Prijzen()
    for eenheid in (Eenheid.INZET, Eenheid.UUR):
        hoeveelheid = Decimal(1) if eenheid == Eenheid.INZET else Decimal(duur_minuten) / 60
        gebruik = Gebruik(0, datum, Voorziening.TOLK, eenheid, hoeveelheid, aanbieder.pk)
        prijs = prijzen.voor(gebruik, gemeente_id)
        if prijs is not None:
            return eenheid, (prijs * hoeveelheid).quantize(CENT)
    return None


@transaction.atomic
def boek_tolk(
    *, door, inburgeraar, gesprek: str, datum, taal: str, wijze: str, aanbieder, duur_minuten: int = 60
) -> Tolkinzet:
    gemeente_id = Verantwoordelijk([inburgeraar.pk]).op(inburgeraar.pk, datum)
    prijs = tolkprijs(aanbieder=aanbieder, gemeente_id=gemeente_id, datum=datum, duur_minuten=duur_minuten)
    if prijs is None:
        raise ValidationError(
            {
                "aanbieder": _(
                    "%(aanbieder)s heeft op %(datum)s geen contractprijs voor tolken in deze gemeente. "
                    "Kies een andere aanbieder of vraag functioneel beheer de prijs vast te leggen."
                )
                % {"aanbieder": aanbieder, "datum": opmaak.datum(datum)}
            },
            code="geen_contractprijs",
        )
    eenheid, bedrag = prijs
    inzet = Tolkinzet.objects.create(
        inburgeraar=inburgeraar,
        gesprek=gesprek,
        datum=datum,
        taal=taal,
        wijze=wijze,
        aanbieder=aanbieder,
        duur_minuten=duur_minuten,
        eenheid=eenheid,
        bedrag=bedrag,
        geboekt_door=door,
    )
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=TOLK_GEBOEKT,
        omschrijving=_("Tolk %(taal)s (%(wijze)s) geboekt voor het %(gesprek)s op %(datum)s bij %(aanbieder)s.")
        % {
            "taal": taal,
            "wijze": Tolkwijze(wijze).label.lower(),
            "gesprek": Gesprek(gesprek).label.lower(),
            "datum": opmaak.datum(datum),
            "aanbieder": aanbieder,
        },
        door=door,
        tolkinzet=inzet.pk,
    )
    return inzet


@transaction.atomic
def boek_kosten(
    *, door, inburgeraar, datum, voorziening: str, bedrag: Decimal, reden: str, hoeveelheid=0
) -> Kostenpost:
    """A manual cost line; it belongs to the gemeente responsible on its date, whatever happens later."""
    if not reden.strip():
        raise ValidationError({"reden": _("Leg uit waarom deze kosten met de hand worden geboekt.")}, code="reden")
    post = Kostenpost.objects.create(
        inburgeraar=inburgeraar,
        soort=Kostenpost.Soort.HANDMATIG,
        gemeente_id=Verantwoordelijk([inburgeraar.pk]).op(inburgeraar.pk, datum),
        jaar=datum.year,
        datum=datum,
        voorziening=voorziening,
        hoeveelheid=hoeveelheid or 0,
        bedrag=bedrag,
        reden=reden.strip(),
        door=door,
    )
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=KOSTEN_GEBOEKT,
        omschrijving=_("Kosten %(voorziening)s van € %(bedrag)s geboekt op %(datum)s: %(reden)s")
        % {
            "voorziening": Voorziening(voorziening).label,
            "bedrag": f"{bedrag:.2f}".replace(".", ","),
            "datum": opmaak.datum(datum),
            "reden": post.reden,
        },
        door=door,
        kostenpost=post.pk,
    )
    return post
