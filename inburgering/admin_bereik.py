"""What each beheerder reaches in /beheer/ (docs/privacy.md, Per organisatie).

A functioneel beheerder manages the users and teams of their own organisatie and the gemeenten it serves
(`permissions.gemeenten_van_organisatie`); the applicatiebeheerder keeps what the whole installation shares
(`permissions.beheert_installatie`). Every ModelAdmin scopes its list (and so its change pages, which Django
reads through the same queryset: another organisatie's row redirects to the list as one that does not exist)
and the choices of its forms with the mixins below, so a post with another organisatie's id is refused as an
invalid choice.
"""

from django.contrib import admin
from django.db.models import Q

from .models import Gemeente, Inburgeraar, InburgeraarGroupObjectPermission, Organisatie, Regio, Team
from .permissions import beheerde_gemeenten, beheert_installatie, gemeenten_van_organisatie


def eigen_organisaties(user):
    """The organisaties a beheerder may put users and teams in: their own, or every one for the applicatiebeheerder."""
    if beheert_installatie(user):
        return Organisatie.objects.all()
    return Organisatie.objects.filter(pk=user.organisatie_id)


def volledig_bediende_regios(user):
    """Regio's of which the user's organisatie serves every gemeente: a price for the whole regio is theirs."""
    if beheert_installatie(user):
        return Regio.objects.all()
    return Regio.objects.exclude(gemeenten__in=Gemeente.objects.exclude(pk__in=gemeenten_van_organisatie(user)))


def partnerteams_voor(user):
    """Partner teams whose API clients a beheerder manages: their own organisatie's, and those of partners
    working for the gemeenten it serves (whose team holds a verwijzing's right on one of their dossiers)."""
    teams = Team.objects.filter(organisatie__soort=Organisatie.Soort.PARTNER)
    if user.is_active and user.is_superuser:
        return teams
    voor_ons = InburgeraarGroupObjectPermission.objects.filter(
        content_object__gemeente__in=gemeenten_van_organisatie(user)
    ).values("group_id")
    return teams.filter(Q(organisatie_id=user.organisatie_id) | Q(groep__in=voor_ons))


def bewaar_buiten_bereik(veld, vorige, gekozen, bereik):
    """A many-to-many choice limited to `bereik` must not silently drop what lies outside it (another
    organisatie's gemeente on an aanbieder, a role the beheerder cannot give): keep those, take the rest."""
    buiten = [obj for obj in vorige if obj not in bereik]
    veld.set([*gekozen, *buiten])


class PerGemeente(admin.ModelAdmin):
    """Rows that belong to one gemeente (field `gemeente_veld`): only the gemeenten the beheerder manages."""

    gemeente_veld = "gemeente"

    def get_queryset(self, request):
        gemeenten = beheerde_gemeenten(request.user)
        return super().get_queryset(request).filter(**{f"{self.gemeente_veld}__in": gemeenten}).distinct()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Gemeente:
            kwargs["queryset"] = beheerde_gemeenten(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.related_model is Gemeente:
            kwargs["queryset"] = beheerde_gemeenten(request.user)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class PerDossier(admin.ModelAdmin):
    """Records of a dossier, read-only in /beheer/: the one visibility rule, as on every page of the product.
    No beheer role sees dossiers, so for them these lists are empty."""

    def get_queryset(self, request):
        return super().get_queryset(request).filter(inburgeraar__in=Inburgeraar.objects.zichtbaar_voor(request.user))
