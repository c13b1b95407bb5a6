"""Read-only views of PIPs and handhaving for functioneel beheer: writes go through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from inburgering.admin_bereik import PerDossier
from inburgering.models import Gemeente
from inburgering.permissions import beheert_installatie, gemeenten_van_organisatie

from .models import Handhaving, Pip, Toelichting, Voortgangsgesprek


class AlleenLezen(PerDossier):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Pip)
class PipAdmin(AlleenLezen):
    list_display = ["inburgeraar", "versie", "status", "leerroute", "niveau", "dagtekening", "kenmerk"]
    list_filter = ["status", "leerroute"]
    list_select_related = ["inburgeraar"]


@admin.register(Voortgangsgesprek)
class VoortgangsgesprekAdmin(AlleenLezen):
    list_display = ["inburgeraar", "datum", "volgende_datum"]
    list_select_related = ["inburgeraar"]


@admin.register(Handhaving)
class HandhavingAdmin(AlleenLezen):
    list_display = ["inburgeraar", "soort", "verplichting", "bedrag", "dagtekening", "kenmerk"]
    list_select_related = ["inburgeraar"]


@admin.register(Toelichting)
class ToelichtingAdmin(admin.ModelAdmin):
    """The translated explanation page of the PIP beschikking per language: a functioneel beheerder keeps
    those of the gemeenten their organisatie serves, the applicatiebeheerder the ones for every gemeente."""

    list_display = ["__str__", "gemeente", "taal", "richting", "titel", "gewijzigd_op"]
    list_select_related = ["gemeente"]
    list_filter = [("gemeente", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["taal", "titel"]
    readonly_fields = ["richting"]
    fields = [
        "gemeente",
        "taal",
        "richting",
        "titel",
        "rechtsgeldigheid",
        "uitleg_pip",
        "uitleg_bezwaar",
        "uitleg_regisseur",
    ]

    def get_queryset(self, request):
        toelichtingen = super().get_queryset(request)
        if request.user.is_superuser:
            return toelichtingen
        if beheert_installatie(request.user):
            return toelichtingen.filter(gemeente__isnull=True)
        return toelichtingen.filter(gemeente__in=gemeenten_van_organisatie(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente" and not request.user.is_superuser:
            # Without a gemeente a text is every gemeente's: the applicatiebeheerder's alone, who keeps no other.
            installatie = beheert_installatie(request.user)
            kwargs["queryset"] = Gemeente.objects.none() if installatie else gemeenten_van_organisatie(request.user)
            kwargs["required"] = not installatie
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("schrijfrichting"))
    def richting(self, obj):
        if obj is None or not obj.taal:
            return "—"
        return _("van rechts naar links") if obj.richting == "rtl" else _("van links naar rechts")
