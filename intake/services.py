"""Every write to the brede intake goes through here; each step lands on the dossier's tijdlijn.

Gezondheid is checked here too, not only in the views: no caller writes health data without
the permission `intake.gezondheid_verwerken`.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import brieven, opmaak
from inburgering import services as dossier_services
from inburgering.fasen import Fase
from inburgering.models import Inburgeraar, Regime
from ontzorgen import services as ontzorgen_services

from . import queries, regels
from .leefgebieden import Sectie
from .models import BredeIntake, Financien, Gesprek, Leerbaarheidstoets, Leerroute, NietVerschenen

GEZONDHEID_PERM = "intake.gezondheid_verwerken"


class Soort:
    """Tijdlijn soorten of the intake (Gebeurtenis.soort has no choices: each app brings its own)."""

    GESTART = "intake_gestart"
    GESPREK = "intake_gesprek"
    LEEFGEBIED = "intake_leefgebied"
    LBT = "intake_lbt"
    ADVIES = "intake_advies"
    NIET_VERSCHENEN = "intake_niet_verschenen"
    VERVOLGSTAP = "intake_vervolgstap"
    AFGEROND = "intake_afgerond"


class WaarschuwingenNietErkend(Exception):
    """The advice breaks a rule of thumb; the regisseur must acknowledge each warning first."""

    def __init__(self, waarschuwingen: list[regels.Waarschuwing]):
        super().__init__([w.code for w in waarschuwingen])
        self.waarschuwingen = waarschuwingen


def mag_gezondheid(user) -> bool:
    return user.has_perm(GEZONDHEID_PERM)


def boete_bedrag() -> int:
    return settings.INTAKE_BOETE_BEDRAG


def advies_waarschuwingen(intake: BredeIntake, leerroute: str) -> list[regels.Waarschuwing]:
    """The warnings an advice for `leerroute` would raise for this person today."""
    if leerroute not in Leerroute.values:
        return []
    return regels.advies_waarschuwingen(
        leerroute=leerroute,
        geboortedatum=intake.inburgeraar.geboortedatum,
        op=timezone.localdate(),
        lbt=Leerbaarheidstoets.objects.filter(intake=intake).first(),
        leeftijd_tot=settings.ONDERWIJSROUTE_LEEFTIJD_TOT,
    )


@transaction.atomic
def start_intake(*, door, inburgeraar: Inburgeraar) -> BredeIntake:
    inburgeraar = Inburgeraar.objects.select_for_update().get(pk=inburgeraar.pk)
    if BredeIntake.objects.filter(inburgeraar=inburgeraar).exists():
        raise ValidationError(_("Voor dit dossier loopt al een brede intake."), code="intake_bestaat")
    if inburgeraar.fase not in (Fase.AANGEMELD, Fase.INTAKE):
        raise ValidationError(
            _("De brede intake start bij een aangemeld dossier; dit dossier is in fase '%(fase)s'.")
            % {"fase": inburgeraar.get_fase_display()},
            code="fase",
        )
    if inburgeraar.fase == Fase.AANGEMELD:
        inburgeraar = dossier_services.wijzig_fase(door=door, inburgeraar=inburgeraar, fase=Fase.INTAKE)
    intake = BredeIntake.objects.create(inburgeraar=inburgeraar)
    _gebeurtenis(intake, Soort.GESTART, _("Brede intake gestart."), door)
    return intake


@transaction.atomic
def leg_gesprek_vast(*, door, intake: BredeIntake, gegevens: dict) -> Gesprek:
    intake = _open_voor_wijziging(intake)
    gesprek = Gesprek(intake=intake, vastgelegd_door=door, **gegevens)
    gesprek.full_clean()
    gesprek.save()
    inburgeraar = intake.inburgeraar
    if inburgeraar.datum_eerste_intakegesprek is None or gesprek.datum < inburgeraar.datum_eerste_intakegesprek:
        inburgeraar.datum_eerste_intakegesprek = gesprek.datum
        inburgeraar.save(update_fields=["datum_eerste_intakegesprek", "updated_at"])
        dossier_services.synchroniseer_termijnen([inburgeraar.pk])
    tolk = _(" met tolk (%(taal)s)") % {"taal": gesprek.tolk_taal or _("taal onbekend")} if gesprek.tolk_ingezet else ""
    _gebeurtenis(
        intake,
        Soort.GESPREK,
        _("Intakegesprek op %(datum)s vastgelegd: %(plaats)s%(tolk)s.")
        % {"datum": opmaak.datum(gesprek.datum), "plaats": gesprek.get_plaats_display().lower(), "tolk": tolk},
        door,
        gesprek=gesprek.pk,
    )
    return gesprek


@transaction.atomic
def zet_gesprek_zonder_partner_aangeboden(*, door, intake: BredeIntake, aangeboden: bool) -> BredeIntake:
    intake = _open_voor_wijziging(intake)
    if intake.gesprek_zonder_partner_aangeboden != aangeboden:
        intake.gesprek_zonder_partner_aangeboden = aangeboden
        intake.save(update_fields=["gesprek_zonder_partner_aangeboden"])
        if aangeboden:
            _gebeurtenis(intake, Soort.GESPREK, _("Gesprek zonder partner aangeboden."), door)
    return intake


@transaction.atomic
def sla_leefgebied_op(*, door, intake: BredeIntake, sectie: Sectie, gegevens: dict):
    """Save what is filled in so far; the tijdlijn notes when a leefgebied is first complete."""
    if sectie.is_gezondheid and not mag_gezondheid(door):
        raise PermissionDenied(_("U heeft geen toegang tot gezondheidsgegevens."))
    intake = _open_voor_wijziging(intake)
    leefgebied = sectie.model.objects.filter(intake=intake).first() or sectie.model(intake=intake)
    was_klaar = leefgebied.pk is not None and leefgebied.is_klaar
    for veld, waarde in gegevens.items():
        setattr(leefgebied, veld, waarde)
    leefgebied.full_clean()
    leefgebied.save()
    if isinstance(leefgebied, Financien):
        _registreer_bijstand(door, intake.inburgeraar, leefgebied)
    if leefgebied.is_klaar and not was_klaar:
        if leefgebied.is_ingevuld:
            tekst = _("Leefgebied %(naam)s ingevuld.")
        else:
            tekst = _("Leefgebied %(naam)s kon niet in kaart worden gebracht.")
        # Never the content: the tijdlijn is visible without the health permission.
        _gebeurtenis(intake, Soort.LEEFGEBIED, tekst % {"naam": sectie.label}, door, leefgebied=sectie.slug)
    return leefgebied


def _registreer_bijstand(door, inburgeraar: Inburgeraar, financien: Financien) -> None:
    """The intake's answer 'bijstand' registers the bijstand once, where ontzorgen and the PIP read it.

    Already registered and running (here before, or on the Ontzorgen tab): nothing is registered twice."""
    if financien.inkomen != Financien.Inkomen.BIJSTAND or financien.bijstand_sinds is None:
        return
    inburgeraar.refresh_from_db(fields=["datum_start_bijstand", "datum_einde_bijstand"])
    if ontzorgen_services.bijstand_loopt(inburgeraar):
        return
    try:
        ontzorgen_services.registreer_bijstand(door=door, inburgeraar=inburgeraar, startdatum=financien.bijstand_sinds)
    except ValidationError as fout:
        raise ValidationError({"bijstand_sinds": fout.messages}, code="bijstand") from fout


@transaction.atomic
def sla_leerbaarheidstoets_op(*, door, intake: BredeIntake, gegevens: dict) -> Leerbaarheidstoets:
    intake = _open_voor_wijziging(intake)
    lbt = Leerbaarheidstoets.objects.filter(intake=intake).first() or Leerbaarheidstoets(intake=intake)
    was = (lbt.resultaat, lbt.vrijstelling) if lbt.pk else ("", "")
    for veld, waarde in gegevens.items():
        setattr(lbt, veld, waarde)
    lbt.full_clean()
    lbt.save()
    if lbt.heeft_uitslag and was[0] != lbt.resultaat:
        score = f" (score {lbt.behaalde_score} van {lbt.benodigde_score})" if lbt.behaalde_score is not None else ""
        _gebeurtenis(
            intake,
            Soort.LBT,
            _("Uitslag leerbaarheidstoets: %(resultaat)s%(score)s.") % {"resultaat": lbt.resultaat, "score": score},
            door,
        )
    elif lbt.vrijstelling and was[1] != lbt.vrijstelling:
        _gebeurtenis(
            intake,
            Soort.LBT,
            _("Vrijgesteld van de leerbaarheidstoets wegens %(reden)s.")
            % {"reden": lbt.get_vrijstelling_display().lower()},
            door,
        )
    return lbt


@transaction.atomic
def leg_advies_vast(
    *, door, intake: BredeIntake, leerroute: str, niveau: str, motivatie: str, erkend: set[str] = frozenset()
) -> BredeIntake:
    """Store the advice; raise WaarschuwingenNietErkend while a warning is not acknowledged."""
    intake = _open_voor_wijziging(intake)
    niveau = niveau or regels.NIVEAUS_PER_ROUTE[leerroute][0]
    if niveau not in regels.NIVEAUS_PER_ROUTE[leerroute]:
        raise ValidationError({"advies_niveau": _("Dit niveau past niet bij de gekozen leerroute.")}, code="niveau")
    waarschuwingen = advies_waarschuwingen(intake, leerroute)
    if niet_erkend := [w for w in waarschuwingen if w.code not in erkend]:
        raise WaarschuwingenNietErkend(niet_erkend)
    intake.advies_leerroute = leerroute
    intake.advies_niveau = niveau
    intake.advies_motivatie = motivatie
    intake.advies_erkende_waarschuwingen = [w.code for w in waarschuwingen]
    intake.full_clean()
    intake.save(
        update_fields=["advies_leerroute", "advies_niveau", "advies_motivatie", "advies_erkende_waarschuwingen"]
    )
    tekst = _("Advies leerroute: %(route)s, niveau %(niveau)s.") % {
        "route": intake.get_advies_leerroute_display(),
        "niveau": intake.get_advies_niveau_display(),
    }
    if waarschuwingen:
        tekst += " " + _("Erkende waarschuwingen: %(lijst)s") % {"lijst": " ".join(w.tekst for w in waarschuwingen)}
    _gebeurtenis(intake, Soort.ADVIES, tekst, door, leerroute=leerroute, niveau=niveau)
    return intake


@transaction.atomic
def registreer_niet_verschenen(
    *, door, intake: BredeIntake, datum, geldige_reden: bool, toelichting: str = ""
) -> NietVerschenen:
    intake = _open_voor_wijziging(intake)
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Een gemiste afspraak kan niet in de toekomst liggen.")}, code="toekomst")
    gemist = NietVerschenen.objects.create(
        intake=intake, datum=datum, geldige_reden=geldige_reden, toelichting=toelichting, vastgelegd_door=door
    )
    datum_tekst = opmaak.datum(datum)
    if geldige_reden:
        tekst = _("Niet verschenen op %(datum)s, met geldige reden; telt niet mee voor handhaving.") % {
            "datum": datum_tekst
        }
    else:
        stap = NietVerschenen.Vervolgstap(regels.voorgestelde_vervolgstap(queries.aantal_verwijtbaar(intake)))
        tekst = _("Niet verschenen op %(datum)s zonder geldige reden. Voorgestelde vervolgstap: %(stap)s.") % {
            "datum": datum_tekst,
            "stap": stap.label.lower(),
        }
    _gebeurtenis(intake, Soort.NIET_VERSCHENEN, tekst, door, id=gemist.pk)
    return gemist


@transaction.atomic
def kies_vervolgstap(*, door, niet_verschenen: NietVerschenen, stap: str) -> NietVerschenen:
    """The regisseur decides; the system only proposes. Nothing is imposed automatically."""
    gemist = NietVerschenen.objects.select_for_update().select_related("intake__inburgeraar").get(pk=niet_verschenen.pk)
    if gemist.geldige_reden:
        raise ValidationError(_("Wie een geldige reden had, krijgt geen vervolgstap."), code="geldige_reden")
    if gemist.vervolgstap:
        raise ValidationError(_("Voor deze gemiste afspraak is al een vervolgstap gekozen."), code="al_gekozen")
    # Choosing a step with a letter makes that letter final: it needs the address it goes to.
    if stap != NietVerschenen.Vervolgstap.GEEN and (fout := brieven.adres_ontbreekt(gemist.intake.inburgeraar)):
        raise ValidationError(fout, code="adres_ontbreekt")
    gemist.vervolgstap = NietVerschenen.Vervolgstap(stap)
    gemist.vervolgstap_op = timezone.localdate()
    gemist.save(update_fields=["vervolgstap", "vervolgstap_op"])
    _gebeurtenis(
        gemist.intake,
        Soort.VERVOLGSTAP,
        _("Vervolgstap na niet verschijnen op %(datum)s: %(stap)s.")
        % {"datum": opmaak.datum(gemist.datum), "stap": gemist.get_vervolgstap_display().lower()},
        door,
        id=gemist.pk,
        stap=stap,
    )
    return gemist


def vervolg_na_afronding(inburgeraar: Inburgeraar) -> str:
    """What follows a finished intake: the PIP, or under the Wet inburgering 2013 the uitvoering."""
    if inburgeraar.regime == Regime.WI2013:
        return _("Onder de Wet inburgering 2013 volgt geen PIP: het dossier is in de uitvoering.")
    return _("Het dossier is klaar voor het PIP.")


@transaction.atomic
def rond_af(*, door, intake: BredeIntake) -> BredeIntake:
    """End the intake when the law's parts are there; the dossier is then ready for the PIP, or under
    the Wet inburgering 2013, which has no PIP, in the uitvoering at once."""
    intake = _open_voor_wijziging(intake)
    if ontbrekend := queries.ontbrekend_voor_afronden(intake):
        raise ValidationError([o.tekst for o in ontbrekend], code="onvolledig")
    intake.afgerond_op = timezone.localdate()
    intake.save(update_fields=["afgerond_op"])
    fase = Fase.UITVOERING if intake.inburgeraar.regime == Regime.WI2013 else Fase.PIP
    dossier_services.wijzig_fase(door=door, inburgeraar=intake.inburgeraar, fase=fase)
    _gebeurtenis(
        intake,
        Soort.AFGEROND,
        _("Brede intake afgerond met advies %(route)s (%(niveau)s).")
        % {"route": intake.get_advies_leerroute_display(), "niveau": intake.get_advies_niveau_display()}
        + " "
        + vervolg_na_afronding(intake.inburgeraar),
        door,
    )
    return intake


def _open_voor_wijziging(intake: BredeIntake) -> BredeIntake:
    """Lock the intake row (two regisseurs saving at once) and refuse changes once it has ended."""
    intake = BredeIntake.objects.select_for_update().select_related("inburgeraar__gemeente").get(pk=intake.pk)
    if intake.is_afgerond:
        raise ValidationError(
            _("De brede intake is afgerond op %(datum)s en kan niet meer worden gewijzigd.")
            % {"datum": opmaak.datum(intake.afgerond_op)},
            code="afgerond",
        )
    return intake


def _gebeurtenis(intake: BredeIntake, soort: str, omschrijving: str, door, **gegevens):
    return dossier_services.schrijf_gebeurtenis(
        inburgeraar=intake.inburgeraar, soort=soort, omschrijving=omschrijving, door=door, **gegevens
    )
