"""Our decisions to DUO: queued as a row in the same transaction as the fact, then sent by Celery.

A message is queued only after DUO's rules (checked by the domain app's service) and DUO's schema
(checked here) hold, so a refusal is the exception. Sending claims the row, sends it once, and
records DUO's answer: 2xx confirms (a confirmed message is never sent again), 4xx refuses with
DUO's Foutmelding for the regisseur, 5xx or a timeout retries with exponential backoff until
settings.DUO_MAX_POGINGEN, after which the message fails and the functioneel beheerder sees it.

No database lock is held while DUO answers: the claim and the outcome are two short transactions
that lock the message row only, so other messages (of the same gemeente and dossier too) go out
meanwhile. A claim is a lease (`geclaimd_tot`, CLAIM_DUUR ahead), renewed every VERLENG_ELKE while
DUO has not answered; a claim past its lease belongs to a worker that died, and beat
(neem_verlopen_claims_terug, every TERUGNEMEN_ELKE) puts it back in the queue for any worker, whatever
its name, so it goes out again within CLAIM_DUUR + TERUGNEMEN_ELKE. A worker that starts again under
its old name takes its own claims back at once. Every send of a message carries its own berichtId, so
DUO recognises a resend as a repeat.
"""

import datetime
import json
import logging
import threading

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .client import DuoNietBereikbaar, client_voor
from .models import DuoBericht
from .schema import valideer

log = logging.getLogger(__name__)

# A claim holds for CLAIM_DUUR and the sending worker renews it every VERLENG_ELKE while DUO has not
# answered (a send may take several DUO_TIMEOUT_SECONDEN: connect, write and read each have their own),
# so only a dead worker's claim runs out. Beat takes expired claims back every TERUGNEMEN_ELKE (the
# "duo-claims-terugnemen" schedule in the settings), which bounds a dead worker's message to
# CLAIM_DUUR + TERUGNEMEN_ELKE, well within two minutes.
CLAIM_DUUR = datetime.timedelta(seconds=60)
VERLENG_ELKE = datetime.timedelta(seconds=15)
TERUGNEMEN_ELKE = datetime.timedelta(seconds=20)


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
        bericht.geclaimd_tot = bericht.verzonden_op + CLAIM_DUUR
        bericht.save(update_fields=["status", "pogingen", "verzonden_op", "verzonden_door", "geclaimd_tot"])
    return bericht


def _verleng(geclaimd: DuoBericht) -> bool:
    """Push this claim's lease forward; False when the claim is no longer this one (taken back, answered)."""
    return bool(
        DuoBericht.objects.filter(
            pk=geclaimd.pk, status=DuoBericht.Status.VERZONDEN, pogingen=geclaimd.pogingen
        ).update(geclaimd_tot=timezone.now() + CLAIM_DUUR)
    )


class _Verlenging:
    """While DUO has not answered, a thread renews the claim's lease every VERLENG_ELKE. A quick answer
    stops it before its first renewal, so most sends never open the thread's own database connection."""

    def __init__(self, geclaimd: DuoBericht):
        self._geclaimd = geclaimd
        self._klaar = threading.Event()
        self._draad = threading.Thread(target=self._verleng, name=f"duo-claim-{geclaimd.pk}", daemon=True)

    def __enter__(self):
        self._draad.start()
        return self

    def __exit__(self, *exc):
        self._klaar.set()
        self._draad.join()

    def _verleng(self):
        try:
            while not self._klaar.wait(VERLENG_ELKE.total_seconds()):
                try:
                    if not _verleng(self._geclaimd):
                        return
                except Exception:  # the database is away for a moment: try again next time
                    log.exception("Claim op bericht %s aan DUO niet verlengd", self._geclaimd.pk)
        finally:
            connection.close()  # this thread's own connection, if it opened one


def verstuur(pk: int, *, knooppunt: str = "") -> str | None:
    """Send one queued message once; returns its new status (None when there was nothing to send).

    `knooppunt` names the Celery worker sending it, so that the same worker restarted after a crash
    knows which sends were its own and never got an answer.
    """
    bericht = _claim(pk, knooppunt)
    if bericht is None:
        return None
    try:
        with _Verlenging(bericht), client_voor(bericht.gemeente) as client:
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
    bericht.geclaimd_tot = None
    bericht.save(update_fields=["status", "bevestigd_op", "laatste_fout", "geclaimd_tot"])
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
    bericht.geclaimd_tot = None
    bericht.save(update_fields=["status", "fouttekst", "laatste_fout", "geclaimd_tot"])
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
        bericht.geclaimd_tot = None
        if bericht.pogingen >= settings.DUO_MAX_POGINGEN:
            bericht.status = DuoBericht.Status.MISLUKT
            bericht.save(update_fields=["status", "laatste_fout", "geclaimd_tot"])
            log.error("Bericht %s aan DUO mislukt na %s pogingen: %s", bericht.bericht_id, bericht.pogingen, fout)
            return bericht.status
        wachttijd = settings.DUO_BACKOFF_SECONDEN * 2 ** (bericht.pogingen - 1)
        bericht.status = DuoBericht.Status.WACHTEND
        bericht.volgende_poging = timezone.now() + datetime.timedelta(seconds=wachttijd)
        bericht.save(update_fields=["status", "laatste_fout", "volgende_poging", "geclaimd_tot"])
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


def neem_verlopen_claims_terug() -> int:
    """Beat, every TERUGNEMEN_ELKE: sends whose claim is past its lease are queued again now, for
    whichever worker takes the task. The dead worker's own task comes back only after Redis's
    visibility timeout, and then finds the message done."""
    pks = _terugnemen()
    for pk in pks:
        _plan(pk)
    return len(pks)


def _terugnemen(herstart: str = "") -> list[int]:
    """Claims of dead workers, pending again: past their lease, or (with `herstart`) made by a worker of
    that name, which has just started and so never gets their answer."""
    nu = timezone.now()
    verloren = Q(geclaimd_tot__lt=nu) | Q(geclaimd_tot__isnull=True)  # no lease: claimed before there were any
    if herstart:
        verloren |= Q(verzonden_door=herstart)
    with transaction.atomic():
        pks = list(
            DuoBericht.objects.select_for_update(skip_locked=True)
            .filter(verloren, status=DuoBericht.Status.VERZONDEN)
            .values_list("pk", flat=True)
        )
        DuoBericht.objects.filter(pk__in=pks).update(
            status=DuoBericht.Status.WACHTEND, volgende_poging=nu, geclaimd_tot=None
        )
    for pk in pks:
        log.warning("Bericht %s aan DUO: de worker die het verstuurde is weg; het gaat opnieuw", pk)
    return pks


def verstuur_openstaande(*, herstart: str = "") -> int:
    """The safety net (beat): due retries, and messages whose worker was lost while sending.

    `herstart` names a worker that has just started: the sends it claimed before it died get no
    answer any more, so they are taken back at once rather than when their lease runs out.
    """
    _terugnemen(herstart)
    pks = list(
        DuoBericht.objects.filter(status=DuoBericht.Status.WACHTEND, volgende_poging__lte=timezone.now()).values_list(
            "pk", flat=True
        )
    )
    for pk in pks:
        _plan(pk)
    return len(pks)
