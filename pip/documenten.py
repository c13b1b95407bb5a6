"""The PIP's papers in the dossier's document list: beschikkingen of the PIP and of handhaving."""

from django.urls import reverse
from django.utils.translation import gettext as _

from inburgering.dossier_documenten import Document

from .models import Handhaving, Pip


def documenten(inburgeraar) -> list[Document]:
    lijst = []
    for pip in Pip.objects.filter(inburgeraar=inburgeraar).order_by("versie"):
        if pip.is_concept:
            titel = _("Concept-PIP versie %(versie)s (voorbeeld)") % {"versie": pip.versie}
            lijst.append(Document(titel, _("Concept"), None, reverse("pip:pip_voorbeeld", args=[inburgeraar.pk])))
        else:
            # Listed once vastgesteld, also while a batch's PDF is still to be rendered: the download
            # renders it then.
            titel = _("Beschikking PIP versie %(versie)s (%(kenmerk)s)") % {
                "versie": pip.versie,
                "kenmerk": pip.kenmerk,
            }
            url = reverse("pip:pip_download", args=[inburgeraar.pk, pip.versie])
            lijst.append(Document(titel, _("Beschikking"), pip.dagtekening, url))
    for besluit in Handhaving.objects.filter(inburgeraar=inburgeraar):
        url = reverse("pip:pip_handhaving_download", args=[inburgeraar.pk, besluit.pk])
        if besluit.pdf:
            lijst.append(
                Document(
                    _("Beschikking %(besluit)s") % {"besluit": besluit}, _("Beschikking"), besluit.dagtekening, url
                )
            )
        if besluit.intrekking_pdf:
            titel = _("Intrekking van %(besluit)s") % {"besluit": besluit}
            lijst.append(Document(titel, _("Beschikking"), besluit.ingetrokken_op, f"{url}?brief=intrekking"))
    return lijst
