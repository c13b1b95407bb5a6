"""The dossier workspace's own sections besides the overview: its documents and its tijdlijn."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import dossier_documenten
from .toegang import open_dossier, recht_nodig


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def documenten(request, pk):
    """Every letter and PDF of the dossier that the apps make, newest first."""
    inburgeraar = open_dossier(request, pk)
    return render(
        request,
        "inburgering/dossier_documenten.html",
        {"inburgeraar": inburgeraar, "documenten": dossier_documenten.voor(request.user, inburgeraar)},
    )


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def tijdlijn(request, pk):
    inburgeraar = open_dossier(request, pk)
    return render(
        request,
        "inburgering/dossier_tijdlijn.html",
        {"inburgeraar": inburgeraar, "tijdlijn": inburgeraar.tijdlijn.select_related("actor", "gemeente")[:500]},
    )
