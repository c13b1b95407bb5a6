"""Reusable reads of ontzorgen. Dossiers are always reached through the core's visibility rule."""

from collections import defaultdict
from decimal import Decimal

from django.db import models
from django.db.models import Prefetch, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inburgering.models import Inburgeraar
from inburgering.permissions import INZIEN, WIJZIGEN

from .models import Ontzorging, Urenregistratie, Urensoort, Verwijzing


class DuoUren(models.TextChoices):
    """The three kinds of hours DUO counts (GevolgdeUren.openapi.yml at settings.DUO_SPEC_DIR).

    The values are the last part of DUO's paths `/personen/{bsn}/uren/<value>`; the spec has
    no enum, each kind is its own operation with a body {"uren": integer}.
    """

    PARTICIPATIEACTIVITEITEN = "participatieactiviteiten", _("Participatieactiviteiten (Z-route, incl. brede intake)")
    TAALLES_KNM_BREDE_INTAKE = "bredeintake/taallesknm", _("Taalles en KNM tijdens de brede intake")
    PARTICIPATIE_ALS_TAALLES = "participatietaalles", _("Participatie die telt als taalles")


def duo_soort(soort: str, telt_voor_z_route: bool) -> str | None:
    """Which DUO count an entry adds to, or None when DUO does not count it."""
    if soort == Urensoort.TAALLES_BREDE_INTAKE:
        return DuoUren.TAALLES_KNM_BREDE_INTAKE
    if soort == Urensoort.PARTICIPATIE_ALS_TAALLES:
        return DuoUren.PARTICIPATIE_ALS_TAALLES
    return DuoUren.PARTICIPATIEACTIVITEITEN if telt_voor_z_route else None


def uren_totalen(dossier_ids, *, alleen_goedgekeurd=True) -> dict[int, dict]:
    """Per dossier: totals per kind, the three DUO counts, and the total, in one query.

    Superseded entries never count; by default only approved hours count (what DUO and the
    reports need). Hours are Decimals in quarters; DUO wants whole hours,
    rounding is the sender's business.
    """
    regels = Urenregistratie.objects.filter(inburgeraar_id__in=dossier_ids).exclude(
        status=Urenregistratie.Status.VERVANGEN
    )
    if alleen_goedgekeurd:
        regels = regels.filter(status=Urenregistratie.Status.GOEDGEKEURD)
    totalen: dict[int, dict] = defaultdict(
        lambda: {
            "per_soort": dict.fromkeys(Urensoort.values, Decimal(0)),
            "duo": dict.fromkeys(DuoUren.values, Decimal(0)),
            "totaal": Decimal(0),
        }
    )
    for rij in regels.values("inburgeraar_id", "soort", "telt_voor_z_route").annotate(uren=Sum("uren")).order_by():
        totaal = totalen[rij["inburgeraar_id"]]
        totaal["per_soort"][rij["soort"]] += rij["uren"]
        totaal["totaal"] += rij["uren"]
        if duo := duo_soort(rij["soort"], rij["telt_voor_z_route"]):
            totaal["duo"][duo] += rij["uren"]
    return {pk: totalen[pk] for pk in dossier_ids}


def doorverwezen_dossiers(user):
    """The begeleider's dossiers: those their team reaches through an active referral."""
    vandaag = timezone.localdate()
    return (
        Inburgeraar.objects.zichtbaar_voor(user, INZIEN)
        .select_related("huishouden")
        .prefetch_related(
            Prefetch(
                "verwijzingen",
                queryset=Verwijzing.objects.actief_op(vandaag).filter(team__groep__user=user).select_related("team"),
                to_attr="mijn_verwijzingen",
            )
        )
        .order_by("achternaam", "voornamen", "pk")
    )


def te_beoordelen_uren(user):
    """Submitted hours of the dossiers the user may change, oldest first."""
    return (
        Urenregistratie.objects.filter(
            status=Urenregistratie.Status.INGEDIEND,
            inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(user, WIJZIGEN),
        )
        .select_related("inburgeraar", "begeleider", "verwijzing__team__organisatie")
        .order_by("datum", "inburgeraar__achternaam", "pk")
    )


# Reads for the kosten app, which prices what ontzorgen registered. Rows, not models: one query each.


def ontzorging_rijen(dossiers, tot):
    """Ontzorgingen begun on or before tot, with their (planned) end."""
    return Ontzorging.objects.filter(inburgeraar__in=dossiers, startdatum__lte=tot).values(
        "inburgeraar_id", "startdatum", "einddatum", "geplande_einddatum"
    )


def goedgekeurde_uren_rijen(dossiers, van, tot):
    """The begeleiders' approved hours between van and tot."""
    return Urenregistratie.objects.filter(
        inburgeraar__in=dossiers, status=Urenregistratie.Status.GOEDGEKEURD, datum__range=(van, tot)
    ).values("inburgeraar_id", "datum", "uren")
