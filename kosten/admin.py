"""Functioneel beheer of the contract prices: per aanbieder and product, per gemeente or regio, over a period.

A beheerder keeps the prices of the gemeenten their organisatie serves, and a regio's price only when it
serves every gemeente of that regio (inburgering.admin_bereik)."""

from django.contrib import admin
from django.db.models import Q

from inburgering.admin_bereik import volledig_bediende_regios
from inburgering.models import Regio
from inburgering.permissions import beheerde_gemeenten

from .models import Contractprijs


@admin.register(Contractprijs)
class ContractprijsAdmin(admin.ModelAdmin):
    list_display = ["voorziening", "aanbieder", "eenheid", "prijs", "gemeente", "regio", "geldig_van", "geldig_tot"]
    list_filter = [
        "voorziening",
        ("gemeente", admin.RelatedOnlyFieldListFilter),
        ("regio", admin.RelatedOnlyFieldListFilter),
        ("aanbieder", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["aanbieder", "gemeente", "regio"]
    search_fields = ["aanbieder__naam"]
    autocomplete_fields = ["aanbieder"]
    fields = ["aanbieder", "voorziening", "eenheid", "prijs", "gemeente", "regio", "geldig_van", "geldig_tot"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(
                Q(gemeente__in=beheerde_gemeenten(request.user))
                | Q(gemeente__isnull=True, regio__in=volledig_bediende_regios(request.user))
            )
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "gemeente":
            kwargs["queryset"] = beheerde_gemeenten(request.user)
        elif db_field.related_model is Regio:
            kwargs["queryset"] = volledig_bediende_regios(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
