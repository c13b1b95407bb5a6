"""The indicators the dossier's own milestone fields answer; registered by the core's AppConfig.

All of them come from two queries on the dossiers (one grouped, one for the medians' total), run once
per request however many rows use them.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils.translation import gettext_lazy as _

from ..fasen import Fase, RedenAfronding, Uitstroom
from ..leerroute import Leerroute
from ..models import Regime, Termijn
from ..termijnen import EINDFASEN, PIP_VASTSTELLING_WEKEN, Soort
from .register import Onderwerp, registreer
from .rijen import aantal, mediaan, percentage
from .selectie import Dagen


def _pip_start():
    """The PIP's 10 weeks run from the later of DUO's kennisgeving and the vestiging (termijnen.py)."""
    return Coalesce(
        Greatest("datum_kennisgeving", "datum_vestiging"), "datum_kennisgeving", "datum_vestiging", "datum_koppeling"
    )


def _pip_op_tijd():
    """The first PIP dated on or before its legal deadline as the termijnen keep it: 10 weeks (or 2 after third
    parties' information), a pause of DUO's added, run on to the next working day by the Algemene termijnenwet
    (docs/wet-inburgering.md). A dossier whose deadlines were never computed falls back to the 10 weeks."""
    termijn = Termijn.objects.filter(inburgeraar=OuterRef("pk"), soort=Soort.PIP_VASTSTELLING)
    return Exists(termijn.filter(uiterste_datum__gte=OuterRef("datum_eerste_pip"))) | (
        ~Exists(termijn) & Q(pip_dagen__lte=PIP_VASTSTELLING_WEKEN * 7)
    )


def _voortgang_te_laat(peildatum):
    return Exists(
        Termijn.objects.filter(
            inburgeraar=OuterRef("pk"),
            soort=Soort.VOORTGANGSGESPREK,
            voldaan_op__isnull=True,
            uiterste_datum__lt=peildatum,
        )
    )


def _tel(selectie):
    dossiers = selectie.dossiers().alias(pip_dagen=Dagen("datum_eerste_pip", _pip_start()))
    periode = selectie.in_periode
    einde = periode("datum_einde")
    peildatum = selectie.peildatum or selectie.tot
    uitvoering = Q(fase=Fase.UITVOERING)
    tellingen = {
        "instroom": Count("pk", filter=periode("datum_koppeling")),
        "intake": Count("pk", filter=periode("datum_eerste_intakegesprek")),
        "pip": Count("pk", filter=periode("datum_eerste_pip")),
        "pip_10_weken": Count("pk", filter=periode("datum_eerste_pip") & _pip_op_tijd()),
        "map": Count("pk", filter=periode("datum_map_afgerond")),
        "pvt": Count("pk", filter=periode("datum_pvt_afgerond")),
        "ontzorgen_gestart": Count("pk", filter=periode("datum_start_ontzorgen")),
        "ontzorgen_actief": Count(
            "pk",
            filter=Q(datum_start_ontzorgen__lte=selectie.tot)
            & (Q(datum_einde_ontzorgen__isnull=True) | Q(datum_einde_ontzorgen__gte=selectie.van)),
        ),
        "uitvoering": Count("pk", filter=uitvoering),
        **{
            f"lopend_{regime}": Count("pk", filter=Q(regime=regime) & ~Q(fase__in=EINDFASEN))
            for regime in Regime.values
        },
        "instroom_wi2013": Count("pk", filter=periode("datum_koppeling") & Q(regime=Regime.WI2013)),
        "voortgang_op_tijd": Count("pk", filter=uitvoering & ~Q(_voortgang_te_laat(peildatum))),
        **{f"route_{route}": Count("pk", filter=uitvoering & Q(leerroute=route)) for route in Leerroute.values},
        "afgerond": Count("pk", filter=einde & Q(fase=Fase.AFGEROND)),
        "uitgeschreven": Count("pk", filter=einde & Q(fase=Fase.UITGESCHREVEN)),
        "beeindigd": Count("pk", filter=einde),
        **{
            f"afgerond_{reden}": Count("pk", filter=einde & Q(fase=Fase.AFGEROND, reden_afronding=reden))
            for reden in RedenAfronding.values
        },
        **{f"uitstroom_{soort}": Count("pk", filter=einde & Q(uitstroom=soort)) for soort in Uitstroom.values},
    }
    medianen = {
        "dagen_intake": (
            Dagen("datum_eerste_intakegesprek", "datum_koppeling"),
            periode("datum_eerste_intakegesprek"),
        ),
        "dagen_pip": (Dagen("datum_eerste_pip", "datum_koppeling"), periode("datum_eerste_pip")),
    }
    return selectie.per_groep(dossiers, medianen=medianen, **tellingen)


def _tellingen(selectie):
    # Every core indicator of one request shares the same two queries.
    return selectie.onthoud("kern", lambda: _tel(selectie))


@registreer("instroom", onderwerp=Onderwerp.INSTROOM, volgorde=10)
def instroom(selectie):
    data = _tellingen(selectie)
    return [
        aantal(_("Instroom (koppeling of aanmelding)"), data, "instroom"),
        aantal(_("Brede intake gestart"), data, "intake", _("Eerste intakegesprek in de periode.")),
        mediaan(
            _("Dagen van koppeling tot eerste intakegesprek (mediaan)"),
            data,
            "dagen_intake",
            "intake",
        ),
    ]


@registreer("regime", onderwerp=Onderwerp.INSTROOM, volgorde=20)
def regime(selectie):
    """The ondertussen-groep apart: dossiers the gemeente follows under the Wet inburgering 2013 (no PIP)."""
    data = _tellingen(selectie)
    return [
        aantal(_("Lopende dossiers Wi2021"), data, f"lopend_{Regime.WI2021}", _("Stand van nu.")),
        aantal(
            _("Lopende dossiers Wi2013 (ondertussen-groep)"),
            data,
            f"lopend_{Regime.WI2013}",
            _("Stand van nu. Overgangsrecht: geen PIP, de inburgeringstermijn is die van DUO."),
        ),
        aantal(_("Instroom onder de Wi2013"), data, "instroom_wi2013", _("Koppeling of aanmelding in de periode.")),
    ]


@registreer("pip", onderwerp=Onderwerp.PIP, volgorde=10)
def pip(selectie):
    data = _tellingen(selectie)
    return [
        aantal(_("Eerste PIP vastgesteld"), data, "pip", geheel="pip"),
        percentage(
            _("PIP binnen 10 weken"),
            data,
            "pip_10_weken",
            "pip",
            _(
                "Dagtekening uiterlijk 10 weken na de kennisgeving of de vestiging, de laatste van de twee; "
                "eindigt die termijn in een weekend of op een feestdag, dan de eerstvolgende werkdag."
            ),
        ),
        mediaan(_("Dagen van koppeling tot eerste PIP (mediaan)"), data, "dagen_pip", "pip"),
    ]


@registreer("leerroute_mix", onderwerp=Onderwerp.LEERROUTES, volgorde=5)
def leerroute_mix(selectie):
    """The leerroute mix now: dossiers in uitvoering by the leerroute of their current PIP. Together they make up
    the dossiers in uitvoering (but for a Wi2013 dossier, which has no leerroute), so they are its parts."""
    data = _tellingen(selectie)
    return [
        aantal(
            _("In uitvoering: %(route)s") % {"route": route.label},
            data,
            f"route_{route.value}",
            _("Stand van nu."),
            deel_van="uitvoering",
        )
        for route in Leerroute
    ]


@registreer("map_pvt", onderwerp=Onderwerp.MAP_PVT, volgorde=10)
def map_pvt(selectie):
    data = _tellingen(selectie)
    return [
        aantal(_("MAP afgerond"), data, "map"),
        aantal(_("PVT afgerond"), data, "pvt"),
    ]


@registreer("ontzorgen", onderwerp=Onderwerp.ONTZORGEN, volgorde=10)
def ontzorgen(selectie):
    data = _tellingen(selectie)
    return [
        aantal(_("Financieel ontzorgen gestart"), data, "ontzorgen_gestart"),
        aantal(_("Financieel ontzorgen actief"), data, "ontzorgen_actief", _("Ergens in de periode ontzorgd.")),
    ]


@registreer("voortgang", onderwerp=Onderwerp.VOORTGANG, volgorde=10)
def voortgang(selectie):
    data = _tellingen(selectie)
    return [
        aantal(_("Dossiers in uitvoering"), data, "uitvoering", _("Stand van nu."), geheel="uitvoering"),
        percentage(
            _("Voortgangsgesprek op tijd"),
            data,
            "voortgang_op_tijd",
            "uitvoering",
            _("Dossiers in uitvoering zonder verstreken voortgangsgesprek op de einddatum van de periode."),
        ),
    ]


@registreer("afronding", onderwerp=Onderwerp.UITSTROOM, volgorde=10)
def afronding(selectie):
    data = _tellingen(selectie)
    return [
        aantal(_("Dossiers afgerond"), data, "afgerond", geheel="afgerond"),
        *[
            aantal(_("Afgerond: %(reden)s") % {"reden": r.label}, data, f"afgerond_{r.value}", deel_van="afgerond")
            for r in RedenAfronding
        ],
        aantal(_("Uitgeschreven (verhuisd, vertrokken, overleden)"), data, "uitgeschreven"),
        aantal(
            _("Uitstroom naar betaald werk"), data, f"uitstroom_{Uitstroom.WERK}", _("Bij afronden of uitschrijven.")
        ),
        aantal(
            _("Uitstroom naar een reguliere opleiding"),
            data,
            f"uitstroom_{Uitstroom.OPLEIDING}",
            _("Bij afronden of uitschrijven."),
        ),
    ]
