"""A dossier's deadlines as pure functions of its facts (docs/termijnen.md; rules: docs/wet-inburgering.md).

`bereken(feiten, normen)` returns one `Deadline` per row of the table in docs/wet-inburgering.md. No
database and no clock: `Feiten.van(inburgeraar)` reads the dossier's milestone fields without a
query, so these rules are tested exhaustively as tables.

Choices where the table leaves room (each is a decision, not law):

- A deadline whose starting fact has not happened is *absent*, not present-but-open. A dossier in
  fase afgerond or uitgeschreven has no deadlines at all.
- A dossier already past the fase where a fact happens, but without its date (recorded before the
  milestone dates existed, or imported), does not get that deadline as if it were overdue:
  brede_intake_start is absent from fase pip on, pip_vaststelling in fase uitvoering.
- A met deadline stays in the list with `voldaan_op`, so the dossier page can show it as met.
- Dates are calendar dates (Europe/Amsterdam). "N weeks" is 7·N days; months and years go with
  `relativedelta`, so a month end is clamped: 31 Aug + 6 months = 28 (or 29) Feb, and 29 Feb + 3 years
  = 28 Feb. "Starts at X, lasts L" means: due on X + L.
- pip_vaststelling starts at the later of DUO's kennisgeving and the vestiging in the gemeente (both
  needed), or at DUO's restart (SS139) when that is later. Met by the first PIP's dagtekening.
  Extension: when the gemeente started waiting for third parties on or before the normal due date,
  then once the information has arrived the deadline is the later of the normal one and arrival + 2
  weeks; while the information has not arrived the deadline is *suspended* (`opgeschort`): still
  shown, with the normal date, but no reminders are sent. Both are periods of the Besluit inburgering
  of at most three months, so the Algemene termijnenwet moves a last day on a weekend or holiday to
  the next working day (ATW_VERLENGT).
- inburgeringstermijn starts the day after the first PIP's dagtekening and never moves with later
  PIPs; it lasts 3 years, so its last day is the dagtekening + 3 years (counted like the
  bezwaartermijn below), also on a Saturday or Sunday: the Algemene termijnenwet leaves periods longer
  than three months alone (art. 4), and DUO's own end dates fall on Sundays too; unless DUO recorded an
  end date (with extensions): DUO's date wins as is.
  Met: the plicht is met when the dossier is afgerond, at which point every deadline goes.
- schakelen: 18 months from the termijn's start, last day the dagtekening + 18 months. Nothing
  "meets" it and passing it is no failure (`te_laat_signaal=False`): it announces that a route
  change is about to become impossible. Longer than three months, so the Atw does not move it. Once
  its date has passed it counts as met on that date (given `vandaag`).
- map_afronding and pvt_afronding: due at the end of the inburgeringstermijn (DUO's date when known).
  The onderwijsroute is exempt from the MAP, so its dossiers have no map_afronding.
- ontzorgen_einde: from the start of ontzorgen to its planned end; met by its actual end.
- voortgangsgesprek: the current PIP's frequency in months (the gemeente's norm when the dossier has
  none recorded) after the later of the current PIP's dagtekening and the last gesprek held. Each
  gesprek moves the date (a new deadline), so it is never "met". A date the product proposes, so on a
  weekend or holiday it moves back to the working day before (NAAR_WERKDAG_ERVOOR), as the brede
  intake's norm and the verlenging's reminder do.
- bezwaartermijn: six weeks from the day after the bekendmaking, so due on bekendmaking + 42 days
  (Awb 6:7, 6:8), and, by the Algemene termijnenwet (inburgering/atw.py), a last day on a Saturday,
  Sunday or public holiday moves to the next working day: the letter, the termijn and its signaal
  carry that same date. No bezwaar fact exists yet; passing it is no failure (`te_laat_signaal=False`):
  once passed it counts as met on its date (given `vandaag`). A new bekendmaking starts a new
  bezwaartermijn (the latest one only).
- brede_intake_start: from the koppeling (asielstatushouder) or DUO's kennisgeving (others), the
  gemeente's norm in weeks (default 4), on a working day (the one before); met by the first intake
  gesprek.
- verlenging_termijn: six months before the end of the inburgeringstermijn the regisseur is reminded that
  DUO can extend the termijn (Wi2021 art. 12: on a request made no earlier than 2.5 years into the
  termijn, for illness, the death of a relative or other special circumstances), so the grounds can be
  gathered in time (UITLEG, shown beside the termijn and its signaal). Due on the
  termijn's end - 6 months (month ends clamped), on a working day (the one before), started with the
  termijn. Passing it is no failure
  (`te_laat_signaal=False`): once passed it counts as met. It goes, as every deadline does, when the
  dossier is afgerond.
- DUO's tijdelijke vrijstelling (SS109) pauses the deadlines that run on its first day (started on or
  before it, not met, not yet passed): while today lies within DUO's dates (both inclusive) they are
  *suspended* (`opgeschort`: shown, no reminders), and their last day moves on by the pause's length
  in days at once, since DUO gives both dates in advance (and then off a weekend or holiday as above).
  Not paused: the bezwaartermijn (a period of the Awb, which no exemption stops) and ontzorgen_einde
  (it runs with the bijstand, not with the plicht). When DUO recorded its own end of the
  inburgeringstermijn, that date already holds DUO's decision, so the termijn and what is derived from
  it (MAP, PVT, verlenging) are suspended but not moved again. A pause without an end date suspends
  from its first day until DUO ends it.
- Never silent: a legal deadline that runs (the dossier is in a fase where it applies) but cannot be
  computed because a fact is missing is returned *onbekend*: no dates, with `ontbreekt` naming the
  missing dossier fields, so the regisseur gets a signaal that says what to fill in. This holds for
  pip_vaststelling once the gemeente works on the case (fase intake or pip) without a kennisgeving or
  vestiging: in fase aangemeld both often still lie ahead (the person lives in the AZC), and the brede
  intake's deadline is the one that runs then. And for brede_intake_start: the kennisgeving of a
  non-asielstatushouder, while no intake gesprek was held.
- The regime (Wi2021 art. 54, overgangsrecht): a dossier under the Wet inburgering 2013 (the
  ondertussen-groep) has no PIP, so no pip_vaststelling and no brede_intake_start, and the gemeente
  computes no inburgeringstermijn of its own: the termijn is DUO's (`datum_einde_termijn_duo`, from
  DUO's start of the termijn or of the plicht), onbekend while DUO has not given it. Schakelen, MAP,
  PVT and verlenging follow from the PIP and are Wi2021's; ontzorgen_einde and the bezwaartermijn run
  under both regimes.
- afspraak_overleg: an agreement with a due date from the PIP-team's casuïstiekoverleg (the pip app
  writes the milestone dates): from the overleg's date to the earliest open agreement's due date (as
  the team chose it, a holiday included: the form warns); met
  when the last open agreement is marked done. It runs under both regimes and DUO's vrijstelling does
  not pause it (it is the team's own agreement, not the plicht).
"""

import datetime
import functools
from dataclasses import dataclass, fields, replace

from dateutil.relativedelta import relativedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from . import atw
from .leerroute import Leerroute

EINDFASEN = frozenset({"afgerond", "uitgeschreven"})
ASIELSTATUSHOUDER = "Asielstatushouder"
WI2021, WI2013 = "wi2021", "wi2013"  # models.Regime's values

PIP_VASTSTELLING_WEKEN = 10  # Besluit inburgering 2021 art. 5.3 (secondary source)
VERLENGING_NA_INFORMATIE_WEKEN = 2  # idem: at most 2 weeks after the information arrives
INBURGERINGSTERMIJN_JAREN = 3  # Wi2021 art. 11
SCHAKELEN_MAANDEN = 18  # Divosa handreiking 2022
BEZWAARTERMIJN_WEKEN = 6  # Awb 6:7
VERLENGING_BESPREKEN_MAANDEN = 6  # Wi2021 art. 12: DUO extends the termijn; the gemeente prepares in time


class Soort(models.TextChoices):
    PIP_VASTSTELLING = "pip_vaststelling", _("PIP vaststellen")
    INBURGERINGSTERMIJN = "inburgeringstermijn", _("Einde inburgeringstermijn")
    SCHAKELEN = "schakelen", _("Laatste moment om van leerroute te wisselen")
    MAP_AFRONDING = "map_afronding", _("MAP afronden")
    PVT_AFRONDING = "pvt_afronding", _("PVT afronden")
    ONTZORGEN_EINDE = "ontzorgen_einde", _("Einde financieel ontzorgen")
    VOORTGANGSGESPREK = "voortgangsgesprek", _("Voortgangsgesprek")
    BEZWAARTERMIJN = "bezwaartermijn", _("Einde bezwaartermijn")
    BREDE_INTAKE_START = "brede_intake_start", _("Brede intake starten")
    VERLENGING_TERMIJN = "verlenging_termijn", _("Verlenging inburgeringstermijn bespreken")
    AFSPRAAK_OVERLEG = "afspraak_overleg", _("Afspraak uit casuïstiekoverleg")


# What a deadline asks of the regisseur beyond its name, shown beside it on the dossier and the signaal.
UITLEG = {
    Soort.VERLENGING_TERMIJN: _(
        "DUO kan de inburgeringstermijn verlengen (Wi2021 art. 12), op een verzoek dat vanaf 2,5 jaar na de start "
        "van de termijn kan worden ingediend. Gronden: ziekte of beperking langer dan drie maanden, overlijden "
        "van een naaste (drie maanden), of andere bijzondere omstandigheden waardoor het niet verwijtbaar is dat "
        "de plicht niet op tijd wordt gehaald. Bespreek met de inburgeraar of een verzoek nodig is en welke "
        "grond geldt."
    ),
}


# Deadlines whose passing is no failure: reminders ahead, but no "te laat" signal.
ZONDER_TE_LAAT = frozenset({Soort.SCHAKELEN, Soort.BEZWAARTERMIJN, Soort.VERLENGING_TERMIJN})
# Deadlines that DUO's tijdelijke vrijstelling does not pause.
LOPEN_DOOR = frozenset({Soort.BEZWAARTERMIJN, Soort.ONTZORGEN_EINDE, Soort.AFSPRAAK_OVERLEG})
# How a last day meets a Saturday, Sunday or holiday (the column "Atw" of docs/wet-inburgering.md):
# a period set by law of at most three months runs on to the next working day (Atw art. 1 and 4) ...
ATW_VERLENGT = frozenset({Soort.PIP_VASTSTELLING, Soort.BEZWAARTERMIJN})
# ... and a date the product proposes for planning moves back to the working day before (inburgering/atw.py).
# The others are long periods the Atw leaves alone (art. 4), DUO's dates, or dates a person chose.
NAAR_WERKDAG_ERVOOR = frozenset({Soort.VOORTGANGSGESPREK, Soort.BREDE_INTAKE_START, Soort.VERLENGING_TERMIJN})
# Deadlines that follow DUO's own end of the inburgeringstermijn when DUO gave one.
UIT_TERMIJN_DUO = frozenset(
    {Soort.INBURGERINGSTERMIJN, Soort.MAP_AFRONDING, Soort.PVT_AFRONDING, Soort.VERLENGING_TERMIJN}
)


@dataclass(frozen=True)
class Feiten:
    """The facts of one dossier that deadlines depend on; None means the fact has not happened."""

    fase: str
    doelgroep: str
    datum_koppeling: datetime.date | None = None
    datum_kennisgeving: datetime.date | None = None
    datum_vestiging: datetime.date | None = None
    datum_eerste_intakegesprek: datetime.date | None = None
    datum_pip_termijn_herstart: datetime.date | None = None
    wacht_op_derden_sinds: datetime.date | None = None
    informatie_derden_ontvangen_op: datetime.date | None = None
    datum_eerste_pip: datetime.date | None = None
    datum_huidige_pip: datetime.date | None = None
    datum_laatste_bekendmaking: datetime.date | None = None
    datum_laatste_voortgangsgesprek: datetime.date | None = None
    voortgangsgesprek_maanden: int | None = None
    leerroute: str | None = None
    datum_einde_termijn_duo: datetime.date | None = None
    datum_map_afgerond: datetime.date | None = None
    datum_pvt_afgerond: datetime.date | None = None
    datum_start_ontzorgen: datetime.date | None = None
    datum_gepland_einde_ontzorgen: datetime.date | None = None
    datum_einde_ontzorgen: datetime.date | None = None
    duo_opschorting_van: datetime.date | None = None
    duo_opschorting_tot: datetime.date | None = None
    regime: str = WI2021
    duo_begindatum_plicht: datetime.date | None = None
    duo_startdatum_termijn: datetime.date | None = None
    datum_afspraak_overleg: datetime.date | None = None
    datum_afspraak_uiterlijk: datetime.date | None = None
    datum_afspraak_nagekomen: datetime.date | None = None

    @classmethod
    def van(cls, inburgeraar) -> "Feiten":
        """Read the facts from a dossier's own fields: no query."""
        return cls(**{veld.name: getattr(inburgeraar, veld.name) for veld in fields(cls)})

    @classmethod
    def velden(cls) -> list[str]:
        return [veld.name for veld in fields(cls)]


@dataclass(frozen=True)
class Normen:
    """A gemeente's norms that are policy, not law (fields on Gemeente, with these defaults)."""

    brede_intake_weken: int = 4
    voortgangsgesprek_maanden: int = 3

    @classmethod
    def van(cls, gemeente) -> "Normen":
        return cls(
            brede_intake_weken=gemeente.norm_brede_intake_weken,
            voortgangsgesprek_maanden=gemeente.voortgangsgesprek_maanden,
        )


@dataclass(frozen=True)
class Deadline:
    soort: Soort
    startdatum: datetime.date | None
    uiterste_datum: datetime.date | None
    voldaan_op: datetime.date | None = None
    opgeschort: bool = False
    # Onbekend: the deadline runs, but these dossier fields (Feiten names) are needed to compute it.
    ontbreekt: tuple[str, ...] = ()

    @property
    def te_laat_signaal(self) -> bool:
        return self.soort not in ZONDER_TE_LAAT

    @property
    def is_onbekend(self) -> bool:
        return self.uiterste_datum is None


def onbekend(soort: Soort, *ontbrekende_velden: str) -> Deadline:
    return Deadline(soort, None, None, ontbreekt=ontbrekende_velden)


def bereken(feiten: Feiten, normen: Normen | None = None, vandaag: datetime.date | None = None) -> list[Deadline]:
    """All deadlines of a dossier whose starting facts have happened, in the table's order.

    With `vandaag`, a deadline whose passing is no failure (ZONDER_TE_LAAT) and whose date has passed
    counts as met on its date: the bezwaartermijn passed without bezwaar, schakelen is no longer possible.
    """
    if feiten.fase in EINDFASEN:
        return []
    normen = normen or Normen()
    kandidaten = [
        pip_vaststelling(feiten),
        *_termijn_en_afgeleiden(feiten),
        ontzorgen_einde(feiten),
        voortgangsgesprek(feiten, normen),
        bezwaartermijn(feiten),
        brede_intake_start(feiten, normen),
        afspraak_overleg(feiten),
    ]
    return [_verstreken(_op_werkdag(_opgeschort(d, feiten, vandaag)), vandaag) for d in kandidaten if d is not None]


def _op_werkdag(deadline: Deadline) -> Deadline:
    """The last day off a weekend or holiday, as ATW_VERLENGT and NAAR_WERKDAG_ERVOOR say: after a pause
    has moved it, so that the moved day is the one that counts."""
    if deadline.is_onbekend:
        return deadline
    if deadline.soort in ATW_VERLENGT:
        return replace(deadline, uiterste_datum=atw.termijn_einde(deadline.uiterste_datum))
    if deadline.soort in NAAR_WERKDAG_ERVOOR:
        return replace(deadline, uiterste_datum=atw.werkdag_ervoor(deadline.uiterste_datum))
    return deadline


def _opgeschort(deadline: Deadline, f: Feiten, vandaag: datetime.date | None) -> Deadline:
    """DUO's tijdelijke vrijstelling: suspended within its dates, the last day moved by its length."""
    van, tot = f.duo_opschorting_van, f.duo_opschorting_tot
    if (
        not van
        or deadline.soort in LOPEN_DOOR
        or deadline.is_onbekend
        or deadline.voldaan_op
        or not deadline.startdatum <= van <= _op_werkdag(deadline).uiterste_datum
    ):
        return deadline
    uiterste = deadline.uiterste_datum
    if tot and not (f.datum_einde_termijn_duo and deadline.soort in UIT_TERMIJN_DUO):
        uiterste += datetime.timedelta(days=(tot - van).days + 1)
    binnen = vandaag is not None and van <= vandaag and (tot is None or vandaag <= tot)
    return replace(deadline, uiterste_datum=uiterste, opgeschort=deadline.opgeschort or binnen)


def _verstreken(deadline: Deadline, vandaag: datetime.date | None) -> Deadline:
    if (
        vandaag
        and deadline.soort in ZONDER_TE_LAAT
        and not deadline.is_onbekend
        and deadline.uiterste_datum < vandaag
        and not deadline.voldaan_op
    ):
        return replace(deadline, voldaan_op=deadline.uiterste_datum)
    return deadline


def _weken(aantal: int) -> datetime.timedelta:
    return datetime.timedelta(weeks=aantal)


@functools.lru_cache(maxsize=65536)
def plus_maanden(datum: datetime.date, maanden: int) -> datetime.date:
    """`datum` + `maanden` with relativedelta's clamping of month ends. Cached: a national run asks for
    the same few thousand dates hundreds of thousands of times, and relativedelta is slow."""
    return datum + relativedelta(months=maanden)


def pip_vaststelling(f: Feiten) -> Deadline | None:
    if f.regime == WI2013:
        return None  # no PIP under the Wet inburgering 2013
    if f.fase == "uitvoering" and not f.datum_eerste_pip:
        return None  # the PIP was fixed, its date was not recorded
    starts = []
    if f.datum_kennisgeving and f.datum_vestiging:
        starts.append(max(f.datum_kennisgeving, f.datum_vestiging))
    if f.datum_pip_termijn_herstart:
        starts.append(f.datum_pip_termijn_herstart)
    if not starts:
        if f.fase in ("intake", "pip"):
            return onbekend(
                Soort.PIP_VASTSTELLING,
                *(veld for veld in ("datum_kennisgeving", "datum_vestiging") if not getattr(f, veld)),
            )
        return None
    start = max(starts)
    normaal = start + _weken(PIP_VASTSTELLING_WEKEN)  # the Atw moves it in bereken (ATW_VERLENGT)
    uiterste, opgeschort = normaal, False
    wachten = f.wacht_op_derden_sinds
    if wachten and start <= wachten <= atw.termijn_einde(normaal) and not f.datum_eerste_pip:
        if f.informatie_derden_ontvangen_op:
            uiterste = max(normaal, f.informatie_derden_ontvangen_op + _weken(VERLENGING_NA_INFORMATIE_WEKEN))
        else:
            opgeschort = True
    return Deadline(Soort.PIP_VASTSTELLING, start, uiterste, f.datum_eerste_pip, opgeschort)


def inburgeringstermijn_einde(f: Feiten) -> tuple[datetime.date, datetime.date] | None:
    """(start, end) of the inburgeringstermijn: from the first PIP only; DUO's end date wins."""
    if not f.datum_eerste_pip:
        return None
    # It starts the day after the dagtekening and lasts three years, so its last day is the
    # dagtekening's date three years on (as the bezwaartermijn's is the bekendmaking + 6 weeks).
    # Counting from the dagtekening also keeps a start on 29 February from losing a day.
    # The Algemene termijnenwet leaves a period of three years alone (art. 4: not for periods longer than
    # three months): a last day on a Sunday stays, as DUO's own end dates do. DUO's date, when known, wins.
    start = f.datum_eerste_pip + datetime.timedelta(days=1)
    return start, f.datum_einde_termijn_duo or plus_maanden(f.datum_eerste_pip, 12 * INBURGERINGSTERMIJN_JAREN)


def _termijn_en_afgeleiden(f: Feiten) -> list[Deadline]:
    if f.regime == WI2013:
        return [termijn_duo(f)]
    termijn = inburgeringstermijn_einde(f)
    if termijn is None:
        return []
    start, einde = termijn
    deadlines = [
        Deadline(Soort.INBURGERINGSTERMIJN, start, einde),
        # 1.5 years from the termijn's start: the last day is counted like the termijn's own.
        Deadline(Soort.SCHAKELEN, start, plus_maanden(f.datum_eerste_pip, SCHAKELEN_MAANDEN)),
        Deadline(Soort.MAP_AFRONDING, start, einde, f.datum_map_afgerond),
        Deadline(Soort.PVT_AFRONDING, start, einde, f.datum_pvt_afgerond),
        Deadline(Soort.VERLENGING_TERMIJN, start, plus_maanden(einde, -VERLENGING_BESPREKEN_MAANDEN)),
    ]
    return [d for d in deadlines if not (d.soort == Soort.MAP_AFRONDING and f.leerroute == Leerroute.ONDERWIJS)]


def termijn_duo(f: Feiten) -> Deadline:
    """The Wi2013 inburgeringstermijn: DUO sets it (and its extensions); the gemeente only follows it."""
    if not f.datum_einde_termijn_duo:
        return onbekend(Soort.INBURGERINGSTERMIJN, "datum_einde_termijn_duo")
    start = f.duo_startdatum_termijn or f.duo_begindatum_plicht or f.datum_kennisgeving or f.datum_koppeling
    if start is None or start > f.datum_einde_termijn_duo:
        start = f.datum_einde_termijn_duo
    return Deadline(Soort.INBURGERINGSTERMIJN, start, f.datum_einde_termijn_duo)


def ontzorgen_einde(f: Feiten) -> Deadline | None:
    if not (f.datum_start_ontzorgen and f.datum_gepland_einde_ontzorgen):
        return None
    return Deadline(
        Soort.ONTZORGEN_EINDE, f.datum_start_ontzorgen, f.datum_gepland_einde_ontzorgen, f.datum_einde_ontzorgen
    )


def voortgangsgesprek(f: Feiten, normen: Normen) -> Deadline | None:
    if not f.datum_huidige_pip:
        return None
    start = max(d for d in (f.datum_huidige_pip, f.datum_laatste_voortgangsgesprek) if d)
    maanden = f.voortgangsgesprek_maanden or normen.voortgangsgesprek_maanden
    return Deadline(Soort.VOORTGANGSGESPREK, start, plus_maanden(start, maanden))


def bezwaartermijn(f: Feiten) -> Deadline | None:
    if not f.datum_laatste_bekendmaking:
        return None
    return Deadline(
        Soort.BEZWAARTERMIJN,
        f.datum_laatste_bekendmaking + datetime.timedelta(days=1),
        atw.termijn_einde(f.datum_laatste_bekendmaking + _weken(BEZWAARTERMIJN_WEKEN)),
    )


def brede_intake_start(f: Feiten, normen: Normen) -> Deadline | None:
    if f.regime == WI2013:
        return None  # the intake is offered, but the Wet inburgering 2013 sets it no deadline
    start = f.datum_koppeling if f.doelgroep == ASIELSTATUSHOUDER else f.datum_kennisgeving
    if f.fase in ("pip", "uitvoering") and not f.datum_eerste_intakegesprek:
        return None
    if not start:
        if f.datum_eerste_intakegesprek or f.fase not in ("aangemeld", "intake"):
            return None  # met already, or not running: nothing to warn about
        return onbekend(Soort.BREDE_INTAKE_START, "datum_kennisgeving")
    return Deadline(
        Soort.BREDE_INTAKE_START, start, start + _weken(normen.brede_intake_weken), f.datum_eerste_intakegesprek
    )


def afspraak_overleg(f: Feiten) -> Deadline | None:
    if not (f.datum_afspraak_overleg and f.datum_afspraak_uiterlijk):
        return None
    return Deadline(
        Soort.AFSPRAAK_OVERLEG, f.datum_afspraak_overleg, f.datum_afspraak_uiterlijk, f.datum_afspraak_nagekomen
    )
