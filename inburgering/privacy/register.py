"""What each domain app contributes to privacy by design, without the core importing it (docs/privacy.md).

An app registers one `Bijdrage` in its AppConfig.ready():

    from inburgering import privacy
    privacy.registreer("leerroutes", vernietig=vernietig, exporteer=exporteer)

- `vernietig(dossier_ids) -> {omschrijving: aantal}` deletes every record of the app about those
  dossiers (and files on disk), in bulk, with `wis()` so no history of the data survives; the
  counts go into the proces-verbaal.
- `exporteer(inburgeraar) -> {sectie: [gegevens, ...]}` returns everything the app holds about the
  person for the AVG inzage export, each record through `als_gegevens()`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry

from django.contrib.contenttypes.models import ContentType
from django.db import models


@dataclass(frozen=True)
class Bijdrage:
    app: str
    vernietig: Callable[[list[int]], dict[str, int]]
    exporteer: Callable[[object], dict[str, list[dict]]]
    volgorde: int = 50


_BIJDRAGEN: dict[str, Bijdrage] = {}


def registreer(app: str, *, vernietig, exporteer, volgorde: int = 50) -> None:
    """`volgorde`: lower runs first; an app that summarises other apps' records must run before they go."""
    _BIJDRAGEN[app] = Bijdrage(app=app, vernietig=vernietig, exporteer=exporteer, volgorde=volgorde)


def bijdragen() -> list[Bijdrage]:
    return sorted(_BIJDRAGEN.values(), key=lambda bijdrage: bijdrage.volgorde)


def wis(queryset) -> int:
    """Delete the rows and their audit history without writing new history (which would copy the data)."""
    model = queryset.model
    pks = list(queryset.values_list("pk", flat=True))
    if not pks:
        return 0
    with disable_auditlog():
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_pk__in=[str(pk) for pk in pks]
        ).delete()
        model.objects.filter(pk__in=pks).delete()
    return len(pks)


def als_gegevens(obj, *, zonder: tuple[str, ...] = ("id", "inburgeraar")) -> dict:
    """One record as {Dutch field name: readable value}, the way the person would read it."""
    gegevens = {}
    for field in obj._meta.concrete_fields:
        if field.name in zonder:
            continue
        gegevens[str(field.verbose_name)] = _leesbaar(obj, field)
    return gegevens


def _leesbaar(obj, field):
    waarde = getattr(obj, field.attname)
    if waarde is None or waarde == "":
        return None
    if field.choices:
        return str(getattr(obj, f"get_{field.name}_display")())
    if isinstance(field, models.ForeignKey):
        return str(getattr(obj, field.name))
    if isinstance(field, models.FileField):
        return waarde.name if hasattr(waarde, "name") else str(waarde)
    if isinstance(waarde, datetime.date | datetime.datetime):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    return waarde
