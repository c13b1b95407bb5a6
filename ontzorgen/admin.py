"""Read-only admin for ontzorgen: every change goes through the services and the app's own screens."""

from django.contrib import admin

from inburgering.admin_bereik import PerDossier

from .models import Melding, Ontzorging, Urenregistratie, VasteLast, Verwijzing


class AlleenLezen(PerDossier):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class VasteLastInline(admin.TabularInline):
    model = VasteLast
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Verwijzing)
class VerwijzingAdmin(AlleenLezen):
    list_display = ["inburgeraar", "team", "dienst", "startdatum", "einddatum", "beeindigd"]
    list_filter = ["dienst", "beeindigd"]
    list_select_related = ["inburgeraar", "team__organisatie"]


@admin.register(Ontzorging)
class OntzorgingAdmin(AlleenLezen):
    list_display = ["inburgeraar", "startdatum", "geplande_einddatum", "einddatum"]
    list_select_related = ["inburgeraar"]
    inlines = [VasteLastInline]


@admin.register(Urenregistratie)
class UrenregistratieAdmin(AlleenLezen):
    list_display = ["inburgeraar", "datum", "uren", "soort", "status", "begeleider"]
    list_filter = ["status", "soort"]
    list_select_related = ["inburgeraar", "begeleider"]


@admin.register(Melding)
class MeldingAdmin(AlleenLezen):
    list_display = ["inburgeraar", "soort", "created_at", "afgehandeld_op"]
    list_select_related = ["inburgeraar"]
