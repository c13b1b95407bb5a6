"""Cursor pagination: stable pages while partners sync, and no count query over a large set."""

from rest_framework.pagination import CursorPagination

from django.conf import settings


class Cursor(CursorPagination):
    ordering = "pk"
    cursor_query_param = "cursor"
    cursor_query_description = "De waarde van `next` of `previous` uit het vorige antwoord."

    def get_page_size(self, request):
        return settings.API_PAGINA_GROOTTE

    def get_paginated_response_schema(self, schema):
        # DRF's example of `next` ends in a stray quote, which no `uri` is; the schema's examples must hold.
        antwoord = super().get_paginated_response_schema(schema)
        for sleutel, cursor in (("next", "cD00ODY%3D"), ("previous", "cj0xJnA9NDg3")):
            antwoord["properties"][sleutel]["example"] = f"https://inburgering.example/api/v1/dossiers?cursor={cursor}"
        return antwoord
