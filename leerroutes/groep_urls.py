from django.urls import path

from . import groepviews

app_name = "groepen"

urlpatterns = [
    path("", groepviews.groepen_lijst, name="groepen"),
    path("<int:pk>/", groepviews.groep, name="groep"),
    path("<int:pk>/sessies/<int:sessie>/aanwezigheid/", groepviews.aanwezigheid, name="groep_aanwezigheid"),
]
