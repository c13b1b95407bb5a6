"""What an upload may be. Today the only upload is a gemeente's logo (the letterhead of beschikkingen).

Checked by content, not by name: Pillow must recognise a PNG or JPEG. SVG is refused because it
can carry script; the size limit is a setting (UPLOAD_MAX_MB)."""

from PIL import Image, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

TOEGESTANE_BEELDFORMATEN = {"PNG": (".png",), "JPEG": (".jpg", ".jpeg")}


def valideer_logo(bestand) -> None:
    maximum = settings.UPLOAD_MAX_MB * 1024 * 1024
    if bestand.size > maximum:
        raise ValidationError(
            _("Het bestand is te groot (%(grootte).1f MB); het mag hoogstens %(maximum)s MB zijn.")
            % {"grootte": bestand.size / 1024 / 1024, "maximum": settings.UPLOAD_MAX_MB},
            code="te_groot",
        )
    positie = bestand.tell() if hasattr(bestand, "tell") else 0
    try:
        bestand.seek(0)
        with Image.open(bestand) as beeld:
            beeld.verify()
            formaat = beeld.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        formaat = None
    finally:
        bestand.seek(positie)
    naam = (getattr(bestand, "name", "") or "").lower()
    if formaat not in TOEGESTANE_BEELDFORMATEN or not naam.endswith(TOEGESTANE_BEELDFORMATEN[formaat]):
        raise ValidationError(
            _(
                "Kies een PNG- of JPEG-afbeelding; dit bestand is dat niet "
                "(SVG en andere soorten zijn niet toegestaan)."
            ),
            code="soort",
        )
