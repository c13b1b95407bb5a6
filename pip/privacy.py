"""The PIP's part of destruction (records and stored beschikking PDFs) and of the AVG export."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from inburgering.privacy import als_gegevens, wis

from .models import Afspraak, Agendapunt, Handhaving, Pip, Voortgangsgesprek


def vernietig(ids: list[int]) -> dict[str, int]:
    pips = Pip.objects.filter(inburgeraar_id__in=ids)
    handhavingen = Handhaving.objects.filter(inburgeraar_id__in=ids)
    bestanden = [
        *pips.exclude(Q(pdf="") | Q(pdf__isnull=True)).values_list("pdf", flat=True),
        *handhavingen.exclude(Q(pdf="") | Q(pdf__isnull=True)).values_list("pdf", flat=True),
        *handhavingen.exclude(intrekking_pdf="").values_list("intrekking_pdf", flat=True),
    ]
    aantallen = {
        _("afspraken uit casuïstiekoverleg"): wis(Afspraak.objects.filter(inburgeraar_id__in=ids)),
        _("agendapunten van casuïstiekoverleg"): wis(Agendapunt.objects.filter(inburgeraar_id__in=ids)),
        _("voortgangsgesprekken"): wis(Voortgangsgesprek.objects.filter(inburgeraar_id__in=ids)),
        _("handhavingsbesluiten"): wis(handhavingen),
    }
    pips.update(vorige=None)  # versions point at each other (PROTECT): unlink, then delete together
    aantallen[_("PIP's en wijzigingsbeschikkingen")] = wis(pips)
    aantallen[_("opgeslagen beschikkingen (PDF)")] = len(bestanden)
    # Files go only once the rows are gone for good: a rollback keeps both.
    transaction.on_commit(lambda: _verwijder_bestanden(bestanden))
    return aantallen


def _verwijder_bestanden(namen: list[str]) -> None:
    veld = Pip._meta.get_field("pdf")
    for naam in namen:
        veld.storage.delete(naam)


def exporteer(inburgeraar) -> dict[str, list[dict]]:
    return {
        str(_("PIP's")): [als_gegevens(p) for p in Pip.objects.filter(inburgeraar=inburgeraar).order_by("versie")],
        str(_("Voortgangsgesprekken")): [
            als_gegevens(v) for v in Voortgangsgesprek.objects.filter(inburgeraar=inburgeraar)
        ],
        str(_("Handhaving")): [als_gegevens(h) for h in Handhaving.objects.filter(inburgeraar=inburgeraar)],
        str(_("Casuïstiekoverleg")): [
            *[als_gegevens(p) for p in Agendapunt.objects.filter(inburgeraar=inburgeraar)],
            *[als_gegevens(a) for a in Afspraak.objects.filter(inburgeraar=inburgeraar)],
        ],
    }
