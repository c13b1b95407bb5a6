"""Functioneel beheer of the contract prices: per aanbieder and product, per gemeente or regio, over a period."""

from django.contrib import admin

from .models import Contractprijs


@admin.register(Contractprijs)
class ContractprijsAdmin(admin.ModelAdmin):
    list_display = ["voorziening", "aanbieder", "eenheid", "prijs", "gemeente", "regio", "geldig_van", "geldig_tot"]
    list_filter = ["voorziening", "gemeente", "regio", "aanbieder"]
    list_select_related = ["aanbieder", "gemeente", "regio"]
    search_fields = ["aanbieder__naam"]
    autocomplete_fields = ["aanbieder"]
    fields = ["aanbieder", "voorziening", "eenheid", "prijs", "gemeente", "regio", "geldig_van", "geldig_tot"]
