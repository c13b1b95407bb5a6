"""The core's pages: caseload, dossiers, signalen, privacy, rapportage and DUO beheer."""

from django.urls import path

from . import views, views_dossier, views_werkvoorraad
from .duo import beheer as duo_beheer
from .privacy import views as privacy_views
from .rapportage import views as rapportage

app_name = "inburgering"

urlpatterns = [
    path("", views.start, name="start"),
    path("werkvoorraad/", views_werkvoorraad.werkvoorraad, name="werkvoorraad"),
    path("werkvoorraad/teller/", views_werkvoorraad.werkvoorraad_teller, name="werkvoorraad_teller"),
    path("werkvoorraad/<slug:sleutel>/", views_werkvoorraad.werkvoorraad_lijst, name="werkvoorraad_lijst"),
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
    path("beheer/duo/", duo_beheer.berichten, name="duo_berichten"),
    path("beheer/duo/berichten/<int:pk>/opnieuw/", duo_beheer.opnieuw, name="duo_bericht_opnieuw"),
    path("beheer/duo/notificaties/<int:pk>/opnieuw/", duo_beheer.notificatie_opnieuw, name="duo_notificatie_opnieuw"),
    path(
        "dossiers/<int:pk>/duo/<int:notificatie>/afgehandeld/",
        duo_beheer.actie_afhandelen,
        name="duo_actie_afhandelen",
    ),
]
