"""PA Hub settings: one file, read from the environment (see docs/settings.md)."""

import json
import os
from collections.abc import Mapping
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("PAHUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

# A development key is allowed only with DEBUG on; production refuses to start
# without a real, long, random key so sessions and tokens cannot be forged.
DEVELOPMENT_SECRET_KEY = "django-insecure-pahub-development-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY if DEBUG else "")
if not DEBUG and (
    len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off. "
        "See docs/settings.md."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# How many reverse proxies we run in front of PA Hub (docs/deploy.md). 0: clients connect
# directly and X-Forwarded-For, which anyone can send, is ignored.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))


def site_url_from(environ: Mapping[str, str]) -> str:
    """The address in links in emails, feeds, JSON-LD and the API: SITE_URL when set;
    otherwise where `make run` serves (127.0.0.1 on PORT), so local links work whatever the
    port."""
    explicit = environ.get("SITE_URL", "").strip()
    if explicit:
        return explicit.rstrip("/")
    return f"http://127.0.0.1:{environ.get('PORT', '').strip() or '8000'}"


SITE_URL = site_url_from(os.environ)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "ninja",
    "django_tasks_db",
    "pahub.core",
    "pahub.places",
    "pahub.accounts",
    "pahub.notifications",
    "pahub.taxonomy",
    "pahub.register",
    "pahub.employers",
    "pahub.jobs",
    "pahub.matching",
    "pahub.messaging",
    "pahub.cover",
    "pahub.learning",
    "pahub.community",
    "pahub.support",
    "pahub.costs",
    "pahub.directory",
    "pahub.rules",
    "pahub.library",
    "pahub.spokes",
    "pahub.insights",
    # The top: demo and seed orchestration, above every app it fills.
    "pahub.setup",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything that may write an audit event: the event's IP comes from here.
    "pahub.core.middleware.ClientIPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "pahub.accounts.middleware.StaffTwoFactorMiddleware",
]

ROOT_URLCONF = "pahub.urls"
WSGI_APPLICATION = "pahub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pahub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "pahub.core.context_processors.site",
                # The header's "Need help?" bar names the person's own local support.
                "pahub.spokes.context_processors.local_support",
                "pahub.accounts.navigation.navigation",
            ],
        },
    },
]

# SQLite under var/ by default; PostgreSQL when DATABASE_URL points at one.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'pahub.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and the task worker run while a request writes;
    # IMMEDIATE transactions take the write lock up front instead of failing mid-way.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }


def tune_postgresql(database: dict) -> None:
    """PA Hub's settings for a PostgreSQL connection (the default database and the replica)."""
    if database["ENGINE"] != "django.db.backends.postgresql":
        return
    # Django's backend, sending no integer narrower than its value (core/postgresql/base.py).
    database["ENGINE"] = "pahub.core.postgresql"
    options = database.setdefault("OPTIONS", {})
    # PostgreSQL's JIT compiles a query before running it when the planner thinks it costly;
    # for PA Hub's short, per-request queries the compiling costs more than it saves
    # (matching a job: p50 111 to 95 ms, bench/matching_bench.py).
    options["options"] = "-c jit=off"
    # The server binds the parameters. Django's default is psycopg's client-side binding,
    # which writes each value into the SQL as a literal, and re-parses any statement of more
    # than 50 parameters on every call. The talent search's three largest queries took 1.5,
    # 1.5 and 0.5 ms that way, and 0.8, 1.0 and 0.3 ms bound by the server (docs/deploy.md).
    options["server_side_binding"] = True
    # psycopg prepares a statement once a connection has run it this many times; after that
    # PostgreSQL skips parsing and, where its plan cache judges it safe, planning. A talent
    # search page went from about 49 to 45 ms at the median (docs/deploy.md). A pooler in
    # transaction mode needs PgBouncer 1.21 or later with max_prepared_statements set, or
    # DATABASE_PREPARE_THRESHOLD=off.
    options["prepare_threshold"] = prepare_threshold(
        os.environ.get("DATABASE_PREPARE_THRESHOLD", "")
    )


def prepare_threshold(value: str) -> int | None:
    """psycopg's `prepare_threshold` from the environment: a whole number of runs, "off"
    (None: never prepare, Django's default), or psycopg's own default of 5 when unset."""
    value = value.strip().lower()
    if not value:
        return 5
    if value in {"off", "none", "no", "false"}:
        return None
    threshold = int(value)
    if threshold < 0:
        raise ValueError(f"DATABASE_PREPARE_THRESHOLD must be 0 or more, or off, not {value}")
    return threshold


tune_postgresql(DATABASES["default"])

# A read replica, when the deployment has one: the insights dashboards read their summaries
# from it (pahub/insights/routers.py, docs/insights.md); every write goes to default.
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
    # Tests read the replica as the default database, as a replica would be.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    tune_postgresql(DATABASES["replica"])
    DATABASE_ROUTERS = ["pahub.insights.routers.InsightsReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): email only, verified before first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[PA Hub] "
# Every allauth form says which answer is missing (pahub/accounts/forms.py).
ACCOUNT_FORMS = {
    "signup": "pahub.accounts.forms.SignupForm",
    "login": "pahub.accounts.forms.LoginForm",
    "reset_password": "pahub.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "pahub.accounts.forms.ResetPasswordKeyForm",
    "change_password": "pahub.accounts.forms.ChangePasswordForm",
    "set_password": "pahub.accounts.forms.SetPasswordForm",
    "add_email": "pahub.accounts.forms.AddEmailForm",
    "reauthenticate": "pahub.accounts.forms.ReauthenticateForm",
}
# Security alerts (password, email, two-factor changes) are emailed by allauth and shown in
# the notification centre by this subclass of accounts' adapter (notifications sits above).
ACCOUNT_ADAPTER = "pahub.notifications.security.SecurityAlertAccountAdapter"
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Lock out guessing: 5 failed logins per account per 5 minutes, plus per-IP limits.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/h/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:home"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_ADAPTER = "pahub.accounts.mfa_adapter.MFAAdapter"
MFA_TOTP_ISSUER = "PA Hub"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "pahub" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Uploaded files are private: kept outside any served folder, fetched through views
# that check permission.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "private-media"))

# Background work: Django's tasks API stored in the database; `manage.py db_worker` runs it.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A worker holds a lease on the task it runs and renews it while it runs; the sweep (every
# TASK_SWEEP_SECONDS, run by the clock) puts back a task whose lease ran out because its worker
# died, up to TASK_MAX_ATTEMPTS runs in all (pahub/core/task_leases.py, docs/adr/007).
TASK_LEASE_SECONDS = float(os.environ.get("TASK_LEASE_SECONDS", "60"))
TASK_SWEEP_SECONDS = float(os.environ.get("TASK_SWEEP_SECONDS", "60"))
TASK_MAX_ATTEMPTS = int(os.environ.get("TASK_MAX_ATTEMPTS", "3"))

# Email: two mailers. "default" records each message in the outbox and queues a task, so a
# slow mail server never slows a page; the worker hands it to "delivery": SMTP when EMAIL_HOST
# is set, otherwise the console (development). Failures are retried (pahub/core/mail.py).
if os.environ.get("EMAIL_HOST"):
    DELIVERY_MAILER = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ["EMAIL_HOST"],
            "port": int(os.environ.get("EMAIL_PORT", "587")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
        },
    }
else:
    DELIVERY_MAILER = {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
MAILERS = {
    "default": {"BACKEND": "pahub.core.mail.OutboxBackend"},
    "delivery": DELIVERY_MAILER,
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PA Hub <no-reply@pahub.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The cache holds sign-in rate limits and the one-time codes already used, so every web
# server process must see the same one: never a per-process memory cache. Redis when
# REDIS_URL is set (several machines); otherwise a table in the database, which `migrate`
# creates (core migration 0002).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "pahub_cache",
        }
    }
# A prefix for every key, so two deployments (or two benchmark runs) can share one Redis.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "")

# Security: strict by default, relaxed only for local development over http.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

from django.utils.csp import CSP  # noqa: E402

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}

# PA Hub's own settings.
PAHUB_SUPPORT = {
    "name": "PA Hub support team",
    "phone": os.environ.get("PAHUB_SUPPORT_PHONE", "0191 000 0000"),
    "email": os.environ.get("PAHUB_SUPPORT_EMAIL", "support@pahub.example.org"),
}
# Insights (docs/insights.md): counts of people from 1 to this number minus one show as
# "fewer than 5" (for 5), on every page, download, report and API answer.
PAHUB_INSIGHTS_SUPPRESS_BELOW = int(os.environ.get("PAHUB_INSIGHTS_SUPPRESS_BELOW", "5"))
# Reference requests email a PA's note to any address: at most this many a PA in 24 hours,
# withdrawn ones included, so the form cannot be used to send mail to anyone without limit.
REFERENCE_REQUESTS_PER_DAY = int(os.environ.get("REFERENCE_REQUESTS_PER_DAY", "5"))
# Emails about unread messages are batched: at most one per person per this many minutes.
MESSAGE_EMAIL_INTERVAL_MINUTES = int(os.environ.get("MESSAGE_EMAIL_INTERVAL_MINUTES", "15"))
# How long after posting a person may still change what they wrote in the community.
COMMUNITY_EDIT_WINDOW_MINUTES = int(os.environ.get("COMMUNITY_EDIT_WINDOW_MINUTES", "30"))
# Community posting limits (pahub/community/moderation/screening.py), counted from the posts
# themselves so every server agrees. New accounts get tighter limits: most spam and abuse
# comes from accounts made for it, and real newcomers rarely post more than this.
COMMUNITY_NEW_ACCOUNT_DAYS = int(os.environ.get("COMMUNITY_NEW_ACCOUNT_DAYS", "7"))
COMMUNITY_POSTING_LIMITS = {
    # (posts allowed, in this many minutes)
    "new": [(3, 10), (10, 24 * 60)],
    "established": [(30, 60)],
    **json.loads(os.environ.get("COMMUNITY_POSTING_LIMITS", "{}")),
}
# Days to keep each kind of personal data, by retention rule name, where it differs from the
# rule's default (pahub/core/retention.py; /privacy/retention/ shows the periods in force).
RETENTION_DAYS: dict[str, int] = json.loads(os.environ.get("RETENTION_DAYS", "{}"))

FORM_RENDERER = "pahub.core.forms.GovukFormRenderer"
