"""Our decisions to DUO: queued as a row in the same transaction as the fact, then sent by Celery.

A message is queued only after DUO's rules (checked by the domain app's service) and DUO's schema
(checked here) hold, so a refusal is the exception. Sending claims the row, sends it once, and
records DUO's answer: 2xx confirms (a confirmed message is never sent again), 4xx refuses with
DUO's Foutmelding for the regisseur, 5xx or a timeout retries with exponential backoff until
settings.DUO_MAX_POGINGEN, after which the message fails and the functioneel beheerder sees it.
"""

import datetime
import json
import logging

from django.conf import settings
from django.db import transaction
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


def _claim(pk: int) -> DuoBericht | None:
    """Mark the message sent and count the attempt, in its own transaction: a second worker skips it."""
    nu = timezone.now()
    with transaction.atomic():
        bericht = (
            DuoBericht.objects.select_for_update(skip_locked=True)
            .select_related("gemeente", "inburgeraar")
            .filter(pk=pk, status=DuoBericht.Status.WACHTEND)
            .first()
        )
        if bericht is None:
            return None  # confirmed, refused, failed, or another worker has it
        bericht.status = DuoBericht.Status.VERZONDEN
        bericht.pogingen += 1
        bericht.verzonden_op = nu
        bericht.save(update_fields=["status", "pogingen", "verzonden_op"])
    return bericht


def verstuur(pk: int) -> str | None:
    """Send one queued message once; returns its new status (None when there was nothing to send)."""
    bericht = _claim(pk)
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


def _schrijf(bericht, omschrijving, **gegevens):
    from ..services import schrijf_gebeurtenis

    schrijf_gebeurtenis(
        inburgeraar=bericht.inburgeraar, soort="duo", omschrijving=omschrijving, bericht=bericht.pk, **gegevens
    )


@transaction.atomic
def _bevestigd(bericht: DuoBericht) -> str:
    bericht.status = DuoBericht.Status.BEVESTIGD
    bericht.bevestigd_op = timezone.now()
    bericht.laatste_fout = ""
    bericht.save(update_fields=["status", "bevestigd_op", "laatste_fout"])
    _schrijf(bericht, _("DUO bevestigde het bericht %(soort)s.") % {"soort": bericht.get_soort_display()})
    return bericht.status


@transaction.atomic
def _geweigerd(bericht: DuoBericht, status_code: int, fouttekst: str) -> str:
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


def _later_opnieuw(bericht: DuoBericht, fout: str) -> str:
    """5xx or timeout: back off exponentially (1, 2, 4, ... × DUO_BACKOFF_SECONDEN), then give up."""
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


def verstuur_openstaande() -> int:
    """The safety net (beat): due retries, and messages whose worker was lost while sending."""
    nu = timezone.now()
    DuoBericht.objects.filter(status=DuoBericht.Status.VERZONDEN, verzonden_op__lt=nu - VERLOREN_NA).update(
        status=DuoBericht.Status.WACHTEND
    )
    pks = list(
        DuoBericht.objects.filter(status=DuoBericht.Status.WACHTEND, volgende_poging__lte=nu).values_list(
            "pk", flat=True
        )
    )
    for pk in pks:
        _plan(pk)
    return len(pks)
