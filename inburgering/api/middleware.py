"""The API-Version header on every answer under /api/ (NL API Design Rules, API-57)."""

from . import API_VERSIE


class ApiVersieMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/api/"):
            response["API-Version"] = API_VERSIE
        return response
