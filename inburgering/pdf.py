"""One helper to render a document to PDF (WeasyPrint imported inside the function:
every process imports this module, few render).

PDFs never pass through the browser's Content-Security-Policy: their CSS is linked from static
files and loads locally, never over HTTP."""

import hashlib

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict) -> tuple[str, bytes]:
    """Render `template` to HTML and that HTML to PDF; files (the logo) load locally, never over HTTP."""
    html = render_to_string(template, context)
    return html, html_naar_pdf(html)


def html_naar_pdf(html: str) -> bytes:
    """The WeasyPrint step on its own: the expensive part, which tests swap for a stand-in."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def sha256(inhoud: bytes) -> str:
    return hashlib.sha256(inhoud).hexdigest()
