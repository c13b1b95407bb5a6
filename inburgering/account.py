"""Logging in and out: with a password or the organisation's identity provider (OpenID Connect, inburgering.oidc),
then two-factor authentication with django-otp TOTP, set up once with an authenticator app."""

import logging
from io import BytesIO

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from django import forms
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import oidc
from . import tweefactor as koppelcodes
from .forms import LoginForm, UtrechtFormMixin
from .models import OidcConfig

log = logging.getLogger(__name__)


class Inloggen(auth_views.LoginView):
    """The login page: the organisation's account where a provider is set up, a password where that is on."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if not settings.INLOGGEN_MET_WACHTWOORD:
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "organisatie_account": OidcConfig.huidige().bruikbaar,
            "met_wachtwoord": settings.INLOGGEN_MET_WACHTWOORD,
        }


class OidcStart(oidc.BeheerInstellingen, OIDCAuthenticationRequestView):
    """Sends the browser to the provider, with state, nonce and PKCE kept in the session."""

    def get(self, request):
        if not self.config.bruikbaar:
            return redirect("login")
        return super().get(request)


# What a refused person reads: what happened and what to do. %(identiteit)s is who the provider said they are.
_WEIGERINGEN = {
    "onbekend": (
        _("U heeft geen account in Inburgering"),
        _(
            "U bent bij uw organisatie ingelogd als %(identiteit)s, maar in Inburgering is geen account met dat "
            "gegeven. Vraag de functioneel beheerder van Inburgering om een account. Daarna kunt u hier inloggen "
            "met uw organisatie-account."
        ),
    ),
    "gedeactiveerd": (
        _("Uw account in Inburgering is uitgeschakeld"),
        _(
            "Het account in Inburgering van %(identiteit)s is uitgeschakeld. Heeft u Inburgering nog nodig voor uw "
            "werk? Neem dan contact op met de functioneel beheerder."
        ),
    ),
    "dubbel": (
        _("Uw account is niet eenduidig te vinden"),
        _(
            "In Inburgering horen meerdere accounts bij %(identiteit)s. De functioneel beheerder moet dat eerst "
            "oplossen. Neem contact op met de functioneel beheerder."
        ),
    ),
    "niet_bevestigd": (
        _("Uw e-mailadres is niet bevestigd"),
        _(
            "Uw organisatie meldt dat het e-mailadres %(identiteit)s niet is bevestigd. Daarom kunt u er niet mee "
            "inloggen. Neem contact op met de functioneel beheerder."
        ),
    ),
    "geen_identiteit": (
        _("Uw organisatie gaf niet door wie u bent"),
        _(
            "In het antwoord van uw organisatie ontbreekt het gegeven waarmee Inburgering uw account zoekt. "
            "Neem contact op met de functioneel beheerder."
        ),
    ),
    "provider": (
        _("Inloggen bij uw organisatie is niet gelukt"),
        _(
            "Het inloggen bij uw organisatie is afgebroken, of het antwoord was niet te controleren. Probeer het "
            "opnieuw. Lukt het weer niet? Neem dan contact op met de functioneel beheerder."
        ),
    ),
    "verlopen": (
        _("Deze inlogpoging is verlopen"),
        _("Deze inlogpoging is al gebruikt of te oud. Begin opnieuw op de inlogpagina."),
    ),
}


class OidcCallback(oidc.BeheerInstellingen, OIDCAuthenticationCallbackView):
    """The provider's answer: log the matching account in, or explain in Dutch why not (and log that)."""

    def get(self, request):
        # A state this session never started: an old tab, the back button, or someone else's link.
        if "error" not in request.GET and request.GET.get("state") not in request.session.get("oidc_states", {}):
            oidc.weiger(request, "verlopen")
            return self.login_failure()
        try:
            return super().get(request)
        except SuspiciousOperation:
            oidc.weiger(request, "verlopen")
            return self.login_failure()

    def login_success(self):
        sessie = getattr(self.user, "oidc_sessie", {})
        response = super().login_success()
        self.request.session.update(sessie)
        log.info(
            "OIDC: gebruiker %s ingelogd (tweede factor bij de provider: %s)", self.user.pk, sessie.get(oidc.SESSIE_MFA)
        )
        return response

    def login_failure(self):
        weigering = getattr(self.request, "oidc_weigering", None) or oidc.Weigering("provider")
        oidc.log_weigering(self.request, weigering)
        titel, uitleg = _WEIGERINGEN[weigering.reden]
        context = {"titel": titel, "uitleg": uitleg % {"identiteit": weigering.identiteit}}
        return render(self.request, "registration/oidc_geweigerd.html", context, status=403)


@require_POST
def uitloggen(request):
    """End the session here and, for a session the provider started, there too (RP-initiated logout)."""
    bij_provider = oidc.uitlog_url(request)
    auth.logout(request)
    if bij_provider is None:
        return redirect(settings.LOGOUT_REDIRECT_URL)
    # A page that moves on by itself, not a redirect: the logout button is a form, and the
    # Content-Security-Policy (form-action 'self') stops a form's redirect to another site.
    return render(request, "registration/uitloggen_provider.html", {"url": bij_provider})


class TokenForm(UtrechtFormMixin, forms.Form):
    token = forms.RegexField(
        label=_("Code uit uw authenticator-app"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("Vul de zes cijfers in die uw app nu toont.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 6}),
    )


class KoppelcodeForm(UtrechtFormMixin, forms.Form):
    """Setting up an app starts with the koppelcode from the beheerder: the password alone is not enough,
    and shows no secret."""

    koppelcode = forms.CharField(
        label=_("Koppelcode"),
        help_text=_("De eenmalige code die u van de functioneel beheerder kreeg."),
        error_messages={"required": _("Vul de koppelcode in die u van de functioneel beheerder kreeg.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


# The koppelcode this session gave and the app made for it; another session never sees that app's secret.
SESSIE_KOPPELING = "tweefactor_koppeling"


@login_required
def tweefactor(request):
    """Give the app's code; or, without a confirmed app, first the koppelcode and then set up the app."""
    apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if apparaat is not None:
        return _inloggen_met_app(request, apparaat)
    koppeling = _koppeling(request)
    nieuw = koppeling and koppelcodes.lopende_koppeling(gebruiker=request.user, koppeling=koppeling)
    if not nieuw:
        request.session.pop(SESSIE_KOPPELING, None)
        koppelcodes.ruim_vervallen_apparaten_op(gebruiker=request.user)
        return _vraag_koppelcode(request, vervallen=koppeling is not None)
    return _stel_app_in(request, nieuw, koppeling)


def _inloggen_met_app(request, apparaat):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if apparaat.verify_token(form.cleaned_data["token"]):
            otp_login(request, apparaat)
            return redirect(_volgende(request))
        form.add_error("token", _("Deze code klopt niet of is verlopen. Vul de nieuwste code uit uw app in."))
    return _pagina(request, form, stap="inloggen")


def _vraag_koppelcode(request, *, vervallen: bool):
    # A token sent for an app whose koppelcode just lapsed is not an attempt at a koppelcode.
    form = KoppelcodeForm(None if vervallen else (request.POST or None))
    if form.is_bound and form.is_valid():
        try:
            koppeling = koppelcodes.begin_koppeling(gebruiker=request.user, code=form.cleaned_data["koppelcode"])
        except ValidationError as fout:
            form.add_error("koppelcode", fout)
        else:
            request.session[SESSIE_KOPPELING] = {
                "koppelcode_id": koppeling.koppelcode_id,
                "apparaat_id": koppeling.apparaat_id,
            }
            return redirect(f"{reverse('tweefactor')}?{urlencode({'next': _volgende(request)})}")
    return _pagina(request, form, stap="koppelcode", vervallen=vervallen)


def _stel_app_in(request, apparaat, koppeling):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            apparaat = koppelcodes.bevestig_apparaat(
                gebruiker=request.user, koppeling=koppeling, token=form.cleaned_data["token"]
            )
        except ValidationError as fout:
            if fout.code != "token":
                request.session.pop(SESSIE_KOPPELING, None)
                return _vraag_koppelcode(request, vervallen=True)
            form.add_error("token", fout)
        else:
            request.session.pop(SESSIE_KOPPELING, None)
            otp_login(request, apparaat)
            return redirect(_volgende(request))
    return _pagina(request, form, stap="instellen", qr_svg=_qr_svg(apparaat.config_url), sleutel=_base32(apparaat))


def _koppeling(request) -> koppelcodes.Koppeling | None:
    opgeslagen = request.session.get(SESSIE_KOPPELING)
    if not isinstance(opgeslagen, dict):
        return None
    try:
        return koppelcodes.Koppeling(int(opgeslagen["koppelcode_id"]), int(opgeslagen["apparaat_id"]))
    except (KeyError, TypeError, ValueError):
        return None


def _pagina(request, form, *, stap, **context):
    context = {"form": form, "stap": stap, "volgende": _volgende(request), **context}
    return render(request, "account/tweefactor.html", context)


def _volgende(request) -> str:
    volgende = request.POST.get("next") or request.GET.get("next") or "/"
    return volgende if url_has_allowed_host_and_scheme(volgende, {request.get_host()}) else "/"


def _qr_svg(inhoud: str) -> str:
    uitvoer = BytesIO()
    qrcode.make(inhoud, image_factory=qrcode.image.svg.SvgPathImage).save(uitvoer)
    # Our own generated SVG, not user input.
    return mark_safe(uitvoer.getvalue().decode())  # noqa: S308


def _base32(apparaat) -> str:
    from base64 import b32encode

    return b32encode(apparaat.bin_key).decode()
