"""CSV and XLSX of the dashboard, with the same suppressed cells as the screen.

CSV streams row by row (StreamingHttpResponse over a generator): the indicators' queries run once the
heading is on its way, all of them together, as suppression reads every row at once. XLSX comes from
openpyxl in write-only mode, saved to an anonymous temporary file (openpyxl cannot write to a socket) and
streamed from there with FileResponse. Both start with the legend of the signs of hidden cells.
"""

import csv
import tempfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from inburgering import opmaak

from .onderdrukking import AFGESCHERMD, ONDERDRUKT
from .rijen import KOLOMMEN, PERCENTAGE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Regel:
    """csv.writer writes into this and gets the line back, so nothing accumulates."""

    def write(self, tekst):
        return tekst


def _kop(form) -> list[list[str]]:
    data = form.cleaned_data
    return [
        [_("Gebied"), form.gebied_naam()],
        [_("Periode"), f"{opmaak.datum(data['van'])} t/m {opmaak.datum(data['tot'])}"],
        [_("Cohort"), str(data["cohort"] or _("Alle cohorten"))],
        *[[teken, uitleg] for teken, uitleg in legenda()],
        [],
        [_("Onderwerp"), _("Indicator"), *[str(label) for _kolom, label in KOLOMMEN]],
    ]


def legenda() -> list[tuple[str, str]]:
    """The signs of suppressed cells and what they mean: the same words under the screen's tables."""
    return [
        (ONDERDRUKT, _("1 tot en met 4 personen.")),
        (
            AFGESCHERMD,
            _(
                "Niet getoond: het percentage, de mediaan of de som rust op 1 tot en met 4 personen, of het getal is "
                "verborgen zodat een ander verborgen getal niet uit de totalen is terug te rekenen."
            ),
        ),
    ]


def _bestandsnaam(extensie: str) -> str:
    return f"rapportage-inburgering-{timezone.localdate():%Y-%m-%d}.{extensie}"


def csv_response(form, rijen) -> StreamingHttpResponse:
    """`rijen` is called once the heading is written: it returns the suppressed rows."""
    schrijver = csv.writer(_Regel(), delimiter=";")

    def regels():
        yield "\ufeff"  # BOM: Excel then reads the file as UTF-8
        for kop in _kop(form):
            yield schrijver.writerow(kop)
        for rij in rijen():
            yield schrijver.writerow([rij.onderwerp, rij.naam, *[cel.tekst for cel in rij.cellen]])

    response = StreamingHttpResponse(regels(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_bestandsnaam("csv")}"'
    return response


def xlsx_response(form, rijen) -> FileResponse:
    werkboek = Workbook(write_only=True)
    blad = werkboek.create_sheet(_("Indicatoren"))
    for kop in _kop(form):
        blad.append(kop)
    for rij in rijen():
        blad.append([rij.onderwerp, rij.naam, *[_xlsx_cel(blad, rij, cel) for cel in rij.cellen]])
    bestand = tempfile.TemporaryFile()  # noqa: SIM115  (FileResponse closes it when sent)
    werkboek.save(bestand)
    bestand.seek(0)
    return FileResponse(bestand, as_attachment=True, filename=_bestandsnaam("xlsx"), content_type=XLSX)


def _xlsx_cel(blad, rij, cel):
    if cel.getal is None:
        return cel.tekst
    waarde = WriteOnlyCell(blad, value=cel.getal)
    if rij.soort == PERCENTAGE:
        waarde.number_format = "0%"
    return waarde
