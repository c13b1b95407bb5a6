"""Languages of the translated explanation page: ISO 639-1 codes, their Dutch names and writing direction.

Babel's CLDR data answers both questions, so no hand-kept list of right-to-left languages goes stale.
The dossier keeps the person's voorkeurstaal as free text (usually its Dutch name, "Arabisch"), so
`taalcode` also accepts a Dutch or English language name and the few names people use that CLDR does not.
"""

import functools

from babel import Locale, UnknownLocaleError

# Names used in Dutch practice that are not CLDR's name for the language.
BIJNAMEN = {"farsi": "fa", "perzisch (farsi)": "fa"}


@functools.cache
def _namen() -> dict[str, str]:
    """Dutch and English language names (lowercase) of every ISO 639-1 language, to their code."""
    namen = {}
    for taal in ("en", "nl"):
        for code, naam in Locale(taal).languages.items():
            if len(code) == 2:
                namen[naam.casefold()] = code
    return {**namen, **BIJNAMEN}


@functools.cache
def taalkeuzes() -> list[tuple[str, str]]:
    """Every ISO 639-1 language as (code, "Dutch name (code)"), sorted by name: the beheerder's choices."""
    talen = {code: naam for code, naam in Locale("nl").languages.items() if len(code) == 2}
    return sorted(((code, f"{naam} ({code})") for code, naam in talen.items()), key=lambda keuze: keuze[1].casefold())


def taalcode(voorkeurstaal: str) -> str | None:
    """The ISO 639-1 code of a language written as a code or a name ("ar", "Arabisch", "Arabic"), else None."""
    tekst = voorkeurstaal.strip().casefold()
    if len(tekst) == 2 and tekst in dict(taalkeuzes()):
        return tekst
    return _namen().get(tekst)


def richting(code: str) -> str:
    """The writing direction of a language for HTML's dir attribute: "rtl" or "ltr"."""
    try:
        return "rtl" if Locale.parse(code).character_order == "right-to-left" else "ltr"
    except (ValueError, UnknownLocaleError):
        return "ltr"


def naam(code: str) -> str:
    """The language's name in Dutch ("Arabisch")."""
    return Locale("nl").languages.get(code, code)
