"""Reads of the brede intake. Gezondheid is joined only for a reader who holds the permission."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q

from . import regels
from .leefgebieden import LEEFGEBIEDEN
from .models import BredeIntake, Financien, Gezin, Gezondheid, NietVerschenen, Taal


def laad_intake(inburgeraar, *, met_gezondheid: bool) -> BredeIntake | None:
    """The intake with every section in one query; gesprekken and no-shows are prefetched."""
    relaties = [s.relatie for s in LEEFGEBIEDEN if met_gezondheid or not s.is_gezondheid]
    return (
        BredeIntake.objects.select_related(
            "inburgeraar__gemeente", "inburgeraar__huishouden", "leerbaarheidstoets", *relaties
        )
        .prefetch_related("gesprekken", "niet_verschenen")
        .filter(inburgeraar=inburgeraar)
        .first()
    )


def secties_van(intake: BredeIntake, *, met_gezondheid: bool) -> dict:
    """slug -> the saved leefgebied or None; gezondheid is left out unless the reader may see it."""
    return {s.slug: _gerelateerd(intake, s.relatie) for s in LEEFGEBIEDEN if met_gezondheid or not s.is_gezondheid}


def lbt_van(intake: BredeIntake):
    return _gerelateerd(intake, "leerbaarheidstoets")


def klaar_per_sectie(intake: BredeIntake, secties: dict) -> dict[str, bool]:
    """Whether each leefgebied is done; for a hidden gezondheid only that fact is read, never its content."""
    return {
        s.slug: (secties[s.slug] is not None and secties[s.slug].is_klaar)
        if s.slug in secties
        else gezondheid_klaar(intake)
        for s in LEEFGEBIEDEN
    }


def gezondheid_klaar(intake: BredeIntake) -> bool:
    return Gezondheid.objects.filter(intake=intake).filter(Q(score__isnull=False) | ~Q(niet_mogelijk_reden="")).exists()


def ontbrekend_voor_afronden(intake: BredeIntake, secties: dict | None = None) -> list[regels.Ontbrekend]:
    if secties is None:
        intake = laad_intake(intake.inburgeraar, met_gezondheid=False)
        secties = secties_van(intake, met_gezondheid=False)
    klaar = klaar_per_sectie(intake, secties)
    lbt = lbt_van(intake)
    gezin = secties.get("gezin")
    return regels.ontbrekend_voor_afronden(
        aantal_gesprekken=len(intake.gesprekken.all()),
        lbt_klaar=lbt is not None and lbt.is_klaar,
        vereiste_secties={s.slug: (s.label, klaar[s.slug]) for s in LEEFGEBIEDEN if s.vereist},
        vve_ontbreekt=gezin is not None and gezin.jonge_kinderen > 0 and not gezin.vve_informatie_gegeven,
        heeft_advies=bool(intake.advies_leerroute),
    )


def aantal_verwijtbaar(intake: BredeIntake) -> int:
    return NietVerschenen.objects.filter(intake=intake, geldige_reden=False).count()


def _gerelateerd(intake: BredeIntake, relatie: str):
    try:
        return getattr(intake, relatie)
    except ObjectDoesNotExist:
        return None


@dataclass(frozen=True)
class AdviesVoorPip:
    """What the brede intake says that a PIP starts from (the intake's own codes; the PIP maps them)."""

    leerroute: str
    niveau: str
    alfabetisering: str
    bijstand: bool
    kinderopvang_nodig: bool


def advies_voor_pip(inburgeraar) -> AdviesVoorPip | None:
    """The intake's advice and the facts a first PIP fills in; None while there is no intake. Never gezondheid."""
    intake = BredeIntake.objects.filter(inburgeraar=inburgeraar).first()
    if intake is None:
        return None
    taal = Taal.objects.filter(intake=intake).first()
    financien = Financien.objects.filter(intake=intake).first()
    gezin = Gezin.objects.filter(intake=intake).first()
    return AdviesVoorPip(
        leerroute=intake.advies_leerroute,
        niveau=intake.advies_niveau,
        alfabetisering=taal.alfabetisering if taal else "",
        bijstand=bool(financien and financien.inkomen == Financien.Inkomen.BIJSTAND),
        kinderopvang_nodig=bool(gezin and gezin.kinderopvang_nodig),
    )
