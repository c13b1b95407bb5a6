"""Notifications from DUO: checked, stored durably (deduplicated by berichtId), processed later."""

import contextlib
import datetime
import ipaddress
import logging

from cryptography import x509
from cryptography.x509.oid import NameOID

from django.conf import settings
from django.db import IntegrityError, connection, transaction

from ..models import Gemeente
from .models import Notificatie

log = logging.getLogger(__name__)


class Afgewezen(Exception):
    """The notification is refused with this HTTP status (400, 401 or 403)."""

    def __init__(self, status: int, reden: str):
        super().__init__(reden)
        self.status = status


# OpenSSL's short names in a subject as nginx ($ssl_client_s_dn) and Apache write it (RFC 4514), beyond the
# few RFC 4514 itself names; a name the parser does not know refuses the subject rather than guessing.
_OPENSSL_NAMEN = {
    "serialNumber": NameOID.SERIAL_NUMBER,
    "organizationIdentifier": NameOID.ORGANIZATION_IDENTIFIER,
    "emailAddress": NameOID.EMAIL_ADDRESS,
    "GN": NameOID.GIVEN_NAME,
    "SN": NameOID.SURNAME,
    "title": NameOID.TITLE,
    "businessCategory": NameOID.BUSINESS_CATEGORY,
    "postalCode": NameOID.POSTAL_CODE,
    "street": NameOID.STREET_ADDRESS,
    "jurisdictionC": NameOID.JURISDICTION_COUNTRY_NAME,
    "dnQualifier": NameOID.DN_QUALIFIER,
}


def serienummer(certificaat_subject: str) -> str | None:
    """The subject's one serialNumber attribute (in a PKIoverheid certificate: the holder's OIN), or None
    when the subject is no distinguished name or has no or several serialNumbers."""
    try:
        naam = x509.Name.from_rfc4514_string(certificaat_subject, _OPENSSL_NAMEN)
    except ValueError:
        return None
    waarden = naam.get_attributes_for_oid(NameOID.SERIAL_NUMBER)
    if len(waarden) != 1 or not isinstance(waarden[0].value, str):
        return None
    return waarden[0].value


def _van_proxy(adres: str | None) -> bool:
    """Only the TLS terminator may speak for the client certificate: anyone reaching the web process some
    other way could write the header themselves."""
    try:
        ip = ipaddress.ip_address(adres or "")
    except ValueError:
        return False
    return any(ip in netwerk for netwerk in settings.DUO_PROXY_ADRESSEN)


def afzender_is_duo(certificaat_subject: str | None, *, proxy_adres: str | None) -> bool:
    """The proxy verified DUO's PKIoverheid certificate and passes on its subject: believed only from an address
    in DUO_PROXY_ADRESSEN, and then its serialNumber must be DUO's OIN, exactly (not merely somewhere in it).

    Without DUO_CERTIFICAAT_HEADER (development) nothing is checked here.
    """
    if not settings.DUO_CERTIFICAAT_HEADER:
        return True
    if not certificaat_subject or not _van_proxy(proxy_adres):
        return False
    return serienummer(certificaat_subject) == settings.DUO_OIN


def ontvang(
    *, bron: str, doel: str, bericht_id, inhoud: dict, certificaat_subject: str | None, proxy_adres: str | None
) -> Notificatie:
    """Store a valid notification; a second one with the same berichtId returns the first (processed once).
    `proxy_adres` is the address the request came from (REMOTE_ADDR), never one a header claims."""
    if not afzender_is_duo(certificaat_subject, proxy_adres=proxy_adres) or bron != settings.DUO_OIN:
        log.warning(
            "DUO-notificatie %s geweigerd: afzender %r via %s is niet DUO.",
            bericht_id,
            certificaat_subject or bron,
            proxy_adres,
        )
        raise Afgewezen(401, "afzender onbekend")
    gemeente_id = _gemeente_id(doel)
    if gemeente_id is None:
        log.warning("DUO-notificatie %s geweigerd: onbekend OIN %s in doel.", bericht_id, doel)
        raise Afgewezen(403, "doel onbekend")
    # Written straight away: a berichtId seen before (DUO sends again when our 201 did not reach it, or
    # two processes take the same one at once) fails on its unique constraint and returns the first. Asking
    # first would cost every new notification a query to spare the rare repeat one.
    try:
        # On its own the INSERT commits by itself, and a transaction around it would cost a round trip more;
        # inside a caller's transaction a savepoint keeps that transaction usable after a repeat's IntegrityError.
        with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
            notificatie = Notificatie.objects.create(
                bericht_id=bericht_id,
                bron=bron,
                doel=doel,
                gemeente_id=gemeente_id,
                gebeurtenis_id=inhoud["gebeurtenisId"],
                bsn=inhoud.get("bsn", ""),
                v_nummer=inhoud.get("vNummer"),
                registratie_datum_tijd=als_moment(inhoud["registratieDatumTijd"]),
                inhoud=inhoud,
            )
    except IntegrityError:  # this berichtId was stored before
        return Notificatie.objects.get(bericht_id=bericht_id)
    transaction.on_commit(lambda: _plan(notificatie.pk))
    return notificatie


def _gemeente_id(oin: str) -> int | None:
    """The gemeente DUO addressed. A plain query: the ORM spends ten times as long composing this one as the
    database takes to answer it (0.5 ms of CPU, measured), a tenth of accepting a notification."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM {Gemeente._meta.db_table} WHERE oin = %s", [oin])  # noqa: S608 (no input)
        rij = cursor.fetchone()
    return rij[0] if rij else None


def als_moment(datumtijd: str) -> datetime.datetime:
    """An RFC 3339 date-time, which may write its T and Z in lower case."""
    return datetime.datetime.fromisoformat(datumtijd.upper())


def _plan(pk: int) -> None:
    from .tasks import verwerk_notificatie

    verwerk_notificatie.delay(pk)
