"""A lean middleware stack for machines: DUO's notifications, the partner API and the health check.

Those callers carry no cookie (DUO and partner systems authenticate by certificate and token, the container's
health check by nothing), so the middleware that serves a browser's session does nothing for them but cost
CPU: loading a session, CSRF, the signed-in user, the second factor, messages, htmx, login throttling and
static files. `MachineVerkeer`, first in MIDDLEWARE, sends a request whose path starts with one of
MACHINE_PADEN through a stack of its own: the rest of MIDDLEWARE without MIDDLEWARE_ALLEEN_BROWSERS (settings
says why each one goes). What remains keeps the security headers, API-Version, the Dutch or problem+json 404,
the no-store of answers to partners and auditlog's context for the API's writes.

A first middleware rather than a WSGI handler of its own, so that everything that serves the project (gunicorn,
runserver, Django's and DRF's test clients) takes the same path: the tests of these endpoints exercise the stack
production runs.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.core.handlers.base import BaseHandler
from django.core.handlers.exception import convert_exception_to_response
from django.utils.module_loading import import_string

PAD = "inburgering.machineverkeer.MachineVerkeer"


def machine_middleware() -> list[str]:
    """MIDDLEWARE after MachineVerkeer, without what only serves a browser, in MIDDLEWARE's order."""
    if not settings.MIDDLEWARE or settings.MIDDLEWARE[0] != PAD:
        raise ImproperlyConfigured(f"{PAD} moet de eerste middleware zijn: alles erna slaat hij voor machines over.")
    onbekend = set(settings.MIDDLEWARE_ALLEEN_BROWSERS) - set(settings.MIDDLEWARE)
    if onbekend:
        raise ImproperlyConfigured(
            f"MIDDLEWARE_ALLEEN_BROWSERS noemt middleware die niet in MIDDLEWARE staat: {sorted(onbekend)}"
        )
    return [pad for pad in settings.MIDDLEWARE[1:] if pad not in settings.MIDDLEWARE_ALLEEN_BROWSERS]


class MachineHandler(BaseHandler):
    """Django's request handling (view middleware, exception middleware, template responses) over the machine
    stack. BaseHandler.load_middleware reads settings.MIDDLEWARE only, so this builds the chain as it does, for
    synchronous middleware (the project runs under WSGI)."""

    def __init__(self, middleware: list[str]):
        self.middleware = middleware
        self.load_middleware()

    def load_middleware(self, is_async=False):
        self._view_middleware = []
        self._template_response_middleware = []
        self._exception_middleware = []
        handler = convert_exception_to_response(self._get_response)
        for pad in reversed(self.middleware):
            try:
                middleware = import_string(pad)(handler)
            except MiddlewareNotUsed:
                continue
            if hasattr(middleware, "process_view"):
                self._view_middleware.insert(0, middleware.process_view)
            if hasattr(middleware, "process_template_response"):
                self._template_response_middleware.append(middleware.process_template_response)
            if hasattr(middleware, "process_exception"):
                self._exception_middleware.append(middleware.process_exception)
            handler = convert_exception_to_response(middleware)
        self._middleware_chain = handler

    def __call__(self, request):
        return self._middleware_chain(request)


class MachineVerkeer:
    def __init__(self, get_response):
        self.get_response = get_response  # the full stack, for browsers
        self.paden = tuple(settings.MACHINE_PADEN)
        self.machines = MachineHandler(machine_middleware())

    def __call__(self, request):
        if request.path_info.startswith(self.paden):
            return self.machines(request)
        return self.get_response(request)
