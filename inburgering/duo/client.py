"""HTTP to DUO for one gemeente: its OIN as `bron`, DUO's as `doel`, a fresh berichtId, mTLS.

Digikoppeling REST: every request carries bron, doel and berichtId; the base URL ends in /v1.
Tests give a `transport` (httpx.MockTransport) or point the base URL at a mock DUO (Prism).
"""

import uuid

import httpx

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _


class DuoNietBereikbaar(Exception):
    """DUO did not answer in time or answered 5xx: try again later."""


class DuoClient:
    def __init__(self, gemeente, *, transport: httpx.BaseTransport | None = None):
        if not gemeente.duo_basis_url:
            raise ImproperlyConfigured(_("Gemeente %(g)s heeft geen DUO basis-URL.") % {"g": gemeente})
        self.gemeente = gemeente
        certificaat = (gemeente.duo_certificaat, gemeente.duo_sleutel) if gemeente.duo_certificaat else None
        self._http = httpx.Client(
            base_url=gemeente.duo_basis_url.rstrip("/"),
            cert=certificaat,
            timeout=settings.DUO_TIMEOUT_SECONDEN,
            transport=transport,
        )

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._http.close()

    def headers(self, bericht_id: uuid.UUID | None = None) -> dict[str, str]:
        return {
            "bron": self.gemeente.oin,
            "doel": settings.DUO_OIN,
            "berichtId": str(bericht_id or uuid.uuid4()),
            "Accept": "application/json",
        }

    def verstuur(self, methode: str, pad: str, *, bericht_id=None, inhoud=None) -> httpx.Response:
        """One request; raises DuoNietBereikbaar on a timeout, a network error or a 5xx answer."""
        try:
            antwoord = self._http.request(methode, pad, headers=self.headers(bericht_id), json=inhoud)
        except httpx.TransportError as e:  # timeouts, refused connections, TLS failures
            raise DuoNietBereikbaar(f"{type(e).__name__}: {e}") from e
        if antwoord.status_code >= 500:
            raise DuoNietBereikbaar(f"HTTP {antwoord.status_code}: {antwoord.text[:500]}")
        return antwoord

    def lees(self, pad: str) -> dict | list | None:
        """Raadpleging: GET a resource; None when DUO knows none (404)."""
        antwoord = self.verstuur("GET", pad)
        if antwoord.status_code == 404:
            return None
        antwoord.raise_for_status()
        return antwoord.json()


# Tests swap this for a function returning a client on a mock transport.
def client_voor(gemeente) -> DuoClient:
    return DuoClient(gemeente, transport=_transport)


_transport: httpx.BaseTransport | None = None


def zet_transport(transport: httpx.BaseTransport | None) -> None:
    """For tests: route every client through `transport` (None: real HTTP)."""
    global _transport
    _transport = transport
