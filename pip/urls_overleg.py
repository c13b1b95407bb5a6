from django.urls import path

from . import views_overleg as views

app_name = "overleggen"

urlpatterns = [
    path("", views.overleggen, name="overleggen"),
    path("plannen/", views.plannen, name="overleg_plannen"),
    path("<int:pk>/", views.overleg, name="overleg"),
    path("<int:pk>/agenda/", views.agendapunt, name="overleg_agendapunt"),
    path("<int:pk>/agenda/<int:punt>/besproken/", views.bespreking, name="overleg_bespreking"),
    path("<int:pk>/agenda/<int:punt>/afspraken/", views.afspraak, name="overleg_afspraak"),
    path("<int:pk>/afspraken/<int:afspraak>/afgerond/", views.afspraak_afgerond, name="overleg_afspraak_afgerond"),
    path("<int:pk>/agenda.pdf", views.agenda_pdf, name="overleg_agenda_pdf"),
    path("<int:pk>/verslag.pdf", views.verslag_pdf, name="overleg_verslag_pdf"),
]
