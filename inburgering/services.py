"""Every write to the core domain goes through here (STYLE.md: services are the public surface).

Each function is atomic, takes keyword arguments, and records what it did on the dossier's
tijdlijn. Views, admin, tasks and commands call these; they never write models themselves.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import connection, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import bsn_pogingen, tasks, termijnen
from .fasen import EINDFASEN, Fase, RedenAfronding, RedenUitschrijving, Uitstroom, mag_naar, redenen_afronding
from .models import (
    Gebeurtenis,
    Gemeente,
    GemeenteGroupObjectPermission,
    Huishouden,
    Inburgeraar,
    Inzage,
    Signaal,
    Team,
    Termijn,
    User,
)
from .queries import regisseurs_voor
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
    """A user typed the BSN of a dossier they may not see, and was refused. They learned that the BSN is
    known, so the privacyfunctionaris finds it in the inzage log, the team holding the dossier reads it
    on the tijdlijn, and it counts towards the user's daily limit."""
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
    bsn_pogingen.tel(door)


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
        % {"gemeente": inburgeraar.gemeente, "datum": inburgeraar.datum_koppeling.strftime("%d-%m-%Y")},
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
    """Move the dossier to another fase, only along DESIGN.md's state machine."""
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    oud = inburgeraar.fase
    _controleer_overgang(oud, fase, reden_uitschrijving, reden_afronding, uitstroom)
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


def _controleer_overgang(oud: str, fase: str, reden_uitschrijving: str, reden_afronding: str, uitstroom: str) -> None:
    if not mag_naar(oud, fase):
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


# Termijnen and signalen (DESIGN.md, Deadlines and reminders) ------------------------------

SYNC_BATCH = 1000


def synchroniseer_termijnen(inburgeraar_ids, *, vandaag=None) -> int:
    """Bring the Termijn rows of these dossiers in line with their facts; idempotent.

    Per batch of SYNC_BATCH dossiers at most four queries: read the facts, read the existing
    termijnen, upsert the changed ones on (inburgeraar, soort), delete the ones whose facts no
    longer hold (with their signalen). Call it
    after every change of a milestone date; the nightly scan runs it for all dossiers.
    """
    ids = list(dict.fromkeys(int(pk) for pk in inburgeraar_ids))
    bijgewerkt = 0
    for begin in range(0, len(ids), SYNC_BATCH):
        bijgewerkt += _synchroniseer_batch(
            _dossiers_met_feiten().filter(pk__in=ids[begin : begin + SYNC_BATCH]), vandaag
        )
    return bijgewerkt


def synchroniseer_alle_termijnen(*, vandaag=None, batch: int = SYNC_BATCH) -> int:
    """The nightly run over every dossier, in batches by primary key (keyset, no OFFSET)."""
    bijgewerkt, laatste = 0, 0
    while True:
        rijen = list(_dossiers_met_feiten().filter(pk__gt=laatste).order_by("pk")[:batch])
        if not rijen:
            return bijgewerkt
        bijgewerkt += _synchroniseer_batch(rijen, vandaag)
        laatste = rijen[-1][0]


_NORMVELDEN = ("gemeente__norm_brede_intake_weken", "gemeente__voortgangsgesprek_maanden")


def _dossiers_met_feiten():
    """Rows (pk, facts..., norms...) as tuples: building 1,000 model instances per batch costs more."""
    return Inburgeraar.objects.values_list("pk", *termijnen.Feiten.velden(), *_NORMVELDEN)


_TERMIJNVELDEN = ("startdatum", "uiterste_datum", "voldaan_op", "opgeschort")


@transaction.atomic
def _synchroniseer_batch(rijen, vandaag) -> int:
    """Read what is there, then write only what changed: the nightly run over unchanged dossiers
    reads two result sets and writes nothing."""
    vandaag = vandaag or timezone.localdate()
    rijen = list(rijen)
    if not rijen:
        return 0
    bestaand = {
        (rij[1], rij[2]): (rij[0], rij[3:])
        for rij in Termijn.objects.filter(inburgeraar_id__in=[rij[0] for rij in rijen]).values_list(
            "pk", "inburgeraar_id", "soort", *_TERMIJNVELDEN
        )
    }
    aantal_feiten = len(termijnen.Feiten.velden())
    normen: dict[tuple, termijnen.Normen] = {}
    gewijzigd = []
    for pk, *waarden in rijen:
        feiten = termijnen.Feiten(*waarden[:aantal_feiten])
        normwaarden = tuple(waarden[aantal_feiten:])
        if normwaarden not in normen:
            normen[normwaarden] = termijnen.Normen(*normwaarden)
        for deadline in termijnen.bereken(feiten, normen[normwaarden], vandaag):
            nieuw = tuple(getattr(deadline, veld) for veld in _TERMIJNVELDEN)
            if bestaand.pop((pk, str(deadline.soort)), (None, None))[1] != nieuw:
                gewijzigd.append(
                    Termijn(inburgeraar_id=pk, soort=deadline.soort, **dict(zip(_TERMIJNVELDEN, nieuw, strict=True)))
                )
    if gewijzigd:
        Termijn.objects.bulk_create(
            gewijzigd, update_conflicts=True, unique_fields=["inburgeraar", "soort"], update_fields=list(_TERMIJNVELDEN)
        )
    if bestaand:  # what is left has no deadline behind it any more; its signalen go with it
        Termijn.objects.filter(pk__in=[pk for pk, _waarden in bestaand.values()]).delete()
    return len(gewijzigd)


def signaalniveaus() -> list[int]:
    """Days before a deadline at which a signal is made, largest first (setting SIGNAAL_NIVEAUS_DAGEN)."""
    return list(settings.SIGNAAL_NIVEAUS_DAGEN)


def urgentievenster() -> int:
    """Days ahead in which a deadline is urgent: the smallest level above 0 (default 7)."""
    positief = [n for n in signaalniveaus() if n > 0]
    return min(positief) if positief else 0


def maak_signalen(*, vandaag=None) -> int:
    """The daily scan: a Signaal for every open deadline at the most severe level it has reached.

    One INSERT … SELECT … ON CONFLICT DO NOTHING, whatever the number of dossiers: the unique
    constraint (termijn, uiterste_datum, niveau) makes a rerun, a retry or a second beat process
    harmless. Then close what no longer applies. Returns the number of new signalen.
    """
    vandaag = vandaag or timezone.localdate()
    niveaus = sorted(signaalniveaus())  # smallest (most severe) first
    grenzen = [vandaag + datetime.timedelta(days=n) for n in niveaus]
    niveau_sql = " ".join("WHEN t.uiterste_datum <= %s THEN %s" for _n in niveaus)
    zonder_te_laat = sorted(termijnen.ZONDER_TE_LAAT)
    # Table names come from the models, values are parameters.
    sql = (
        f"INSERT INTO {Signaal._meta.db_table} "  # noqa: S608
        "(termijn_id, uiterste_datum, niveau, status, aangemaakt_op, snooze_reden) "
        f"SELECT t.id, t.uiterste_datum, CASE {niveau_sql} END, %s, %s, '' "
        f"FROM {Termijn._meta.db_table} t "
        "WHERE t.voldaan_op IS NULL AND NOT t.opgeschort AND t.uiterste_datum <= %s "
        f"AND NOT (t.soort IN ({', '.join(['%s'] * len(zonder_te_laat))}) AND t.uiterste_datum < %s) "
        "ON CONFLICT DO NOTHING"
    )
    params = [waarde for grens, n in zip(grenzen, niveaus, strict=True) for waarde in (grens, n)]
    params += [Signaal.Status.OPEN, timezone.now(), grenzen[-1], *zonder_te_laat, vandaag]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
        nieuw = cursor.rowcount
        sluit_signalen()
    return nieuw


def sluit_signalen() -> int:
    """Signals close by themselves: the deadline was met, suspended or moved, or a more severe one came."""
    nu = timezone.now()
    open_ = Signaal.objects.filter(status=Signaal.Status.OPEN)
    voorbij = open_.filter(
        Q(termijn__voldaan_op__isnull=False)
        | Q(termijn__opgeschort=True)
        | ~Q(uiterste_datum=F("termijn__uiterste_datum"))
    ).update(status=Signaal.Status.VERVALLEN, gesloten_op=nu)
    ernstiger = Signaal.objects.filter(
        termijn=OuterRef("termijn"), uiterste_datum=OuterRef("uiterste_datum"), niveau__lt=OuterRef("niveau")
    )
    vervangen = open_.filter(Exists(ernstiger)).update(status=Signaal.Status.VERVALLEN, gesloten_op=nu)
    return voorbij + vervangen


def regisseurs_met_nieuwe_signalen() -> list[int]:
    return list(
        Signaal.objects.filter(
            status=Signaal.Status.OPEN, gemaild_op__isnull=True, termijn__inburgeraar__regisseur__isnull=False
        )
        .values_list("termijn__inburgeraar__regisseur_id", flat=True)
        .order_by()
        .distinct()
    )


@transaction.atomic
def mail_signaaldigest(*, regisseur_id: int) -> int:
    """One e-mail to a regisseur with their signals not mailed before; returns how many it listed.

    The rows are claimed with SELECT … FOR UPDATE SKIP LOCKED and marked in the same transaction as
    the sending, so a rerun or a second worker never mails a signal twice; a failed send rolls back.
    """
    regisseur = User.objects.filter(pk=regisseur_id, is_active=True).exclude(email="").first()
    if regisseur is None:
        return 0
    signalen = list(
        Signaal.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(
            status=Signaal.Status.OPEN,
            gemaild_op__isnull=True,
            termijn__inburgeraar__regisseur=regisseur,
            termijn__inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(regisseur),
        )
        .select_related("termijn__inburgeraar__gemeente")
        .order_by("uiterste_datum", "niveau", "pk")
    )
    if not signalen:
        return 0
    site = settings.SITE_URL.rstrip("/")
    context = {
        "regisseur": regisseur,
        "signalen": [
            {
                "dossiernummer": s.termijn.inburgeraar.pk,
                "gemeente": s.termijn.inburgeraar.gemeente,
                "soort": s.termijn.get_soort_display(),
                "uiterste_datum": s.uiterste_datum,
                "ernst": s.ernst,
                "link": site + s.termijn.inburgeraar.get_absolute_url(),
            }
            for s in signalen
        ],
        "inbox": site + reverse("signalen"),
    }
    bericht = EmailMultiAlternatives(
        subject=render_to_string("inburgering/email/signalen_onderwerp.txt", context).strip(),
        body=render_to_string("inburgering/email/signalen.txt", context),
        to=[regisseur.email],
    )
    bericht.attach_alternative(render_to_string("inburgering/email/signalen.html", context), "text/html")
    bericht.send()
    Signaal.objects.filter(pk__in=[s.pk for s in signalen]).update(gemaild_op=timezone.now())
    return len(signalen)


@transaction.atomic
def handel_signaal_af(*, door, signaal: Signaal) -> Signaal:
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    if signaal.status != Signaal.Status.OPEN:
        raise ValidationError(_("Dit signaal is al gesloten."), code="gesloten")
    signaal.status = Signaal.Status.AFGEHANDELD
    signaal.afgehandeld_door = door
    signaal.gesloten_op = timezone.now()
    signaal.save(update_fields=["status", "afgehandeld_door", "gesloten_op"])
    return signaal


@transaction.atomic
def stel_signaal_uit(*, door, signaal: Signaal, tot, reden: str) -> Signaal:
    """Snooze: hide the signal from the inbox until `tot`, with a reason that stays on the signal."""
    signaal = Signaal.objects.select_for_update().get(pk=signaal.pk)
    fouten = {}
    if signaal.status != Signaal.Status.OPEN:
        raise ValidationError(_("Dit signaal is al gesloten."), code="gesloten")
    if tot <= timezone.localdate():
        fouten["tot"] = _("Kies een datum na vandaag.")
    if not reden.strip():
        fouten["reden"] = _("Geef een reden voor het uitstel.")
    if fouten:
        raise ValidationError(fouten, code="ongeldig")
    signaal.gesnoozed_tot = tot
    signaal.snooze_reden = reden.strip()
    signaal.save(update_fields=["gesnoozed_tot", "snooze_reden"])
    return signaal
