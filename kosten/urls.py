from django.urls import path

from . import views

app_name = "kosten"

urlpatterns = [
    path("dossiers/<int:pk>/kosten/", views.kosten_dossier, name="kosten_dossier"),
    path("dossiers/<int:pk>/kosten/nieuw/", views.kostenpost_nieuw, name="kostenpost_nieuw"),
    path("dossiers/<int:pk>/tolk/", views.tolk_boeken, name="tolk_boeken"),
    path("rapportage/kosten/", views.kostenrapport, name="kostenrapport"),
    path("rapportage/kosten/export.xlsx", views.kostenrapport_xlsx, name="kostenrapport_xlsx"),
]
