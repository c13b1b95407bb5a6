"""The explanation page in the person's own language, appended to the PIP beschikking.

The page's fonts come with the project (npm's @fontsource packages, pinned in package-lock.json) and
load from disk like everything else in our PDFs: the machine running WeasyPrint needs no Arabic or
Ethiopic fonts of its own.
"""

from django.conf import settings
from django.utils.html import escape, format_html, linebreaks
from django.utils.safestring import SafeString, mark_safe

from inburgering.models import Inburgeraar

from .models import PLAATSHOUDER, Toelichting

# Font family, weight and file (from BASE_DIR) for the scripts DejaVu Sans lacks or renders poorly.
LETTERTYPEN = [
    (familie, gewicht, f"node_modules/@fontsource/{pakket}/files/{pakket}-{schrift}-{gewicht}-normal.woff2")
    for familie, pakket, schrift in [
        ("Noto Sans Arabic", "noto-sans-arabic", "arabic"),
        ("Noto Sans Ethiopic", "noto-sans-ethiopic", "ethiopic"),
    ]
    for gewicht in (400, 700)
]


def lettertypen() -> list[dict]:
    """The @font-face rules' data: family, weight and a file:// URL of the font on disk."""
    return [
        {"familie": familie, "gewicht": gewicht, "url": (settings.BASE_DIR / pad).as_uri()}
        for familie, gewicht, pad in LETTERTYPEN
    ]


def _vul_in(tekst: str, waarden: dict[str, str]) -> SafeString:
    """Escape the beheerder's text, fill in its placeholders (isolated left-to-right, so a date or phone
    number keeps its order on a right-to-left page) and turn blank lines into paragraphs."""

    def waarde(match) -> str:
        if match.group(1) not in waarden:
            return match.group(0)
        # Unicode isolates (LRI ... PDI): WeasyPrint ignores CSS unicode-bidi, Pango's bidi honours these.
        return format_html('<span dir="ltr">\u2066{}\u2069</span>', waarden[match.group(1)] or "—")

    return mark_safe(linebreaks(PLAATSHOUDER.sub(waarde, escape(tekst))))  # noqa: S308 (escaped above)


def toelichting_context(inburgeraar: Inburgeraar, *, kenmerk: str, bezwaar_uiterlijk) -> dict:
    """The explanation page for the beschikking's context; empty when the person's language has none."""
    toelichting = Toelichting.objects.voor_taal(inburgeraar.taal, inburgeraar.gemeente_id)
    if toelichting is None:
        return {"toelichting": None}
    regisseur = inburgeraar.regisseur
    waarden = {
        "regisseur": str(regisseur) if regisseur else "",
        "telefoon": inburgeraar.gemeente.telefoon,
        "kenmerk": kenmerk,
        "bezwaar_uiterlijk": bezwaar_uiterlijk.strftime("%d-%m-%Y") if bezwaar_uiterlijk else "",
    }
    return {
        "toelichting": toelichting,
        "toelichting_teksten": [
            _vul_in(getattr(toelichting, veld), waarden)
            for veld in ("uitleg_pip", "uitleg_bezwaar", "uitleg_regisseur")
        ],
        "lettertypen": lettertypen(),
    }
