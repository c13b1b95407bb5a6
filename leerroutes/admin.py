"""Functioneel beheer of the aanbieders; the dossier records are read-only here (writes go through the services)."""

from django.contrib import admin

from .models import Aanbieder


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
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
    list_filter = ["taalschakelinstelling", "biedt_onderwijsroute", "biedt_z_route", "gemeenten"]
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
