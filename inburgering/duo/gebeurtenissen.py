"""Which function handles which DUO event. The core registers its own; a domain app registers the
events that concern its records (an exam result, an LBT result) in its AppConfig.ready(), so the
core never imports a domain app (docs/architecture.md, Boundaries).

A handler takes (notificatie, inburgeraar, client) and returns the action for the regisseur as a
Dutch sentence, or "" when nothing needs doing. It reads details from DUO through the client and
changes the dossier only through services.
"""

from collections.abc import Callable

Handler = Callable[..., str]

_handlers: dict[str, Handler] = {}


def registreer(*gebeurtenis_ids: str, handler: Handler) -> None:
    for gebeurtenis_id in gebeurtenis_ids:
        _handlers[gebeurtenis_id] = handler


def handler_voor(gebeurtenis_id: str) -> Handler | None:
    return _handlers.get(gebeurtenis_id)
