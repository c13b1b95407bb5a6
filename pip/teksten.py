"""The PIP's content in plain Dutch (B1), for the beschikking and the PIP page alike."""

from dateutil.relativedelta import relativedelta

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from .models import INHOUD, Leerroute, Pip


def ja_nee(waarde: bool) -> str:
    return _("ja") if waarde else _("nee")


def _leerroute(pip: Pip) -> str:
    if pip.leerroute == Leerroute.Z:
        # The letter knows the doelgroep: the participation hours are asked of asielstatushouders only.
        if pip.inburgeraar.is_asielstatushouder:
            return _(
                "U volgt de Z-route (zelfredzaamheidsroute): ten minste %(taal)s uur Nederlands en "
                "%(participatie)s uur participatie. De uren van de MAP en het PVT tellen mee voor de participatie. "
                "U werkt toe naar taalniveau A1."
            ) % {"taal": settings.Z_ROUTE_TAALUREN, "participatie": settings.Z_ROUTE_PARTICIPATIEUREN}
        return _(
            "U volgt de Z-route (zelfredzaamheidsroute): ten minste %(taal)s uur Nederlands. "
            "U werkt toe naar taalniveau A1."
        ) % {"taal": settings.Z_ROUTE_TAALUREN}
    if pip.leerroute == Leerroute.ONDERWIJS:
        return _(
            "U volgt de onderwijsroute: een taalschakeltraject van ongeveer 1000 uur Nederlands en 500 uur andere "
            "vakken, op niveau %(niveau)s of hoger, als voorbereiding op een opleiding in het mbo, hbo of wo."
        ) % {"niveau": pip.niveau_effectief}
    return _("U volgt de %(route)s. U werkt toe naar taalniveau %(niveau)s.") % {
        "route": pip.get_leerroute_display(),
        "niveau": pip.niveau_effectief,
    }


def _examens(pip: Pip) -> str:
    """The exams of the leerroute (docs/wet-inburgering.md, leerroutes): only the B1-route ends in exams."""
    if pip.leerroute == Leerroute.Z:
        return _("De Z-route heeft geen examens. U rondt de route af met een eindgesprek bij de gemeente.")
    if pip.leerroute == Leerroute.ONDERWIJS:
        return _("De onderwijsroute heeft geen inburgeringsexamens. U rondt de route af met het taalschakeltraject.")
    # DUO's partial vrijstelling or ontheffing: those parts are not asked (docs/wet-inburgering.md).
    vrijgesteld = set(pip.inburgeraar.vrijgestelde_codes)
    taal = [naam for code, naam in TAALEXAMENS if code not in vrijgesteld]
    zinnen = []
    if taal:
        zinnen.append(
            _("U doet de examens %(onderdelen)s op niveau %(niveau)s.")
            % {"onderdelen": opsomming(taal), "niveau": pip.niveau_effectief}
        )
    if weg := [naam for code, naam in TAALEXAMENS if code in vrijgesteld]:
        zinnen.append(
            _("Voor %(onderdelen)s heeft u vrijstelling of ontheffing van DUO: die examens hoeft u niet te doen.")
            % {"onderdelen": opsomming(weg)}
        )
    if not pip.met_knm:
        zinnen.append(_("U hoeft geen examen Kennis van de Nederlandse Maatschappij (KNM) te doen."))
    elif "KNM" in vrijgesteld:
        zinnen.append(
            _(
                "Voor het examen Kennis van de Nederlandse Maatschappij (KNM) heeft u vrijstelling of ontheffing "
                "van DUO: dat examen hoeft u niet te doen."
            )
        )
    else:
        zinnen.append(_("U doet ook het examen Kennis van de Nederlandse Maatschappij (KNM)."))
    return " ".join(zinnen)


# DUO's codes of the language exams and how the letter names them, in the letter's order.
TAALEXAMENS = [("LE", _l("lezen")), ("LU", _l("luisteren")), ("SC", _l("schrijven")), ("SP", _l("spreken"))]


def opsomming(delen) -> str:
    """'lezen, luisteren en spreken'."""
    delen = [str(d) for d in delen]
    if len(delen) == 1:
        return delen[0]
    return _("%(eerste)s en %(laatste)s") % {"eerste": ", ".join(delen[:-1]), "laatste": delen[-1]}


def _map(pip: Pip) -> str:
    if pip.leerroute == Leerroute.ONDERWIJS:
        return _(
            "De MAP geldt niet voor u: wie de onderwijsroute volgt, is vrijgesteld van de MAP. In de opleiding "
            "maakt u al kennis met de arbeidsmarkt."
        )
    return pip.map_intensiteit or pip.inburgeraar.gemeente.standaardaanbod_map


def _ontzorgen(pip: Pip) -> str:
    if not pip.ontzorgen:
        return _("De gemeente betaalt uw vaste lasten niet voor u. U doet dit zelf.")
    maanden = max(pip.ontzorgen_maanden or 0, settings.ONTZORGEN_MINIMALE_MAANDEN)
    start = pip.inburgeraar.datum_start_bijstand
    if start is None:  # only in a concept: vaststellen needs the start of the bijstand
        return _(
            "De gemeente betaalt uw vaste lasten voor u vanaf de dag dat uw bijstand ingaat, ten minste %(maanden)s "
            "maanden."
        ) % {"maanden": maanden}
    return _(
        "De gemeente betaalt uw vaste lasten voor u vanaf %(start)s, de dag dat uw bijstand ingaat. Dit duurt ten "
        "minste %(maanden)s maanden, dus tot ten minste %(einde)s. Daarna leert u stap voor stap zelf te betalen."
    ) % {
        "start": date_format(start, "j F Y"),
        "maanden": maanden,
        "einde": date_format(start + relativedelta(months=maanden), "j F Y"),
    }


def _dualiteit(pip: Pip) -> str:
    if not pip.dualiteit:
        return _("Er zijn geen afspraken over taal combineren met werk, vrijwilligerswerk of studie.")
    tekst = _("U combineert taal met %(wat)s.") % {"wat": pip.get_dualiteit_display().lower()}
    if pip.dualiteit_uren_per_week:
        tekst = _("U combineert taal met %(wat)s, %(uren)s uur per week.") % {
            "wat": pip.get_dualiteit_display().lower(),
            "uren": pip.dualiteit_uren_per_week,
        }
    return f"{tekst} {pip.dualiteit_afspraken}".strip()


def inhoud_in_gewone_taal(pip: Pip) -> list[tuple[str, str]]:
    """Every part of Wi2021 art. 15 as a heading and a sentence the inburgeraar understands."""
    regels = [
        (_("Leerroute"), _leerroute(pip)),
        (_("Examens"), _examens(pip)),
        (
            _("Alfabetisering"),
            _("Alfabetiseringsonderwijs: %(soort)s.") % {"soort": pip.get_alfabetisering_display().lower()},
        ),
    ]
    if pip.mag_opleiding_afmaken:
        regels.append((_("Opleiding"), _("U mag uw huidige opleiding eerst afmaken. Daarna start uw leerroute.")))
    if pip.geschatte_intensiteit_b1:
        regels.append(
            (
                _("Geschatte intensiteit"),
                _("Wij schatten dat u ongeveer %(uren)s uur taalles en KNM nodig heeft.")
                % {"uren": pip.geschatte_intensiteit_b1},
            )
        )
    regels += [
        (_("Looptijd"), _("Dit plan loopt %(maanden)s maanden.") % {"maanden": pip.looptijd_maanden}),
        (_("MAP (Module Arbeidsmarkt en Participatie)"), _map(pip)),
        (
            _("PVT (Participatieverklaringstraject)"),
            pip.pvt_intensiteit or pip.inburgeraar.gemeente.standaardaanbod_pvt,
        ),
    ]
    if pip.inburgeraar.is_asielstatushouder:
        regels += [
            (_("Financieel ontzorgen"), _ontzorgen(pip)),
            (
                _("Maatschappelijke begeleiding"),
                pip.maatschappelijke_begeleiding or _("Geen maatschappelijke begeleiding afgesproken."),
            ),
        ]
    else:
        regels.append(
            (
                _("Financieel ontzorgen en maatschappelijke begeleiding"),
                _(
                    "De gemeente biedt financieel ontzorgen en maatschappelijke begeleiding alleen aan "
                    "asielstatushouders."
                ),
            )
        )
    regels += [
        (
            _("Voortgangsgesprekken"),
            _("Wij spreken u minstens elke %(maanden)s maanden over hoe het gaat.")
            % {"maanden": pip.voortgangsgesprek_maanden}
            + (f" {pip.voortgang_toelichting}" if pip.voortgang_toelichting else ""),
        ),
        (_("Taal combineren met werk, vrijwilligerswerk of studie"), _dualiteit(pip)),
        (_("Kinderopvang"), pip.kinderopvang or _("Niet nodig.")),
        (_("Vervoer"), pip.vervoer or _("Niet nodig.")),
    ]
    if pip.bijstand:
        regels.append(
            (
                _("Verplichtingen uit de Participatiewet"),
                pip.participatiewet_verplichtingen
                or _("U heeft bijstand. De verplichtingen uit uw bijstandsbesluit blijven gelden."),
            )
        )
    return regels


def waarde(pip: Pip, veld: str) -> str:
    """A field's value as the page shows it, for the comparison between versions."""
    inhoud = getattr(pip, veld)
    if isinstance(inhoud, bool):
        return ja_nee(inhoud)
    if veld == "niveau":
        return pip.niveau_effectief or _("geen")
    display = getattr(pip, f"get_{veld}_display", None)
    if display is not None:
        return str(display()) or "—"
    return "—" if inhoud in (None, "") else str(inhoud)


def verschillen(vorige: Pip, huidige: Pip) -> list[tuple[str, str, str]]:
    """What changed between two versions: (label, old, new) per field of art. 15."""
    return [
        (str(Pip._meta.get_field(veld).verbose_name), waarde(vorige, veld), waarde(huidige, veld))
        for veld in INHOUD
        if waarde(vorige, veld) != waarde(huidige, veld)
    ]
