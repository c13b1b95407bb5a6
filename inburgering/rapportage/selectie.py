"""What a report is about: which gemeenten, which period, which cohort; and aggregation per doelgroep in SQL."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Aggregate, Case, F, FloatField, Func, IntegerField, Q, Value, When
from django.db.models.functions import Coalesce

from ..models import Doelgroep, Inburgeraar
from .rijen import TOTAAL

_GEZIN = [
    Doelgroep.GEZINSHERENIGER,
    Doelgroep.GEZINSHERENIGER_ASIEL,
    Doelgroep.GEZINSVORMER,
    Doelgroep.GEZINSVORMER_ASIEL,
]


def groep(prefix: str = ""):
    """DUO's detailed doelgroep grouped as the reports' three: asielstatushouder, gezinsmigrant, overige migrant."""
    veld = f"{prefix}doelgroep"
    return Case(
        When(**{veld: Doelgroep.ASIELSTATUSHOUDER}, then=Value("asiel")),
        When(**{f"{veld}__in": _GEZIN}, then=Value("gezin")),
        default=Value("overig"),
    )


def plicht_start(prefix: str = ""):
    """The cohort is the year the plicht started: DUO's kennisgeving, or the koppeling when it is not known yet."""
    return Coalesce(F(f"{prefix}datum_kennisgeving"), F(f"{prefix}datum_koppeling"))


class Dagen(Func):
    """Whole days from the second date to the first (PostgreSQL: date - date is an integer)."""

    arg_joiner = " - "
    template = "(%(expressions)s)"
    output_field = IntegerField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="CAST(julianday(%(expressions)s) AS INTEGER)",
            arg_joiner=") - julianday(",
            **extra,
        )


class Mediaan(Aggregate):
    """PostgreSQL's percentile_cont(0.5): the median, the mean of the middle two for an even count."""

    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


def mediaan_in_sql() -> bool:
    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class Selectie:
    gemeente_ids: tuple[int, ...]
    van: datetime.date
    tot: datetime.date
    cohort: int | None = None
    peildatum: datetime.date | None = None
    # Results shared by several indicators within one request (see `onthoud`).
    _onthouden: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def onthoud(self, sleutel: str, bereken):
        if sleutel not in self._onthouden:
            self._onthouden[sleutel] = bereken()
        return self._onthouden[sleutel]

    def dossiers(self):
        """Dossiers of the selected gemeenten (where the dossier is now) and cohort."""
        qs = Inburgeraar.objects.filter(gemeente_id__in=self.gemeente_ids)
        if self.cohort:
            qs = qs.alias(plicht_start=plicht_start()).filter(plicht_start__year=self.cohort)
        return qs

    def in_periode(self, veld: str) -> Q:
        return Q(**{f"{veld}__gte": self.van, f"{veld}__lte": self.tot})

    def per_groep(self, queryset, *, prefix: str = "", medianen=None, **aggregaten) -> dict:
        """Aggregate `queryset` per doelgroep and in total: {kolom: {naam: waarde}}.

        Counts and sums come from one grouped query and are added up for the total. Each median
        `{naam: (expressie, filter)}` is computed in SQL on PostgreSQL (one more query for the total);
        other databases (SQLite for `make run`) read the bounded list of day counts and take the
        median in Python.
        """
        medianen = medianen or {}
        in_sql = mediaan_in_sql()
        extra = {naam: Mediaan(expr, filter=filt) for naam, (expr, filt) in medianen.items()} if in_sql else {}
        rijen = queryset.annotate(_groep=groep(prefix)).values("_groep").annotate(**aggregaten, **extra).order_by()
        data = {rij.pop("_groep"): rij for rij in rijen}
        data[TOTAAL] = {naam: sum((rij.get(naam) or 0) for rij in data.values()) for naam in aggregaten}
        if medianen and in_sql:
            data[TOTAAL].update(queryset.aggregate(**extra))
        elif medianen:
            for naam, (expr, filt) in medianen.items():
                _mediaan_in_python(queryset.filter(filt), prefix, naam, expr, data)
        return data


def _mediaan_in_python(queryset, prefix, naam, expr, data) -> None:
    per_groep: dict[str, list] = {}
    for kolom, dagen in queryset.annotate(_groep=groep(prefix), _dagen=expr).values_list("_groep", "_dagen"):
        if dagen is not None:
            per_groep.setdefault(kolom, []).append(dagen)
    alle = [d for lijst in per_groep.values() for d in lijst]
    for kolom, lijst in [*per_groep.items(), (TOTAAL, alle)]:
        data.setdefault(kolom, {})[naam] = statistics.median(lijst) if lijst else None
