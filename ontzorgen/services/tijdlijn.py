"""The tijdlijn soorten of ontzorgen (Gebeurtenis.soort has no choices on purpose), and how its texts
write dates and hours."""

from inburgering import opmaak

VERWEZEN = "verwezen"
VERWIJZING_BEEINDIGD = "verwijzing_beeindigd"
BIJSTAND_GESTART = "bijstand_gestart"
BIJSTAND_BEEINDIGD = "bijstand_beeindigd"
ONTZORGING_GESTART = "ontzorging_gestart"
ONTZORGING_VERLENGD = "ontzorging_verlengd"
ONTZORGING_BEEINDIGD = "ontzorging_beeindigd"
UREN_GEREGISTREERD = "uren_geregistreerd"
UREN_GOEDGEKEURD = "uren_goedgekeurd"
UREN_GECORRIGEERD = "uren_gecorrigeerd"
MELDING = "melding"
MELDING_AFGEHANDELD = "melding_afgehandeld"


def datum_tekst(datum) -> str:
    return opmaak.datum(datum)


def uren_tekst(uren) -> str:
    return f"{uren.normalize():f}".replace(".", ",")
