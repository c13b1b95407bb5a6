"""The core's part of /api/v1/: the OpenAPI document and its documentation page; the resources are the apps'."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from django.urls import path
from django.views.decorators.cache import cache_control

# Both are public and the same for every caller, without personal data (anyone may read them, without a
# key): a browser or proxy may keep them an hour, so a new release reaches every reader within the hour.
# Fetched with a session or an Authorization header they are no-store all the same (GeenCacheMiddleware).
openbaar = cache_control(public=True, max_age=3600)

urlpatterns = [
    path("schema/", openbaar(SpectacularAPIView.as_view()), name="api_schema"),
    # Swagger UI from our own static files (drf-spectacular-sidecar); its start script is a separate
    # request, so the page runs under the strict Content-Security-Policy without inline script.
    path("docs/", openbaar(SpectacularSwaggerSplitView.as_view(url_name="api_schema")), name="api_docs"),
]
