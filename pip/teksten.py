"""The PIP's content in plain Dutch (B1), for the beschikking and the PIP page alike."""

from django.utils.translation import gettext as _

from .models import INHOUD, Leerroute, Pip


def ja_nee(waarde: bool) -> str:
    return _("ja") if waarde else _("nee")


def inhoud_in_gewone_taal(pip: Pip) -> list[tuple[str, str]]:
    """Every part of Wi2021 art. 15 as a heading and a sentence the inburgeraar understands."""
    route = pip.get_leerroute_display()
    if pip.leerroute == Leerroute.Z:
        leerroute = _("U volgt de Z-route (zelfredzaamheidsroute). Deze route heeft geen examenniveau.")
    else:
        leerroute = _("U volgt de %(route)s. U werkt toe naar taalniveau %(niveau)s.") % {
            "route": route,
            "niveau": pip.niveau_effectief,
        }
    knm = (
        _("U doet ook het examen Kennis van de Nederlandse Maatschappij (KNM).")
        if pip.met_knm
        else _("U hoeft geen examen Kennis van de Nederlandse Maatschappij (KNM) te doen.")
    )
    regels = [
        (_("Leerroute"), f"{leerroute} {knm}"),
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
        (_("MAP (Module Arbeidsmarkt en Participatie)"), pip.map_intensiteit or _("Niet van toepassing.")),
        (_("PVT (Participatieverklaringstraject)"), pip.pvt_intensiteit or _("Zoals de gemeente het aanbiedt.")),
    ]
    if pip.ontzorgen:
        ontzorgen = _("De gemeente betaalt uw vaste lasten de eerste %(maanden)s maanden voor u.") % {
            "maanden": pip.ontzorgen_maanden or "?"
        }
    else:
        ontzorgen = _("De gemeente betaalt uw vaste lasten niet voor u. U doet dit zelf.")
    regels += [
        (_("Financieel ontzorgen"), ontzorgen),
        (_("Begeleiding"), pip.maatschappelijke_begeleiding or _("Geen maatschappelijke begeleiding afgesproken.")),
        (
            _("Voortgangsgesprekken"),
            _("Wij spreken u minstens elke %(maanden)s maanden over hoe het gaat.")
            % {"maanden": pip.voortgangsgesprek_maanden}
            + (f" {pip.voortgang_toelichting}" if pip.voortgang_toelichting else ""),
        ),
    ]
    if pip.dualiteit:
        dualiteit = _("U combineert taal met %(wat)s, %(uren)s uur per week.") % {
            "wat": pip.get_dualiteit_display().lower(),
            "uren": pip.dualiteit_uren_per_week or "?",
        }
        if pip.dualiteit_afspraken:
            dualiteit += f" {pip.dualiteit_afspraken}"
    else:
        dualiteit = _("Er zijn geen afspraken over taal combineren met werk, vrijwilligerswerk of studie.")
    regels += [
        (_("Taal combineren met werk, vrijwilligerswerk of studie"), dualiteit),
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
