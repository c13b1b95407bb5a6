"""What the other apps register, stored as they store it; their own rules are tested in their own folders."""

import datetime
from decimal import Decimal

from leerroutes.models import Activiteit, Deelname, Groep, Inburgeringsaanbod, Sessie
from ontzorgen.models import Dienst, Ontzorging, Urenregistratie, Verwijzing


def aanbod(dossier, aanbieder, leerroute="B", datum=datetime.date(2026, 1, 10), **anders):
    return Inburgeringsaanbod.objects.create(
        inburgeraar=dossier, aanbieder=aanbieder, leerroute=leerroute, datum_aanbod=datum, **anders
    )


def deelname(dossier, tot, lesuren, *, knm=0, aanbieder=None):
    return Deelname.objects.create(
        inburgeraar=dossier,
        aanbieder=aanbieder,
        periode_van=tot - datetime.timedelta(days=6),
        periode_tot=tot,
        lesuren=lesuren,
        knm_uren=knm,
    )


def activiteit(dossier, datum, soort="map_les", *, aanbieder=None, uren=3):
    sessie = None
    if aanbieder:
        groep = Groep.objects.create(naam=f"Groep {soort}", onderdeel=soort[:3], aanbieder=aanbieder)
        sessie = Sessie.objects.create(groep=groep, datum=datum, soort=soort, uren=uren)
    return Activiteit.objects.create(inburgeraar=dossier, soort=soort, datum=datum, uren=uren, sessie=sessie)


def ontzorging(dossier, start, gepland, einde=None):
    return Ontzorging.objects.create(
        inburgeraar=dossier, startdatum=start, geplande_einddatum=gepland, einddatum=einde, leefgeld=Decimal(60)
    )


def uren(dossier, team, begeleider, datum, aantal, status=Urenregistratie.Status.GOEDGEKEURD):
    verwijzing = Verwijzing.objects.create(
        inburgeraar=dossier, team=team, dienst=Dienst.MAATSCHAPPELIJKE_BEGELEIDING, startdatum=datum
    )
    return Urenregistratie.objects.create(
        inburgeraar=dossier,
        verwijzing=verwijzing,
        begeleider=begeleider,
        datum=datum,
        uren=Decimal(aantal),
        soort="praktische_zaken",
        status=status,
    )
