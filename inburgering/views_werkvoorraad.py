"""The werkvoorraad: the regisseur's start page, and the teamleider's view of it per regisseur."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from . import werkvoorraad as register
from .models import Team, User
from .rollen import CASUSREGISSEUR, TEAMLEIDER, heeft_rol
from .toegang import recht_nodig


def _regisseurs_van_team(teamleider):
    teams = Team.objects.filter(groep__user=teamleider)
    return (
        User.objects.filter(groups__team__in=teams)
        .filter(groups__name=CASUSREGISSEUR)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def werkvoorraad(request):
    """A regisseur sees their own work; a teamleider a table per regisseur of the team, and the lists
    of one regisseur when they pick one (?regisseur=id)."""
    user = request.user
    context = {"regisseur": user, "tabel": None, "blokken": None}
    if heeft_rol(user, TEAMLEIDER):
        regisseurs = list(_regisseurs_van_team(user))
        context["posten"] = register.posten()
        tellingen = register.per_regisseur(user)
        context["tabel"] = [
            (regisseur, [tellingen[post.sleutel].get(regisseur.pk, 0) for post in context["posten"]])
            for regisseur in regisseurs
        ]
        context["niet_toegewezen"] = [tellingen[post.sleutel].get(None, 0) for post in context["posten"]]
        gekozen = request.GET.get("regisseur")
        if not gekozen:
            return render(request, "inburgering/werkvoorraad.html", context)
        context["regisseur"] = next((r for r in regisseurs if str(r.pk) == gekozen), None)
        if context["regisseur"] is None:
            raise Http404
    context["blokken"] = register.voor_regisseur(user, context["regisseur"])
    return render(request, "inburgering/werkvoorraad.html", context)


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def werkvoorraad_teller(request):
    """The menu's badge, fetched after the page (htmx) so no page pays for it."""
    return render(request, "inburgering/_werkvoorraad_teller.html", {"aantal": register.totaal(request.user)})
