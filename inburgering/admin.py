"""Beheer: regio's, gemeenten (OIN, briefhoofd), organisaties, teams and users, and the days a decree
equated with the public holidays (Algemene termijnenwet art. 3 lid 3).

The applicatiebeheerder keeps what the installation shares (regio's, organisaties, gemeenten, single sign-on,
the equated days); a functioneel beheerder the users and teams of their own organisatie and the gemeenten it
serves (inburgering.admin_bereik).
"""

from datetime import timedelta

from django_otp.plugins.otp_totp import admin as _otp_totp_admin  # noqa: F401 (registers TOTPDevice, undone below)
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect, resolve_url
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from . import oidc, services, tweefactor
from .admin_bereik import PerGemeente, bewaar_buiten_bereik, eigen_organisaties, partnerteams_voor
from .api import sleutels
from .models import (
    ApiClient,
    GelijkgesteldeDag,
    Gemeente,
    GemeenteGroupObjectPermission,
    OidcConfig,
    OidcGroep,
    Organisatie,
    Regio,
    Team,
)
from .permissions import INZIEN, RAPPORTAGES, WIJZIGEN, beheerde_gemeenten, beheert_installatie
from .rollen import APPLICATIEBEHEERDER, FUNCTIONEEL_BEHEERDER, PARTNERSYSTEEM, ROLLEN


@login_required
def _beheer_inloggen(request, extra_context=None):
    """The admin has no login form of its own: people sign in through the product's login (axes
    lock-out, two-factor, single sign-on). Signed in without beheer rights, the Dutch 403 page."""
    if admin.site.has_permission(request):
        return redirect("admin:index")
    raise PermissionDenied


admin.site.login = _beheer_inloggen

# django-otp's own admin would let staff bind an app to someone else's account without a koppelcode.
# Apps are set up by their owner only; the beheerder resets them through the user (UserAdmin).
admin.site.unregister(TOTPDevice)


def toon_eenmalig(model_admin, request, template: str, titel: str, **geheimen) -> TemplateResponse:
    """Show a secret (an API key, a koppelcode) once: rendered straight into this response, never
    stored in plain text, never in a message cookie, and kept out of every cache."""
    context = {**model_admin.admin_site.each_context(request), **geheimen, "opts": model_admin.opts, "title": titel}
    response = TemplateResponse(request, template, context)
    response["Cache-Control"] = "no-store"
    return response


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    search_fields = ["naam"]


class LogoInput(forms.ClearableFileInput):
    """Links the current logo through its permission-checked view: no URL serves MEDIA_ROOT."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value) and value.instance.pk:
            context["widget"]["value"] = _Bestandslink(
                value.name, reverse("inburgering:gemeente_logo", args=[value.instance.pk])
            )
        return context


class _Bestandslink:
    def __init__(self, naam, url):
        self.naam, self.url = naam, url

    def __str__(self):
        return self.naam


@admin.register(Gemeente)
class GemeenteAdmin(PerGemeente):
    gemeente_veld = "pk"
    list_display = ["naam", "gemeentecode", "regio", "oin"]
    list_select_related = ["regio"]
    list_filter = [("regio", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["naam", "gemeentecode", "oin"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}, models.FileField: {"widget": LogoInput}}
    fieldsets = [
        (None, {"fields": ["naam", "gemeentecode", "oin", "regio"]}),
        (
            _("Briefhoofd en ondertekening van beschikkingen"),
            {
                "fields": [
                    "logo",
                    "bezoekadres",
                    "postadres",
                    "telefoon",
                    "website",
                    "ondertekenaar_naam",
                    "ondertekenaar_functie",
                ]
            },
        ),
        (
            _("Termijnen: normen van de gemeente (beleid, geen wet)"),
            {"fields": ["norm_brede_intake_weken", "voortgangsgesprek_maanden"]},
        ),
        (
            _("Standaardaanbod in het PIP (als de regisseur de intensiteit leeg laat)"),
            {"fields": ["standaardaanbod_map", "standaardaanbod_pvt"]},
        ),
        (
            _("Uitwisseling met DUO (het OIN staat hierboven)"),
            {"fields": ["duo_basis_url", "duo_certificaat", "duo_sleutel"]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        # Who the gemeente is (name, codes, regio) the installation decides; the organisatie that serves it
        # keeps its letterhead, norms and standard offer.
        if beheert_installatie(request.user):
            return super().get_readonly_fields(request, obj)
        return ["naam", "gemeentecode", "oin", "regio"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"norm_brede_intake_weken", "voortgangsgesprek_maanden"} & set(form.changed_data):
            services.normen_gewijzigd(gemeente=obj)


@admin.register(GelijkgesteldeDag)
class GelijkgesteldeDagAdmin(admin.ModelAdmin):
    """The days of the decree in force (one every three years, in the Staatscourant). A change moves the
    stored deadlines near the day at once: they are recomputed in the background."""

    list_display = ["datum", "weekdag", "besluit"]
    list_filter = ["besluit"]
    date_hierarchy = "datum"
    search_fields = ["besluit"]

    @admin.display(description=_("dag"))
    def weekdag(self, obj):
        return date_format(obj.datum, "l")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        vorige = form.initial.get("datum") if change else None
        services.feestdagen_gewijzigd(datums=[d for d in (obj.datum, vorige) if d])

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.feestdagen_gewijzigd(datums=[obj.datum])

    def delete_queryset(self, request, queryset):
        datums = list(queryset.values_list("datum", flat=True))
        super().delete_queryset(request, queryset)
        services.feestdagen_gewijzigd(datums=datums)


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort"]
    list_filter = ["soort"]
    search_fields = ["naam"]


_RECHTEN = {
    "gemeenten_inzien": (INZIEN, _("Dossiers inzien voor")),
    "gemeenten_wijzigen": (WIJZIGEN, _("Dossiers wijzigen voor")),
    "gemeenten_rapportages": (RAPPORTAGES, _("Rapportages inzien voor")),
}


def _gemeenten_veld(label):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=Gemeente.objects.all(),
        required=False,
        widget=admin.widgets.FilteredSelectMultiple(_("gemeenten"), is_stacked=False),
    )


_VREEMD_LID = _(
    "%(namen)s hoort niet bij %(organisatie)s. Haal deze medewerker uit het team of pas de organisatie aan."
)


class TeamForm(forms.ModelForm):
    """The team, its members, and the gemeenten it serves, per right (django-guardian)."""

    leden = forms.ModelMultipleChoiceField(
        label=_("Leden"),
        queryset=get_user_model().objects.order_by("username"),
        required=False,
        widget=admin.widgets.FilteredSelectMultiple(_("leden"), is_stacked=False),
    )
    gemeenten_inzien = _gemeenten_veld(_RECHTEN["gemeenten_inzien"][1])
    gemeenten_wijzigen = _gemeenten_veld(_RECHTEN["gemeenten_wijzigen"][1])
    gemeenten_rapportages = _gemeenten_veld(_RECHTEN["gemeenten_rapportages"][1])

    class Meta:
        model = Team
        fields = ["naam", "organisatie"]

    # Set by TeamAdmin.get_form: the gemeenten this beheerder may hand out and the organisaties whose people they
    # see (all of them for the applicatiebeheerder).
    keuzegemeenten = Gemeente.objects.all()
    organisaties = Organisatie.objects.all()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for veldnaam in _RECHTEN:
            self.fields[veldnaam].queryset = self.keuzegemeenten
        huidige = self.instance.groep.user_set.values_list("pk", flat=True) if self.instance.pk else []
        organisatie = self.data.get("organisatie") if self.is_bound else self.instance.organisatie_id
        zichtbaar = get_user_model().objects.filter(organisatie__in=self.organisaties)
        if organisatie and str(organisatie).isdigit():
            # Only the organisatie's own people; current members stay listed, so none vanishes unseen.
            self.fields["leden"].queryset = zichtbaar.filter(
                models.Q(organisatie_id=organisatie) | models.Q(pk__in=list(huidige))
            ).order_by("username")
        else:
            self.fields["leden"].queryset = zichtbaar.order_by("username")
            self.fields["leden"].help_text = _("Alleen medewerkers van de gekozen organisatie kunnen lid zijn.")
        if self.instance.pk:
            self.fields["leden"].initial = huidige
            for veldnaam, (codename, _label) in _RECHTEN.items():
                self.fields[veldnaam].initial = GemeenteGroupObjectPermission.objects.filter(
                    group=self.instance.groep, permission__codename=codename
                ).values_list("content_object_id", flat=True)

    def rechten(self) -> dict:
        """Per right, the chosen gemeenten plus those the team holds outside this beheerder's reach (kept)."""
        rechten = {}
        for veld, (codename, _label) in _RECHTEN.items():
            buiten = []
            if self.instance.pk:
                buiten = Gemeente.objects.filter(
                    gemeentegroupobjectpermission__group=self.instance.groep,
                    gemeentegroupobjectpermission__permission__codename=codename,
                ).exclude(pk__in=self.keuzegemeenten)
            rechten[codename] = [*self.cleaned_data[veld], *buiten]
        return rechten

    def clean(self):
        cleaned = super().clean()
        organisatie = cleaned.get("organisatie")
        vreemd = [lid for lid in cleaned.get("leden", []) if organisatie and lid.organisatie_id != organisatie.pk]
        if vreemd:
            self.add_error(
                "leden",
                _VREEMD_LID % {"namen": ", ".join(str(lid) for lid in vreemd), "organisatie": organisatie},
            )
        return cleaned


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    form = TeamForm
    list_display = ["naam", "organisatie"]
    list_select_related = ["organisatie"]
    list_filter = [("organisatie", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["naam", "organisatie__naam"]
    fieldsets = [
        (None, {"fields": ["naam", "organisatie", "leden"]}),
        (_("Gemeenten die dit team bedient"), {"fields": list(_RECHTEN)}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(organisatie__in=eigen_organisaties(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie":
            kwargs["queryset"] = eigen_organisaties(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        # A beheerder hands out only the gemeenten their organisatie serves; which gemeenten an organisatie
        # serves at all (its first team's) is the applicatiebeheerder's decision.
        return type(
            form.__name__,
            (form,),
            {"keuzegemeenten": beheerde_gemeenten(request.user), "organisaties": eigen_organisaties(request.user)},
        )

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
        else:
            nieuw = services.maak_team(organisatie=obj.organisatie, naam=obj.naam)
            obj.pk, obj.groep = nieuw.pk, nieuw.groep
        services.ken_gemeenten_toe(team=obj, rechten=form.rechten())
        obj.groep.user_set.set(form.cleaned_data["leden"])


# The applicatiebeheerder hands out the beheer accounts (a new organisatie's first functioneel beheerder); the
# rest of an organisatie's accounts are its own beheerder's.
_BEHEERROLLEN = [FUNCTIONEEL_BEHEERDER, APPLICATIEBEHEERDER]


def _rollen_te_geven(user):
    """The groups a beheerder may give: the applicatiebeheerder the beheer roles; a functioneel beheerder the
    roles of people (not the applicatiebeheerder's, not a partner system's) and their own organisatie's teams."""
    if beheert_installatie(user):
        return Group.objects.filter(name__in=_BEHEERROLLEN)
    mensenrollen = [rol for rol in ROLLEN if rol not in (APPLICATIEBEHEERDER, PARTNERSYSTEEM)]
    return Group.objects.filter(models.Q(name__in=mensenrollen) | models.Q(team__organisatie_id=user.organisatie_id))


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    """Roles and teams' groups: the roles, and the teams of the beheerder's own organisatie."""

    def get_queryset(self, request):
        groepen = super().get_queryset(request)
        if request.user.is_superuser:
            return groepen
        return groepen.filter(
            models.Q(name__in=list(ROLLEN)) | models.Q(team__organisatie__in=eigen_organisaties(request.user))
        )


@admin.register(get_user_model())
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "organisatie", "is_active"]
    list_select_related = ["organisatie"]
    list_filter = [
        "is_active",
        ("groups", admin.RelatedOnlyFieldListFilter),
        ("organisatie", admin.RelatedOnlyFieldListFilter),
    ]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Organisatie"), {"fields": ["organisatie"]}),
        (_("Inloggen met organisatie-account"), {"fields": ["oidc_subject"]}),
    ]

    def get_queryset(self, request):
        gebruikers = super().get_queryset(request)
        if request.user.is_superuser:
            return gebruikers
        if beheert_installatie(request.user):
            # Accounts without a role beyond beheer: never the people who work with dossiers.
            return gebruikers.exclude(groups__in=Group.objects.exclude(name__in=_BEHEERROLLEN))
        return gebruikers.filter(organisatie_id=request.user.organisatie_id, organisatie__isnull=False)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisatie":
            kwargs["queryset"] = eigen_organisaties(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = _rollen_te_geven(request.user).order_by("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        # Only a superuser hands out superuser status or loose permissions; beheerders work with roles.
        if request.user.is_superuser:
            return super().get_readonly_fields(request, obj)
        return ["is_superuser", "user_permissions", "last_login", "date_joined"]

    def save_model(self, request, obj, form, change):
        # A functioneel beheerder's new colleague works for the same organisatie (and stays in their list).
        if not change and obj.organisatie_id is None and not beheert_installatie(request.user):
            obj.organisatie_id = request.user.organisatie_id
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        vorige = list(form.instance.groups.all()) if change else []
        super().save_related(request, form, formsets, change)
        if "groups" in form.cleaned_data and not request.user.is_superuser:
            bewaar_buiten_bereik(
                form.instance.groups, vorige, form.cleaned_data["groups"], set(_rollen_te_geven(request.user))
            )

    actions = ["koppelcode_geven", "authenticator_resetten"]

    @admin.action(description=_("Koppelcode geven om een authenticator-app in te stellen"), permissions=["change"])
    def koppelcode_geven(self, request, queryset):
        codes = [(gebruiker, tweefactor.geef_koppelcode(request.user, gebruiker)) for gebruiker in queryset]
        return toon_eenmalig(
            self,
            request,
            "admin/inburgering/koppelcodes.html",
            _("Koppelcodes"),
            codes=codes,
            uren=settings.KOPPELCODE_GELDIG_UREN,
        )

    @admin.action(description=_("Authenticator-app resetten"), permissions=["change"])
    def authenticator_resetten(self, request, queryset):
        gereset = []
        for gebruiker in queryset:
            if tweefactor.reset_apparaat(request.user, gebruiker):
                # Also in the user's history in /beheer/; the auditlog entry is the one the service writes.
                self.log_change(request, gebruiker, _("Authenticator-app gereset"))
                gereset.append(gebruiker.username)
        self.message_user(
            request,
            _("Authenticator-app gereset van: %(namen)s. Geef een koppelcode om opnieuw in te stellen.")
            % {"namen": ", ".join(gereset) or "-"},
        )


class ApiClientForm(forms.ModelForm):
    class Meta:
        model = ApiClient
        fields = ["naam", "team", "geldig_tot"]

    # Set by ApiClientAdmin.get_form: the partner teams this beheerder manages clients for.
    partnerteams = Team.objects.filter(organisatie__soort=Organisatie.Soort.PARTNER)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "team" in self.fields:
            self.fields["team"].queryset = self.partnerteams
        if not self.instance.pk:
            self.fields["geldig_tot"].initial = timezone.now() + timedelta(days=365)

    def clean_geldig_tot(self):
        geldig_tot = self.cleaned_data["geldig_tot"]
        if geldig_tot <= timezone.now():
            raise forms.ValidationError(_("De geldigheid moet in de toekomst eindigen."))
        return geldig_tot


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    """Credentials of partner systems. The token is shown once, on the page after adding; only its hash is kept."""

    form = ApiClientForm
    list_display = ["naam", "team", "sleutel_prefix", "geldig_tot", "ingetrokken_op"]
    list_select_related = ["team__organisatie"]
    list_filter = [("team__organisatie", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["naam", "sleutel_prefix", "team__organisatie__naam"]
    actions = ["intrekken"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(team__in=partnerteams_voor(request.user))

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"partnerteams": partnerteams_voor(request.user)})

    def get_readonly_fields(self, request, obj=None):
        return ["team", "sleutel_prefix", "ingetrokken_op", "gebruiker"] if obj else []

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the service user stays the author of what it wrote

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["naam", "geldig_tot"])
            return
        client, obj.nieuwe_sleutel = sleutels.maak_client(naam=obj.naam, team=obj.team, geldig_tot=obj.geldig_tot)
        obj.pk, obj.gebruiker, obj.sleutel_prefix = client.pk, client.gebruiker, client.sleutel_prefix

    def response_add(self, request, obj, post_url_continue=None):
        return toon_eenmalig(
            self,
            request,
            "admin/inburgering/apiclient_sleutel.html",
            _("API-sleutel aangemaakt"),
            client=obj,
            sleutel=obj.nieuwe_sleutel,
        )

    @admin.action(description=_("Geselecteerde API-clients intrekken"), permissions=["change"])
    def intrekken(self, request, queryset):
        for client in queryset:
            sleutels.trek_in(client=client)
        self.message_user(request, _("%(aantal)s API-client(s) ingetrokken.") % {"aantal": queryset.count()})


def _https(veld, **kwargs):
    if isinstance(veld, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return veld.formfield(**kwargs)


class OidcConfigForm(forms.ModelForm):
    """The provider's settings. The secret is never shown again; the endpoints come from the discovery URL."""

    client_secret = forms.CharField(
        label=_("client secret"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text=_("Leeg laten houdt het opgeslagen secret."),
    )

    class Meta:
        model = OidcConfig
        formfield_callback = _https
        fields = [
            "actief",
            "discovery_url",
            "client_id",
            "client_secret",
            "scopes",
            "algoritme",
            "authorization_endpoint",
            "token_endpoint",
            "userinfo_endpoint",
            "jwks_endpoint",
            "end_session_endpoint",
            "koppelen_op",
            "koppel_claim",
            "mfa_claim",
            "mfa_waarden",
            "groepen_claim",
        ]

    def clean_client_secret(self):
        return self.cleaned_data["client_secret"] or self.instance.client_secret

    def clean_scopes(self):
        scopes = " ".join(self.cleaned_data["scopes"].split())
        if "openid" not in scopes.split():
            raise forms.ValidationError(_("De scope openid is verplicht."))
        return scopes

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("discovery_url"):
            try:
                cleaned.update(oidc.lees_discovery(cleaned["discovery_url"]))
            except ValueError as fout:
                self.add_error("discovery_url", str(fout))
                return cleaned
        if cleaned.get("actief"):
            self._vereis_voor_actief(cleaned)
        return cleaned

    def _vereis_voor_actief(self, cleaned):
        ontbreekt = {
            "authorization_endpoint": not cleaned.get("authorization_endpoint"),
            "token_endpoint": not cleaned.get("token_endpoint"),
            "jwks_endpoint": not cleaned.get("jwks_endpoint") and cleaned.get("algoritme") != "HS256",
            "client_id": not cleaned.get("client_id"),
            "client_secret": not cleaned.get("client_secret"),
        }
        for veld, leeg in ontbreekt.items():
            if leeg:
                self.add_error(veld, _("Nodig om inloggen met organisatie-account aan te zetten."))


class OidcGroepInline(admin.TabularInline):
    model = OidcGroep
    extra = 0

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "groep":
            # The partner systems' role belongs to a service user, never to a person.
            kwargs["queryset"] = Group.objects.exclude(name=PARTNERSYSTEEM).order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(OidcConfig)
class OidcConfigAdmin(admin.ModelAdmin):
    """One configuration: its list is its form."""

    form = OidcConfigForm
    inlines = [OidcGroepInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (None, {"fields": ["actief"]}),
        (
            _("De identity provider van uw organisatie"),
            {
                "fields": ["discovery_url", "client_id", "client_secret", "scopes", "algoritme"],
                "description": _(
                    "Registreer Inburgering bij de provider met als redirect-URI %(callback)s en als "
                    "post-logout-redirect-URI %(login)s."
                ),
            },
        ),
        (
            _("Endpoints (uit de discovery-URL, of zelf in te vullen)"),
            {
                "fields": [
                    "authorization_endpoint",
                    "token_endpoint",
                    "userinfo_endpoint",
                    "jwks_endpoint",
                    "end_session_endpoint",
                ]
            },
        ),
        (_("Welk account hoort bij wie"), {"fields": ["koppelen_op", "koppel_claim"]}),
        (_("Tweede factor bij de provider"), {"fields": ["mfa_claim", "mfa_waarden"]}),
        (_("Groepen uit het token (optioneel)"), {"fields": ["groepen_claim"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        adressen = {
            "callback": request.build_absolute_uri(reverse("oidc_callback")),
            "login": request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL)),
        }
        titel, opties = fieldsets[1]
        return [fieldsets[0], (titel, {**opties, "description": opties["description"] % adressen}), *fieldsets[2:]]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not OidcConfig.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False  # switch it off instead: the history of who changed what stays with it

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if OidcConfig.objects.exists():
            return redirect("admin:inburgering_oidcconfig_change", 1)
        return redirect("admin:inburgering_oidcconfig_add")
