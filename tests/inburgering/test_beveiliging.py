"""Hardening: the Content-Security-Policy and security headers on every page, no inline script or
style in any template a browser gets, and uploads refused when they are not what they claim."""

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inburgering.uploads import valideer_logo
from tests.inburgering.test_isolation import (  # noqa: F401  (fixtures)
    _KWARGS_ZONDER_DOEL,
    MATRIX,
    _doel,
    _kwargs,
    beheerobjecten,
    intakes,
    leerroute_objecten,
    overleggen,
    pips,
    signalen,
    vernietigd,
    verwezen,
)


def _controleer_headers(response, url):
    csp = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp and "style-src 'self'" in csp, url
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
    assert "frame-ancestors 'none'" in csp, url
    assert response.headers["X-Content-Type-Options"] == "nosniff", url
    assert response.headers["X-Frame-Options"] == "DENY", url
    assert response.headers["Referrer-Policy"] == "same-origin", url
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", url


def test_every_page_carries_the_csp_and_security_headers(
    client,
    verwezen,  # noqa: F811
    intakes,  # noqa: F811
    pips,  # noqa: F811
    signalen,  # noqa: F811
    vernietigd,  # noqa: F811
    leerroute_objecten,  # noqa: F811
    overleggen,  # noqa: F811
    beheerobjecten,  # noqa: F811
):
    bezocht = 0
    for url_name, methode, dossier, verwacht, _rest in MATRIX:
        rol = next((r for r, status in verwacht.items() if status == 200 and r != "anoniem"), None)
        if methode != "get" or rol is None:
            continue
        client.force_login(getattr(verwezen, rol))
        kwargs = (
            _kwargs(url_name, _doel(verwezen, dossier), intakes, pips, leerroute_objecten)
            if dossier
            else _KWARGS_ZONDER_DOEL.get(url_name, {})
        )
        url = reverse(url_name, kwargs=kwargs)
        response = client.get(url)
        assert response.status_code == 200, url
        _controleer_headers(response, url)
        bezocht += 1
    client.logout()
    _controleer_headers(client.get(reverse("login")), "login")
    assert bezocht > 30


def test_production_sends_hsts(client, settings, db):  # the login page reads whether single sign-on is set up
    # settings.py turns these on whenever DEBUG is off; the deploy check test covers the values.
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get(reverse("login"), secure=True)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


# PDF templates render server-side in WeasyPrint (no CSP applies); everything else reaches a browser.
# Parts of the beschikking PDF (WeasyPrint reads no CSP): its base and the explanation page in the person's language.
PDF_SJABLONEN = {"_beschikking_basis.html", "_toelichting.html"}
INLINE = re.compile(r"<style|style=\"|\son[a-z]+=\"|<script(?![^>]*\ssrc=)", re.IGNORECASE)


def test_no_template_has_inline_script_style_or_event_handlers():
    overtredingen = [
        str(pad.relative_to(settings.BASE_DIR))
        for pad in Path(settings.BASE_DIR, "templates").rglob("*.html")
        if pad.name not in PDF_SJABLONEN and not pad.name.endswith("_pdf.html") and INLINE.search(pad.read_text())
    ]
    assert overtredingen == []


def _png(breedte=20) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (breedte, 10), "navy").save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_png_logo_is_accepted():
    valideer_logo(SimpleUploadedFile("logo.png", _png(), content_type="image/png"))


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "PNG- of JPEG"),
        ("logo.jpg", _png(), "PNG- of JPEG"),  # a PNG calling itself a JPEG
        ("logo.png", b"%PDF-1.7", "PNG- of JPEG"),
    ],
)
def test_a_logo_that_is_not_a_png_or_jpeg_is_refused_in_dutch(naam, inhoud, melding):
    with pytest.raises(ValidationError) as fout:
        valideer_logo(SimpleUploadedFile(naam, inhoud))
    assert melding in fout.value.messages[0]


def test_a_logo_above_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_MB = 1
    groot = SimpleUploadedFile("logo.png", _png() + b"\0" * (1024 * 1024))
    with pytest.raises(ValidationError) as fout:
        valideer_logo(groot)
    assert "te groot" in fout.value.messages[0] and "1 MB" in fout.value.messages[0]


def test_the_admin_refuses_an_svg_logo_and_keeps_the_rest_of_the_form(client, wereld):
    client.force_login(wereld.beheerder)
    wereld.beheerder.is_superuser = True  # the admin form of a gemeente, as a full beheerder
    wereld.beheerder.save()
    url = reverse("admin:inburgering_gemeente_change", args=[wereld.bladel.pk])
    formulier = client.get(url).context["adminform"].form
    gegevens = {k: v for k, v in formulier.initial.items() if v is not None and k != "logo"}
    gegevens["telefoon"] = "0497 123456"
    gegevens["logo"] = SimpleUploadedFile("logo.svg", b"<svg><script>alert(1)</script></svg>")
    response = client.post(url, gegevens)
    assert response.status_code == 200
    assert "Kies een PNG- of JPEG-afbeelding" in response.content.decode()
    assert 'value="0497 123456"' in response.content.decode()


def test_the_logo_is_linked_and_served_only_through_its_permission_check(client, wereld, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    wereld.bladel.logo.save("bladel.png", SimpleUploadedFile("bladel.png", _png()))
    logo = reverse("inburgering:gemeente_logo", args=[wereld.bladel.pk])

    client.force_login(wereld.beheerder)
    wereld.beheerder.is_superuser = True
    wereld.beheerder.save()
    pagina = client.get(reverse("admin:inburgering_gemeente_change", args=[wereld.bladel.pk])).content.decode()
    bestand = client.get(logo)
    client.force_login(wereld.regisseur)

    assert f'href="{logo}"' in pagina
    assert bestand.status_code == 200 and b"".join(bestand.streaming_content) == _png()
    assert bestand.headers["Content-Disposition"].startswith("attachment")
    assert client.get(logo).status_code == 404


def test_no_url_serves_media_publicly(client, wereld):
    client.force_login(wereld.regisseur)
    assert client.get(f"{settings.MEDIA_URL}beschikkingen/pip/x.pdf").status_code == 404


def test_a_browser_asking_for_favicon_ico_gets_the_icon_not_a_404(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response.url.endswith("/img/favicon.svg")
    assert "favicon.svg" in client.get("/inloggen/").content.decode()
