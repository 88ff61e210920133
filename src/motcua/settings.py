"""Settings read from the environment, with safe embedded defaults for the demo and the tests."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MOTCUA_DATA_DIR", Path.cwd() / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = os.environ.get("MOTCUA_DEBUG", "0") == "1"
DEMO = os.environ.get("MOTCUA_DEMO", "1") == "1"
# bench/run.py: serves the bare "hello" view (the framework ceiling) at /bench/hello.
MOTCUA_BENCH = os.environ.get("MOTCUA_BENCH", "0") == "1"
# The demo key is long enough for HMAC-SHA256 token signing (RFC 7518: at least 32 bytes).
DEMO_SECRET_KEY = "demo-only-not-secret-never-use-in-production"
SECRET_KEY = os.environ.get("MOTCUA_SECRET_KEY", DEMO_SECRET_KEY if DEMO else "")
if not SECRET_KEY:
    raise RuntimeError("MOTCUA_SECRET_KEY is required outside the demo")
ALLOWED_HOSTS = os.environ.get("MOTCUA_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "motcua.core.apps.AxesConfig",  # django-axes, named in Vietnamese
    "django_tasks",
    "motcua.core.apps.TasksConfig",  # django-tasks-db, named in Vietnamese
    "motcua.core",
    "motcua.agencies",
    "motcua.catalog",
    "motcua.dossiers",
    "motcua.integrations",
    "motcua.portal",
    "motcua.backoffice",
    "motcua.demo",
    "motcua.payments",
    "motcua.notifications",
    "motcua.reports",
    "motcua.benchdata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "motcua.core.error_pages.BodySizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "motcua.core.api.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'motcua.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    # Requests read a page of rows; parallel workers only add start-up time and compete with the
    # other requests for the cores (a list page took twice as long with them, docs/decisions/0012).
    # Added to what DATABASE_URL's query gives (sslmode, its own `options`), never in its place.
    parallel = os.environ.get("MOTCUA_DB_PARALLEL_WORKERS", "0")
    pg_options = DATABASES["default"].setdefault("OPTIONS", {})
    given = pg_options.get("options", "")
    pg_options["options"] = f"-c max_parallel_workers_per_gather={parallel} {given}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and rate limits: each process's own memory by default. Several gunicorn processes or
# machines share them on Redis with `MOTCUA_CACHE_URL=redis://…` (`pip install motcua[redis]`);
# otherwise every process counts its own share of a rate limit.
if os.environ.get("MOTCUA_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["MOTCUA_CACHE_URL"],
            "KEY_PREFIX": "motcua",
        }
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("MOTCUA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("MOTCUA_LOGIN_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# A form post without a valid token gets a page in Vietnamese (JSON under /api/).
CSRF_FAILURE_VIEW = "motcua.core.error_pages.csrf_failure"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Day-first dates (dd/mm/yyyy) in and out, "200.000" and "0,5" in Vietnamese: motcua/formats/.
FORMAT_MODULE_PATH = ["motcua.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
FONT_DIR = Path(os.environ.get("MOTCUA_FONT_DIR", Path.cwd() / ".venv" / "fonts"))

DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("MOTCUA_MAX_BODY_BYTES", 10 * 1024 * 1024))

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "motcua.core.api.CursorPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "motcua.core.api.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_THROTTLE_RATES": {
        "public_lookup": os.environ.get("MOTCUA_PUBLIC_LOOKUP_RATE", "60/minute"),
    },
}
SIMPLE_JWT = {"AUTH_HEADER_TYPES": ("Bearer",), "SIGNING_KEY": SECRET_KEY}
SPECTACULAR_SETTINGS = {
    "TITLE": "Một Cửa API",
    "DESCRIPTION": "Hợp đồng HTTP v1 của hệ thống Một Cửa (docs: shared/design/API.md).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Choice sets used under several field names, or several sets under one name ("kind").
    "ENUM_NAME_OVERRIDES": {
        "StaffRoleEnum": "motcua.agencies.models.StaffRole.Role",
        "DocumentKindEnum": "motcua.catalog.models.RequiredDocument.Kind",
        "CalendarDayKindEnum": "motcua.core.models.CalendarDay.Kind",
    },
}

# Domain settings marked (verify) in DOMAIN.md: defaults here, each overridable by environment.
MOTCUA = {
    "PROVINCE_CODE": os.environ.get("MOTCUA_PROVINCE_CODE", "H44"),
    # Nghị định 118/2025 Điều 11: a dossier is sent back for a supplement only once in processing.
    "SUPPLEMENT_LIMIT": int(os.environ.get("MOTCUA_SUPPLEMENT_LIMIT", "1")),
    "PUBLIC_BASE_URL": os.environ.get("MOTCUA_PUBLIC_BASE_URL", "http://127.0.0.1:8000"),
    # The place named on official forms ("Phú Thọ, ngày … tháng … năm …", Nghị định 30/2020).
    "PLACE_NAME": os.environ.get("MOTCUA_PLACE_NAME", "Phú Thọ"),
    "POPULATION_LOOKUPS_PER_MINUTE": int(os.environ.get("MOTCUA_POPULATION_LOOKUP_RATE", "30")),
    "UPLOAD_MAX_BYTES": int(os.environ.get("MOTCUA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)),
    "FORM_BODY_MAX_BYTES": int(os.environ.get("MOTCUA_FORM_BODY_MAX_BYTES", 60 * 1024 * 1024)),
    # Nghị định 63/2010/NĐ-CP Điều 15 as amended by Nghị định 92/2017 (verify): a province's
    # decision publishing a procedure is dated at least 5 working days before its legal basis
    # takes effect (20 for a ministry). The 766 index's publish_on_time.
    "PUBLICATION_LEAD_DAYS": int(os.environ.get("MOTCUA_PUBLICATION_LEAD_DAYS", "5")),
    # Thông tư 02/2017/TT-VPCP (verify): the procedure is published on the national procedure
    # database within 5 working days of the decision (10 for a ministry). update_on_time.
    "NATIONAL_DB_DAYS": int(os.environ.get("MOTCUA_NATIONAL_DB_DAYS", "5")),
}

# Background work: Django's Tasks API (the django-tasks backport) on the database, in the same
# transaction as the change that causes it; `motcua worker` runs it. `MOTCUA_TASK_BACKEND=rq`
# puts the same tasks on Redis for RQ workers (`pip install motcua[redis]`; decision 0010).
# One queue per outside system the worker delivers to (`Exchange.System`), beside the default
# queue of the dossiers' effects and report facts: `motcua worker` runs each queue in its own
# loop, so a system that hangs holds up nothing but its own deliveries.
TASK_QUEUES = ["default", "national_portal", "notifications"]
MOTCUA_TASK_BACKEND = os.environ.get("MOTCUA_TASK_BACKEND", "database")
if MOTCUA_TASK_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
elif MOTCUA_TASK_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        name: {
            "URL": os.environ.get("MOTCUA_REDIS_URL", "redis://127.0.0.1:6379/0"),
            "DEFAULT_TIMEOUT": 300,  # seconds a job may run; every connector call times out sooner
        }
        for name in TASK_QUEUES
    }
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
else:
    raise ImproperlyConfigured("MOTCUA_TASK_BACKEND must be 'database' or 'rq'.")

# Outside systems, found by base URL and credentials (the simulators' defaults in the demo).
MOTCUA_CONNECTORS = {
    "national_portal": {
        "base_url": os.environ.get(
            "MOTCUA_NATIONAL_PORTAL_URL",
            f"http://127.0.0.1:{os.environ.get('MOTCUA_SIM_PORTAL_PORT', '8103')}",
        ),
        "key": os.environ.get("MOTCUA_NATIONAL_PORTAL_KEY", "demo-portal-key" if DEMO else ""),
        "timeout": float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5")),
    },
    "population": {
        "base_url": os.environ.get(
            "MOTCUA_POPULATION_URL",
            f"http://127.0.0.1:{os.environ.get('MOTCUA_SIM_POPULATION_PORT', '8102')}",
        ),
        "key": os.environ.get("MOTCUA_POPULATION_KEY", "demo-population-key" if DEMO else ""),
        "timeout": float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5")),
    },
    # Nền tảng thanh toán trực tuyến: merchant code and the shared secret that signs both ways.
    "payment": {
        "base_url": os.environ.get(
            "MOTCUA_PAYMENT_URL",
            f"http://127.0.0.1:{os.environ.get('MOTCUA_SIM_PAYMENT_PORT', '8104')}",
        ),
        "merchant": os.environ.get("MOTCUA_PAYMENT_MERCHANT", "MOTCUA-H44" if DEMO else ""),
        "secret": os.environ.get("MOTCUA_PAYMENT_SECRET", "demo-payment-secret" if DEMO else ""),
        "timeout": float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5")),
    },
    "retry": {
        "max_attempts": int(os.environ.get("MOTCUA_CONNECTOR_MAX_ATTEMPTS", "10")),
        "base_seconds": 30,
        "max_seconds": 3600,
    },
    "timestamp": {
        "base_url": os.environ.get(
            "MOTCUA_TSA_URL", f"http://127.0.0.1:{os.environ.get('MOTCUA_SIM_TSA_PORT', '8107')}"
        ),
        "timeout": float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5")),
    },
}

# Circuit breaker per outside system (integrations/breaker.py): after `failures` failures in a row
# its deliveries are held back, then probed after `base_seconds`, doubled at each failed probe up
# to `max_seconds`.
MOTCUA_BREAKER = {
    "failures": int(os.environ.get("MOTCUA_BREAKER_FAILURES", "5")),
    "base_seconds": float(os.environ.get("MOTCUA_BREAKER_BASE_SECONDS", "30")),
    "max_seconds": float(os.environ.get("MOTCUA_BREAKER_MAX_SECONDS", "600")),
}

# Citizen login: an OpenID Connect provider found by its issuer URL (VNeID; the demo simulator).
MOTCUA_OIDC = {
    "issuer": os.environ.get(
        "MOTCUA_OIDC_ISSUER", f"http://127.0.0.1:{os.environ.get('MOTCUA_SIM_IDP_PORT', '8101')}"
    ),
    "client_id": os.environ.get("MOTCUA_OIDC_CLIENT_ID", "motcua-demo"),
    "client_secret": os.environ.get("MOTCUA_OIDC_CLIENT_SECRET", "demo-idp-secret" if DEMO else ""),
    "timeout": float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5")),
}

# Messages to applicants (notifications): SMS and Zalo ZNS through the messaging gateway, whose
# delivery reports are polled every `poll_seconds`, at most `polls` times.
MOTCUA_CONNECTORS["messaging"] = {
    "base_url": os.environ.get(
        "MOTCUA_MESSAGING_URL",
        f"http://127.0.0.1:{os.environ.get('MOTCUA_SIM_MESSAGING_PORT', '8106')}",
    ),
    "key": os.environ.get("MOTCUA_MESSAGING_KEY", "demo-messaging-key" if DEMO else ""),
    "timeout": float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5")),
    "poll_seconds": int(os.environ.get("MOTCUA_MESSAGING_POLL_SECONDS", "60")),
    "polls": int(os.environ.get("MOTCUA_MESSAGING_POLLS", "10")),
}
# E-mail: SMTP when MOTCUA_EMAIL_HOST is set, else printed on the console (the demo's worker log).
EMAIL_HOST = os.environ.get("MOTCUA_EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("MOTCUA_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("MOTCUA_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("MOTCUA_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("MOTCUA_EMAIL_STARTTLS", "0") == "1"
EMAIL_TIMEOUT = float(os.environ.get("MOTCUA_CONNECTOR_TIMEOUT", "5"))
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("MOTCUA_EMAIL_FROM", "Một Cửa <motcua@localhost>")

LOG_LEVEL = os.environ.get("MOTCUA_LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # On the handler too: records that Django's own loggers pass up to the root (a 4xx is a
    # warning of `django.request`) are not held back by the root's level, only by its handlers'.
    "handlers": {"console": {"class": "logging.StreamHandler", "level": LOG_LEVEL}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}
# Lockout is per account (API.md: "repeated failures lock the account"), whatever the address.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Partner systems (OAuth2 client credentials, docs/decisions/0007) and the connector call log.
MIDDLEWARE.append("motcua.integrations.middleware.PartnerAccessLogMiddleware")
MOTCUA_PARTNERS = {
    "token_seconds": int(os.environ.get("MOTCUA_PARTNER_TOKEN_SECONDS", "3600")),
}
MOTCUA_CONNECTOR_LOG = {
    "days": int(os.environ.get("MOTCUA_CONNECTOR_LOG_DAYS", "90")),
    "body_chars": int(os.environ.get("MOTCUA_CONNECTOR_LOG_BODY_CHARS", "4000")),
}
MOTCUA_TASK_RESULT_DAYS = int(os.environ.get("MOTCUA_TASK_RESULT_DAYS", "14"))
# A worker beats every third of this; a task whose worker has not beaten for this long (killed)
# is queued again (motcua.integrations.workers, docs/decisions/0010-worker-crash-and-redis.md).
MOTCUA_WORKER_LEASE_SECONDS = float(os.environ.get("MOTCUA_WORKER_LEASE_SECONDS", "60"))
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto: the partner token endpoint only
# answers over HTTPS (RFC 6749 §2.3.1: the client secret travels in the request).
if os.environ.get("MOTCUA_TLS_PROXY", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Back office (motcua.backoffice): the staff login's lockout page and the admin's brand template.
AXES_LOCKOUT_TEMPLATE = "office/locked.html"
TEMPLATES[0]["DIRS"].append(BASE_DIR / "backoffice" / "templates")  # wins over admin's base_site
