"""One settings module, read from the environment (django-environ).

With nothing set it runs on embedded defaults: SQLite and Celery tasks executed in-process.
Every variable is documented in docs/configuration.md. Secrets may be given as
a file: SECRET_KEY_FILE=/run/secrets/secret_key.
"""

import datetime
import ipaddress
import warnings
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.FileAwareEnv()
# A local .env (written by `make run`, never committed) fills in what the environment leaves out.
if (BASE_DIR / ".env").is_file() and env.bool("DJANGO_READ_DOT_ENV", default=True):
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt. Zet SECRET_KEY (of SECRET_KEY_FILE), of DEBUG=true voor ontwikkeling."
        )
    SECRET_KEY = "alleen-voor-ontwikkeling-nooit-in-productie-gebruiken-0123456789"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://localhost:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # The operator classes of the search's trigram indexes (OpClass); on SQLite it does nothing.
    "django.contrib.postgres",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "guardian",
    "axes",
    "auditlog",
    "django_htmx",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "inburgering",
    "intake",
    "pip",
    "leerroutes",
    "ontzorgen",
    "kosten",
    # Demo data, synthetic load and the benchmark: seed_demo, genereer_testdata, benchmark. It may import
    # every app; no app imports it.
    "devtools",
]

MIDDLEWARE = [
    # Machines (MACHINE_PADEN) take a lean stack: what follows without MIDDLEWARE_ALLEEN_BROWSERS.
    "inburgering.machineverkeer.MachineVerkeer",
    "django.middleware.security.SecurityMiddleware",
    # django-csp, with the policy on error pages under DEBUG too.
    "inburgering.middleware.CSPMiddleware",
    "inburgering.api.middleware.ApiVersieMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inburgering.middleware.GeenCacheMiddleware",
    "inburgering.middleware.TweeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "inburgering.middleware.NietGevondenMiddleware",
    # auditlog's, with the actor of the API's writes too.
    "inburgering.middleware.AuditlogMiddleware",
    # Axes last, as its documentation asks.
    "axes.middleware.AxesMiddleware",
]
# DUO's notifications, the partner API and the container's health check send no cookie: their requests
# skip what only serves a browser's session (inburgering/machineverkeer.py, docs/architecture.md).
MACHINE_PADEN = ["/duo/", "/api/", "/health/"]
MIDDLEWARE_ALLEEN_BROWSERS = [
    # Static files live under /static/.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # No cookie, so no session; nor a signed-in user, a second factor or messages that hang on one. DRF sets
    # request.user to the partner client's service user when its token checks out.
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "inburgering.middleware.TweeFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # CSRF protects what a browser's cookie authorises; a token in a header or a certificate cannot be
    # forged by another site (the DUO view and DRF's views are csrf_exempt as it is).
    "django.middleware.csrf.CsrfViewMiddleware",
    # htmx is the browser's; login throttling counts logins, and machines do not log in.
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "inburgering.urls"
FORM_RENDERER = "inburgering.forms.FormRenderer"
WSGI_APPLICATION = "inburgering.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
            # `datum`, `getal` and `bedrag` in every template, the admin's and the PDFs' included.
            "builtins": ["inburgering.templatetags.opmaak"],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT off for the web and worker connections: our queries are short index scans, for which
    # PostgreSQL's JIT compilation costs more than it saves (about 1 s on the caseload over 200,000
    # dossiers, measured). Reports that aggregate a whole regio stay well within budget without it.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
    # Each process keeps its connection between requests (for a minute; checked before it is used again after
    # a request): a new one per request cost a gunicorn worker more CPU than accepting a DUO notification itself
    # and halved the notifications accepted per second (docs/load-test.md). DATABASE_URL's ?conn_max_age=
    # overrides it.
    DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's embedded database serves the development server's threads: the menu's count
    # request reads while a save writes. WAL lets readers and one writer work side by side; the
    # timeout makes a second writer wait instead of failing; IMMEDIATE takes the write lock when a
    # transaction begins, so a transaction that read first never fails upgrading to a write
    # ("database is locked", which the busy timeout cannot wait out).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "inburgering.User"
AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out user before the others try.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend (passwords and permissions), with password login that can be switched off.
    "inburgering.oidc.WachtwoordBackend",
    # Single sign-on through the organisation's identity provider, set up in /beheer/.
    "inburgering.oidc.OidcBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inburgering:start"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 30 minutes without a request: every request renews the cookie.
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lock-out after repeated failed logins (django-axes), per user name and address.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_UUR", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True


# The address a lock-out counts on. Behind reverse proxies it is read from X-Forwarded-For, counted from
# the right: each trusted proxy appends the address it received the request from, and whatever stands
# further left is the client's own claim. Without a proxy (0) only the connection's address counts.
def axes_adres(vertrouwde_proxies: int) -> tuple[tuple[str, ...], int | None]:
    """django-axes' ipware settings (header order, proxy count) for this many proxies before us."""
    if vertrouwde_proxies < 0:
        raise ImproperlyConfigured("VERTROUWDE_PROXIES: het aantal reverse proxies vóór de applicatie, 0 of meer.")
    if vertrouwde_proxies == 0:
        return ("REMOTE_ADDR",), None
    # ipware counts only the proxies written into the header; the nearest one is REMOTE_ADDR.
    return ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), vertrouwde_proxies - 1


VERTROUWDE_PROXIES = env.int("VERTROUWDE_PROXIES", default=0)
AXES_IPWARE_META_PRECEDENCE_ORDER, AXES_IPWARE_PROXY_COUNT = axes_adres(VERTROUWDE_PROXIES)
# A header longer than the proxies wrote (a forged prefix) still gives the address the outermost proxy
# saw; strict ipware would count such a request on the proxy's own address, which everybody shares.
IPWARE_STRICT = False

# Two-factor authentication (django-otp TOTP): on in production, off in the demo.
TWEE_FACTOR_VERPLICHT = env.bool("TWEE_FACTOR_VERPLICHT", default=not DEBUG)
OTP_TOTP_ISSUER = "Inburgering"
# A koppelcode from the beheerder is needed to set up the app; unused codes lapse after this many hours.
KOPPELCODE_GELDIG_UREN = env.int("KOPPELCODE_GELDIG_UREN", default=72)

# Single sign-on for employees (OpenID Connect, mozilla-django-oidc; see docs/configuration.md). The provider,
# the claim accounts are matched on, the claim that confirms multi-factor authentication and the optional group
# mapping are set in /beheer/ (inburgering.models.OidcConfig); the protocol's fixed parts are here. Password
# login stays for the demo and for organisations without a provider; production with single sign-on turns it off.
INLOGGEN_MET_WACHTWOORD = env.bool("INLOGGEN_MET_WACHTWOORD", default=True)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc_callback"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False  # accounts are the beheerder's: an unknown person gets a page that says so
OIDC_TIMEOUT = env.float("OIDC_TIMEOUT_SECONDEN", default=10)
# The provider's refusals are logged, not counted towards a lock-out (inburgering.oidc.axes_vrijstelling).
AXES_WHITELIST_CALLABLE = "inburgering.oidc.axes_vrijstelling"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
# Unfiltered dates in templates and the admin follow the one notation of inburgering/opmaak.py.
FORMAT_MODULE_PATH = ["inburgering.formaten"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
# The NL Design System CSS comes from npm (package-lock.json pins it): only the files the templates
# link are static files, each named here, never a whole package (inburgering.staticfinders).
NPM_STATICFILES = {
    "utrecht/components/index.css": BASE_DIR / "node_modules/@utrecht/component-library-css/dist/index.css",
    "utrecht/tokens/theme.css": BASE_DIR / "node_modules/@utrecht/design-tokens/dist/theme.css",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "inburgering.staticfinders.NpmFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Pages name static files through {% static %}, so production keeps only the hashed copies; source maps
# are for a developer's browser tools and are not compressed. Both halve collectstatic's work.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = ["map", "jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "br", "woff", "woff2"]
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Where `manage.py maak_backup` writes its dated folders; production points it at a mounted volume that is
# copied off-site (see README, Deployment).
BACKUP_DIR = env.path("BACKUP_DIR", default=BASE_DIR / "backups")
# Uploaded and generated files (logos, beschikkingen) are never served as public media: only
# through views that check permission (e.g. pip's download views), so no URL maps MEDIA_URL.
MEDIA_URL = "/media/"
UPLOAD_MAX_MB = env.int("UPLOAD_MAX_MB", default=2)

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Inburgering <noreply@inburgering.example>")

# Celery: without a broker, tasks run eagerly in the web process so a clone needs no Redis.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Eager tasks still take a producer from Celery's pool: an in-memory one, never a connection to an
    # AMQP server on localhost (kombu warned "No hostname was supplied" halfway through make run).
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# A task is acknowledged when it has run, not when it arrives, so a worker that dies takes no task
# with it: a killed pool process's task is requeued at once (reject on worker lost), and a task of a
# worker that vanished whole comes back once Redis's visibility timeout has passed. Tasks are
# idempotent, so a second run does nothing. (The DUO outbox does not wait for that timeout: a send's
# claim has a lease, and beat queues a dead worker's sends again once it runs out, see inburgering.duo.)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Deadlines (docs/wet-inburgering.md): reminders this many days before a deadline, largest first
# (announcement, urgent, ..., and 0: the day itself and after). The daily scan runs at this time.
SIGNAAL_NIVEAUS_DAGEN = sorted(
    {int(d) for d in env.list("SIGNAAL_NIVEAUS_DAGEN", default=["28", "7", "0"])}, reverse=True
)
if not SIGNAAL_NIVEAUS_DAGEN or min(SIGNAAL_NIVEAUS_DAGEN) < 0:
    raise ImproperlyConfigured("SIGNAAL_NIVEAUS_DAGEN: een of meer aantallen dagen van 0 of meer, bijv. 28,7,0.")
try:
    _scan_uur, _scan_minuut = (int(deel) for deel in env.str("SIGNALEN_SCAN_TIJD", default="06:30").split(":"))
    if not (0 <= _scan_uur < 24 and 0 <= _scan_minuut < 60):
        raise ValueError
except ValueError:
    raise ImproperlyConfigured("SIGNALEN_SCAN_TIJD moet een tijd als 06:30 zijn.") from None
# Every periodic job, by a readable name. Times are Europe/Amsterdam (CELERY_TIMEZONE).
CELERY_BEAT_SCHEDULE: dict = {
    "verwijzingsrechten-bijwerken": {
        # Referrals that start or end on a date open or close a partner's access that night.
        "task": "ontzorgen.tasks.synchroniseer_verwijzingsrechten",
        "schedule": crontab(hour=0, minute=5),
    },
    "termijnen-en-signalen": {
        # Bring every dossier's deadlines in line, make the day's signalen, then mail the digests.
        "task": "inburgering.tasks.scan_termijnen",
        "schedule": crontab(hour=_scan_uur, minute=_scan_minuut),
    },
    "duo-outbox": {
        # A safety net: messages whose retry is due (or whose task was lost) are sent again.
        "task": "inburgering.duo.tasks.verstuur_openstaande",
        "schedule": crontab(minute="*/10"),
    },
    "duo-claims-terugnemen": {
        # A message whose sending worker died (its claim's lease ran out) goes again, by any worker:
        # within the lease (a minute) and this interval (inburgering.duo.outbox.TERUGNEMEN_ELKE).
        "task": "inburgering.duo.tasks.neem_verlopen_claims_terug",
        "schedule": 20.0,  # seconds
    },
    "bewaartermijnen-vernietigingslijst": {
        # Monthly: propose closed dossiers past their retention period; drop old inzage records.
        "task": "inburgering.tasks.bewaartermijnen",
        "schedule": crontab(day_of_month=1, hour=3, minute=0),
    },
}

# Retention (docs/wet-inburgering.md): a closed dossier is kept this many calendar years after its end
# (secondary source: VNG handreiking), then proposed for destruction. The inzage log (who looked
# at which dossier) is kept for its own period: policy, so a setting.
BEWAARTERMIJN_JAREN = env.int("BEWAARTERMIJN_JAREN", default=5)
INZAGELOG_BEWAARTERMIJN_JAREN = env.int("INZAGELOG_BEWAARTERMIJN_JAREN", default=2)
for _naam in ("BEWAARTERMIJN_JAREN", "INZAGELOG_BEWAARTERMIJN_JAREN"):
    if globals()[_naam] < 1:
        raise ImproperlyConfigured(f"{_naam} moet minstens 1 zijn.")

# Production hardening; `manage.py check --deploy` stays silent with DEBUG off.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # The container health check talks plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp) on every response: scripts and styles only from our own
# static files, never inline (no 'unsafe-inline'); htmx is told not to inject its indicator
# styles (the htmx-config meta tag in base.html). PDFs render server-side and are not affected.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # The NL Design System's CSS draws a few icons as data: images.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# A shared cache: the partner API's rate limits count per client across all web processes, so
# production points CACHE_URL at Redis (system check inburgering.W003); one process may use memory.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# The partner API (/api/v1/, inburgering/api/): token per partner client, problem+json errors,
# cursor pagination, a rate limit per client. The OpenAPI document is generated by drf-spectacular.
API_RATE_LIMIET = env.str("API_RATE_LIMIET", default="120/min")
API_PAGINA_GROOTTE = env.int("API_PAGINA_GROOTTE", default=50)
API_IDEMPOTENTIE_UREN = env.int("API_IDEMPOTENTIE_UREN", default=24)
# The API's full version: the API-Version header of every answer and the OpenAPI document's info.version.
API_VERSIE = "1.0.0"
# Whom partners' developers contact about the API: the document's info.contact (NL API Design Rules).
API_CONTACT = {
    "name": env.str("API_CONTACT_NAAM", default="Functioneel beheer inburgering"),
    "email": env.str("API_CONTACT_EMAIL", default="functioneelbeheer@inburgering.example"),
    "url": env.str("API_CONTACT_URL", default=SITE_URL),
}
# Query parameters renamed to lower camelCase (NL API Design Rules), old name to new. Partners already
# connected send the old name: it keeps working, marked deprecated, up to and including API_OUDE_NAMEN_TOT,
# and answers to it carry Deprecation (since API_OUDE_NAMEN_VEROUDERD) and Sunset (the day after, 00:00).
API_OUDE_NAMEN = {"gewijzigd_sinds": "gewijzigdSinds"}
API_OUDE_NAMEN_VEROUDERD = datetime.date(2026, 12, 7)
API_OUDE_NAMEN_TOT = datetime.date(2027, 6, 30)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["inburgering.api.auth.SleutelAuthenticatie"],
    "DEFAULT_PERMISSION_CLASSES": ["inburgering.api.auth.IsPartnerClient"],
    "DEFAULT_THROTTLE_CLASSES": ["inburgering.api.limiet.PerClientLimiet"],
    "DEFAULT_PAGINATION_CLASS": "inburgering.api.paginering.Cursor",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["inburgering.api.parsers.StrikteJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "inburgering.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "inburgering.api.fouten.probleem_handler",
    "DATETIME_FORMAT": "iso-8601",
    "DATE_FORMAT": "iso-8601",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Inburgering partner-API",
    "DESCRIPTION": (
        "De API voor partnerorganisaties (taalaanbieders, MAP-aanbieders, begeleidingsorganisaties). "
        "Een client ziet alleen de dossiers die naar zijn organisatie zijn verwezen. Fouten zijn "
        "application/problem+json (RFC 9457). Een POST met de header Idempotency-Key is veilig te herhalen. "
        "Een batch wordt eerst helemaal gecontroleerd: bevat één regel een fout, dan wordt niets opgeslagen."
    ),
    "VERSION": API_VERSIE,
    "CONTACT": API_CONTACT,
    # The paths without /api/v1, which the server's URL carries (the rules ask the major version there);
    # servers follow SITE_URL (inburgering.api.schema.nl_api_design_rules).
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "Urensoort": "ontzorgen.models.Urensoort",
        "Meldingsoort": "ontzorgen.models.Melding.Soort",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "inburgering.api.schema.nl_api_design_rules",
    ],
}

GUARDIAN_RAISE_403 = False
ANONYMOUS_USER_NAME = None  # no guardian anonymous user: anonymous visitors see nothing

AUDITLOG_INCLUDE_ALL_MODELS = False

# Caseload page size.
CASELOAD_PAGINA_GROOTTE = env.int("CASELOAD_PAGINA_GROOTTE", default=25)
INZAGELOG_PAGINA_GROOTTE = env.int("INZAGELOG_PAGINA_GROOTTE", default=50)
# Refused registrations with a BSN that another gemeente's dossier holds, per user and day (policy).
BSN_POGINGEN_PER_DAG = env.int("BSN_POGINGEN_PER_DAG", default=5)

# DUO's interface specifications (its published OpenAPI files, in the repository unchanged, with their
# SHA-256 in SHA256SUMS): the contract every message is validated against. The image carries them.
DUO_SPEC_DIR = Path(env.str("DUO_SPEC_DIR", default=str(BASE_DIR / "inburgering" / "duo" / "m2m")))
# Exchange with DUO (inburgering/duo/). DUO's own OIN: `bron` of its notifications, `doel` of ours.
DUO_OIN = env.str("DUO_OIN", default="00000001800866472000")
# mTLS ends at the proxy, which passes on the verified client certificate's subject in this header;
# a notification is accepted only when that subject carries DUO's OIN. Empty: no check (development).
DUO_CERTIFICAAT_HEADER = env.str("DUO_CERTIFICAAT_HEADER", default="X-SSL-Client-S-DN")


# That header is believed only from the TLS terminator itself: the connection's own address (REMOTE_ADDR,
# never X-Forwarded-For) must be one of these addresses or networks. Empty: no request is believed.
def proxy_adressen(waarden: list[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    try:
        return [ipaddress.ip_network(waarde.strip(), strict=False) for waarde in waarden if waarde.strip()]
    except ValueError as fout:
        raise ImproperlyConfigured(f"DUO_PROXY_ADRESSEN: {fout}") from fout


DUO_PROXY_ADRESSEN = proxy_adressen(env.list("DUO_PROXY_ADRESSEN", default=[]))
DUO_TIMEOUT_SECONDEN = env.float("DUO_TIMEOUT_SECONDEN", default=30)
# Outbox: a message DUO did not answer (5xx, timeout) is retried after 2**n × this many seconds,
# at most DUO_MAX_POGINGEN times; then it is marked failed for the functioneel beheerder.
DUO_BACKOFF_SECONDEN = env.int("DUO_BACKOFF_SECONDEN", default=60)
DUO_MAX_POGINGEN = env.int("DUO_MAX_POGINGEN", default=8)
# Redis hands an unacknowledged task to another worker after this timeout. A task waiting for its
# countdown (the outbox's longest backoff) is unacknowledged all that time, so the timeout must be
# longer than that or the retry runs twice early; an hour beyond it bounds how late a task of a
# vanished worker comes back (the outbox does not wait for it: its claims have a lease, see above).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": DUO_BACKOFF_SECONDEN * 2 ** max(DUO_MAX_POGINGEN - 2, 0) + 3600,
}

# Demo data of the domain apps, loaded in this order by `manage.py seed_demo` (the devtools app) after the
# core's: dotted paths of functions without arguments.
DEMO_LADERS = env.list(
    "DEMO_LADERS",
    default=[
        "devtools.demo.intake.laad_demo",
        "devtools.demo.ontzorgen.laad_demo",
        "devtools.demo.pip.laad_demo",
        "devtools.demo.leerroutes.laad_demo",
        "devtools.demo.kosten.laad_demo",
    ],
)

# Brede intake. The onderwijsroute is aimed at people under 28: policy, not law, so a setting.
ONDERWIJSROUTE_LEEFTIJD_TOT = env.int("ONDERWIJSROUTE_LEEFTIJD_TOT", default=28)
# Model policy for not attending the brede intake (VNG): the fine proposed in the letter, in euro.
INTAKE_BOETE_BEDRAG = env.int("INTAKE_BOETE_BEDRAG", default=250)

# Financieel ontzorgen lasts at least this many months. The law's floor is six (Participatiewet art. 56a:
# at least the first six months of the bijstand); a gemeente may choose longer, never shorter.
ONTZORGEN_MINIMALE_MAANDEN = env.int("ONTZORGEN_MINIMALE_MAANDEN", default=6)
if ONTZORGEN_MINIMALE_MAANDEN < 6:
    raise ImproperlyConfigured("ONTZORGEN_MINIMALE_MAANDEN moet minstens 6 zijn (Participatiewet art. 56a).")

# The PIP. A new PIP's voortgangsgesprek frequency is the gemeente's norm
# (Gemeente.voortgangsgesprek_maanden), the same one the deadlines use.
# The maximum bestuurlijke boete in euro (Wi2021; Schulinck, VNG).
BOETE_MAXIMUM = env.int("BOETE_MAXIMUM", default=800)
# Schakelen to another leerroute only within this many months of the termijn (Divosa handreiking 2022).
SCHAKELEN_MAANDEN = env.int("SCHAKELEN_MAANDEN", default=18)
# Afschalen from B1 to A2 only after this many lesuren (Besluit inburgering 2021 art. 5.5).
AFSCHALEN_MINIMUM_LESUREN = env.int("AFSCHALEN_MINIMUM_LESUREN", default=600)

# Leerroutes: hour norms that are secondary sources (docs/wet-inburgering.md), so settings.
Z_ROUTE_TAALUREN = env.int("Z_ROUTE_TAALUREN", default=800)
Z_ROUTE_PARTICIPATIEUREN = env.int("Z_ROUTE_PARTICIPATIEUREN", default=800)
MAP_LESUREN = env.int("MAP_LESUREN", default=64)
MAP_PRAKTIJKUREN = env.int("MAP_PRAKTIJKUREN", default=40)
PVT_WORKSHOPUREN = env.int("PVT_WORKSHOPUREN", default=12)
for _naam in ("BOETE_MAXIMUM", "SCHAKELEN_MAANDEN", "Z_ROUTE_TAALUREN", "MAP_LESUREN"):
    if globals()[_naam] < 1:
        raise ImproperlyConfigured(f"{_naam} moet minstens 1 zijn.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},
    },
}

if DEBUG:
    # A naive datetime is a bug: make it loud while developing.
    warnings.filterwarnings("error", r"DateTimeField .* received a naive datetime", RuntimeWarning)
