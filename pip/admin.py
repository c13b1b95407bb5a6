"""Read-only views of PIPs and handhaving for functioneel beheer: writes go through the services."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Handhaving, Pip, Toelichting, Voortgangsgesprek


class AlleenLezen(admin.ModelAdmin):
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
    """The functioneel beheerder keeps the translated explanation page of the PIP beschikking per language."""

    list_display = ["__str__", "taal", "richting", "titel", "gewijzigd_op"]
    search_fields = ["taal", "titel"]
    readonly_fields = ["richting"]
    fields = ["taal", "richting", "titel", "rechtsgeldigheid", "uitleg_pip", "uitleg_bezwaar", "uitleg_regisseur"]

    @admin.display(description=_("schrijfrichting"))
    def richting(self, obj):
        if obj is None or not obj.taal:
            return "—"
        return _("van rechts naar links") if obj.richting == "rtl" else _("van links naar rechts")
