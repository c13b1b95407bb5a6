from django.urls import path

from . import views

app_name = "leerroutes"

urlpatterns = [
    path("", views.leerroute, name="leerroute"),
    path("aanbod/", views.aanbod, name="leerroute_aanbod"),
    path("deelname/", views.deelname, name="leerroute_deelname"),
    path("deelname/<int:deelname>/verwijderen/", views.deelname_verwijderen, name="leerroute_deelname_verwijderen"),
    path("examens/", views.examen, name="leerroute_examen"),
    path("activiteiten/", views.activiteit, name="leerroute_activiteit"),
    path("afronding/", views.afronding, name="leerroute_afronding"),
    path("afsluiten/", views.afsluiten, name="leerroute_afsluiten"),
]
