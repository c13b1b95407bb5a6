from django.contrib import admin
from django.urls import include, path

from . import account, health, views
from .duo import views as duo_views

admin.site.site_header = "Inburgering – functioneel beheer"
admin.site.site_title = "Inburgering"
admin.site.index_title = "Beheer"

# A URL that matches no view: the usual page, or problem+json under /api/.
handler404 = "inburgering.api.fouten.niet_gevonden"
# A request Django refused (a body over DATA_UPLOAD_MAX_MEMORY_SIZE: 413): problem+json under /api/, else Dutch.
handler400 = "inburgering.api.fouten.ongeldig_verzoek"

urlpatterns = [
    path("", include("inburgering.pagina_urls")),
    path("inloggen/", account.Inloggen.as_view(), name="login"),
    # Single sign-on: to the organisation's identity provider and back (the callback is registered there).
    path("inloggen/organisatie/", account.OidcStart.as_view(), name="oidc_start"),
    path("inloggen/organisatie/callback/", account.OidcCallback.as_view(), name="oidc_callback"),
    path("uitloggen/", account.uitloggen, name="logout"),
    path("tweefactor/", account.tweefactor, name="tweefactor"),
    path("dossiers/<int:pk>/intake/", include("intake.urls")),
    path("dossiers/<int:pk>/pip/", include("pip.urls")),
    path("overleggen/", include("pip.urls_overleg")),
    path("dossiers/<int:pk>/leerroute/", include("leerroutes.urls")),
    path("groepen/", include("leerroutes.groep_urls")),
    path("", include("ontzorgen.urls")),
    path("", include("kosten.urls")),
    # The partner API: the core's resources and each app's api.py, under one version prefix.
    path("api/v1/", include("inburgering.api.urls")),
    path("api/v1/", include("ontzorgen.api")),
    path("api/v1/", include("leerroutes.api")),
    path("health/", health.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
    # DUO's notifications (Notificatie.openapi.yml, base path /v1); mTLS ends at the proxy.
    path("duo/v1/notificaties", duo_views.notificaties, name="duo_notificaties"),
    path("beheer/", admin.site.urls),
]
