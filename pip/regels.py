"""DUO's rules for a PIP and the rules for a wijzigingsbeschikking, as pure functions.

No database here: every rule is tested as a table. Each violation names the form field it belongs
to and says in plain Dutch what is wrong. Norms that are policy rather than law (18 months for
schakelen, 600 lesuren for afschalen) come in as arguments from settings.
"""

import datetime

from dateutil.relativedelta import relativedelta

from django.utils.translation import gettext as _

from inburgering import atw, opmaak, termijnen
from inburgering.overtreding import Overtreding

from .models import Leerroute, Niveau, RedenWijziging


def _d(datum: datetime.date) -> str:
    return opmaak.datum(datum)


def effectief_niveau(leerroute: str, niveau: str) -> str:
    """DUO: no niveau means B1 on the B1- and onderwijsroute; the Z-route has none."""
    if leerroute == Leerroute.Z:
        return ""
    return niveau or Niveau.B1


def termijn_start(datum_eerste_pip: datetime.date | None) -> datetime.date | None:
    """The inburgeringstermijn starts the day after the first PIP's dagtekening (Wi2021 art. 11)."""
    return datum_eerste_pip + datetime.timedelta(days=1) if datum_eerste_pip else None


def bezwaar_uiterlijk(dagtekening: datetime.date | None) -> datetime.date | None:
    """The last day for bezwaar that the letter prints: the very date of the dossier's bezwaartermijn."""
    if dagtekening is None:
        return None
    feiten = termijnen.Feiten(fase="", doelgroep="", datum_laatste_bekendmaking=dagtekening)
    return termijnen.bezwaartermijn(feiten).uiterste_datum


def inhoud_overtredingen(
    *, leerroute: str, niveau: str, is_eerste_pip: bool, is_asielstatushouder: bool, geschatte_intensiteit_b1
) -> list[Overtreding]:
    """DUO's route/niveau combinations and geschatteIntensiteitB1Route (DUO's README, inburgering/duo/m2m)."""
    fouten = []
    if leerroute == Leerroute.ONDERWIJS and niveau == Niveau.A2:
        fouten.append(Overtreding("niveau", "a2_onderwijsroute", _("De onderwijsroute kan niet op niveau A2.")))
    if leerroute == Leerroute.Z and niveau:
        fouten.append(
            Overtreding(
                "niveau", "niveau_z_route", _("De Z-route heeft geen niveau. Laat het niveau leeg bij de Z-route.")
            )
        )
    if leerroute == Leerroute.B1 and niveau == Niveau.A2 and is_eerste_pip:
        fouten.append(
            Overtreding(
                "niveau",
                "a2_eerste_pip",
                _(
                    "Het eerste PIP kan niet op niveau A2. A2 kan alleen later, met een wijzigingsbeschikking "
                    "(afschalen)."
                ),
            )
        )
    if geschatte_intensiteit_b1 is not None:
        if not is_asielstatushouder:
            fouten.append(
                Overtreding(
                    "geschatte_intensiteit_b1",
                    "intensiteit_geen_asielstatushouder",
                    _("De geschatte intensiteit van de B1-route geldt alleen voor asielstatushouders. Laat dit leeg."),
                )
            )
        elif leerroute != Leerroute.B1:
            fouten.append(
                Overtreding(
                    "geschatte_intensiteit_b1",
                    "intensiteit_andere_route",
                    _("De geschatte intensiteit geldt alleen voor de B1-route. Laat dit leeg bij deze leerroute."),
                )
            )
        elif not 1 <= geschatte_intensiteit_b1 <= 9999:
            fouten.append(
                Overtreding(
                    "geschatte_intensiteit_b1",
                    "intensiteit_bereik",
                    _("Vul een aantal uren van 1 tot en met 9999 in."),
                )
            )
    return fouten


def doelgroep_overtredingen(
    *,
    is_asielstatushouder: bool,
    ontzorgen: bool,
    ontzorgen_maanden: int | None,
    maatschappelijke_begeleiding: str,
    bijstand: bool,
    minimale_maanden: int,
) -> list[Overtreding]:
    """Only asielstatushouders get financieel ontzorgen (with bijstand) and maatschappelijke begeleiding."""
    fouten = []
    if ontzorgen and not is_asielstatushouder:
        fouten.append(
            Overtreding(
                "ontzorgen",
                "ontzorgen_geen_asielstatushouder",
                _("Financieel ontzorgen is alleen voor asielstatushouders met bijstand. Zet financieel ontzorgen uit."),
            )
        )
    elif ontzorgen and not bijstand:
        fouten.append(
            Overtreding(
                "bijstand",
                "ontzorgen_zonder_bijstand",
                _("Financieel ontzorgen kan alleen bij bijstand. Vink 'ontvangt bijstand' aan of zet ontzorgen uit."),
            )
        )
    if maatschappelijke_begeleiding.strip() and not is_asielstatushouder:
        fouten.append(
            Overtreding(
                "maatschappelijke_begeleiding",
                "begeleiding_geen_asielstatushouder",
                _("Maatschappelijke begeleiding is alleen voor asielstatushouders. Laat dit veld leeg."),
            )
        )
    if ontzorgen and ontzorgen_maanden is not None and ontzorgen_maanden < minimale_maanden:
        fouten.append(
            Overtreding(
                "ontzorgen_maanden",
                "ontzorgen_te_kort",
                _("Financieel ontzorgen duurt ten minste %(maanden)s maanden. Vul %(maanden)s of meer in.")
                % {"maanden": minimale_maanden},
            )
        )
    return fouten


def vaststelling_overtredingen(
    *,
    ontzorgen: bool,
    ontzorgen_maanden: int | None,
    bijstand_sinds: datetime.date | None,
    dualiteit: str,
    dualiteit_uren_per_week: int | None,
    ontzorgen_verplicht: bool = False,
    minimale_maanden: int = 6,
) -> list[Overtreding]:
    """What the beschikking must state and so cannot be left open when the PIP is fixed.

    `ontzorgen_verplicht`: an asielstatushouder with bijstand, for whom the college pays the vaste lasten
    from the bijstand for at least the first six months (Participatiewet art. 56a)."""
    fouten = []
    if ontzorgen_verplicht and not ontzorgen:
        fouten.append(
            Overtreding(
                "ontzorgen",
                "ontzorgen_verplicht",
                _(
                    "Deze inburgeraar is asielstatushouder en heeft bijstand. Dan betaalt de gemeente de vaste "
                    "lasten uit de bijstand, ten minste de eerste zes maanden (financieel ontzorgen, Participatiewet "
                    "art. 56a). Vink financieel ontzorgen aan, voor ten minste %(maanden)s maanden vanaf de start van "
                    "de bijstand."
                )
                % {"maanden": minimale_maanden},
            )
        )
    if ontzorgen and ontzorgen_maanden is None:
        fouten.append(
            Overtreding(
                "ontzorgen_maanden",
                "ontzorgen_duur_ontbreekt",
                _("Vul de duur van het financieel ontzorgen in (in maanden); de beschikking noemt die."),
            )
        )
    if ontzorgen and bijstand_sinds is None:
        fouten.append(
            Overtreding(
                "ontzorgen",
                "bijstand_niet_geregistreerd",
                _(
                    "Financieel ontzorgen begint op de dag dat de bijstand ingaat, en die is niet geregistreerd. "
                    "Registreer eerst de bijstand bij 'Begeleiding en ontzorgen'; de beschikking noemt die datum."
                ),
            )
        )
    if dualiteit and not dualiteit_uren_per_week:
        fouten.append(
            Overtreding(
                "dualiteit_uren_per_week",
                "dualiteit_uren_ontbreken",
                _("Vul in hoeveel uur per week taal wordt gecombineerd met werk, vrijwilligerswerk of studie."),
            )
        )
    return fouten


def dagtekening_overtredingen(
    *,
    dagtekening: datetime.date,
    vandaag: datetime.date,
    datum_kennisgeving: datetime.date | None,
    datum_vestiging: datetime.date | None,
    datum_eerste_pip: datetime.date | None,
    datum_huidige_pip: datetime.date | None,
    duo_begindatum_plicht: datetime.date | None = None,
) -> list[Overtreding]:
    """DUO's dagtekening constraints, plus: a dagtekening is never in the future.

    DUO's rule is "not before the start of the inburgeringsplicht": its begindatum when DUO gave one;
    only without it does the kennisgeving stand in for that start."""
    fouten = []

    def fout(code, tekst):
        fouten.append(Overtreding("dagtekening", code, tekst))

    if dagtekening > vandaag:
        fout("toekomst", _("De dagtekening kan niet in de toekomst liggen."))
    if duo_begindatum_plicht:
        if dagtekening < duo_begindatum_plicht:
            fout(
                "voor_begin_plicht",
                _("De dagtekening ligt vóór de start van de inburgeringsplicht (%(datum)s volgens DUO).")
                % {"datum": _d(duo_begindatum_plicht)},
            )
    elif datum_kennisgeving and dagtekening < datum_kennisgeving:
        fout(
            "voor_kennisgeving",
            _("De dagtekening ligt vóór de start van de inburgeringsplicht (kennisgeving DUO op %(datum)s).")
            % {"datum": _d(datum_kennisgeving)},
        )
    if datum_vestiging and dagtekening < datum_vestiging:
        fout(
            "voor_vestiging",
            _("De dagtekening ligt vóór de vestiging in de gemeente (%(datum)s).") % {"datum": _d(datum_vestiging)},
        )
    if datum_eerste_pip and dagtekening < datum_eerste_pip:
        fout(
            "voor_eerste_pip",
            _("De dagtekening ligt vóór de dagtekening van het eerste PIP (%(datum)s).")
            % {"datum": _d(datum_eerste_pip)},
        )
    if datum_huidige_pip and dagtekening < datum_huidige_pip:
        fout(
            "voor_huidige_pip",
            _("De dagtekening ligt vóór de dagtekening van het huidige PIP (%(datum)s).")
            % {"datum": _d(datum_huidige_pip)},
        )
    return fouten


def wijziging_overtredingen(
    *,
    reden: str,
    vorige_leerroute: str,
    vorige_niveau: str,
    leerroute: str,
    niveau: str,
    datum_eerste_pip: datetime.date,
    dagtekening: datetime.date,
    schakelen_maanden: int,
    gevolgde_lesuren: int | None,
    minimum_lesuren: int,
    afschalen_motivatie: str,
    afschalen_gronden: tuple[bool, bool] = (False, False),
) -> list[Overtreding]:
    """The reason of a wijzigingsbeschikking must fit what changes (Besluit art. 5.5, Divosa)."""
    fouten = []
    route_wijzigt = leerroute != vorige_leerroute
    was_b1, wordt_a2 = effectief_niveau(vorige_leerroute, vorige_niveau) == Niveau.B1, niveau == Niveau.A2
    if not reden:
        return [Overtreding("reden_wijziging", "reden_ontbreekt", _("Kies de reden van de wijziging."))]
    if route_wijzigt and reden != RedenWijziging.SCHAKELEN:
        fouten.append(
            Overtreding(
                "leerroute",
                "route_zonder_schakelen",
                _("Een andere leerroute is schakelen. Kies de reden 'schakelen', of houd de leerroute gelijk."),
            )
        )
    if reden == RedenWijziging.SCHAKELEN:
        if not route_wijzigt:
            fouten.append(
                Overtreding(
                    "leerroute", "schakelen_zelfde_route", _("Bij schakelen kiest u een andere leerroute dan nu.")
                )
            )
        # The last day counted as the deadlines do (inburgering/termijnen.py): the dagtekening + N months.
        uiterlijk = datum_eerste_pip + relativedelta(months=schakelen_maanden)
        if dagtekening > uiterlijk:
            fouten.append(
                Overtreding(
                    "reden_wijziging",
                    "schakelen_te_laat",
                    _(
                        "Schakelen kan alleen in de eerste %(maanden)s maanden van de inburgeringstermijn, "
                        "dus tot en met %(datum)s."
                    )
                    % {"maanden": schakelen_maanden, "datum": _d(uiterlijk)},
                )
            )
    if reden == RedenWijziging.AFSCHALEN:
        if not (vorige_leerroute == leerroute == Leerroute.B1 and was_b1 and wordt_a2):
            fouten.append(
                Overtreding(
                    "niveau",
                    "afschalen_niet_b1_naar_a2",
                    _("Afschalen is van B1 naar A2 op de B1-route. Kies op de B1-route het niveau A2."),
                )
            )
        fouten += afschalen_overtredingen(
            gevolgde_lesuren=gevolgde_lesuren,
            minimum_lesuren=minimum_lesuren,
            motivatie=afschalen_motivatie,
            b1_onhaalbaar=afschalen_gronden[0],
            voldoende_inspanning=afschalen_gronden[1],
        )
    elif wordt_a2 and was_b1 and leerroute == Leerroute.B1:
        fouten.append(
            Overtreding(
                "niveau",
                "a2_zonder_afschalen",
                _("Van B1 naar A2 is afschalen. Kies de reden 'afschalen'."),
            )
        )
    return fouten


def afschalen_overtredingen(
    *,
    gevolgde_lesuren: int | None,
    minimum_lesuren: int,
    motivatie: str,
    b1_onhaalbaar: bool,
    voldoende_inspanning: bool,
) -> list:
    """Both grounds of the Besluit (B1 out of reach, sufficient effort) with a motivation, always; and
    at least `minimum_lesuren` where the hours are recorded (None: not tracked here, the motivation says)."""
    fouten = []
    if not b1_onhaalbaar:
        fouten.append(
            Overtreding(
                "afschalen_b1_onhaalbaar",
                "afschalen_b1_haalbaar",
                _("Afschalen kan alleen als B1 binnen de inburgeringstermijn niet haalbaar is. Vink deze grond aan."),
            )
        )
    if not voldoende_inspanning:
        fouten.append(
            Overtreding(
                "afschalen_voldoende_inspanning",
                "afschalen_geen_inspanning",
                _("Afschalen kan alleen na voldoende inspanning van de inburgeraar. Vink deze grond aan."),
            )
        )
    if not motivatie.strip():
        fouten.append(
            Overtreding(
                "afschalen_motivatie",
                "afschalen_motivatie_ontbreekt",
                _(
                    "Motiveer het afschalen: waarom B1 niet haalbaar is en waaruit de voldoende inspanning blijkt "
                    "(ten minste %(uren)s lesuren gevolgd)."
                )
                % {"uren": minimum_lesuren},
            )
        )
    if gevolgde_lesuren is not None and gevolgde_lesuren < minimum_lesuren:
        fouten.append(
            Overtreding(
                "reden_wijziging",
                "afschalen_te_weinig_lesuren",
                _("Afschalen kan pas na ten minste %(minimum)s lesuren; er zijn er %(uren)s geregistreerd.")
                % {"minimum": minimum_lesuren, "uren": gevolgde_lesuren},
            )
        )
    return fouten


def volgend_voortgangsgesprek(
    *, datum_huidige_pip: datetime.date | None, laatste_gesprek: datetime.date | None, afgesproken, maanden: int
) -> datetime.date | None:
    """When the next voortgangsgesprek is due: the agreed date (as agreed, a holiday too), else `maanden` after
    the last one or the PIP, which is a proposal and so never a weekend or holiday: the working day before."""
    if afgesproken:
        return afgesproken
    basis = laatste_gesprek or datum_huidige_pip
    return atw.werkdag_ervoor(basis + relativedelta(months=maanden)) if basis else None
