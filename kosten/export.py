"""The cost report as XLSX (openpyxl write-only, numbers as numbers), with the same suppressed cells as the screen."""

import tempfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering.rapportage.export import XLSX


def xlsx_response(gemeente, jaar, regels) -> FileResponse:
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(_("Kosten per voorziening"))
    blad.append([_("Gemeente"), gemeente.naam])
    blad.append([_("Jaar"), jaar])
    blad.append([_("Personen: aantallen van 1 tot en met 4 staan als <5.")])
    blad.append([])
    blad.append(
        [_("Voorziening"), _("Eenheid"), _("Hoeveelheid"), _("Personen"), _("Bedrag (€)"), _("Zonder contractprijs")]
    )
    for regel in regels:
        blad.append(
            [
                regel.voorziening,
                regel.eenheid,
                _getal(blad, regel.hoeveelheid, "0.##"),
                regel.personen_tekst if regel.personen is None else regel.personen,
                _getal(blad, regel.bedrag, "#,##0.00"),
                regel.zonder_prijs,
            ]
        )
    blad.append([_("Totaal"), "", "", "", _getal(blad, sum(r.bedrag for r in regels), "#,##0.00"), ""])
    bestand = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it when sent)
    werkboek.save(bestand)
    bestand.seek(0)
    naam = f"kosten-inburgering-{gemeente.naam.lower().replace(' ', '-')}-{jaar}-{timezone.localdate():%Y-%m-%d}.xlsx"
    return FileResponse(bestand, as_attachment=True, filename=naam, content_type=XLSX)


def _getal(blad, waarde, formaat):
    cel = WriteOnlyCell(blad, value=float(waarde))
    cel.number_format = formaat
    return cel
