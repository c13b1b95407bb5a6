"""Deadlines kept current: termijnen, the dossier's next deadline and signalen (docs/termijnen.md).

Three ways in, one computation (`_synchroniseer`):

- `synchroniseer_termijnen(ids)`: every service that changes a fact a deadline depends on calls it
  inside its own transaction, so the new or resolved signaal is there on the next page load.
- `nachtelijke_run()`: the safety net. It recomputes only the dossiers whose facts changed since their
  termijnen were computed (writes that bypassed the services: imports, bulk loads, the admin), the
  dossiers whose deadline without a "te laat" passed (they count as met by the passing of the date),
  and then makes the day's signalen for deadlines that became due by the passing of a date.
- `synchroniseer_alle_termijnen()`: the full rebuild, after a change of the rules themselves.

At national scale (200,000 dossiers) the computation streams the facts and the existing termijnen
through two server-side cursors in dossier order and writes in batches of SYNC_BATCH, so its query
count grows only with the batched writes, never with a query per dossier.
"""

import contextvars
import datetime
import io
import itertools
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import TruncDate
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import atw, termijnen
from .models import Inburgeraar, Signaal, Termijn, User

SYNC_BATCH = 5000

_NORMVELDEN = ("gemeente__norm_brede_intake_weken", "gemeente__voortgangsgesprek_maanden")
_VOLGENDE = ("volgende_termijn", "volgende_termijn_soort", "termijn_onbekend")
_TERMIJNVELDEN = ("startdatum", "uiterste_datum", "voldaan_op", "opgeschort", "ontbreekt")


_gebundeld: contextvars.ContextVar[set | None] = contextvars.ContextVar("termijnen_gebundeld", default=None)


@contextmanager
def gebundeld():
    """A bulk load (the demo's hundreds of dossiers walked through their fasen) syncs once, at the end,
    every dossier it touched: one batched computation instead of one per service call. The result is
    the same, as the computation depends on the facts alone; intermediate signalen are never made."""
    ids: set[int] = set()
    token = _gebundeld.set(ids)
    try:
        yield
    finally:
        _gebundeld.reset(token)
    synchroniseer_termijnen(ids)


def synchroniseer_termijnen(inburgeraar_ids, *, vandaag=None) -> int:
    """Bring these dossiers' termijnen, next deadline and signalen in line with their facts; idempotent.

    A handful of queries whatever the number of ids: call it after every change of a milestone date,
    in the same transaction. Returns the number of termijnen written (0 inside `gebundeld()`, which
    syncs at its end)."""
    ids = sorted({int(pk) for pk in inburgeraar_ids})
    if not ids:
        return 0
    bundel = _gebundeld.get()
    if bundel is not None:
        bundel.update(ids)
        return 0
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        gewijzigd = _synchroniseer(Inburgeraar.objects.filter(pk__in=ids), vandaag)
        maak_signalen(vandaag=vandaag, inburgeraar_ids=ids)
    return gewijzigd


def synchroniseer_alle_termijnen(*, vandaag=None) -> int:
    """The full rebuild over every dossier (after a change of the rules); signalen follow at the scan."""
    atw.kalender(vers=True)  # the equated days as they are now, read once for the whole run
    return _synchroniseer(Inburgeraar.objects.all(), vandaag or timezone.localdate())


def verouderde_dossiers():
    """Dossiers changed since their termijnen were computed (index termijnen_verouderd)."""
    return Inburgeraar.objects.filter(
        Q(termijnen_bijgewerkt_op__isnull=True) | Q(updated_at__gt=F("termijnen_bijgewerkt_op"))
    )


def nachtelijke_run(*, vandaag=None) -> dict:
    """The nightly safety net: recompute what changed or passed, then the day's signalen."""
    vandaag = vandaag or timezone.localdate()
    atw.kalender(vers=True)  # the equated days as they are now, read once for the whole run
    verstreken = Termijn.objects.filter(
        soort__in=termijnen.ZONDER_TE_LAAT, voldaan_op__isnull=True, opgeschort=False, uiterste_datum__lt=vandaag
    ).values("inburgeraar_id")
    te_doen = Inburgeraar.objects.filter(
        Q(pk__in=verouderde_dossiers().values("pk"))
        | Q(pk__in=verstreken)
        | Q(pk__in=pauze_begonnen_of_geeindigd(vandaag))
    )
    bijgewerkt = _synchroniseer(te_doen, vandaag)
    return {"termijnen_bijgewerkt": bijgewerkt, "nieuwe_signalen": maak_signalen(vandaag=vandaag)}


def pauze_begonnen_of_geeindigd(vandaag: datetime.date):
    """Dossiers whose DUO pause began or ended since their termijnen were computed: the suspension
    depends on the day (inburgering/termijnen.py), not only on the facts."""
    berekend_op = TruncDate("termijnen_bijgewerkt_op")
    return Inburgeraar.objects.filter(
        Q(duo_opschorting_van__lte=vandaag, duo_opschorting_van__gt=berekend_op)
        | Q(duo_opschorting_tot__lt=vandaag, duo_opschorting_tot__gte=berekend_op)
    ).values("pk")


def normen_gewijzigd(*, gemeente) -> None:
    """A gemeente's norms moved its dossiers' deadlines: mark them for the recompute, and run it in the
    background once the change is committed, instead of waiting for the night."""
    from . import tasks  # tasks reach the services, which import this module

    Inburgeraar.objects.filter(gemeente=gemeente).update(termijnen_bijgewerkt_op=None)
    transaction.on_commit(tasks.herbereken_termijnen.delay)


# How far a date moves at most when the Atw moves it off a run of non-working days (Christmas on a
# Thursday with a decree's Friday, then the weekend), with room to spare.
ATW_BEREIK = datetime.timedelta(days=14)


def feestdagen_gewijzigd(*, datums) -> None:
    """A day was equated with the holidays, or no longer is (Atw art. 3 lid 3, in /beheer/): the stored
    deadlines near it may move. Mark their dossiers for the recompute and run it in the background once
    the change is committed (with the days read afresh), instead of waiting for the night."""
    from . import tasks  # tasks reach the services, which import this module

    atw.vergeet()
    rond = Q()
    for datum in datums:
        rond |= Q(uiterste_datum__range=(datum - ATW_BEREIK, datum + ATW_BEREIK))
    if not rond:
        return
    Inburgeraar.objects.filter(pk__in=Termijn.objects.filter(rond).values("inburgeraar_id")).update(
        termijnen_bijgewerkt_op=None
    )
    transaction.on_commit(tasks.herbereken_termijnen.delay)


def _stroom(queryset):
    """Rows in order without holding them all: a server-side cursor on PostgreSQL. SQLite (the demo
    default) reads and writes on one connection without isolation, so there the rows are read first."""
    if connection.vendor == "postgresql":
        return queryset.iterator(chunk_size=SYNC_BATCH)
    return iter(list(queryset))


def _synchroniseer(dossiers, vandaag: datetime.date) -> int:
    """Stream the dossiers' facts and their existing termijnen side by side, write what changed."""
    feiten = _stroom(
        dossiers.order_by("pk").values_list(
            "pk", "updated_at", "termijnen_bijgewerkt_op", *_VOLGENDE, *termijnen.Feiten.velden(), *_NORMVELDEN
        )
    )
    bestaande = Termijn.objects.order_by("inburgeraar_id")
    if dossiers.query.where:  # the whole table when all dossiers are asked for: no semi-join
        bestaande = bestaande.filter(inburgeraar__in=dossiers.values("pk"))
    per_dossier = itertools.groupby(
        _stroom(bestaande.values_list("inburgeraar_id", "pk", "soort", *_TERMIJNVELDEN)), key=lambda rij: rij[0]
    )
    volgende_groep = next(per_dossier, None)
    batch, gewijzigd = _Batch(vandaag), 0
    for rij in feiten:
        pk = rij[0]
        while volgende_groep is not None and volgende_groep[0] < pk:
            volgende_groep = next(per_dossier, None)
        eigen = []
        if volgende_groep is not None and volgende_groep[0] == pk:
            eigen = list(volgende_groep[1])
            volgende_groep = next(per_dossier, None)
        batch.voeg_toe(rij, eigen)
        if len(batch) >= SYNC_BATCH:
            gewijzigd += batch.schrijf()
            batch = _Batch(vandaag)
    return gewijzigd + batch.schrijf()


class _Batch:
    """Up to SYNC_BATCH dossiers' computed deadlines, written in a few statements."""

    AANTAL_FEITEN = len(termijnen.Feiten.velden())

    def __init__(self, vandaag):
        self.vandaag = vandaag
        self.aantal = 0
        self.te_schrijven = {}  # pk -> updated_at as read, of the dossiers with something to write
        self.upserts, self.weg, self.volgende = {}, {}, {}
        self.normen: dict[tuple, termijnen.Normen] = {}

    def __len__(self):
        return self.aantal

    def voeg_toe(self, rij, bestaand_rijen) -> None:
        pk, updated_at, bijgewerkt_op, *rest = rij
        oud_volgende, feitwaarden, normwaarden = tuple(rest[:3]), rest[3 : 3 + self.AANTAL_FEITEN], tuple(rest[-2:])
        if normwaarden not in self.normen:
            self.normen[normwaarden] = termijnen.Normen(*normwaarden)
        deadlines = termijnen.bereken(termijnen.Feiten(*feitwaarden), self.normen[normwaarden], self.vandaag)
        bestaand = {soort: (termijn_pk, tuple(waarden)) for _id, termijn_pk, soort, *waarden in bestaand_rijen}
        self.aantal += 1
        # A dossier changed since its last computation is marked computed, even when nothing moved.
        schrijven = bijgewerkt_op is None or updated_at > bijgewerkt_op
        for deadline in deadlines:
            nieuw = _waarden(deadline)
            if bestaand.pop(str(deadline.soort), (None, None))[1] != nieuw:
                self.upserts[(pk, str(deadline.soort))] = nieuw
                schrijven = True
        for termijn_pk, _waarden_oud in bestaand.values():
            self.weg[termijn_pk] = pk
            schrijven = True
        nieuw_volgende = volgende_termijn(deadlines)
        if nieuw_volgende != oud_volgende:
            self.volgende[pk] = nieuw_volgende
            schrijven = True
        if schrijven:
            self.te_schrijven[pk] = updated_at

    def schrijf(self) -> int:
        """Write what changed; a batch of unchanged dossiers writes nothing (and locks nothing)."""
        if not self.te_schrijven:
            return 0
        with transaction.atomic():
            veranderd = self._veranderd_sinds_lezen()
            upserts = [(pk, soort, *waarden) for (pk, soort), waarden in self.upserts.items() if pk not in veranderd]
            _upsert_termijnen(upserts)
            weg = [termijn_pk for termijn_pk, pk in self.weg.items() if pk not in veranderd]
            if weg:  # no deadline behind these any more; their signalen go with them
                Termijn.objects.filter(pk__in=weg).delete()
            _schrijf_volgende(
                {pk: self.volgende.get(pk) for pk in self.te_schrijven if pk not in veranderd}, timezone.now()
            )
        return len(upserts)

    def _veranderd_sinds_lezen(self) -> set[int]:
        """Lock the dossiers we write; one whose facts changed after we read them is left to the
        transaction that changed it (it recomputes it itself), so we never write stale deadlines."""
        nu = (
            Inburgeraar.objects.select_for_update(of=("self",))
            .filter(pk__in=list(self.te_schrijven))
            .values_list("pk", "updated_at")
        )
        return {pk for pk, updated_at in nu if updated_at != self.te_schrijven[pk]}


def _upsert_termijnen(rijen: list[tuple]) -> None:
    """Insert or update termijnen on (inburgeraar, soort). On PostgreSQL one INSERT … ON CONFLICT over
    plain tuples: a first national run writes about a million rows, and building a model instance
    for each costs more than the database does."""
    if not rijen:
        return
    if connection.vendor != "postgresql":
        Termijn.objects.bulk_create(
            [
                Termijn(inburgeraar_id=pk, soort=soort, **dict(zip(_TERMIJNVELDEN, waarden, strict=True)))
                for pk, soort, *waarden in rijen
            ],
            update_conflicts=True,
            unique_fields=["inburgeraar", "soort"],
            update_fields=list(_TERMIJNVELDEN),
        )
        return
    kolommen = ", ".join(_TERMIJNVELDEN)
    bijwerken = ", ".join(f"{veld} = EXCLUDED.{veld}" for veld in _TERMIJNVELDEN)
    with connection.cursor() as cursor, _rijen_als_tabel(cursor, "termijn_invoer", _TERMIJN_INVOER, rijen) as bron:
        cursor.execute(
            f"INSERT INTO {Termijn._meta.db_table} (inburgeraar_id, soort, {kolommen}) "  # noqa: S608
            f"SELECT inburgeraar_id, soort, {kolommen} FROM {bron} "
            f"ON CONFLICT (inburgeraar_id, soort) DO UPDATE SET {bijwerken}"
        )


_TERMIJN_INVOER = [
    ("inburgeraar_id", "bigint"),
    ("soort", "varchar(30)"),
    ("startdatum", "date"),
    ("uiterste_datum", "date"),
    ("voldaan_op", "date"),
    ("opgeschort", "boolean"),
    ("ontbreekt", "varchar(200)"),
]
_VOLGENDE_INVOER = [("id", "bigint"), ("datum", "date"), ("soort", "varchar(30)"), ("onbekend", "boolean")]
KOPIEER_VANAF = 500  # rows; fewer (a service's own dossier) go as VALUES in the statement itself


@contextmanager
def _rijen_als_tabel(cursor, naam: str, kolommen: list[tuple[str, str]], rijen):
    """The rows as a table for one statement (PostgreSQL). A first national run writes about a million
    rows: those COPY into a temporary table of the transaction, whose text costs a fraction of quoting
    them into VALUES, for Python and for the database's parser alike. A few go as VALUES."""
    namen = ", ".join(kolom for kolom, _type in kolommen)
    if len(rijen) < KOPIEER_VANAF:
        sjabloon = "(" + ", ".join(f"%s::{soort}" for _kolom, soort in kolommen) + ")"
        waarden = ", ".join(cursor.mogrify(sjabloon, rij).decode() for rij in rijen)
        yield f"(VALUES {waarden}) AS {naam} ({namen})"
        return
    with transaction.atomic():  # the copied rows live until the commit
        definitie = ", ".join(f"{kolom} {soort}" for kolom, soort in kolommen)
        cursor.execute(f"CREATE TEMPORARY TABLE IF NOT EXISTS {naam} ({definitie}) ON COMMIT DELETE ROWS")
        cursor.execute(f"TRUNCATE {naam}")  # an earlier write in the same transaction left its rows
        tekst = "".join("\t".join(_copy_waarde(waarde) for waarde in rij) + "\n" for rij in rijen)
        cursor.copy_expert(f"COPY {naam} ({namen}) FROM STDIN", io.StringIO(tekst))
        yield naam


def _copy_waarde(waarde) -> str:
    if waarde is None:
        return "\\N"
    if isinstance(waarde, bool):
        return "t" if waarde else "f"
    if isinstance(waarde, datetime.date):
        return waarde.isoformat()
    tekst = str(waarde)
    return tekst.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _waarden(deadline: termijnen.Deadline) -> tuple:
    return (
        deadline.startdatum,
        deadline.uiterste_datum,
        deadline.voldaan_op,
        deadline.opgeschort,
        ",".join(deadline.ontbreekt),
    )


def volgende_termijn(deadlines) -> tuple:
    """(date, soort, onbekend) of a dossier's next open deadline, as the caseload shows it."""
    open_ = [d for d in deadlines if not d.voldaan_op and not d.opgeschort and not d.is_onbekend]
    eerste = min(open_, key=lambda d: d.uiterste_datum, default=None)
    return (
        eerste.uiterste_datum if eerste else None,
        str(eerste.soort) if eerste else "",
        any(d.is_onbekend for d in deadlines),
    )


def _schrijf_volgende(per_dossier: dict, nu) -> None:
    """Mark the dossiers computed, and write the next deadline where it changed (None: unchanged)."""
    if not per_dossier:
        return
    veranderd = {pk: waarden for pk, waarden in per_dossier.items() if waarden is not None}
    ongewijzigd = [pk for pk, waarden in per_dossier.items() if waarden is None]
    if ongewijzigd:
        Inburgeraar.objects.filter(pk__in=ongewijzigd).update(termijnen_bijgewerkt_op=nu)
    if not veranderd:
        return
    if connection.vendor == "postgresql":
        _schrijf_volgende_postgresql(veranderd, nu)
        return
    dossiers = []
    for pk, (datum, soort, onbekend) in veranderd.items():
        dossiers.append(
            Inburgeraar(
                pk=pk,
                volgende_termijn=datum,
                volgende_termijn_soort=soort,
                termijn_onbekend=onbekend,
                termijnen_bijgewerkt_op=nu,
            )
        )
    Inburgeraar.objects.bulk_update(dossiers, [*_VOLGENDE, "termijnen_bijgewerkt_op"])


def _schrijf_volgende_postgresql(veranderd: dict, nu) -> None:
    """One UPDATE … FROM the batch's rows (_rijen_als_tabel): bulk_update's CASE per row grows quadratically."""
    rijen = [(pk, datum, soort, onbekend) for pk, (datum, soort, onbekend) in veranderd.items()]
    with connection.cursor() as cursor, _rijen_als_tabel(cursor, "volgende_invoer", _VOLGENDE_INVOER, rijen) as bron:
        # No parameters: the rows' text is in the statement already (mogrified), the time as well.
        tijd = cursor.mogrify("%s", [nu]).decode()
        cursor.execute(
            f"UPDATE {Inburgeraar._meta.db_table} AS d SET volgende_termijn = volgende_invoer.datum, "  # noqa: S608
            "volgende_termijn_soort = volgende_invoer.soort, termijn_onbekend = volgende_invoer.onbekend, "
            f"termijnen_bijgewerkt_op = {tijd} FROM {bron} WHERE d.id = volgende_invoer.id"
        )


# Signalen -----------------------------------------------------------------------------------------


def signaalniveaus() -> list[int]:
    """Days before a deadline at which a signal is made, largest first (setting SIGNAAL_NIVEAUS_DAGEN)."""
    return list(settings.SIGNAAL_NIVEAUS_DAGEN)


def urgentievenster() -> int:
    """Days ahead in which a deadline is urgent: the smallest level above 0 (default 7)."""
    positief = [n for n in signaalniveaus() if n > 0]
    return min(positief) if positief else 0


def maak_signalen(*, vandaag=None, inburgeraar_ids=None) -> int:
    """A Signaal for every open deadline at the most severe level it has reached, and one "termijn
    onbekend" for every deadline that runs without the facts to compute it; then close what no
    longer applies. Without ids: the daily scan over all dossiers.

    INSERT … SELECT … ON CONFLICT DO NOTHING, whatever the number of dossiers: the unique
    constraints make a rerun, a retry or a second beat process harmless. Returns the number of new
    signalen."""
    vandaag = vandaag or timezone.localdate()
    niveaus = sorted(signaalniveaus())  # smallest (most severe) first
    grenzen = [vandaag + datetime.timedelta(days=n) for n in niveaus]
    niveau_sql = " ".join("WHEN t.uiterste_datum <= %s THEN %s" for _n in niveaus)
    zonder_te_laat = sorted(termijnen.ZONDER_TE_LAAT)
    alleen, alleen_params = "", []
    if inburgeraar_ids is not None:
        alleen = f"AND t.inburgeraar_id IN ({', '.join(['%s'] * len(inburgeraar_ids))}) "
        alleen_params = list(inburgeraar_ids)
    nu = timezone.now()
    # Table names come from the models, values are parameters.
    signaal, termijn = Signaal._meta.db_table, Termijn._meta.db_table
    kolommen = (
        f"INSERT INTO {signaal} (termijn_id, inburgeraar_id, soort, regisseur_id, uiterste_datum, niveau, "
        "status, created_at, snooze_reden, afhandel_reden) "
    )
    # The signaal's copies (werkvoorraad's index): the termijn's dossier and soort, the dossier's regisseur.
    kopie = "SELECT t.id, t.inburgeraar_id, t.soort, i.regisseur_id"
    dossier = f"JOIN {Inburgeraar._meta.db_table} i ON i.id = t.inburgeraar_id"
    gedateerd = (
        f"{kolommen} {kopie}, t.uiterste_datum, CASE {niveau_sql} END, %s, %s, '', '' "  # noqa: S608
        f"FROM {termijn} t {dossier} "
        "WHERE t.voldaan_op IS NULL AND NOT t.opgeschort AND t.uiterste_datum <= %s "
        f"AND NOT (t.soort IN ({', '.join(['%s'] * len(zonder_te_laat))}) AND t.uiterste_datum < %s) "
        f"{alleen} ON CONFLICT DO NOTHING"
    )
    params = [waarde for grens, n in zip(grenzen, niveaus, strict=True) for waarde in (grens, n)]
    params += [Signaal.Status.OPEN, nu, grenzen[-1], *zonder_te_laat, vandaag, *alleen_params]
    onbekend = (
        f"{kolommen} {kopie}, NULL, 0, %s, %s, '', '' FROM {termijn} t {dossier} "  # noqa: S608
        f"WHERE t.uiterste_datum IS NULL {alleen} ON CONFLICT DO NOTHING"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(gedateerd, params)
        nieuw = cursor.rowcount
        cursor.execute(onbekend, [Signaal.Status.OPEN, nu, *alleen_params])
        nieuw += cursor.rowcount
        sluit_signalen(inburgeraar_ids=inburgeraar_ids)
        volg_regisseur(inburgeraar_ids=inburgeraar_ids)
    return nieuw


def volg_regisseur(*, inburgeraar_ids=None) -> int:
    """Open signalen carry their dossier's regisseur (the werkvoorraad's index): after a toewijzing or
    overdracht at once, and for writes that bypassed the services with the next sync or nightly run."""
    open_ = Signaal.objects.filter(status=Signaal.Status.OPEN)
    if inburgeraar_ids is not None:
        open_ = open_.filter(termijn__inburgeraar_id__in=inburgeraar_ids)  # indexed, where the copy is not
    regisseur = Inburgeraar.objects.filter(pk=OuterRef("inburgeraar_id")).values("regisseur_id")
    # NULL-safe: a comparison with NULL is never true.
    anders = (
        Q(regisseur__isnull=True, inburgeraar__regisseur__isnull=False)
        | Q(regisseur__isnull=False, inburgeraar__regisseur__isnull=True)
        | Q(regisseur__lt=F("inburgeraar__regisseur"))
        | Q(regisseur__gt=F("inburgeraar__regisseur"))
    )
    return open_.filter(anders).update(regisseur_id=Subquery(regisseur[:1]))


def sluit_signalen(*, inburgeraar_ids=None) -> int:
    """Signals close by themselves: the deadline was met, suspended or moved, became known or unknown,
    or a more severe one came."""
    nu = timezone.now()
    open_ = Signaal.objects.filter(status=Signaal.Status.OPEN)
    if inburgeraar_ids is not None:
        open_ = open_.filter(termijn__inburgeraar_id__in=inburgeraar_ids)
    voorbij = open_.filter(
        Q(termijn__voldaan_op__isnull=False)
        | Q(termijn__opgeschort=True)
        | Q(uiterste_datum__isnull=True, termijn__uiterste_datum__isnull=False)
        | Q(uiterste_datum__isnull=False, termijn__uiterste_datum__isnull=True)
        # Moved (NULL-safe: a comparison with NULL is never true).
        | Q(uiterste_datum__lt=F("termijn__uiterste_datum"))
        | Q(uiterste_datum__gt=F("termijn__uiterste_datum"))
    ).update(status=Signaal.Status.VERVALLEN, gesloten_op=nu)
    ernstiger = Signaal.objects.filter(
        termijn=OuterRef("termijn"), uiterste_datum=OuterRef("uiterste_datum"), niveau__lt=OuterRef("niveau")
    )
    vervangen = open_.filter(Exists(ernstiger)).update(status=Signaal.Status.VERVALLEN, gesloten_op=nu)
    return voorbij + vervangen


# The inbox and the digest ---------------------------------------------------------------------


def regisseurs_met_nieuwe_signalen() -> list[int]:
    return list(
        Signaal.objects.filter(
            status=Signaal.Status.OPEN, gemaild_op__isnull=True, termijn__inburgeraar__regisseur__isnull=False
        )
        .values_list("termijn__inburgeraar__regisseur_id", flat=True)
        .order_by()
        .distinct()
    )


DIGEST_MAXIMUM = 25


@transaction.atomic
def mail_signaaldigest(*, regisseur_id: int) -> int:
    """One e-mail to a regisseur about their signalen not mailed before; returns how many it covers.

    It lists the DIGEST_MAXIMUM most urgent (unknown deadlines first, then by date and level), gives
    the total and links to the inbox: a first night after an import can hold thousands. The
    regisseur's row is locked (SKIP LOCKED) so that a second worker does not mail the same person at
    the same time; the signalen are marked in the same transaction as the sending, so a failed send
    rolls back and a rerun never mails a signal twice."""
    regisseur = (
        User.objects.select_for_update(skip_locked=True)
        .filter(pk=regisseur_id, is_active=True)
        .exclude(email="")
        .first()
    )
    if regisseur is None:
        return 0
    nieuw = Signaal.objects.filter(
        status=Signaal.Status.OPEN,
        gemaild_op__isnull=True,
        created_at__lte=timezone.now(),
        termijn__inburgeraar__regisseur=regisseur,
        termijn__inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(regisseur),
    )
    urgentste = list(
        nieuw.select_related("termijn__inburgeraar__gemeente").order_by(
            F("uiterste_datum").asc(nulls_first=True), "niveau", "pk"
        )[:DIGEST_MAXIMUM]
    )
    if not urgentste:
        return 0
    # Marked before the sending, in the same transaction: a failed send rolls the marks back, and the
    # UPDATE's row count is the total, without counting the rows a second time.
    totaal = nieuw.update(gemaild_op=timezone.now())
    site = settings.SITE_URL.rstrip("/")
    context = {
        "regisseur": regisseur,
        "signalen": [_in_digest(s, site) for s in urgentste],
        "totaal": totaal,
        "meer": totaal - len(urgentste),
        "inbox": site + reverse("inburgering:signalen"),
    }
    bericht = EmailMultiAlternatives(
        subject=render_to_string("inburgering/email/signalen_onderwerp.txt", context).strip(),
        body=render_to_string("inburgering/email/signalen.txt", context),
        to=[regisseur.email],
    )
    bericht.attach_alternative(render_to_string("inburgering/email/signalen.html", context), "text/html")
    bericht.send()
    return totaal


def _in_digest(signaal: Signaal, site: str) -> dict:
    dossier = signaal.termijn.inburgeraar
    return {
        "dossiernummer": dossier.pk,
        "gemeente": dossier.gemeente,
        "soort": signaal.termijn.get_soort_display(),
        "uiterste_datum": signaal.uiterste_datum,
        "ontbreekt": ", ".join(label for _veld, label in signaal.termijn.ontbrekende_velden),
        "ernst": signaal.ernst,
        "link": site + dossier.get_absolute_url(),
    }


@transaction.atomic
def handel_signaal_af(*, door, signaal: Signaal, reden: str) -> Signaal:
    """Close a signal with the reason why nothing more is needed; it stays on the signal and the tijdlijn."""
    from .services import schrijf_gebeurtenis

    signaal = Signaal.objects.select_for_update().select_related("termijn__inburgeraar").get(pk=signaal.pk)
    if signaal.status != Signaal.Status.OPEN:
        raise ValidationError(_("Dit signaal is al gesloten."), code="gesloten")
    if not reden.strip():
        raise ValidationError({"reden": _("Geef de reden waarom dit signaal is afgehandeld.")}, code="verplicht")
    signaal.status = Signaal.Status.AFGEHANDELD
    signaal.afgehandeld_door = door
    signaal.gesloten_op = timezone.now()
    signaal.afhandel_reden = reden.strip()
    signaal.save(update_fields=["status", "afgehandeld_door", "gesloten_op", "afhandel_reden"])
    schrijf_gebeurtenis(
        inburgeraar=signaal.termijn.inburgeraar,
        soort="signaal_afgehandeld",
        omschrijving=_("Signaal afgehandeld (%(soort)s): %(reden)s")
        % {"soort": signaal.termijn.get_soort_display(), "reden": signaal.afhandel_reden},
        door=door,
        signaal=signaal.pk,
    )
    return signaal


@transaction.atomic
def heropen_signaal(*, door, signaal: Signaal) -> Signaal:
    """Undo a mistaken afhandeling: the signal is open again; the tijdlijn and audit log keep both steps."""
    from .services import schrijf_gebeurtenis

    signaal = Signaal.objects.select_for_update().select_related("termijn__inburgeraar").get(pk=signaal.pk)
    if signaal.status != Signaal.Status.AFGEHANDELD:
        raise ValidationError(_("Alleen een afgehandeld signaal kan weer open."), code="niet_afgehandeld")
    signaal.status = Signaal.Status.OPEN
    signaal.afgehandeld_door = None
    signaal.gesloten_op = None
    signaal.afhandel_reden = ""
    signaal.save(update_fields=["status", "afgehandeld_door", "gesloten_op", "afhandel_reden"])
    schrijf_gebeurtenis(
        inburgeraar=signaal.termijn.inburgeraar,
        soort="signaal_heropend",
        omschrijving=_("Signaal heropend (%(soort)s).") % {"soort": signaal.termijn.get_soort_display()},
        door=door,
        signaal=signaal.pk,
    )
    return signaal


@transaction.atomic
def stel_signaal_uit(*, door, signaal: Signaal, tot, reden: str) -> Signaal:
    """Snooze: hide the signal from the inbox until `tot`, with a reason that stays on the signal."""
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    fouten = {}
    if signaal.status != Signaal.Status.OPEN:
        raise ValidationError(_("Dit signaal is al gesloten."), code="gesloten")
    if tot <= timezone.localdate():
        fouten["tot"] = _("Kies een datum na vandaag.")
    if not reden.strip():
        fouten["reden"] = _("Geef een reden voor het uitstel.")
    if fouten:
        raise ValidationError(fouten, code="ongeldig")
    signaal.gesnoozed_tot = tot
    signaal.snooze_reden = reden.strip()
    signaal.save(update_fields=["gesnoozed_tot", "snooze_reden"])
    return signaal
