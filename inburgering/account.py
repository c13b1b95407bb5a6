"""Two-factor authentication with django-otp TOTP: set up once with an authenticator app, then verify."""

from io import BytesIO

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from . import tweefactor as koppelcodes
from .forms import UtrechtFormMixin


class TokenForm(UtrechtFormMixin, forms.Form):
    token = forms.RegexField(
        label=_("Code uit uw authenticator-app"),
        regex=r"^\d{6}$",
        error_messages={"invalid": _("Vul de zes cijfers in die uw app nu toont.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "maxlength": 6}),
    )


class InstelForm(TokenForm):
    """Setting up an app also needs the koppelcode from the beheerder: the password alone is not enough."""

    koppelcode = forms.CharField(
        label=_("Koppelcode"),
        help_text=_("De eenmalige code die u van de functioneel beheerder kreeg."),
        error_messages={"required": _("Vul de koppelcode in die u van de functioneel beheerder kreeg.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    field_order = ["koppelcode", "token"]


@login_required
def tweefactor(request):
    apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    instellen = apparaat is None
    if instellen:
        apparaat = TOTPDevice.objects.filter(user=request.user, confirmed=False).first() or TOTPDevice.objects.create(
            user=request.user, name="Authenticator-app", confirmed=False
        )
    form = (InstelForm if instellen else TokenForm)(request.POST or None)
    bevestig = _stel_in if instellen else _controleer
    if request.method == "POST" and form.is_valid() and bevestig(apparaat, form) is not None:
        otp_login(request, apparaat)
        return redirect(_volgende(request))
    context = {"form": form, "instellen": instellen, "volgende": _volgende(request)}
    if instellen:
        context["qr_svg"] = _qr_svg(apparaat.config_url)
        context["sleutel"] = _base32(apparaat)
    return render(request, "account/tweefactor.html", context)


def _controleer(apparaat, form):
    if apparaat.verify_token(form.cleaned_data["token"]):
        return apparaat
    form.add_error("token", _("Deze code klopt niet of is verlopen. Vul de nieuwste code uit uw app in."))
    return None


@transaction.atomic
def _stel_in(apparaat, form):
    """Confirm the app only with a valid app code and an unspent koppelcode. The app code is checked
    first, so django-otp's throttling counts every wrong guess and a wrong app code spends no koppelcode."""
    if _controleer(apparaat, form) is None:
        return None
    try:
        koppelcodes.gebruik_koppelcode(apparaat.user, form.cleaned_data["koppelcode"])
    except ValidationError as fout:
        form.add_error("koppelcode", fout)
        return None
    apparaat.confirmed = True
    apparaat.save(update_fields=["confirmed"])
    return apparaat


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
