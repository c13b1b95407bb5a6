"""A broken rule, as the pure rule functions of the apps report it (`regels.py`), and its form for the services.

Each violation names the form field it belongs to, a code a test or client can match, and the plain
Dutch text the user reads beside the field.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class Overtreding:
    veld: str
    code: str
    tekst: str


def als_validatiefout(overtredingen: list[Overtreding]) -> ValidationError:
    """The violations as one ValidationError by field, each with its code."""
    per_veld: dict[str, list[ValidationError]] = {}
    for o in overtredingen:
        per_veld.setdefault(o.veld, []).append(ValidationError(o.tekst, code=o.code))
    return ValidationError(per_veld)
