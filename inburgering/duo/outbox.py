"""Our decisions to DUO: queued as a row in the same transaction as the fact, then sent by Celery.

A message is queued only after DUO's rules (checked by the domain app's service) and DUO's schema
(checked here) hold, so a refusal is the exception. Sending claims the row, sends it once, and
records DUO's answer: 2xx confirms (a confirmed message is never sent again), 4xx refuses with
DUO's Foutmelding for the regisseur, 5xx or a timeout retries with exponential backoff until
settings.DUO_MAX_POGINGEN, after which the message fails and the functioneel beheerder sees it.

No database lock is held while DUO answers: the claim and the outcome are two short transactions
that lock the message row only, so other messages (of the same gemeente and dossier too) go out
meanwhile. A claim whose worker died stays `sent`; the worker that starts with the same name takes
it back at once (herstel_na_herstart), the safety net after VERLOREN_NA. Every send of a message
carries its own berichtId, so DUO recognises a resend as a repeat.
"""

import datetime
import json
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .client import DuoNietBereikbaar, client_voor
from .models import DuoBericht
from .schema import valideer

log = logging.getLogger(__name__)

# A message claimed as sent but without an outcome after this long lost its worker: send it again.
VERLOREN_NA = datetime.timedelta(minutes=15)


def zet_klaar(*, inburgeraar, soort: str, methode: str, pad: str, inhoud: dict, spec: tuple[str, str]):
    """Queue a message to DUO for this dossier; None when its gemeente exchanges nothing with DUO.

    `pad` is under DUO's base URL with `{bsn}` filled in here; `spec` is (OpenAPI file, schema name).
    """
    valideer(*spec, inhoud)
    gemeente = inburgeraar.gemeente
    if not gemeente.duo_basis_url or not inburgeraar.bsn:
        return None
    bericht = DuoBericht.objects.create(
        inburgeraar=inburgeraar,
        gemeente=gemeente,
        soort=soort,
        methode=methode,
        pad=pad.format(bsn=inburgeraar.bsn),
        inhoud=inhoud,
    )
    transaction.on_commit(lambda: _plan(bericht.pk))
    return bericht


def _plan(pk: int, countdown: float | None = None) -> None:
    from .tasks import verstuur_bericht

    verstuur_bericht.apply_async((pk,), countdown=countdown)


def _met_slot(*, wacht: bool = True):
    """Messages whose row this transaction locks; only that row, never the gemeente's or the dossier's
    (select_related would lock those too), which every other message of the gemeente needs as well."""
    return DuoBericht.objects.select_for_update(skip_locked=not wacht, of=("self",)).select_related(
        "gemeente", "inburgeraar"
    )


def _claim(pk: int, knooppunt: str) -> DuoBericht | None:
    """Mark the message sent by this worker and count the attempt, committed before DUO is called."""
    with transaction.atomic():
        bericht = _met_slot(wacht=False).filter(pk=pk, status=DuoBericht.Status.WACHTEND).first()
        if bericht is None:
            return None  # confirmed, refused, failed, being sent, or another worker is claiming it
        bericht.status = DuoBericht.Status.VERZONDEN
        bericht.pogingen += 1
        bericht.verzonden_op = timezone.now()
        bericht.verzonden_door = knooppunt
        bericht.save(update_fields=["status", "pogingen", "verzonden_op", "verzonden_door"])
    return bericht


def verstuur(pk: int, *, knooppunt: str = "") -> str | None:
    """Send one queued message once; returns its new status (None when there was nothing to send).

    `knooppunt` names the Celery worker sending it, so that the same worker restarted after a crash
    knows which sends were its own and never got an answer.
    """
    bericht = _claim(pk, knooppunt)
    if bericht is None:
        return None
    try:
        with client_voor(bericht.gemeente) as client:
            antwoord = client.verstuur(
                bericht.methode, bericht.pad, bericht_id=bericht.bericht_id, inhoud=bericht.inhoud
            )
    except DuoNietBereikbaar as e:
        return _later_opnieuw(bericht, str(e))
    if antwoord.is_success:
        return _bevestigd(bericht)
    return _geweigerd(bericht, antwoord.status_code, _fouttekst(antwoord))


def _fouttekst(antwoord) -> str:
    """DUO's Foutmelding: one object or a list of them, each with a fouttekst."""
    try:
        inhoud = antwoord.json()
    except (json.JSONDecodeError, ValueError):
        return antwoord.text[:500]
    meldingen = inhoud if isinstance(inhoud, list) else [inhoud]
    teksten = [m.get("fouttekst", "") for m in meldingen if isinstance(m, dict)]
    return " ".join(t for t in teksten if t) or antwoord.text[:500]


AFGEROND = (DuoBericht.Status.BEVESTIGD, DuoBericht.Status.GEWEIGERD, DuoBericht.Status.MISLUKT)


def _nog_open(geclaimd: DuoBericht) -> DuoBericht | None:
    """The claimed message, locked, unless it already has its outcome: a resend after a reclaim may
    have got DUO's answer first, and a message is confirmed or refused only once."""
    return _met_slot().filter(pk=geclaimd.pk).exclude(status__in=AFGEROND).first()


def _schrijf(bericht, omschrijving, **gegevens):
    from ..services import schrijf_gebeurtenis

    schrijf_gebeurtenis(
        inburgeraar=bericht.inburgeraar, soort="duo", omschrijving=omschrijving, bericht=bericht.pk, **gegevens
    )


@transaction.atomic
def _bevestigd(geclaimd: DuoBericht) -> str | None:
    bericht = _nog_open(geclaimd)
    if bericht is None:
        return None
    bericht.status = DuoBericht.Status.BEVESTIGD
    bericht.bevestigd_op = timezone.now()
    bericht.laatste_fout = ""
    bericht.save(update_fields=["status", "bevestigd_op", "laatste_fout"])
    _schrijf(bericht, _("DUO bevestigde het bericht %(soort)s.") % {"soort": bericht.get_soort_display()})
    return bericht.status


@transaction.atomic
def _geweigerd(geclaimd: DuoBericht, status_code: int, fouttekst: str) -> str | None:
    bericht = _nog_open(geclaimd)
    if bericht is None:
        return None
    bericht.status = DuoBericht.Status.GEWEIGERD
    bericht.fouttekst = fouttekst or _("DUO gaf geen toelichting.")
    bericht.laatste_fout = f"HTTP {status_code}"
    bericht.save(update_fields=["status", "fouttekst", "laatste_fout"])
    _schrijf(
        bericht,
        _("DUO weigerde het bericht %(soort)s: %(fout)s Pas het gegeven aan; bij opslaan gaat een nieuw bericht.")
        % {"soort": bericht.get_soort_display(), "fout": bericht.fouttekst},
    )
    log.warning("DUO weigerde bericht %s (%s): %s", bericht.bericht_id, status_code, bericht.fouttekst)
    return bericht.status


def _later_opnieuw(geclaimd: DuoBericht, fout: str) -> str | None:
    """5xx or timeout: back off exponentially (1, 2, 4, ... × DUO_BACKOFF_SECONDEN), then give up.

    Only while the claim is still this one (its attempt count is the claim's): a message taken back
    and sent again belongs to the newer claim.
    """
    with transaction.atomic():
        bericht = _nog_open(geclaimd)
        if bericht is None or (bericht.status, bericht.pogingen) != (DuoBericht.Status.VERZONDEN, geclaimd.pogingen):
            return None
        bericht.laatste_fout = fout[:2000]
        if bericht.pogingen >= settings.DUO_MAX_POGINGEN:
            bericht.status = DuoBericht.Status.MISLUKT
            bericht.save(update_fields=["status", "laatste_fout"])
            log.error("Bericht %s aan DUO mislukt na %s pogingen: %s", bericht.bericht_id, bericht.pogingen, fout)
            return bericht.status
        wachttijd = settings.DUO_BACKOFF_SECONDEN * 2 ** (bericht.pogingen - 1)
        bericht.status = DuoBericht.Status.WACHTEND
        bericht.volgende_poging = timezone.now() + datetime.timedelta(seconds=wachttijd)
        bericht.save(update_fields=["status", "laatste_fout", "volgende_poging"])
    _plan(bericht.pk, countdown=wachttijd)
    return bericht.status


def opnieuw(*, bericht: DuoBericht) -> DuoBericht:
    """The functioneel beheerder sends a failed or refused message again, with a fresh count."""
    with transaction.atomic():
        bericht = DuoBericht.objects.select_for_update().get(pk=bericht.pk)
        if bericht.status not in {DuoBericht.Status.MISLUKT, DuoBericht.Status.GEWEIGERD}:
            raise ValueError(_("Alleen een mislukt of geweigerd bericht kan opnieuw worden verstuurd."))
        bericht.status = DuoBericht.Status.WACHTEND
        bericht.pogingen = 0
        bericht.volgende_poging = timezone.now()
        bericht.save(update_fields=["status", "pogingen", "volgende_poging"])
        transaction.on_commit(lambda: _plan(bericht.pk))
    return bericht


def verstuur_openstaande(*, herstart: str = "") -> int:
    """The safety net (beat): due retries, and messages whose worker was lost while sending.

    `herstart` names a worker that has just started: the sends it claimed before it died get no
    answer any more, so they are taken back at once rather than after VERLOREN_NA.
    """
    nu = timezone.now()
    verloren = Q(verzonden_op__lt=nu - VERLOREN_NA)
    if herstart:
        verloren |= Q(verzonden_door=herstart)
    DuoBericht.objects.filter(verloren, status=DuoBericht.Status.VERZONDEN).update(status=DuoBericht.Status.WACHTEND)
    pks = list(
        DuoBericht.objects.filter(status=DuoBericht.Status.WACHTEND, volgende_poging__lte=nu).values_list(
            "pk", flat=True
        )
    )
    for pk in pks:
        _plan(pk)
    return len(pks)
