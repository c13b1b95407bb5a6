"""The cost report as XLSX (openpyxl write-only, numbers as numbers, amounts in euro), with the same cells as the
screen."""

import tempfile
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.rapportage.export import XLSX
from inburgering.rapportage.onderdrukking import ONDERDRUKT

EURO = '"€" #,##0.00'


def xlsx_response(gemeente, jaar, regels) -> FileResponse:
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(_("Kosten per voorziening"))
    blad.append([_("Gemeente"), gemeente.naam])
    blad.append([_("Jaar"), jaar])
    blad.append([ONDERDRUKT, _("Personen: 1 tot en met 4.")])
    blad.append([])
    blad.append(
        [
            _("Voorziening"),
            _("Eenheid"),
            _("Hoeveelheid"),
            _("Personen"),
            _("Volgens contractprijs"),
            _("Met de hand geboekt"),
            _("Bedrag"),
            _("Zonder contractprijs"),
        ]
    )
    for regel in regels:
        blad.append(
            [
                regel.voorziening,
                regel.eenheid,
                _getal(blad, regel.hoeveelheid, "#,##0" if regel.hoeveelheid == int(regel.hoeveelheid) else "#,##0.00"),
                regel.personen_tekst if regel.personen is None else regel.personen,
                _getal(blad, regel.contractbedrag, EURO),
                _getal(blad, regel.handmatig, EURO),
                _getal(blad, regel.bedrag, EURO),
                regel.zonder_prijs,
            ]
        )
    totaal = [sum((getattr(r, veld) for r in regels), Decimal(0)) for veld in ("contractbedrag", "handmatig", "bedrag")]
    blad.append([_("Totaal"), "", "", "", *[_getal(blad, bedrag, EURO) for bedrag in totaal], ""])
    bestand = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it when sent)
    werkboek.save(bestand)
    bestand.seek(0)
    naam = f"kosten-inburgering-{gemeente.naam.lower().replace(' ', '-')}-{jaar}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return FileResponse(bestand, as_attachment=True, filename=naam, content_type=XLSX)


def _getal(blad, waarde, formaat):
    cel = WriteOnlyCell(blad, value=float(waarde))
    cel.number_format = formaat
    return cel
