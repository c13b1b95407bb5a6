"""Every write to the PIP goes through here; each step lands on the dossier's tijdlijn.

The services also write the dossier's milestone dates that the deadlines read: `datum_eerste_pip`
(once, never again), `datum_huidige_pip`, `datum_laatste_bekendmaking`,
`datum_laatste_voortgangsgesprek` and the wait for third parties.
"""

import dataclasses
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from inburgering import brieven, opmaak, termijnen
from inburgering import services as dossier_services
from inburgering.fasen import Fase
from inburgering.models import Inburgeraar, Regime
from inburgering.overtreding import Overtreding, als_validatiefout
from intake.queries import advies_voor_pip

from . import duo, regels, tasks, vertaling
from .models import AFSCHALEN, INHOUD, Niveau, Pip, Voortgangsgesprek
from .pdf import render_pdf, sha256
from .teksten import inhoud_in_gewone_taal, verschillen


class Soort:
    """Tijdlijn soorten of the PIP (Gebeurtenis.soort has no choices: each app brings its own)."""

    CONCEPT = "pip_concept"
    VASTGESTELD = "pip_vastgesteld"
    WIJZIGING = "pip_wijziging"
    DERDEN = "pip_derden"
    VOORTGANG = "pip_voortgangsgesprek"
    HANDHAVING = "pip_handhaving"
    INTREKKING = "pip_handhaving_ingetrokken"


def gevolgde_lesuren(inburgeraar: Inburgeraar) -> int | None:
    """Lesuren the leerroute registered (a milestone on the dossier); None while none are registered.

    None lets afschalen fall back to a motivation: hours followed before this system knew them.
    """
    return inburgeraar.lesuren_gevolgd or None


def _d(datum: datetime.date) -> str:
    return opmaak.datum(datum)


def vergrendel(inburgeraar: Inburgeraar, *, pip_regime: bool = True) -> Inburgeraar:
    """Lock the dossier; with `pip_regime` refuse one under the Wet inburgering 2013, which has no PIP."""
    inburgeraar = Inburgeraar.objects.select_for_update().select_related("gemeente").get(pk=inburgeraar.pk)
    if pip_regime:
        weiger_wi2013(inburgeraar)
    return inburgeraar


def weiger_wi2013(inburgeraar: Inburgeraar) -> None:
    """The ondertussen-groep (Wi2021 art. 54) has no PIP, voortgangsgesprekken or handhaving of the gemeente."""
    if inburgeraar.regime == Regime.WI2013:
        raise ValidationError(
            _(
                "Dit dossier valt onder de Wet inburgering 2013 (ondertussen-groep): daarin stelt de gemeente "
                "geen PIP vast en handhaaft zij niet. Bied begeleiding of ontzorgen aan via Verwijzingen."
            ),
            code="regime",
        )


def huidige_pip(inburgeraar: Inburgeraar) -> Pip | None:
    return Pip.objects.vastgesteld().filter(inburgeraar=inburgeraar).order_by("-versie").first()


def _beginwaarden_uit_intake(inburgeraar: Inburgeraar) -> dict:
    """What the brede intake already says: advice, literacy, bijstand and childcare."""
    waarden = {"voortgangsgesprek_maanden": inburgeraar.gemeente.voortgangsgesprek_maanden}
    advies = advies_voor_pip(inburgeraar)
    if advies is None:
        return waarden
    if advies.leerroute:
        waarden["leerroute"] = advies.leerroute
        # DUO knows only A2 and B1; the intake's A1 (Z-route) and B2 (onderwijsroute) have no DUO niveau.
        waarden["niveau"] = advies.niveau if advies.niveau in Niveau.values else ""
        if advies.leerroute == "Z":
            waarden["niveau"] = ""
    if advies.alfabetisering:
        waarden["alfabetisering"] = advies.alfabetisering
    if advies.bijstand:
        waarden["bijstand"] = True
    if advies.kinderopvang_nodig:
        waarden["kinderopvang"] = _("Kinderopvang is nodig om aan de leerroute deel te nemen.")
    return waarden


def _ontzorgen_waar_verplicht(inburgeraar: Inburgeraar, waarden: dict) -> dict:
    """Bijstand registered (by the intake or on the Ontzorgen tab): the concept says so, and an
    asielstatushouder's concept has financieel ontzorgen for the minimum months (Participatiewet art. 56a)."""
    if bijstand_sinds(inburgeraar) is not None:
        waarden["bijstand"] = True
    if inburgeraar.is_asielstatushouder and waarden.get("bijstand"):
        waarden["ontzorgen"] = True
        waarden.setdefault("ontzorgen_maanden", settings.ONTZORGEN_MINIMALE_MAANDEN)
    return waarden


@transaction.atomic
def start_concept(*, door, inburgeraar: Inburgeraar) -> Pip:
    """The first PIP as a concept, filled in from the brede intake's advice."""
    inburgeraar = vergrendel(inburgeraar)
    if Pip.objects.filter(inburgeraar=inburgeraar).exists():
        raise ValidationError(
            _("Dit dossier heeft al een PIP. Een wijziging maakt u met een wijzigingsbeschikking."), code="pip_bestaat"
        )
    # Uitvoering too: a dossier moved on by hand before this app existed still needs its PIP recorded.
    if inburgeraar.fase not in (Fase.PIP, Fase.UITVOERING):
        raise ValidationError(
            _("Een PIP maakt u na de brede intake, in fase 'PIP in voorbereiding'; dit dossier is in fase '%(fase)s'.")
            % {"fase": inburgeraar.get_fase_display()},
            code="fase",
        )
    waarden = _ontzorgen_waar_verplicht(inburgeraar, _beginwaarden_uit_intake(inburgeraar))
    waarden.setdefault("leerroute", "B")
    pip = Pip(inburgeraar=inburgeraar, versie=1, **waarden)
    pip.full_clean()
    pip.save()
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.CONCEPT,
        omschrijving=_("Concept-PIP gestart vanuit het advies van de brede intake (%(route)s).")
        % {"route": pip.get_leerroute_display()},
        door=door,
        pip=pip.pk,
    )
    return pip


def _controleer_inhoud(pip: Pip) -> list[Overtreding]:
    return regels.inhoud_overtredingen(
        leerroute=pip.leerroute,
        niveau=pip.niveau,
        is_eerste_pip=pip.versie == 1,
        is_asielstatushouder=pip.inburgeraar.is_asielstatushouder,
        geschatte_intensiteit_b1=pip.geschatte_intensiteit_b1,
    ) + regels.doelgroep_overtredingen(
        is_asielstatushouder=pip.inburgeraar.is_asielstatushouder,
        ontzorgen=pip.ontzorgen,
        ontzorgen_maanden=pip.ontzorgen_maanden,
        maatschappelijke_begeleiding=pip.maatschappelijke_begeleiding,
        bijstand=pip.bijstand,
        minimale_maanden=settings.ONTZORGEN_MINIMALE_MAANDEN,
    )


def bijstand_sinds(inburgeraar: Inburgeraar) -> datetime.date | None:
    """The start of the bijstand that runs now (registered in ontzorgen/); None when none runs."""
    return None if inburgeraar.datum_einde_bijstand else inburgeraar.datum_start_bijstand


def ontzorgen_verplicht(inburgeraar: Inburgeraar, pip: Pip | None = None) -> bool:
    """Participatiewet art. 56a: an asielstatushouder with bijstand (registered, or stated in the PIP) is
    financieel ontzorgd for at least the first six months of it. Once that ontzorgen has ended with its
    afbouw (the dossier's milestone), a later wijziging need not promise it again."""
    met_bijstand = bijstand_sinds(inburgeraar) is not None or bool(pip and pip.bijstand)
    return inburgeraar.is_asielstatushouder and met_bijstand and inburgeraar.datum_einde_ontzorgen is None


# Rules whose message leads to the page where the regisseur puts it right.
_LINKS = {
    "ontzorgen_verplicht": ("ontzorgen:ontzorgen_dossier", "#kop-ontzorgen", _l("Naar Ontzorgen en begeleiding")),
    "bijstand_niet_geregistreerd": (
        "ontzorgen:ontzorgen_dossier",
        "#kop-ontzorgen",
        _l("Naar Ontzorgen en begeleiding"),
    ),
}


def _met_links(inburgeraar: Inburgeraar, fouten: list[Overtreding]) -> list[Overtreding]:
    def met_link(o: Overtreding) -> Overtreding:
        if o.code not in _LINKS:
            return o
        url_naam, anker, tekst = _LINKS[o.code]
        link = format_html(
            '{} <a class="utrecht-link" href="{}{}">{}</a>',
            o.tekst,
            reverse(url_naam, args=[inburgeraar.pk]),
            anker,
            tekst,
        )
        return dataclasses.replace(o, tekst=link)

    return [met_link(o) for o in fouten]


def brief_overtredingen(inburgeraar: Inburgeraar) -> list[Overtreding]:
    """A letter is final only with somewhere to send it: the postal address, linked to its field."""
    fout = brieven.adres_ontbreekt(inburgeraar)
    return [Overtreding("adres", "adres_ontbreekt", fout)] if fout else []


def weiger_zonder_adres(inburgeraar: Inburgeraar) -> None:
    """The last guard before a final letter is rendered: never one without an address on it."""
    if fout := brieven.adres_ontbreekt(inburgeraar):
        raise ValidationError({"adres": ValidationError(fout, code="adres_ontbreekt")})


@transaction.atomic
def wijzig_concept(*, door, pip: Pip, gegevens: dict) -> Pip:
    """Save the concept's content; DUO's combination rules are checked at once."""
    vergrendel(pip.inburgeraar)
    pip = Pip.objects.select_related("inburgeraar__gemeente", "vorige").get(pk=pip.pk)
    if not pip.is_concept:
        raise ValidationError(_("Een vastgesteld PIP kan niet meer worden gewijzigd."), code="vastgesteld")
    toegestaan = {*INHOUD, "reden_wijziging", "toelichting_wijziging", *AFSCHALEN} if pip.is_wijziging else set(INHOUD)
    for veld, waarde in gegevens.items():
        if veld in toegestaan:
            setattr(pip, veld, waarde)
    pip.full_clean()
    fouten = _controleer_inhoud(pip)
    if fouten:
        raise als_validatiefout(fouten)
    pip.save()
    return pip


@transaction.atomic
def start_wijziging(*, door, inburgeraar: Inburgeraar, reden: str, toelichting: str = "") -> Pip:
    """A wijzigingsbeschikking starts as a concept copy of the current PIP, with its reason."""
    inburgeraar = vergrendel(inburgeraar)
    huidig = huidige_pip(inburgeraar)
    if huidig is None:
        raise ValidationError(_("Er is nog geen vastgesteld PIP om te wijzigen."), code="geen_pip")
    if Pip.objects.filter(inburgeraar=inburgeraar, status=Pip.Status.CONCEPT).exists():
        raise ValidationError(_("Er staat al een concept klaar. Maak dat eerst af."), code="concept_bestaat")
    if not reden:
        raise ValidationError({"reden_wijziging": _("Kies de reden van de wijziging.")}, code="reden_ontbreekt")
    pip = Pip(
        inburgeraar=inburgeraar,
        versie=huidig.versie + 1,
        vorige=huidig,
        reden_wijziging=reden,
        toelichting_wijziging=toelichting,
        **{veld: getattr(huidig, veld) for veld in INHOUD},
    )
    pip.full_clean()
    pip.save()
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.WIJZIGING,
        omschrijving=_("Wijziging van het PIP gestart (versie %(versie)s): %(reden)s.")
        % {"versie": pip.versie, "reden": pip.get_reden_wijziging_display().lower()},
        door=door,
        pip=pip.pk,
    )
    return pip


@transaction.atomic
def verwijder_concept(*, door, pip: Pip) -> None:
    """Withdraw a concept: nothing was decided yet, so nothing else changes."""
    inburgeraar = vergrendel(pip.inburgeraar, pip_regime=False)  # a concept made before a change of regime may go
    pip = Pip.objects.get(pk=pip.pk)
    if not pip.is_concept:
        raise ValidationError(_("Een vastgesteld PIP kan niet worden verwijderd."), code="vastgesteld")
    versie = pip.versie
    pip.delete()
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.CONCEPT,
        omschrijving=_("Concept-PIP (versie %(versie)s) verwijderd.") % {"versie": versie},
        door=door,
    )


def briefhoofd(inburgeraar: Inburgeraar, *, dagtekening, kenmerk: str, concept: bool = False) -> dict:
    """What every beschikking's letterhead (pip/_beschikking_basis.html) needs."""
    gemeente = inburgeraar.gemeente
    return {
        "inburgeraar": inburgeraar,
        "gemeente": gemeente,
        "logo_pad": gemeente.logo.path if gemeente.logo else "",
        "dagtekening": dagtekening,
        "kenmerk": kenmerk,
        "concept": concept,
        "bezwaar_uiterlijk": regels.bezwaar_uiterlijk(dagtekening),
    }


def beschikking_context(pip: Pip, *, concept: bool) -> dict:
    inburgeraar = pip.inburgeraar
    return {
        **briefhoofd(inburgeraar, dagtekening=pip.dagtekening, kenmerk=pip.kenmerk, concept=concept),
        "pip": pip,
        "vorige": pip.vorige,
        "verschillen": verschillen(pip.vorige, pip) if pip.vorige else [],
        "inhoud": inhoud_in_gewone_taal(pip),
        **_inburgeringstermijn(inburgeraar, pip),
        **vertaling.toelichting_context(
            inburgeraar, kenmerk=pip.kenmerk, bezwaar_uiterlijk=regels.bezwaar_uiterlijk(pip.dagtekening)
        ),
    }


def _inburgeringstermijn(inburgeraar: Inburgeraar, pip: Pip) -> dict:
    """Start and end of the inburgeringstermijn as the deadlines count them (DUO's end date wins)."""
    eerste = inburgeraar.datum_eerste_pip or pip.dagtekening
    if eerste is None:
        return {"termijn_start": None, "termijn_einde": None}
    start, einde = termijnen.inburgeringstermijn_einde(
        dataclasses.replace(termijnen.Feiten.van(inburgeraar), datum_eerste_pip=eerste)
    )
    return {"termijn_start": start, "termijn_einde": einde}


def concept_pdf(pip: Pip) -> bytes:
    """A preview marked CONCEPT; never stored."""
    _html, pdf = render_pdf("pip/beschikking.html", beschikking_context(pip, concept=True))
    return pdf


def _render_en_bewaar(pip: Pip) -> tuple[str, str]:
    """Render the fixed beschikking once and store it; returns (file name, sha256)."""
    weiger_zonder_adres(pip.inburgeraar)
    _html, pdf = render_pdf("pip/beschikking.html", beschikking_context(pip, concept=False))
    naam = pip.pdf.storage.save(
        pip.pdf.field.generate_filename(pip, f"pip-{pip.inburgeraar_id}-v{pip.versie}.pdf"), ContentFile(pdf)
    )
    return naam, sha256(pdf)


def bewaar_ontbrekende_pdf(*, pip_id: int) -> bool:
    """For the batch task: store the PDF of a vastgesteld PIP that has none. Never replaces one."""
    pip = Pip.objects.vastgesteld().filter(pk=pip_id, pdf="").select_related("inburgeraar__gemeente", "vorige").first()
    if pip is None or not brieven.heeft_adres(pip.inburgeraar):
        return False  # without an address the download says what is missing
    naam, hash_ = _render_en_bewaar(pip)
    # A conditional UPDATE claims the row: a second worker on the same PIP changes nothing.
    if Pip.objects.filter(pk=pip.pk, pdf="").update(pdf=naam, sha256=hash_) == 0:
        pip.pdf.storage.delete(naam)
        return False
    return True


@transaction.atomic
def stel_vast(*, door, pip: Pip, dagtekening: datetime.date, pdf_later: bool = False) -> Pip:
    """Fix the PIP as a beschikking: DUO's rules, dagtekening, PDF with SHA-256, milestones, fase.

    With `pdf_later` (batches) the PDF is rendered by the Celery task after the commit.
    """
    inburgeraar = vergrendel(pip.inburgeraar)
    pip = Pip.objects.select_related("vorige").get(pk=pip.pk)
    pip.inburgeraar = inburgeraar
    if not pip.is_concept:
        raise ValidationError(
            {"dagtekening": _("Dit PIP is al vastgesteld; de dagtekening verandert niet meer.")}, code="vastgesteld"
        )
    fouten = _controleer_inhoud(pip) + _met_links(
        inburgeraar,
        regels.vaststelling_overtredingen(
            ontzorgen=pip.ontzorgen,
            ontzorgen_maanden=pip.ontzorgen_maanden,
            bijstand_sinds=bijstand_sinds(inburgeraar),
            dualiteit=pip.dualiteit,
            dualiteit_uren_per_week=pip.dualiteit_uren_per_week,
            ontzorgen_verplicht=ontzorgen_verplicht(inburgeraar, pip),
            minimale_maanden=settings.ONTZORGEN_MINIMALE_MAANDEN,
        ),
    )
    fouten += brief_overtredingen(inburgeraar)
    fouten += regels.dagtekening_overtredingen(
        dagtekening=dagtekening,
        vandaag=timezone.localdate(),
        datum_kennisgeving=inburgeraar.datum_kennisgeving,
        duo_begindatum_plicht=inburgeraar.duo_begindatum_plicht,
        datum_vestiging=inburgeraar.datum_vestiging,
        datum_eerste_pip=inburgeraar.datum_eerste_pip if pip.is_wijziging else None,
        datum_huidige_pip=inburgeraar.datum_huidige_pip if pip.is_wijziging else None,
    )
    if pip.is_wijziging:
        fouten += regels.wijziging_overtredingen(
            reden=pip.reden_wijziging,
            vorige_leerroute=pip.vorige.leerroute,
            vorige_niveau=pip.vorige.niveau,
            leerroute=pip.leerroute,
            niveau=pip.niveau,
            datum_eerste_pip=inburgeraar.datum_eerste_pip,
            dagtekening=dagtekening,
            schakelen_maanden=settings.SCHAKELEN_MAANDEN,
            gevolgde_lesuren=gevolgde_lesuren(inburgeraar),
            minimum_lesuren=settings.AFSCHALEN_MINIMUM_LESUREN,
            afschalen_motivatie=pip.afschalen_motivatie,
            afschalen_gronden=(pip.afschalen_b1_onhaalbaar, pip.afschalen_voldoende_inspanning),
        )
    if fouten:
        raise als_validatiefout(fouten)
    pip.dagtekening = dagtekening
    pip.kenmerk = f"PIP-{inburgeraar.gemeente.gemeentecode}-{inburgeraar.pk}-{pip.versie}"
    pip.status = Pip.Status.VASTGESTELD
    pip.vastgesteld_door = door
    if pdf_later:
        pip.save()
        transaction.on_commit(lambda: tasks.render_beschikkingen.delay([pip.pk]))
    else:
        pip.pdf.name, pip.sha256 = _render_en_bewaar(pip)
        pip.save()

    eerste = inburgeraar.datum_eerste_pip is None
    if eerste:
        inburgeraar.datum_eerste_pip = dagtekening  # the termijn starts the day after, and never moves
    inburgeraar.datum_huidige_pip = dagtekening
    # The beschikking is sent on its dagtekening; the bezwaartermijn runs from the day after.
    inburgeraar.datum_laatste_bekendmaking = dagtekening
    inburgeraar.voortgangsgesprek_maanden = pip.voortgangsgesprek_maanden
    inburgeraar.leerroute = pip.leerroute
    inburgeraar.save(
        update_fields=[
            "datum_eerste_pip",
            "datum_huidige_pip",
            "datum_laatste_bekendmaking",
            "voortgangsgesprek_maanden",
            "leerroute",
            "updated_at",
        ]
    )
    dossier_services.synchroniseer_termijnen([inburgeraar.pk])
    if pip.is_wijziging:
        tekst = _("Wijzigingsbeschikking PIP vastgesteld (versie %(versie)s, %(reden)s), dagtekening %(datum)s.") % {
            "versie": pip.versie,
            "reden": pip.get_reden_wijziging_display().lower(),
            "datum": _d(dagtekening),
        }
    else:
        tekst = _("PIP vastgesteld, dagtekening %(datum)s. De inburgeringstermijn begint op %(start)s.") % {
            "datum": _d(dagtekening),
            "start": _d(regels.termijn_start(dagtekening)),
        }
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.VASTGESTELD,
        omschrijving=f"{tekst} "
        + (
            _("De PDF van beschikking %(kenmerk)s wordt op de achtergrond gemaakt.")
            if pdf_later
            else _("Beschikking %(kenmerk)s als PDF bewaard.")
        )
        % {"kenmerk": pip.kenmerk},
        door=door,
        pip=pip.pk,
        versie=pip.versie,
        sha256=pip.sha256,
    )
    if eerste and inburgeraar.fase == Fase.PIP:
        dossier_services.wijzig_fase(door=door, inburgeraar=inburgeraar, fase=Fase.UITVOERING)
    duo.meld_pip(pip)  # in this transaction: the message exists exactly when the PIP is fixed
    return pip


@transaction.atomic
def zet_wachten_op_derden(
    *, door, inburgeraar: Inburgeraar, sinds: datetime.date | None, ontvangen_op: datetime.date | None
) -> Inburgeraar:
    """The PIP deadline extends while the gemeente waits for third parties (Besluit art. 5.3)."""
    inburgeraar = vergrendel(inburgeraar)
    if inburgeraar.datum_eerste_pip is not None:
        raise ValidationError(
            _("Het eerste PIP is al vastgesteld; wachten op derden verlengt die termijn niet meer."), code="pip_al"
        )
    if ontvangen_op and not sinds:
        raise ValidationError({"sinds": _("Vul eerst in sinds wanneer u op de informatie wacht.")})
    if sinds and ontvangen_op and ontvangen_op < sinds:
        raise ValidationError({"ontvangen_op": _("De informatie kan niet zijn ontvangen vóór u erom vroeg.")})
    vandaag = timezone.localdate()
    for veld, datum in (("sinds", sinds), ("ontvangen_op", ontvangen_op)):
        if datum and datum > vandaag:
            raise ValidationError({veld: _("Deze datum kan niet in de toekomst liggen.")}, code="toekomst")
    if (inburgeraar.wacht_op_derden_sinds, inburgeraar.informatie_derden_ontvangen_op) == (sinds, ontvangen_op):
        return inburgeraar
    inburgeraar.wacht_op_derden_sinds = sinds
    inburgeraar.informatie_derden_ontvangen_op = ontvangen_op
    inburgeraar.save(update_fields=["wacht_op_derden_sinds", "informatie_derden_ontvangen_op", "updated_at"])
    dossier_services.synchroniseer_termijnen([inburgeraar.pk])
    if ontvangen_op:
        tekst = _("Informatie van derden ontvangen op %(datum)s; het PIP moet uiterlijk 2 weken later vastgesteld.") % {
            "datum": _d(ontvangen_op)
        }
    elif sinds:
        tekst = _("Wacht sinds %(datum)s op informatie van derden voor het PIP.") % {"datum": _d(sinds)}
    else:
        tekst = _("Wachten op informatie van derden gewist.")
    dossier_services.schrijf_gebeurtenis(inburgeraar=inburgeraar, soort=Soort.DERDEN, omschrijving=tekst, door=door)
    return inburgeraar


@transaction.atomic
def leg_voortgangsgesprek_vast(*, door, inburgeraar: Inburgeraar, gegevens: dict) -> Voortgangsgesprek:
    inburgeraar = vergrendel(inburgeraar)
    pip = huidige_pip(inburgeraar)
    if pip is None:
        raise ValidationError(_("Een voortgangsgesprek hoort bij een vastgesteld PIP; stel eerst het PIP vast."))
    gesprek = Voortgangsgesprek(inburgeraar=inburgeraar, pip=pip, vastgelegd_door=door, **gegevens)
    gesprek.full_clean()
    fouten = {}
    if gesprek.datum > timezone.localdate():
        fouten["datum"] = _("Een gesprek dat nog moet plaatsvinden legt u later vast.")
    elif gesprek.datum < inburgeraar.datum_eerste_pip:
        fouten["datum"] = _("Het gesprek ligt vóór de dagtekening van het eerste PIP (%(datum)s).") % {
            "datum": _d(inburgeraar.datum_eerste_pip)
        }
    if gesprek.volgende_datum <= gesprek.datum:
        fouten["volgende_datum"] = _("Het volgende gesprek ligt na dit gesprek.")
    if fouten:
        raise ValidationError(fouten)
    gesprek.save()
    if (
        inburgeraar.datum_laatste_voortgangsgesprek is None
        or gesprek.datum > inburgeraar.datum_laatste_voortgangsgesprek
    ):
        inburgeraar.datum_laatste_voortgangsgesprek = gesprek.datum
        inburgeraar.save(update_fields=["datum_laatste_voortgangsgesprek", "updated_at"])
        dossier_services.synchroniseer_termijnen([inburgeraar.pk])
    dossier_services.schrijf_gebeurtenis(
        inburgeraar=inburgeraar,
        soort=Soort.VOORTGANG,
        omschrijving=_("Voortgangsgesprek gehouden op %(datum)s; volgend gesprek uiterlijk %(volgende)s.")
        % {"datum": _d(gesprek.datum), "volgende": _d(gesprek.volgende_datum)},
        door=door,
        gesprek=gesprek.pk,
    )
    return gesprek
