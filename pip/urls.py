from django.urls import path

from . import views

app_name = "pip"

urlpatterns = [
    path("", views.pip, name="pip"),
    path("starten/", views.starten, name="pip_starten"),
    path("concept/", views.opslaan, name="pip_opslaan"),
    path("concept/voorbeeld/", views.voorbeeld, name="pip_voorbeeld"),
    path("concept/verwijderen/", views.concept_verwijderen, name="pip_concept_verwijderen"),
    path("wijziging/", views.wijziging, name="pip_wijziging"),
    path("derden/", views.derden, name="pip_derden"),
    path("versies/<int:versie>/beschikking.pdf", views.download, name="pip_download"),
    path("voortgangsgesprekken/", views.voortgangsgesprek, name="pip_voortgangsgesprek"),
    path("handhaving/", views.handhaving, name="pip_handhaving"),
    path("handhaving/<int:besluit>/intrekken/", views.handhaving_intrekken, name="pip_handhaving_intrekken"),
    path("handhaving/<int:besluit>/beschikking.pdf", views.handhaving_download, name="pip_handhaving_download"),
]
