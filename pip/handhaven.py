"""Handhaving: a waarschuwing or boete the regisseur decided on, and its withdrawal.

Nothing here runs by itself: only a person decides to enforce, or to withdraw (after a bezwaar,
say). Both are beschikkingen with their own PDF; a withdrawn decision keeps its original letter.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import brieven, opmaak
from inburgering import services as dossier_services
from inburgering.models import Inburgeraar

from .models import Handhaving
from .pdf import render_pdf, sha256
from .services import Soort, briefhoofd, vergrendel, weiger_zonder_adres


@transaction.atomic
def leg_vast(*, door, inburgeraar: Inburgeraar, gegevens: dict) -> Handhaving:
    """Record a waarschuwing or boete the regisseur decided on, with its own beschikking PDF.

    Nothing calls this automatically: only a person decides to enforce.
    """
    inburgeraar = vergrendel(inburgeraar)
    handhaving = Handhaving(inburgeraar=inburgeraar, vastgelegd_door=door, kenmerk="-", **gegevens)
    handhaving.full_clean()
    fouten = {}
    if not handhaving.verwijtbaarheid_motivatie.strip():
        fouten["verwijtbaarheid_motivatie"] = _("Beoordeel de verwijtbaarheid; zonder die beoordeling geen besluit.")
    if handhaving.soort == Handhaving.Soort.BOETE:
        if handhaving.verwijtbaarheid == Handhaving.Verwijtbaarheid.NIET:
            fouten["verwijtbaarheid"] = _(
                "Geen boete als de inburgeraar niets te verwijten valt (Awb 5:41). Kies een waarschuwing of niets."
            )
        if handhaving.bedrag is None or handhaving.bedrag <= 0:
            fouten["bedrag"] = _("Vul het bedrag van de boete in.")
        elif handhaving.bedrag > settings.BOETE_MAXIMUM:
            fouten["bedrag"] = _("De boete is hoogstens € %(max)s.") % {"max": settings.BOETE_MAXIMUM}
    elif handhaving.bedrag:
        fouten["bedrag"] = _("Een waarschuwing heeft geen bedrag. Laat dit leeg.")
    if handhaving.dagtekening > timezone.localdate():
        fouten["dagtekening"] = _("De dagtekening kan niet in de toekomst liggen.")
    if adres := brieven.adres_ontbreekt(inburgeraar):
        fouten["adres"] = adres
    if fouten:
        raise ValidationError(fouten)
    handhaving.save()
    handhaving.kenmerk = f"HH-{inburgeraar.gemeente.gemeentecode}-{inburgeraar.pk}-{handhaving.pk}"
    handhaving.sha256, handhaving.pdf = _brief(
        "pip/handhaving_beschikking.html", handhaving, handhaving.dagtekening, handhaving.kenmerk, "handhaving"
    )
    handhaving.save(update_fields=["kenmerk", "sha256", "pdf"])
    _bekendgemaakt(inburgeraar, handhaving.dagtekening)
    omschrijving = _("%(soort)s vastgelegd wegens: %(verplichting)s (%(kenmerk)s).") % {
        "soort": handhaving.get_soort_display(),
        "verplichting": handhaving.get_verplichting_display().lower(),
        "kenmerk": handhaving.kenmerk,
    }
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar, soort=Soort.HANDHAVING, omschrijving=omschrijving, door=door, handhaving=handhaving.pk
    )
    return handhaving


@transaction.atomic
def trek_in(*, door, handhaving: Handhaving, datum, reden: str) -> Handhaving:
    """Withdraw a waarschuwing or boete (after a bezwaar, or an error found): a beschikking of its own."""
    vergrendel(handhaving.inburgeraar, pip_regime=False)  # a decision taken before stays withdrawable
    besluit = Handhaving.objects.select_for_update().select_related("inburgeraar__gemeente").get(pk=handhaving.pk)
    if besluit.ingetrokken_op:
        raise ValidationError(
            _("Dit besluit is al ingetrokken op %(datum)s.") % {"datum": opmaak.datum(besluit.ingetrokken_op)}
        )
    fouten = {}
    if not reden.strip():
        fouten["reden_intrekking"] = _("Geef de reden van de intrekking, bijvoorbeeld de beslissing op bezwaar.")
    if datum < besluit.dagtekening:
        fouten["ingetrokken_op"] = _(
            "De intrekking kan niet vóór de dagtekening van het besluit (%(datum)s) liggen."
        ) % {"datum": opmaak.datum(besluit.dagtekening)}
    elif datum > timezone.localdate():
        fouten["ingetrokken_op"] = _("De datum van intrekking kan niet in de toekomst liggen.")
    if adres := brieven.adres_ontbreekt(besluit.inburgeraar):
        fouten["adres"] = adres
    if fouten:
        raise ValidationError(fouten)
    besluit.ingetrokken_op, besluit.reden_intrekking, besluit.ingetrokken_door = datum, reden.strip(), door
    besluit.intrekking_sha256, besluit.intrekking_pdf = _brief(
        "pip/intrekking_beschikking.html", besluit, datum, f"{besluit.kenmerk}-I", "intrekking"
    )
    besluit.save()
    _bekendgemaakt(besluit.inburgeraar, datum)
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=besluit.inburgeraar,
        soort=Soort.INTREKKING,
        omschrijving=_("%(soort)s %(kenmerk)s ingetrokken: %(reden)s")
        % {"soort": besluit.get_soort_display(), "kenmerk": besluit.kenmerk, "reden": besluit.reden_intrekking},
        door=door,
        handhaving=besluit.pk,
    )
    return besluit


def _brief(template: str, handhaving: Handhaving, dagtekening, kenmerk: str, naam: str) -> tuple[str, ContentFile]:
    """Render a beschikking about `handhaving` once; returns its SHA-256 and the file to store."""
    inburgeraar = handhaving.inburgeraar
    weiger_zonder_adres(inburgeraar)
    context = {**briefhoofd(inburgeraar, dagtekening=dagtekening, kenmerk=kenmerk), "handhaving": handhaving}
    _html, pdf = render_pdf(template, context)
    return sha256(pdf), ContentFile(pdf, name=f"{naam}-{inburgeraar.pk}-{handhaving.pk}.pdf")


def _bekendgemaakt(inburgeraar: Inburgeraar, dagtekening) -> None:
    """The latest bekendmaking starts the bezwaartermijn the deadlines watch."""
    if (inburgeraar.datum_laatste_bekendmaking or dagtekening) <= dagtekening:
        inburgeraar.datum_laatste_bekendmaking = dagtekening
        inburgeraar.save(update_fields=["datum_laatste_bekendmaking", "updated_at"])
        dossier_services.synchroniseer_termijnen([inburgeraar.pk])
