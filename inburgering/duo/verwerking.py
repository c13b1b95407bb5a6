"""Processing a stored notification: read the details from DUO, change the dossier through services.

One function per kind of event (the table in DUO's README, inburgering/duo/m2m), registered in gebeurtenissen. Each
writes an event on the tijdlijn; where the regisseur must act, the notification keeps that action
and the dossier shows it until it is marked done (the DUO-signaal).
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inburgering import opmaak

from .. import services
from ..fasen import LOPEND, Fase, RedenAfronding, RedenUitschrijving, redenen_afronding
from ..models import Doelgroep, Inburgeraar
from .client import DuoNietBereikbaar, client_voor
from .gebeurtenissen import handler_voor, registreer
from .models import Notificatie

log = logging.getLogger(__name__)

BETEKENIS = {
    "SS101": gettext_lazy("nieuwe inburgeringsplichtige"),
    "SS128": gettext_lazy("nieuwe inburgeringsplichtige (bereikt binnen zes maanden de AOW-leeftijd)"),
    "SS129": gettext_lazy("tijdelijke vrijstelling ingetrokken, nog geen leerroute"),
    "SS120": gettext_lazy("gevestigd in deze gemeente zonder PIP"),
    "SS121": gettext_lazy("gevestigd in deze gemeente met het PIP van een vorige gemeente"),
    "SS139": gettext_lazy("de termijn van tien weken voor het vaststellen van de leerroute is (opnieuw) gestart"),
    "SS124": gettext_lazy("doelgroep gewijzigd"),
    "SS125": gettext_lazy("doelgroep gewijzigd"),
    "SS137": gettext_lazy("aangemeld voor de leerbaarheidstoets"),
    "SS131": gettext_lazy("uitslag leerbaarheidstoets bekend"),
    "SS102": gettext_lazy("inburgeringstermijn gestart"),
    "SS103": gettext_lazy("inburgeringstermijn ambtshalve verlengd"),
    "SS104": gettext_lazy("inburgeringstermijn op verzoek verlengd"),
    "SS199": gettext_lazy("examenuitslag bekend"),
    "SS106": gettext_lazy("inburgeringsplicht voldaan met een diploma"),
    "SS107": gettext_lazy("volledige vrijstelling"),
    "SS108": gettext_lazy("volledige ontheffing"),
    "SS109": gettext_lazy("tijdelijke vrijstelling verleend"),
    "SS110": gettext_lazy("inburgeringsplicht vervallen"),
    "SS111": gettext_lazy("overleden"),
    "SS113": gettext_lazy("verzoek om verlenging van de inburgeringstermijn afgewezen"),
    "SS114": gettext_lazy("verzoek om volledige vrijstelling afgewezen"),
    "SS115": gettext_lazy("verzoek om tijdelijke vrijstelling afgewezen"),
    "SS116": gettext_lazy("verzoek om gedeeltelijke vrijstelling afgewezen"),
    "SS117": gettext_lazy("gedeeltelijke vrijstelling toegekend"),
    "SS118": gettext_lazy("verzoek om ontheffing afgewezen"),
    "SS119": gettext_lazy("gedeeltelijke ontheffing toegekend"),
    "SS130": gettext_lazy("tijdelijke vrijstelling ingetrokken, het PIP is al bekend"),
}


def verwerk(notificatie_id: int) -> str | None:
    """Process one notification once; a retry after success finds it done and does nothing.

    No database lock is held while DUO answers: the handler runs in a transaction that reads DUO's
    details from what was read before it began. When it asks for something not read yet, the
    transaction is rolled back, DUO is asked outside any transaction, and the handler runs again.
    """
    gelezen: dict[str, object] = {}
    for _poging in range(MAX_LEESRONDES):
        try:
            return _verwerk(notificatie_id, Voorgelezen(gelezen))
        except NogTeLezen as e:
            gelezen[e.pad] = _lees_bij_duo(e.gemeente, e.pad)
    raise RuntimeError(f"DUO-notificatie {notificatie_id}: meer dan {MAX_LEESRONDES} leesrondes")


# More than any handler reads (a dossier opened, then at most three resources).
MAX_LEESRONDES = 12


class NogTeLezen(Exception):
    """The handler needs a resource of DUO that was not read yet: roll back and read it first."""

    def __init__(self, gemeente, pad: str):
        super().__init__(pad)
        self.gemeente, self.pad = gemeente, pad


class _Fout:
    """DUO's failure to answer a read, kept to be raised where the handler reads it."""

    def __init__(self, fout: Exception):
        self.fout = fout


class Voorgelezen:
    """The client a handler gets: DUO's answers read before the transaction began."""

    def __init__(self, gelezen: dict):
        self.gelezen = gelezen
        self.gemeente = None

    def lees(self, pad: str):
        if pad not in self.gelezen:
            raise NogTeLezen(self.gemeente, pad)
        antwoord = self.gelezen[pad]
        if isinstance(antwoord, _Fout):
            raise antwoord.fout
        return antwoord


def _lees_bij_duo(gemeente, pad: str):
    try:
        with client_voor(gemeente) as client:
            return client.lees(pad)
    except Exception as e:  # DUO unreachable, or an answer the handler fails on: handled as before
        return _Fout(e)


def _verwerk(notificatie_id: int, client: Voorgelezen) -> str | None:
    with transaction.atomic():
        # Lock the notification's row only: the gemeente's is shared by every other notification.
        notificatie = (
            Notificatie.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("gemeente")
            .filter(pk=notificatie_id, status__in=[Notificatie.Status.ONTVANGEN, Notificatie.Status.MISLUKT])
            .first()
        )
        if notificatie is None:
            return None
        client.gemeente = notificatie.gemeente
        notificatie.pogingen += 1
        handler = handler_voor(notificatie.gebeurtenis_id)
        if handler is None:
            notificatie.status = Notificatie.Status.GENEGEERD
            notificatie.laatste_fout = _("Voor gebeurtenis %(id)s is geen verwerking: er is niets gedaan.") % {
                "id": notificatie.gebeurtenis_id
            }
        elif not notificatie.bsn:
            notificatie.status = Notificatie.Status.GENEGEERD
            notificatie.laatste_fout = _("Geen BSN in de notificatie.")
        else:
            _voer_uit(notificatie, handler, client)
        notificatie.save()
    return notificatie.status


def verwerk_openstaande() -> int:
    """The safety net (beat): notifications stored but not processed (DUO was unreachable, a task lost)."""
    grens = timezone.now() - datetime.timedelta(minutes=5)
    pks = list(
        Notificatie.objects.filter(status=Notificatie.Status.ONTVANGEN, ontvangen_op__lt=grens).values_list(
            "pk", flat=True
        )
    )
    from .tasks import verwerk_notificatie

    for pk in pks:
        verwerk_notificatie.delay(pk)
    return len(pks)


def _voer_uit(notificatie: Notificatie, handler, client: Voorgelezen) -> None:
    eerder = notificatie.inburgeraar_id  # a dossier opened in the rolled-back savepoint does not exist
    try:
        with transaction.atomic():
            actie = handler(notificatie, client)
            _schrijf(notificatie, actie)
    except NogTeLezen:
        raise
    except DuoNietBereikbaar as e:  # stays ontvangen for the safety net, up to DUO_MAX_POGINGEN
        notificatie.inburgeraar_id = eerder
        notificatie.laatste_fout = str(e)[:2000]
        if notificatie.pogingen >= settings.DUO_MAX_POGINGEN:
            notificatie.status = Notificatie.Status.MISLUKT
        return
    except Exception as e:
        log.exception("DUO-notificatie %s niet verwerkt", notificatie.bericht_id)
        notificatie.inburgeraar_id = eerder
        notificatie.status = Notificatie.Status.MISLUKT
        notificatie.laatste_fout = f"{type(e).__name__}: {e}"[:2000]
        return
    notificatie.status = Notificatie.Status.VERWERKT
    notificatie.verwerkt_op = timezone.now()
    notificatie.laatste_fout = ""
    notificatie.actie = actie[:300]


def _schrijf(notificatie: Notificatie, actie: str) -> None:
    if notificatie.inburgeraar is None:
        return
    omschrijving = _("DUO meldde %(id)s: %(betekenis)s.") % {
        "id": notificatie.gebeurtenis_id,
        "betekenis": BETEKENIS.get(notificatie.gebeurtenis_id, notificatie.gebeurtenis_id),
    }
    # What DUO's details add (the ground of an ontheffing, say): set by the handler, never stored.
    if getattr(notificatie, "toelichting", ""):
        omschrijving += " " + notificatie.toelichting
    if actie:
        omschrijving += " " + actie
    services.schrijf_gebeurtenis(
        inburgeraar=notificatie.inburgeraar,
        soort="duo",
        omschrijving=omschrijving,
        gemeente=notificatie.gemeente,
        notificatie=notificatie.pk,
        gebeurtenis=notificatie.gebeurtenis_id,
    )


def _datum(notificatie: Notificatie):
    return timezone.localdate(notificatie.registratie_datum_tijd)


def _lopend(notificatie: Notificatie) -> Inburgeraar | None:
    return Inburgeraar.objects.filter(bsn=notificatie.bsn, fase__in=LOPEND).first()


def dossier(notificatie: Notificatie, client) -> Inburgeraar:
    """The running dossier of this person for the gemeente that is `doel`: found, taken over or opened."""
    bsn, gemeente = notificatie.bsn, notificatie.gemeente
    bestaand = _lopend(notificatie)
    if bestaand is not None and bestaand.gemeente_id != gemeente.pk:
        bestaand = services.draag_over(
            door=None, inburgeraar=bestaand, naar=gemeente, toelichting=_("(notificatie van DUO)")
        )
    if bestaand is None:
        plicht = client.lees(f"/personen/{bsn}/inburgeringsplicht") or {}
        doelgroep = (client.lees(f"/personen/{bsn}/doelgroep") or {}).get("gedetailleerdeDoelgroep")
        bestaand = services.registreer_dossier(
            door=None,
            gegevens={
                "bsn": bsn,
                # DUO knows no names or birth date: the regisseur completes them from the BRP.
                "voornamen": _("Onbekend"),
                "achternaam": _("(aanvullen uit de BRP)"),
                "doelgroep": doelgroep if doelgroep in Doelgroep.values else Doelgroep.OVERIG,
                "gemeente": gemeente,
                "datum_koppeling": _datum(notificatie),
                "datum_kennisgeving": plicht.get("datumKennisgevingInburgeringsplicht"),
                "duo_begindatum_plicht": plicht.get("begindatum"),
            },
        )
    notificatie.inburgeraar = bestaand
    return bestaand


def _open(notificatie, client) -> str:
    nieuw = _lopend(notificatie) is None
    inburgeraar = dossier(notificatie, client)
    if nieuw:
        return _("Dossier geopend: vul naam en geboortedatum aan uit de BRP en wijs een casusregisseur toe.")
    _neem_plicht_over(notificatie, client, inburgeraar)
    return ""


def _neem_plicht_over(notificatie, client, inburgeraar: Inburgeraar) -> None:
    """An event about the plicht of a dossier that already runs here (a new plicht after a withdrawn
    vrijstelling, settling in from elsewhere): DUO's begindatum is the truth the dagtekening rule reads,
    not only the one read when DUO opened the dossier. The kennisgeving fills a gap, never overwrites."""
    plicht = client.lees(f"/personen/{notificatie.bsn}/inburgeringsplicht") or {}
    wijzigingen = {}
    if begindatum := _als_datum(plicht.get("begindatum")):
        wijzigingen["duo_begindatum_plicht"] = begindatum
    if inburgeraar.datum_kennisgeving is None and plicht.get("datumKennisgevingInburgeringsplicht"):
        wijzigingen["datum_kennisgeving"] = _als_datum(plicht["datumKennisgevingInburgeringsplicht"])
    if wijzigingen:
        services.wijzig_dossier(door=None, inburgeraar=inburgeraar, wijzigingen=wijzigingen)


def _vorige_pip(notificatie, client) -> str:
    _open(notificatie, client)
    inburgeraar = notificatie.inburgeraar
    gegevens = client.lees(f"/personen/{notificatie.bsn}/PIP") or {}
    pip = gegevens.get("pip") or {}
    termijn = client.lees(f"/personen/{notificatie.bsn}/inburgeringstermijn") or {}
    wijzigingen = {}
    if pip.get("leerroute"):
        # The leerroute stays (README, SS121): the dossier carries the previous PIP's route and date.
        wijzigingen["leerroute"] = pip["leerroute"]
        wijzigingen["datum_eerste_pip"] = inburgeraar.datum_eerste_pip or _als_datum(pip.get("dagtekeningPip"))
        wijzigingen["datum_huidige_pip"] = _als_datum(pip.get("dagtekeningPip"))
    wijzigingen.update(_termijn_datums(termijn))
    services.wijzig_dossier(door=None, inburgeraar=inburgeraar, wijzigingen=wijzigingen)
    return _("Neem het PIP van gemeente %(code)s over: leerroute %(route)s, dagtekening %(datum)s.") % {
        "code": gegevens.get("gemeentecode", "?"),
        "route": pip.get("leerroute", "?"),
        "datum": pip.get("dagtekeningPip", "?"),
    }


def _als_datum(waarde):
    return datetime.date.fromisoformat(waarde) if waarde else None


def _herstart_pip_termijn(notificatie, client) -> str:
    inburgeraar = dossier(notificatie, client)
    services.wijzig_dossier(
        door=None, inburgeraar=inburgeraar, wijzigingen={"datum_pip_termijn_herstart": _datum(notificatie)}
    )
    termijn = inburgeraar.termijnen.filter(soort="pip_vaststelling").first()
    if termijn is None:
        return _("Stel het PIP binnen tien weken vast.")
    return _("Stel het PIP vast uiterlijk op %(datum)s.") % {"datum": opmaak.datum(termijn.uiterste_datum)}


def _termijn(notificatie, client) -> str:
    inburgeraar = dossier(notificatie, client)
    termijn = client.lees(f"/personen/{notificatie.bsn}/inburgeringstermijn") or {}
    if not termijn.get("einddatum"):
        return _("DUO gaf geen inburgeringstermijn: vraag deze na bij DUO.")
    services.wijzig_dossier(door=None, inburgeraar=inburgeraar, wijzigingen=_termijn_datums(termijn))
    tekst = _("Inburgeringstermijn volgens DUO van %(start)s tot en met %(einde)s.") % {
        "start": termijn.get("startdatum", "?"),
        "einde": termijn["einddatum"],
    }
    if termijn.get("verlengingsgrondomschrijving"):
        tekst += " " + _("Grond: %(grond)s.") % {"grond": termijn["verlengingsgrondomschrijving"]}
    return tekst


def _termijn_datums(termijn: dict) -> dict:
    """DUO's start and end of the inburgeringstermijn, as dossier fields (only those DUO gave)."""
    velden = {"startdatum": "duo_startdatum_termijn", "einddatum": "datum_einde_termijn_duo"}
    return {veld: _als_datum(termijn[sleutel]) for sleutel, veld in velden.items() if termijn.get(sleutel)}


def _doelgroep(notificatie, client) -> str:
    inburgeraar = dossier(notificatie, client)
    nieuw = (client.lees(f"/personen/{notificatie.bsn}/doelgroep") or {}).get("gedetailleerdeDoelgroep")
    if nieuw not in Doelgroep.values:
        return _("DUO gaf geen geldige doelgroep: vraag deze na bij DUO.")
    services.wijzig_dossier(door=None, inburgeraar=inburgeraar, wijzigingen={"doelgroep": nieuw})
    return _("Doelgroep nu %(doelgroep)s: controleer aanbod en ontzorgen.") % {"doelgroep": Doelgroep(nieuw).label}


AFRONDING = {
    "SS106": RedenAfronding.VOLDAAN,
    "SS107": RedenAfronding.VRIJSTELLING,
    "SS108": RedenAfronding.ONTHEFFING,
    "SS110": RedenAfronding.VERVALLEN,
}


def _sluit(notificatie, client) -> str:
    inburgeraar = _lopend(notificatie)
    if inburgeraar is None:
        return ""  # nothing running here: nothing to close
    notificatie.inburgeraar = inburgeraar
    gebeurtenis = notificatie.gebeurtenis_id
    if gebeurtenis == "SS111":
        services.wijzig_fase(
            door=None,
            inburgeraar=inburgeraar,
            fase=Fase.UITGESCHREVEN,
            reden_uitschrijving=RedenUitschrijving.OVERLEDEN,
        )
        return ""
    if gebeurtenis == "SS109":
        return _tijdelijke_vrijstelling(notificatie, client)
    if gebeurtenis in BESLUITEN:
        notificatie.toelichting = _besluit(client, notificatie.bsn, *BESLUITEN[gebeurtenis])
    if AFRONDING[gebeurtenis] in redenen_afronding(inburgeraar.fase):
        services.wijzig_fase(
            door=None, inburgeraar=inburgeraar, fase=Fase.AFGEROND, reden_afronding=AFRONDING[gebeurtenis]
        )
        return ""
    # A diploma before this gemeente's uitvoering (the plicht was met elsewhere): the regisseur decides.
    return _("Rond het dossier af of schrijf het uit: de inburgeringsplicht geldt niet meer.")


# The resource and the kind of decision DUO's details hold for a full vrijstelling or ontheffing.
BESLUITEN = {"SS107": ("vrijstellingen", "GeheleVrijstelling"), "SS108": ("ontheffingen", "GeheleOntheffing")}


def _besluit(client, bsn: str, resource: str, soort: str) -> str:
    """DUO's granted decision as a sentence for the tijdlijn: its date and ground (code as DUO gives it)."""
    laatste = _laatste_toekenning(client, bsn, resource, soort, "datumOordeel")
    if laatste is None:
        return ""
    return _("Besluit van DUO van %(datum)s, grond %(grond)s.") % {
        "datum": _als_tekst(laatste.get("datumOordeel")),
        "grond": laatste.get("grond") or laatste.get("reden") or "?",
    }


def _tijdelijke_vrijstelling(notificatie, client) -> str:
    """DUO's dates of the temporary exemption pause the running deadlines (inburgering/termijnen.py)."""
    laatste = _laatste_toekenning(client, notificatie.bsn, "vrijstellingen", "TijdelijkeVrijstelling", "startdatum")
    if laatste is None or not laatste.get("startdatum"):
        return _("DUO gaf geen data van de tijdelijke vrijstelling: vraag ze na bij DUO, de termijnen lopen door.")
    van, tot = _als_datum(laatste["startdatum"]), _als_datum(laatste.get("einddatum"))
    services.wijzig_dossier(
        door=None,
        inburgeraar=notificatie.inburgeraar,
        wijzigingen={"duo_opschorting_van": van, "duo_opschorting_tot": tot},
    )
    notificatie.toelichting = _(
        "Tijdelijke vrijstelling van %(start)s tot en met %(einde)s: de lopende termijnen staan zo lang stil "
        "en schuiven daarna evenveel dagen op."
    ) % {"start": _als_tekst(laatste["startdatum"]), "einde": _als_tekst(laatste.get("einddatum"))}
    return ""


def _laatste_toekenning(client, bsn: str, resource: str, soort: str, sleutel: str) -> dict | None:
    """DUO's latest granted decision of this kind (by `sleutel`, a date), or None."""
    return max(_toekenningen(client, bsn, resource, soort), key=lambda b: b.get(sleutel) or "", default=None)


def _toekenningen(client, bsn: str, resource: str, soort: str) -> list[dict]:
    """DUO's granted decisions of this kind (GeheleVrijstelling, GedeeltelijkeOntheffing, ...)."""
    besluiten = [b[soort] for b in client.lees(f"/personen/{bsn}/{resource}") or [] if b.get(soort)]
    return [b for b in besluiten if b.get("oordeel") == "Toekenning"]


def _vrijstelling_ingetrokken(notificatie, client) -> str:
    """SS130: the pause ends on the day before DUO's withdrawal; the PIP stays, the termijn as DUO has it."""
    inburgeraar = dossier(notificatie, client)
    wijzigingen = _termijn_datums(client.lees(f"/personen/{notificatie.bsn}/inburgeringstermijn") or {})
    einde = _datum(notificatie) - datetime.timedelta(days=1)
    van, tot = inburgeraar.duo_opschorting_van, inburgeraar.duo_opschorting_tot
    if van and einde < van:
        wijzigingen |= {"duo_opschorting_van": None, "duo_opschorting_tot": None}  # withdrawn before it began
    elif van and (tot is None or einde < tot):
        wijzigingen["duo_opschorting_tot"] = einde
    services.wijzig_dossier(door=None, inburgeraar=inburgeraar, wijzigingen=wijzigingen)
    return _("Hervat de begeleiding volgens het PIP en plan een voortgangsgesprek.")


# Decisions on a request that leave the plicht as it was: the tijdlijn says so, and what the regisseur does.
AFWIJZINGEN = {
    "SS113": gettext_lazy(
        "De inburgeringstermijn blijft zoals DUO hem heeft. Bespreek met de inburgeraar hoe de plicht op tijd "
        "wordt gehaald."
    ),
    "SS114": gettext_lazy("De inburgeringsplicht blijft gelden."),
    "SS115": gettext_lazy(
        "De inburgeringsplicht en de termijnen lopen door. Bespreek met de inburgeraar hoe de begeleiding verdergaat."
    ),
    "SS116": gettext_lazy("Alle examenonderdelen blijven nodig."),
    "SS118": gettext_lazy("De inburgeringsplicht blijft volledig gelden."),
}
# Of these, the ones where the regisseur must act (the rest only inform).
AFWIJZINGEN_MET_ACTIE = frozenset({"SS113", "SS115"})


def _afwijzing(notificatie, client) -> str:
    inburgeraar = _lopend(notificatie)
    if inburgeraar is None:
        return ""  # no dossier runs here: nothing changes
    notificatie.inburgeraar = inburgeraar
    tekst = str(AFWIJZINGEN[notificatie.gebeurtenis_id])
    if notificatie.gebeurtenis_id in AFWIJZINGEN_MET_ACTIE:
        return tekst
    notificatie.toelichting = tekst
    return ""


# Partial decisions: DUO's resource and kind of decision, whose examenonderdeel is no longer required.
GEDEELTELIJK = {
    "SS117": ("vrijstellingen", "GedeeltelijkeVrijstelling"),
    "SS119": ("ontheffingen", "GedeeltelijkeOntheffing"),
}


def _gedeeltelijk(notificatie, client) -> str:
    """A partial vrijstelling or ontheffing: the exempt exam parts are kept on the dossier and shown."""
    inburgeraar = dossier(notificatie, client)
    resource, soort = GEDEELTELIJK[notificatie.gebeurtenis_id]
    toegekend = _toekenningen(client, notificatie.bsn, resource, soort)
    nieuw = {b["examenonderdeel"] for b in toegekend if b.get("examenonderdeel")}
    if not nieuw:
        return _("DUO gaf geen examenonderdeel bij het besluit: vraag na waarvoor het geldt.")
    bestaand = {code for code in inburgeraar.duo_vrijgestelde_onderdelen.split(",") if code}
    onderdelen = ",".join(sorted(bestaand | nieuw))
    services.wijzig_dossier(door=None, inburgeraar=inburgeraar, wijzigingen={"duo_vrijgestelde_onderdelen": onderdelen})
    inburgeraar.refresh_from_db(fields=["duo_vrijgestelde_onderdelen"])
    return _("Pas het PIP en het aanbod aan: niet meer nodig is %(onderdelen)s.") % {
        "onderdelen": ", ".join(inburgeraar.vrijgestelde_onderdelen)
    }


def _als_tekst(iso: str | None) -> str:
    return opmaak.datum(_als_datum(iso)) if iso else "?"


registreer("SS101", "SS128", "SS129", "SS120", handler=_open)
registreer("SS121", handler=_vorige_pip)
registreer("SS139", handler=_herstart_pip_termijn)
registreer("SS102", "SS103", "SS104", handler=_termijn)
registreer("SS124", "SS125", handler=_doelgroep)
registreer("SS106", "SS107", "SS108", "SS109", "SS110", "SS111", handler=_sluit)
registreer(*AFWIJZINGEN, handler=_afwijzing)
registreer(*GEDEELTELIJK, handler=_gedeeltelijk)
registreer("SS130", handler=_vrijstelling_ingetrokken)
