"""Every write to the core domain goes through here (docs/architecture.md: services are the only writers).

Each function is atomic, takes keyword arguments, and records what it did on the dossier's
tijdlijn. Views, admin, tasks and commands call these; they never write models themselves.
"""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import bsn_pogingen, opmaak, tasks
from .fasen import EINDFASEN, Fase, RedenAfronding, RedenUitschrijving, Uitstroom, mag_naar, redenen_afronding
from .models import (
    Gebeurtenis,
    Gemeente,
    GemeenteGroupObjectPermission,
    Huishouden,
    Inburgeraar,
    Inzage,
    Regime,
    Team,
)
from .queries import regisseurs_voor

# Termijnen and signalen are computed in signalering.py; other apps call them as services.
from .signalering import (  # noqa: F401
    feestdagen_gewijzigd,
    gebundeld,
    handel_signaal_af,
    heropen_signaal,
    maak_signalen,
    mail_signaaldigest,
    nachtelijke_run,
    normen_gewijzigd,
    regisseurs_met_nieuwe_signalen,
    signaalniveaus,
    sluit_signalen,
    stel_signaal_uit,
    synchroniseer_alle_termijnen,
    synchroniseer_termijnen,
    urgentievenster,
    volg_regisseur,
)
from .signals import dossier_verlaten


def schrijf_gebeurtenis(*, inburgeraar, soort, omschrijving, door=None, gemeente=None, **gegevens) -> Gebeurtenis:
    """Add an event to the tijdlijn; `gemeente` defaults to the one responsible now."""
    return Gebeurtenis.objects.create(
        inburgeraar=inburgeraar,
        soort=soort,
        omschrijving=omschrijving,
        actor=door,
        gemeente=gemeente or inburgeraar.gemeente,
        gegevens=gegevens,
    )


def log_inzage(*, user, inburgeraar, pagina: str, bijzondere_persoonsgegevens: bool = False) -> Inzage:
    """AVG accountability: who saw which dossier, on which page, and whether health data was shown."""
    return Inzage.objects.create(
        user=user,
        inburgeraar=inburgeraar,
        bsn=inburgeraar.bsn,
        pagina=pagina,
        bijzondere_persoonsgegevens=bijzondere_persoonsgegevens,
    )


@transaction.atomic
def meld_geweigerd_bsn(*, door, inburgeraar: Inburgeraar, pagina: str) -> None:
    """A user typed the BSN of a dossier they may not see, and is about to be refused. That refusal tells
    them the BSN is known, so it counts towards their daily limit before it is given: the user's row is
    locked while the day's refusals are counted and this one recorded, so of many attempts at once no more
    than the limit get it. At the limit nothing is recorded and a ValidationError (code bsn_pogingen) says
    so. Otherwise the privacyfunctionaris finds the attempt in the inzage log and the team holding the
    dossier reads it on the tijdlijn."""
    bsn_pogingen.vergrendel(door)
    if tot := bsn_pogingen.beperkt_tot(door):
        raise ValidationError(bsn_pogingen.melding(tot), code="bsn_pogingen")
    Inzage.objects.create(
        user=door, inburgeraar=inburgeraar, bsn=inburgeraar.bsn, pagina=pagina, soort=Inzage.Soort.BSN_GEWEIGERD
    )
    organisatie = door.organisatie or _("geen organisatie")
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.BSN_GEWEIGERD,
        omschrijving=_(
            "%(gebruiker)s (%(organisatie)s) voerde het BSN van dit dossier in om een dossier te registreren "
            "of te wijzigen. Dat is geweigerd; het dossier is niet getoond."
        )
        % {"gebruiker": door.get_full_name() or door.username, "organisatie": organisatie},
        door=door,
    )


@transaction.atomic
def registreer_dossier(*, door, gegevens: dict, huishouden_van: Inburgeraar | None = None) -> Inburgeraar:
    """Koppeling / warme overdracht: open a dossier in fase aangemeld."""
    regisseur = gegevens.pop("regisseur", None)
    aantal_kinderen = gegevens.pop("aantal_minderjarige_kinderen", None)
    inburgeraar = Inburgeraar(**gegevens, fase=Fase.AANGEMELD)
    inburgeraar.full_clean()
    inburgeraar.huishouden = _huishouden(huishouden_van, aantal_kinderen)
    inburgeraar.save()
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.GEREGISTREERD,
        omschrijving=_("Dossier geregistreerd bij gemeente %(gemeente)s (koppeling %(datum)s).")
        % {"gemeente": inburgeraar.gemeente, "datum": opmaak.datum(inburgeraar.datum_koppeling)},
        door=door,
    )
    if regisseur:
        wijs_regisseur_toe(door=door, inburgeraar=inburgeraar, regisseur=regisseur)
    synchroniseer_termijnen([inburgeraar.pk])
    return inburgeraar


def _huishouden(huishouden_van, aantal_kinderen) -> Huishouden | None:
    if huishouden_van is not None:
        huishouden = huishouden_van.huishouden or Huishouden.objects.create()
        if huishouden_van.huishouden_id is None:
            huishouden_van.huishouden = huishouden
            huishouden_van.save(update_fields=["huishouden", "updated_at"])
    elif aantal_kinderen:
        huishouden = Huishouden.objects.create()
    else:
        return None
    if aantal_kinderen is not None and huishouden.aantal_minderjarige_kinderen != aantal_kinderen:
        huishouden.aantal_minderjarige_kinderen = aantal_kinderen
        huishouden.save(update_fields=["aantal_minderjarige_kinderen"])
    return huishouden


@transaction.atomic
def wijzig_dossier(*, door, inburgeraar: Inburgeraar, wijzigingen: dict) -> list[str]:
    """Change the person's details; the tijdlijn names the fields, the audit log keeps the values."""
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    gewijzigd = [veld for veld, waarde in wijzigingen.items() if getattr(inburgeraar, veld) != waarde]
    if not gewijzigd:
        return []
    if "regime" in gewijzigd and wijzigingen["regime"] == Regime.WI2013 and inburgeraar.datum_eerste_pip:
        raise ValidationError(
            {"regime": _("Dit dossier heeft een vastgesteld PIP en valt dus onder de Wet inburgering 2021.")},
            code="regime",
        )
    for veld in gewijzigd:
        setattr(inburgeraar, veld, wijzigingen[veld])
    inburgeraar.full_clean()
    inburgeraar.save(update_fields=[*gewijzigd, "updated_at"])
    namen = ", ".join(str(Inburgeraar._meta.get_field(veld).verbose_name) for veld in gewijzigd)
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.GEWIJZIGD,
        omschrijving=_("Gegevens gewijzigd: %(velden)s.") % {"velden": namen},
        door=door,
        velden=gewijzigd,
    )
    synchroniseer_termijnen([inburgeraar.pk])
    return gewijzigd


@transaction.atomic
def wijs_regisseur_toe(*, door, inburgeraar: Inburgeraar, regisseur) -> None:
    inburgeraar = Inburgeraar.objects.select_for_update().select_related("gemeente").get(pk=inburgeraar.pk)
    if not regisseurs_voor(inburgeraar.gemeente).filter(pk=regisseur.pk).exists():
        raise ValidationError(
            {
                "regisseur": _("%(naam)s is geen casusregisseur voor gemeente %(gemeente)s.")
                % {"naam": regisseur, "gemeente": inburgeraar.gemeente}
            },
            code="geen_regisseur",
        )
    if inburgeraar.regisseur_id == regisseur.pk:
        return
    inburgeraar.regisseur = regisseur
    inburgeraar.save(update_fields=["regisseur", "updated_at"])
    volg_regisseur(inburgeraar_ids=[inburgeraar.pk])
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.REGISSEUR,
        omschrijving=_("%(naam)s is casusregisseur.") % {"naam": regisseur},
        door=door,
        regisseur=regisseur.pk,
    )
    transaction.on_commit(lambda: tasks.mail_toewijzing.delay(inburgeraar.pk, regisseur.pk))


@transaction.atomic
def wijzig_fase(
    *,
    door,
    inburgeraar: Inburgeraar,
    fase: str,
    reden_uitschrijving: str = "",
    reden_afronding: str = "",
    uitstroom: str = "",
) -> Inburgeraar:
    """Move the dossier to another fase, only along the state machine of inburgering/fasen.py."""
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    oud = inburgeraar.fase
    _controleer_overgang(oud, fase, inburgeraar.regime, reden_uitschrijving, reden_afronding, uitstroom)
    inburgeraar.fase = fase
    inburgeraar.reden_uitschrijving = reden_uitschrijving if fase == Fase.UITGESCHREVEN else ""
    inburgeraar.reden_afronding = reden_afronding if fase == Fase.AFGEROND else ""
    if fase in EINDFASEN:
        inburgeraar.datum_einde = timezone.localdate()
        inburgeraar.uitstroom = uitstroom
    inburgeraar.save(
        update_fields=["fase", "reden_uitschrijving", "reden_afronding", "uitstroom", "datum_einde", "updated_at"]
    )
    omschrijving = _("Fase gewijzigd van '%(van)s' naar '%(naar)s'.") % {
        "van": Fase(oud).label,
        "naar": Fase(fase).label,
    }
    reden = inburgeraar.get_reden_uitschrijving_display() or inburgeraar.get_reden_afronding_display()
    if reden:
        omschrijving += " " + _("Reden: %(reden)s.") % {"reden": reden}
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.FASE,
        omschrijving=omschrijving,
        door=door,
        van=oud,
        naar=fase,
    )
    if fase == Fase.UITGESCHREVEN:
        dossier_verlaten.send(
            sender=Inburgeraar,
            inburgeraar=inburgeraar,
            door=door,
            reden=_("Dossier uitgeschreven (%(reden)s).") % {"reden": RedenUitschrijving(reden_uitschrijving).label},
        )
    synchroniseer_termijnen([inburgeraar.pk])
    return inburgeraar


def _controleer_overgang(
    oud: str, fase: str, regime: str, reden_uitschrijving: str, reden_afronding: str, uitstroom: str
) -> None:
    if not mag_naar(oud, fase, regime):
        raise ValidationError(
            {
                "fase": _("Een dossier in fase '%(van)s' kan niet naar fase '%(naar)s'.")
                % {"van": Fase(oud).label, "naar": Fase(fase).label if fase in Fase.values else fase}
            },
            code="fase_overgang",
        )
    if fase == Fase.UITGESCHREVEN and reden_uitschrijving not in RedenUitschrijving.values:
        raise ValidationError({"reden_uitschrijving": _("Kies de reden van uitschrijving.")}, code="reden_ontbreekt")
    if fase == Fase.AFGEROND and reden_afronding not in RedenAfronding.values:
        raise ValidationError({"reden_afronding": _("Kies de reden van afronding.")}, code="reden_ontbreekt")
    if fase == Fase.AFGEROND and reden_afronding not in redenen_afronding(oud):
        raise ValidationError(
            {"reden_afronding": _("Voldaan kan pas in de uitvoering; kies ontheffing of vrijstelling.")},
            code="reden_ongeldig",
        )
    if uitstroom and (fase not in EINDFASEN or uitstroom not in Uitstroom.values):
        raise ValidationError(
            {"uitstroom": _("Uitstroom naar werk of opleiding legt u alleen vast bij afronden of uitschrijven.")},
            code="uitstroom_ongeldig",
        )


@transaction.atomic
def draag_over(*, door, inburgeraar: Inburgeraar, naar: Gemeente, toelichting: str = "") -> Inburgeraar:
    """Verhuizing: the receiving gemeente's team gets the dossier, the sending team loses it."""
    inburgeraar = Inburgeraar.objects.select_for_update().select_related("gemeente").get(pk=inburgeraar.pk)
    van = inburgeraar.gemeente
    if naar.pk == van.pk:
        raise ValidationError({"naar": _("Het dossier hoort al bij gemeente %(gemeente)s.") % {"gemeente": van}})
    extra = f" {toelichting}" if toelichting else ""
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.OVERGEDRAGEN,
        omschrijving=_("Dossier overgedragen aan gemeente %(naar)s wegens verhuizing.") % {"naar": naar} + extra,
        door=door,
        gemeente=van,
        van=van.pk,
        naar=naar.pk,
    )
    inburgeraar.gemeente = naar
    inburgeraar.regisseur = None
    inburgeraar.save(update_fields=["gemeente", "regisseur", "updated_at"])
    volg_regisseur(inburgeraar_ids=[inburgeraar.pk])
    schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Gebeurtenis.Soort.ONTVANGEN,
        omschrijving=_("Dossier ontvangen van gemeente %(van)s wegens verhuizing; wijs een casusregisseur toe.")
        % {"van": van}
        + extra,
        door=door,
        gemeente=naar,
        van=van.pk,
        naar=naar.pk,
    )
    dossier_verlaten.send(
        sender=Inburgeraar,
        inburgeraar=inburgeraar,
        door=door,
        reden=_("Dossier overgedragen aan gemeente %(naar)s wegens verhuizing.") % {"naar": naar},
    )
    synchroniseer_termijnen([inburgeraar.pk])  # the receiving gemeente's norms apply
    return inburgeraar


@transaction.atomic
def maak_team(*, organisatie, naam: str) -> Team:
    groep = Group.objects.create(name=f"Team {organisatie.naam} – {naam}")
    return Team.objects.create(organisatie=organisatie, naam=naam, groep=groep)


@transaction.atomic
def ken_gemeenten_toe(*, team: Team, rechten: dict[str, list[Gemeente]]) -> None:
    """Make the team's object permissions on gemeenten exactly `rechten` (codename -> gemeenten)."""
    for codename, gemeenten in rechten.items():
        permission = Permission.objects.get(content_type__app_label="inburgering", codename=codename)
        bestaand = GemeenteGroupObjectPermission.objects.filter(group=team.groep, permission=permission)
        gewenst = {g.pk for g in gemeenten}
        bestaand.exclude(content_object_id__in=gewenst).delete()
        al_toegekend = set(bestaand.values_list("content_object_id", flat=True))
        GemeenteGroupObjectPermission.objects.bulk_create(
            GemeenteGroupObjectPermission(group=team.groep, permission=permission, content_object_id=pk)
            for pk in gewenst - al_toegekend
        )
