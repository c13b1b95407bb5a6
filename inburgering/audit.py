"""Auditlog entries for bulk writes.

django-auditlog listens to the model signals, which bulk_create and bulk_update never send. Services
that write many rows at once call `log_bulk` in the same transaction, so the history of a row shows
who approved or registered it whether it was written alone or with a hundred others.
"""

from auditlog.cid import get_cid
from auditlog.context import auditlog_value
from auditlog.diff import model_instance_diff
from auditlog.models import LogEntry

from django.conf import settings
from django.contrib.contenttypes.models import ContentType


def log_bulk(paren, *, actor, action=LogEntry.Action.UPDATE) -> None:
    """One LogEntry per (old, new) pair, written in one INSERT. `old` is None for a created row."""
    context = auditlog_value.get({})
    as_json = getattr(settings, "AUDITLOG_STORE_JSON_CHANGES", False)
    entries = [
        LogEntry(
            content_type=ContentType.objects.get_for_model(new),
            object_pk=str(new.pk),
            object_id=new.pk,
            object_repr=str(new),
            action=action,
            changes=model_instance_diff(old, new, use_json_for_changes=as_json),
            actor=actor,
            actor_email=getattr(actor, "email", None),
            remote_addr=context.get("remote_addr"),
            cid=get_cid(),
        )
        for old, new in paren
    ]
    LogEntry.objects.bulk_create(entries)
