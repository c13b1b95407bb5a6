"""Read-only views of PIPs and handhaving for functioneel beheer: writes go through the services."""

from django.contrib import admin

from .models import Handhaving, Pip, Voortgangsgesprek


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
