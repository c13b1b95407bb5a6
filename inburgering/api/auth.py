"""Bearer tokens of partner systems (ApiClient): stored as SHA-256, with expiry and revocation."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission

from django.utils.translation import gettext_lazy as _

from ..models import ApiClient
from .sleutels import sleutel_hash


class SleutelAuthenticatie(BaseAuthentication):
    """`Authorization: Bearer <token>`; request.user is the client's service user, request.auth the client."""

    def authenticate(self, request):
        delen = get_authorization_header(request).split()
        if not delen or delen[0].lower() != b"bearer":
            return None
        if len(delen) != 2:
            raise exceptions.AuthenticationFailed(_("Geef precies één token na 'Bearer'."))
        try:
            sleutel = delen[1].decode()
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("Ongeldig token.")) from None
        client = (
            ApiClient.objects.select_related("gebruiker", "team__organisatie")
            .filter(sleutel_hash=sleutel_hash(sleutel))
            .first()
        )
        # One answer for unknown, revoked and expired tokens: nothing to learn by trying.
        if client is None or not client.is_geldig():
            raise exceptions.AuthenticationFailed(_("Ongeldig, verlopen of ingetrokken token."))
        return client.gebruiker, client

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class IsPartnerClient(BasePermission):
    """Only a partner system's token; a view may demand a model permission of the service user too."""

    def has_permission(self, request, view):
        if not isinstance(request.auth, ApiClient):
            return False
        recht = getattr(view, "vereist_recht", None)
        return recht is None or request.user.has_perm(recht)


class SleutelAuthenticatieSchema(OpenApiAuthenticationExtension):
    target_class = SleutelAuthenticatie
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "Het token dat de functioneel beheerder eenmalig toonde bij het aanmaken van de API-client.",
        }
