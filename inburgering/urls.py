from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import account, health, views, views_dossier, views_werkvoorraad
from .duo import beheer as duo_beheer
from .duo import views as duo_views
from .forms import LoginForm
from .privacy import views as privacy_views
from .rapportage import views as rapportage

admin.site.site_header = "Inburgering – functioneel beheer"
admin.site.site_title = "Inburgering"
admin.site.index_title = "Beheer"

# A URL that matches no view: the usual page, or problem+json under /api/.
handler404 = "inburgering.api.fouten.niet_gevonden"

urlpatterns = [
    path("", views.start, name="start"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("tweefactor/", account.tweefactor, name="tweefactor"),
    path("werkvoorraad/", views_werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad/teller/", views_werkvoorraad.werkvoorraad_teller, name="werkvoorraad_teller"),
    path("dossiers/", views.caseload, name="caseload"),
    path("dossiers/nieuw/", views.dossier_registreren, name="dossier_registreren"),
    path("dossiers/<int:pk>/", views.dossier, name="dossier"),
    path("dossiers/<int:pk>/wijzigen/", views.dossier_wijzigen, name="dossier_wijzigen"),
    path("dossiers/<int:pk>/regisseur/", views.regisseur_toewijzen, name="regisseur_toewijzen"),
    path("dossiers/<int:pk>/fase/", views.fase_wijzigen, name="fase_wijzigen"),
    path("dossiers/<int:pk>/overdragen/", views.dossier_overdragen, name="dossier_overdragen"),
    path("dossiers/<int:pk>/historie/", views.dossier_historie, name="dossier_historie"),
    path("dossiers/<int:pk>/documenten/", views_dossier.documenten, name="dossier_documenten"),
    path("dossiers/<int:pk>/tijdlijn/", views_dossier.tijdlijn, name="dossier_tijdlijn"),
    path("signalen/", views.signalen, name="signalen"),
    path("signalen/<int:pk>/afhandelen/", views.signaal_afhandelen, name="signaal_afhandelen"),
    path("signalen/<int:pk>/uitstellen/", views.signaal_uitstellen, name="signaal_uitstellen"),
    path("signalen/<int:pk>/heropenen/", views.signaal_heropenen, name="signaal_heropenen"),
    path("privacy/vernietigingslijsten/", privacy_views.vernietigingslijsten, name="vernietigingslijsten"),
    path("privacy/vernietigingslijsten/<int:pk>/", privacy_views.vernietigingslijst, name="vernietigingslijst"),
    path("privacy/processen-verbaal/<int:pk>/", privacy_views.procesverbaal, name="procesverbaal"),
    path("gemeenten/<int:pk>/logo/", privacy_views.gemeente_logo, name="gemeente_logo"),
    path("privacy/inzagelog/", privacy_views.inzagelog, name="inzagelog"),
    path("privacy/dossiers/<int:pk>/blokkade/", privacy_views.dossier_blokkade, name="dossier_blokkade"),
    path("privacy/dossiers/<int:pk>/avg-export/", privacy_views.avg_export, name="avg_export"),
    path("rapportage/", rapportage.rapportage, name="rapportage"),
    path("rapportage/export.csv", rapportage.rapportage_csv, name="rapportage_csv"),
    path("rapportage/export.xlsx", rapportage.rapportage_xlsx, name="rapportage_xlsx"),
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
    path("beheer/duo/", duo_beheer.berichten, name="duo_berichten"),
    path("beheer/duo/berichten/<int:pk>/opnieuw/", duo_beheer.opnieuw, name="duo_bericht_opnieuw"),
    path("beheer/duo/notificaties/<int:pk>/opnieuw/", duo_beheer.notificatie_opnieuw, name="duo_notificatie_opnieuw"),
    path(
        "dossiers/<int:pk>/duo/<int:notificatie>/afgehandeld/",
        duo_beheer.actie_afhandelen,
        name="duo_actie_afhandelen",
    ),
    path("beheer/", admin.site.urls),
]
