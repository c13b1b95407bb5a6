"""Approved hours as DUO's GevolgdeUren: PUT /personen/{bsn}/uren/<kind> {"uren": total}.

Each kind is a running total (GevolgdeUren.openapi.yml), so after approving or correcting hours the
new totals are queued, and only those that differ from what was last sent or queued.
"""

from inburgering.duo import outbox
from inburgering.duo.models import DuoBericht
from inburgering.models import Inburgeraar

from .queries import DuoUren, uren_totalen

SPEC = "GevolgdeUren.openapi.yml"
SCHEMA = {
    DuoUren.TAALLES_KNM_BREDE_INTAKE: "TaallesEnKnmBredeIntake",
    DuoUren.PARTICIPATIEACTIVITEITEN: "ParticipatieactiviteitenBredeIntake",
    DuoUren.PARTICIPATIE_ALS_TAALLES: "ParticipatieAlsTaalles",
}
# What DUO has or will have; a refused or failed message does not count as sent.
_GELDT = [DuoBericht.Status.WACHTEND, DuoBericht.Status.VERZONDEN, DuoBericht.Status.BEVESTIGD]


def _laatst_gemeld(inburgeraar, pad: str) -> dict | None:
    bericht = (
        DuoBericht.objects.filter(inburgeraar=inburgeraar, pad=pad, status__in=_GELDT)
        .order_by("-created_at", "-pk")
        .first()
    )
    return bericht.inhoud if bericht else None


def meld_uren(inburgeraar_ids) -> int:
    """Queue the changed totals of these dossiers; returns how many messages were queued."""
    ids = list(dict.fromkeys(inburgeraar_ids))
    totalen = uren_totalen(ids)
    aantal = 0
    for inburgeraar in Inburgeraar.objects.filter(pk__in=ids).select_related("gemeente"):
        if not inburgeraar.bsn:
            continue
        for soort, uren in totalen[inburgeraar.pk]["duo"].items():
            # Whole hours, rounded down: DUO is never told of more hours than were followed.
            inhoud = {"uren": min(int(uren), 9999)}
            pad = f"/personen/{inburgeraar.bsn}/uren/{soort}"
            vorige = _laatst_gemeld(inburgeraar, pad)
            if vorige == inhoud or (vorige is None and inhoud["uren"] == 0):
                continue
            if outbox.zet_klaar(
                inburgeraar=inburgeraar, soort="uren", methode="PUT", pad=pad, inhoud=inhoud, spec=(SPEC, SCHEMA[soort])
            ):
                aantal += 1
    return aantal
