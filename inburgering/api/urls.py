"""The core's part of /api/v1/: the OpenAPI document and its documentation page; the resources are the apps'."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from django.urls import path

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # Swagger UI from our own static files (drf-spectacular-sidecar); its start script is a separate
    # request, so the page runs under the strict Content-Security-Policy without inline script.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api_schema"), name="api_docs"),
]
