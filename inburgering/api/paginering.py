"""Cursor pagination: stable pages while partners sync, and no count query over a large set."""

from rest_framework.pagination import CursorPagination

from django.conf import settings


class Cursor(CursorPagination):
    ordering = "pk"
    cursor_query_param = "cursor"
    cursor_query_description = "De waarde van `next` of `previous` uit het vorige antwoord."

    def get_page_size(self, request):
        return settings.API_PAGINA_GROOTTE
