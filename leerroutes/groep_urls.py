from django.urls import path

from . import groepviews

urlpatterns = [
    path("", groepviews.groepen_lijst, name="groepen"),
    path("<int:pk>/", groepviews.groep, name="groep"),
    path("<int:pk>/sessies/<int:sessie>/aanwezigheid/", groepviews.aanwezigheid, name="groep_aanwezigheid"),
]
