"""The PIP renders its beschikkingen with the core's one PDF helper."""

from inburgering.pdf import render_pdf, sha256

__all__ = ["render_pdf", "sha256"]
