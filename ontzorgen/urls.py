from django.urls import path

from . import views

app_name = "ontzorgen"

urlpatterns = [
    # The regisseur's side, from a dossier.
    path("dossiers/<int:pk>/begeleiding/", views.ontzorgen_dossier, name="ontzorgen_dossier"),
    path("dossiers/<int:pk>/verwijzingen/nieuw/", views.verwijzing_nieuw, name="verwijzing_nieuw"),
    path("dossiers/<int:pk>/verwijzingen/beeindigen/", views.verwijzing_beeindigen, name="verwijzing_beeindigen"),
    path("dossiers/<int:pk>/bijstand/", views.bijstand, name="bijstand"),
    path("dossiers/<int:pk>/ontzorgen/starten/", views.ontzorging_starten, name="ontzorging_starten"),
    path("dossiers/<int:pk>/ontzorgen/verlengen/", views.ontzorging_verlengen, name="ontzorging_verlengen"),
    path("dossiers/<int:pk>/ontzorgen/beeindigen/", views.ontzorging_beeindigen, name="ontzorging_beeindigen"),
    path("dossiers/<int:pk>/meldingen/afhandelen/", views.melding_afhandelen, name="melding_afhandelen"),
    path("uren/beoordelen/", views.uren_beoordelen, name="uren_beoordelen"),
    path("uren/<int:pk>/corrigeren/", views.uren_corrigeren, name="uren_corrigeren"),
    # The maatschappelijk begeleider's own pages.
    path("begeleiding/", views.mijn_inburgeraars, name="mijn_inburgeraars"),
    path("begeleiding/dossiers/<int:pk>/", views.begeleiding_dossier, name="begeleiding_dossier"),
    path("begeleiding/dossiers/<int:pk>/melding/", views.melding_nieuw, name="melding_nieuw"),
    path("begeleiding/uren/", views.uren_week, name="uren_week"),
]
