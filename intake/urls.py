from django.urls import path

from . import views

app_name = "intake"

urlpatterns = [
    path("", views.intake, name="intake"),
    path("stap/<slug:stap>/", views.stap, name="intake_stap"),
    path("starten/", views.starten, name="intake_starten"),
    path("gesprekken/", views.gesprek, name="intake_gesprek"),
    path("partner/", views.partner, name="intake_partner"),
    path("leefgebied/<slug:sectie>/", views.leefgebied, name="intake_leefgebied"),
    path("leerbaarheidstoets/", views.leerbaarheidstoets, name="intake_leerbaarheidstoets"),
    path("advies/", views.advies, name="intake_advies"),
    path("niet-verschenen/", views.niet_verschenen, name="intake_niet_verschenen"),
    path("niet-verschenen/<int:gemist>/vervolgstap/", views.vervolgstap, name="intake_vervolgstap"),
    path("niet-verschenen/<int:gemist>/brief/", views.brief, name="intake_brief"),
    path("afronden/", views.afronden, name="intake_afronden"),
    path("samenvatting/", views.samenvatting, name="intake_samenvatting"),
]
