"""The intake's papers in the dossier's document list: the summary and the letters after a no-show."""

from django.urls import reverse
from django.utils.translation import gettext as _

from inburgering import opmaak
from inburgering.dossier_documenten import Document

from .models import BredeIntake, NietVerschenen


def documenten(inburgeraar) -> list[Document]:
    intake = BredeIntake.objects.filter(inburgeraar=inburgeraar).first()
    if intake is None:
        return []
    lijst = [
        Document(
            _("Samenvatting brede intake"),
            _("Overzicht"),
            intake.afgerond_op or intake.gestart_op,
            reverse("intake:intake_samenvatting", args=[inburgeraar.pk]),
        )
    ]
    for gemist in NietVerschenen.objects.filter(intake=intake, geldige_reden=False):
        titel = _("Brief na niet verschijnen op %(datum)s") % {"datum": opmaak.datum(gemist.datum)}
        url = reverse("intake:intake_brief", args=[inburgeraar.pk, gemist.pk])
        lijst.append(Document(titel, _("Brief"), gemist.datum, url))
    return lijst
