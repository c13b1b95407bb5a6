"""The werkvoorraad: the regisseur's start page, the whole list of each block, and the teamleider's view
of it per regisseur."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from . import werkvoorraad as register
from .models import Team, User
from .paginering import BegrensdePaginator
from .permissions import rechten_eenmaal_gelezen
from .rollen import CASUSREGISSEUR, TEAMLEIDER, heeft_rol
from .toegang import recht_nodig

OP_PAGINA = 50


def _regisseurs_van_team(teamleider):
    teams = Team.objects.filter(groep__user=teamleider)
    return (
        User.objects.filter(groups__team__in=teams)
        .filter(groups__name=CASUSREGISSEUR)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def _gekozen_regisseur(request, regisseurs):
    """?regisseur=id: one of the team's regisseurs for a teamleider, the user themself for anyone; else 404."""
    gekozen = request.GET.get("regisseur")
    if not gekozen or gekozen == str(request.user.pk):
        return request.user
    regisseur = next((r for r in regisseurs if str(r.pk) == gekozen), None)
    if regisseur is None:
        raise Http404
    return regisseur


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def werkvoorraad(request):
    """A regisseur sees their own work; a teamleider a table per regisseur of the team, and the lists
    of one regisseur when they pick one (?regisseur=id)."""
    user = request.user
    context = {"regisseur": user, "tabel": None, "blokken": None}
    regisseurs = []
    if heeft_rol(user, TEAMLEIDER):
        regisseurs = list(_regisseurs_van_team(user))
        context["posten"] = register.posten()
        tellingen = register.per_regisseur(user)
        context["tabel"] = [
            (regisseur, [tellingen[post.sleutel].get(regisseur.pk, 0) for post in context["posten"]])
            for regisseur in regisseurs
        ]
        context["niet_toegewezen"] = [tellingen[post.sleutel].get(None, 0) for post in context["posten"]]
        if not request.GET.get("regisseur"):
            return render(request, "inburgering/werkvoorraad.html", context)
    context["regisseur"] = _gekozen_regisseur(request, regisseurs)
    context["blokken"] = register.voor_regisseur(user, context["regisseur"])
    return render(request, "inburgering/werkvoorraad.html", context)


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def werkvoorraad_lijst(request, sleutel):
    """Every item of one block, the same rows the block counts, paged."""
    post = register.post(sleutel)
    if post is None or post.lijst_url:
        raise Http404
    regisseurs = list(_regisseurs_van_team(request.user)) if heeft_rol(request.user, TEAMLEIDER) else []
    regisseur = _gekozen_regisseur(request, regisseurs)
    with rechten_eenmaal_gelezen():
        qs = post.van_regisseur(request.user, regisseur)
        if post.signaalblok:
            qs = qs.select_related("termijn__inburgeraar__gemeente", "termijn__inburgeraar__regisseur", "inburgeraar")
        elif post.dossier_veld:
            qs = qs.select_related(post.dossier_veld)
        pagina = BegrensdePaginator(qs, OP_PAGINA).get_page(request.GET.get("pagina"))
        pagina.object_list = list(pagina.object_list)
    lijst = post.lijst(regisseur)
    context = {
        "post": post,
        "regisseur": regisseur,
        "pagina": pagina,
        "items": [] if post.signaalblok else [post.item(rij, lijst) for rij in pagina],
    }
    return render(request, "inburgering/werkvoorraad_lijst.html", context)


@login_required
@recht_nodig("inburgering.view_inburgeraar")
def werkvoorraad_teller(request):
    """The menu's count, fetched after the page (htmx) so no page pays for it; "99+" past the limit."""
    aantal = register.totaal(request.user)
    return render(
        request, "inburgering/_werkvoorraad_teller.html", {"aantal": aantal, "tekst": register.als_tekst(aantal)}
    )
