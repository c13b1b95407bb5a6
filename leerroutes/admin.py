"""Functioneel beheer of the aanbieders; the dossier records are read-only here (writes go through the services).

A beheerder sees the aanbieders contracted by a gemeente their organisatie serves, and changes only those
gemeenten' contracts: another organisatie's gemeenten stay on the aanbieder (inburgering.admin_bereik)."""

from django.contrib import admin

from inburgering.admin_bereik import PerGemeente, bewaar_buiten_bereik
from inburgering.permissions import beheerde_gemeenten, beheert_installatie

from .models import Aanbieder


@admin.register(Aanbieder)
class AanbiederAdmin(PerGemeente):
    gemeente_veld = "gemeenten"
    list_display = [
        "naam",
        "instellingsnummer",
        "keurmerk_geldig_van",
        "keurmerk_geldig_tot",
        "taalschakelinstelling",
        "biedt_b1_route",
        "biedt_onderwijsroute",
        "biedt_z_route",
        "biedt_map",
        "biedt_pvt",
    ]
    list_filter = [
        "taalschakelinstelling",
        "biedt_onderwijsroute",
        "biedt_z_route",
        ("gemeenten", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["naam", "instellingsnummer"]
    fieldsets = [
        (None, {"fields": ["naam", "instellingsnummer"]}),
        (
            "Keurmerk Blik op Werk",
            {"fields": ["keurmerk_nummer", "keurmerk_geldig_van", "keurmerk_geldig_tot", "taalschakelinstelling"]},
        ),
        ("Aanbod", {"fields": ["biedt_b1_route", "biedt_onderwijsroute", "biedt_z_route", "biedt_map", "biedt_pvt"]}),
        ("Contracten", {"fields": ["gemeenten"]}),
    ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        veld = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "gemeenten" and not beheert_installatie(request.user):
            veld.required = True  # an aanbieder without one of the beheerder's gemeenten would vanish from the list
        return veld

    def save_related(self, request, form, formsets, change):
        vorige = list(form.instance.gemeenten.all()) if change else []
        super().save_related(request, form, formsets, change)
        bewaar_buiten_bereik(
            form.instance.gemeenten, vorige, form.cleaned_data["gemeenten"], set(beheerde_gemeenten(request.user))
        )
