"""Settings shared by every profile; everything that differs between machines comes from the environment.

Importing this starts nothing and creates nothing (as cookiecutter-django's config/settings/base.py): the
embedded PostgreSQL and the folders are the entry points' job (desa_platform/bootstrap.py). Each default lives
here once; code reads `settings.X`, never `getattr(settings, "X", default)`.

Over 300 lines on purpose: one file, so a setting and its default are found with one search and a profile's override
is never hidden in a third module.
"""

from pathlib import Path

import environ

from desa_platform import embedded_db

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(env.str("DESA_VAR_DIR", default=str(BASE_DIR / "var")))

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
# Tenant domains are data, not settings: the tenancy middleware turns unknown hosts away with a 404.
ALLOWED_HOSTS = ["*"]
PLATFORM_DOMAINS = env.list("PLATFORM_DOMAINS", default=["localhost", "127.0.0.1"])
# Port written into each desa's Wagtail Site, so full URLs (sitemap, canonical, admin mail) are right.
DESA_SITE_PORT = env.int("DESA_SITE_PORT", default=80)
DESA_DEFAULT_THEME = env.str("DESA_DEFAULT_THEME", default="klasik")
DESA_TEMPLATE_BUILDER = "sites.core.default_tree.build"
# Called in a new office's schema after its clone, with its facts: what the template could not know by kind alone
# (an OPD's head is a Kepala Badan or an Inspektur by its name).
DESA_TENANT_PERSONALISER = "sites.desa_admin.roles.personalise"

SHARED_APPS = [
    "django_tenants",
    "desa_platform.tenancy",
    "desa_platform.portal",
    "desa_platform.pagecache",
    "desa_platform.console",
    "desa_platform.monitoring",
    "desa_platform.outbox",  # mail sent after the response, for every desa (public schema)
    "desa_platform.security",  # client address, login slow-down, hostile query strings, headers
    # the platform CA and signer backends (lokal, BSrE): keys and certificates in public, keyed by desa schema
    "desa_platform.signing",
    # TOTP two-factor: required for Diskominfo staff (console), optional for desa admins
    "django_otp",
    "django_otp.plugins.otp_totp",
    # login lockout: AccessAttempt tables in public (console) and in every desa schema (TENANT_APPS)
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
TENANT_APPS = [
    # auth and sessions live in every desa schema too: users and logins never cross desa (django-tenants#52)
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # before wagtail.admin: its templates/wagtailadmin/ overrides (the desa's name on login, dashboard, titles) win
    "sites.desa_admin.branding",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "sites.desa_admin.apps.DesaUsersConfig",  # wagtail.users with the desa's user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "sites.core",
    "sites.home",
    "sites.profil",
    "sites.pemerintahan",
    "sites.berita",
    "sites.layanan",
    "sites.informasi",
    "sites.transparansi",
    "sites.galeri",
    "sites.kontak",
    "sites.search",
    # the other kinds of office: documents lists, a kecamatan's desa, an OPD's and a puskesmas's own pages
    "sites.dokumen",
    "sites.wilayah",
    "sites.opd",
    "sites.puskesmas",
    "sites.tampilan",
    "sites.surat",
    # last: replaces Wagtail's media permission policies, and syncs roles once every app's permissions exist
    "sites.desa_admin",
]
INSTALLED_APPS = SHARED_APPS + [app for app in TENANT_APPS if app not in SHARED_APPS]

TENANT_MODEL = "tenancy.Desa"
TENANT_DOMAIN_MODEL = "tenancy.Domain"
PUBLIC_SCHEMA_URLCONF = "desa_platform.urls_public"
ROOT_URLCONF = "desa_platform.urls_tenants"
TENANT_LIMIT_SET_CALLS = True
DATABASE_ROUTERS = ("django_tenants.routers.TenantSyncRouter",)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # outside the page cache: a cached page gets its CSP and X-Frame-Options too
    "desa_platform.security.middleware.SecurityHeadersMiddleware",
    "desa_platform.security.middleware.RejectNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "desa_platform.tenancy.middleware.TenantRoutingMiddleware",
    # counts page views per desa per day, also those the page cache answers (no cookie, no address kept)
    "desa_platform.monitoring.middleware.VisitCounterMiddleware",
    "sites.core.not_found.DesaNotFoundMiddleware",  # the desa's 404 page with DEBUG on too (the pilot)
    "desa_platform.pagecache.middleware.PageCacheMiddleware",
    "desa_platform.pagecache.middleware.GenerationMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # ends a Diskominfo support session in a desa's admin when it expires or is closed from the console
    "desa_platform.console.middleware.SupportSessionMiddleware",
    # a desa user who enrolled TOTP enters an admin page only after the code (sites/desa_admin/otp)
    "sites.desa_admin.otp.middleware.AdminOTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "desa_platform.console.middleware.TenantRedirectMiddleware",  # Wagtail's, for desa domains only
    "axes.middleware.AxesMiddleware",
    "desa_platform.security.throttle.ThrottleMiddleware",
]

THEMES_DIR = BASE_DIR / "themes"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "OPTIONS": {
            "loaders": [
                # Cached per (theme, template name): a desa never gets another theme's template.
                (
                    "desa_platform.tenancy.themes.CachedThemeLoader",
                    ["desa_platform.tenancy.themes.ThemeLoader", "sites.desa_admin.template_fixes.Loader"],
                )
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sites.core.context_processors.desa",
                "desa_platform.pagecache.context_processors.content_generation",
            ],
        },
    }
]

WSGI_APPLICATION = "desa_platform.wsgi.application"


# Without DATABASE_URL, the embedded server of this data folder (started by desa_platform/bootstrap.py).
EMBEDDED_PG_DATA = (
    None if env.str("DATABASE_URL", default="") else Path(env.str("EMBEDDED_PG_DATA", default=str(VAR_DIR / "pgdata")))
)


def database_config() -> dict:
    if EMBEDDED_PG_DATA is None:
        config = env.db_url("DATABASE_URL")
    else:
        config = embedded_db.planned_settings(EMBEDDED_PG_DATA, env.str("EMBEDDED_PG_DB", default="desa"))
    config["ENGINE"] = "desa_platform.db"
    config["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
    config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": database_config()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")


def cache(location_suffix: str) -> dict:
    # Every alias is tenant-aware: Wagtail keeps site root paths under a global key (see README).
    if REDIS_URL:
        return {
            # Redis down = uncached, not down (desa_platform/pagecache/resilient.py)
            "BACKEND": "desa_platform.pagecache.resilient.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
            "KEY_PREFIX": f"desa-{location_suffix}",
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": location_suffix,
        "KEY_FUNCTION": "django_tenants.cache.make_key",
        # Django's default of 300 entries would evict the pages of a few dozen desa.
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }


# After the shared cache failed, how long a worker serves without it before trying again.
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=5.0)

# Admin previews render with this alias for `{% cache %}` fragments: it keeps nothing, so an editor's unsaved
# text is never stored where visitors' pages read from.
PREVIEW_CACHE = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
CACHES = {"default": cache("default"), "renditions": cache("renditions"), "preview": PREVIEW_CACHE}


def shared_file_caches() -> dict:
    """One cache for every process on this machine (workers, `manage.py desa`, console jobs) when there is no
    Redis: a change made in one process (a new domain, a publish) must reach the others. One folder per
    database: every database has a `desa_template` schema, and keys carry only the schema."""
    folder = VAR_DIR / "cache" / DATABASES["default"]["NAME"]
    return {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(folder / alias),
            "KEY_FUNCTION": "django_tenants.cache.make_key",
            # Django's default of 300 entries would cull the pages of a few dozen desa at random.
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        }
        for alias in ("default", "renditions")
    } | {"preview": PREVIEW_CACHE}


# Page cache (desa_platform/pagecache): how long Django keeps a page, a browser keeps it, nginx in front keeps it
# (nginx cannot hear of a publish, so seconds), and how many desa each worker keeps a memo for.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
PAGE_BROWSER_MAX_AGE = env.int("PAGE_BROWSER_MAX_AGE", default=60)
PAGE_PROXY_SECONDS = env.int("PAGE_PROXY_SECONDS", default=5)
PAGE_CACHE_ALIAS = "default"
VISITS_CACHE_ALIAS = "default"  # desa_platform/monitoring/visits.py counts page views here
# How often a worker adds the views it counted to that cache (a file write per view would cost 1-3 ms).
VISITS_WRITE_SECONDS = env.float("VISITS_WRITE_SECONDS", default=1.0)
DESA_MEMO_DESA = env.int("DESA_MEMO_DESA", default=256)
# Answers one per page (a page's row with an article's body, its tags, its picture's renditions) each desa's
# memo keeps of each kind (sites/core/memo.py remember_some); past that a page costs a query or two.
DESA_MEMO_PAGES = env.int("DESA_MEMO_PAGES", default=32)
# How often a worker asks the shared cache whether a desa or domain changed.
ROUTING_CHECK_SECONDS = env.float("ROUTING_CHECK_SECONDS", default=1.0)

# Wagtail 8 runs some work as django-tasks; a queued backend would lose the tenant's schema.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "sites.desa_admin.security.LettersAndDigitsValidator"},
]

LANGUAGE_CODE = "id"
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# The admin speaks Indonesian only: English would parse 05/10 as month/day behind the clerk's back.
LANGUAGES = [("id", "Bahasa Indonesia")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia")]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    (f"themes/{theme.name}", theme / "static") for theme in sorted(THEMES_DIR.iterdir()) if (theme / "static").is_dir()
]
# Per-desa backup files (desa_platform/tenancy/services/backup/): a 0700 folder, sealed with DESA_BACKUP_KEY
# (required in production; dev and test derive their own), and caps on what a restore will open.
DESA_BACKUP_DIR = Path(env.str("DESA_BACKUP_DIR", default=str(VAR_DIR / "backups")))
DESA_BACKUP_KEY = env.str("DESA_BACKUP_KEY", default="")
DESA_BACKUP_MAX_BYTES = env.int("DESA_BACKUP_MAX_BYTES", default=4 * 1024**3)
DESA_BACKUP_MAX_UNPACKED_BYTES = env.int("DESA_BACKUP_MAX_UNPACKED_BYTES", default=16 * 1024**3)
# A restore into a live desa waits this long after putting it in maintenance, so every worker has seen it.
DESA_MAINTENANCE_DRAIN_SECONDS = env.float("DESA_MAINTENANCE_DRAIN_SECONDS", default=ROUTING_CHECK_SECONDS + 0.5)
# Console work (desa_platform/tenancy/services): bulk creation's worker threads, or inline in the request (tests),
# and how long a Diskominfo support session in a desa's admin lasts.
# 3 on 2 cores: a clone also waits on the disk (PostgreSQL 15 syncs each of its ~450 new B-trees), and a third
# thread keeps the cores busy meanwhile (bench/tuban.py: 147 s with 2, 104 s with 3). Each clone holds ~900
# locks until it commits; keep max_locks_per_transaction × max_connections well above 900 per worker.
DESA_BULK_WORKERS = env.int("DESA_BULK_WORKERS", default=3)
# Clones of each kind's template kept ready, so a single create is a schema rename (tenancy/spares.py); each
# costs one tenant's catalog and ~8 MB of disk. Refilled by `desa isi-cadangan` (timer), upgrade and `up`.
DESA_SPARE_SCHEMAS = env.int("DESA_SPARE_SCHEMAS", default=2)
DESA_BULK_INLINE = env.bool("DESA_BULK_INLINE", default=False)
DESA_SUPPORT_MINUTES = env.int("DESA_SUPPORT_MINUTES", default=60)
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Residents' attachments and signed letters (sites/surat): outside MEDIA_ROOT so no web server maps them;
# served only through permission-checked views, one folder per desa schema.
SURAT_PRIVATE_ROOT = Path(env.str("SURAT_PRIVATE_ROOT", default=str(VAR_DIR / "private")))
STORAGES = {
    # Each desa's uploads live under MEDIA_ROOT/<schema>/.
    "default": {"BACKEND": "desa_platform.tenancy.media.DesaFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Desa Digital"
# Renditions as WebP: a third of a phone photo's JPEG weight for residents on mobile data.
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"jpeg": "webp", "png": "webp", "bmp": "webp", "heic": "webp", "avif": "webp"}
# PostgreSQL full text with its Snowball 'indonesian' configuration: 'pembangunan', 'membangun' and 'bangun'
# share one stem (compared with Sastrawi in bench/search_stemmers.py). The index lives in each desa's schema.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "indonesian"}}
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
X_FRAME_OPTIONS = "DENY"  # Wagtail marks its own preview views SAMEORIGIN; nothing else is framed
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# --- Desa admins (sites/desa_admin): roles, language, uploads, account safety ---
# The role ensure_first_admin gives a new office's first admin: its head's, named per kind (sites/desa_admin/roles.py);
# a tenant has one of them.
DESA_FIRST_ADMIN_GROUPS = [
    *("Kepala Desa", "Lurah", "Camat", "Kepala Dinas", "Kepala Puskesmas"),
    *("Kepala Badan", "Inspektur", "Kepala Satuan", "Sekretaris DPRD", "Sekretaris Daerah", "Kepala Kantor"),
]
# Wagtail's own Indonesian catalog misses ~350 admin strings (sidebar, edit screen, dashboard); ours fills them.
# A LOCALE_PATHS entry because the admin's JavaScript catalog reads only wagtail.admin and LOCALE_PATHS.
LOCALE_PATHS = [BASE_DIR / "sites" / "desa_admin" / "locale"]
WAGTAILADMIN_USER_LOGIN_FORM = "sites.desa_admin.forms.DesaLoginForm"
# No Gravatar: it would tell gravatar.com each clerk's e-mail hash, and it is a broken image offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No WAGTAILADMIN_NOTIFICATION_FROM_EMAIL: workflow, comment and password mail name no sender, and the outbox
# sends what a desa's request sends as "Desa Socorejo <noreply@socorejo.desa.id>" (desa_platform/outbox/queue.py).
WAGTAIL_DATE_FORMAT = "%d-%m-%Y"
WAGTAIL_DATETIME_FORMAT = "%d-%m-%Y %H.%M"
WAGTAIL_TIME_FORMAT = "%H.%M"
# Phone photos: checked by content, re-encoded without EXIF (sites/desa_admin/uploads/images.py).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "heic"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "sites.desa_admin.uploads.images.DesaImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "txt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "sites.desa_admin.uploads.documents.DesaDocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document is a download, never rendered in the site's origin
# Draftail has no raw-HTML feature; its links pass wagtail.whitelist.check_url, so no javascript: URL is saved.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link", "image", "embed"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea", "OPTIONS": {"features": RICH_TEXT_FEATURES}}
}
# Mail: a request only stores it in the outbox (desa_platform/outbox); `manage.py desa outbox-send` delivers it
# with OUTBOX_DELIVERY_BACKEND (the environment's EMAIL_BACKEND), each mail-server step at most EMAIL_TIMEOUT s.
EMAIL_BACKEND = "desa_platform.outbox.backend.OutboxEmailBackend"
OUTBOX_DELIVERY_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)  # backoff 1, 2, 4 … 60 min: about 4 hours
OUTBOX_KEEP_SENT_DAYS = env.int("OUTBOX_KEEP_SENT_DAYS", default=30)
OUTBOX_POLL_SECONDS = env.float("OUTBOX_POLL_SECONDS", default=2.0)
OUTBOX_SEND_AFTER_COMMIT = False  # dev: a thread sends at once, so `up` shows mail without a sender running

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "desa_platform.security.throttle.ThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
# Only the pair is locked: a stranger failing with a desa's public first-admin name locks only themselves; the
# account and the address are slowed down instead (desa_platform/security/throttle.py).
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
THROTTLE_ACCOUNT_AFTER = env.int("THROTTLE_ACCOUNT_AFTER", default=10)  # failures of one account, any address
THROTTLE_ADDRESS_AFTER = env.int("THROTTLE_ADDRESS_AFTER", default=50)  # of one address (CGNAT: many residents)
THROTTLE_MAX_WAIT = env.int("THROTTLE_MAX_WAIT", default=60)  # seconds between attempts at most
# Peers whose X-Forwarded-For is believed (our nginx); a unix-socket peer (empty address) always is.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.0/8", "::1"])
AXES_COOLOFF_TIME = 0.5  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "desa_admin/lockout.html"
AXES_CLIENT_IP_CALLABLE = "desa_platform.security.clientip.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Electronic signatures (desa_platform/signing; README "Tanda tangan elektronik") ---
# "lokal": the platform's own CA (Diskominfo root → desa intermediate → signer); "bsre": BSSN's esign-client.
# Not SIGNING_BACKEND: that name is Django's cookie signer class (messages, sessions) and broke every request.
DESA_SIGNING_BACKEND = env.str("SIGNING_BACKEND", default="lokal")
# Encrypts signers' and CAs' private keys at rest (AES-256-GCM, HKDF from this); at least 32 characters.
# dev/test set their own non-secret value; production has no default (production.py).
SIGNING_KEY_ENCRYPTION_KEY = env.str("SIGNING_KEY_ENCRYPTION_KEY", default="")
# Former keys, only while `manage.py signing_rekey` re-encrypts everything under the new one.
SIGNING_KEY_ENCRYPTION_KEYS_OLD = env.list("SIGNING_KEY_ENCRYPTION_KEYS_OLD", default=[])
SIGNING_CA_NAME = env.str("SIGNING_CA_NAME", default="Diskominfo Kabupaten Tuban")
SIGNING_PASSPHRASE_ITERATIONS = env.int("SIGNING_PASSPHRASE_ITERATIONS", default=200_000)
SIGNING_MAX_ATTEMPTS = env.int("SIGNING_MAX_ATTEMPTS", default=5)
SIGNING_LOCKOUT_MINUTES = env.int("SIGNING_LOCKOUT_MINUTES", default=15)
# BSrE (esign-client API): base URL of the kabupaten's esign-client, its basic-auth account, a short timeout,
# and BSrE's root certificate(s) (PEM files) so verify_pdf trusts BSrE signatures too.
SIGNING_BSRE_URL = env.str("SIGNING_BSRE_URL", default="")
SIGNING_BSRE_USER = env.str("SIGNING_BSRE_USER", default="")
SIGNING_BSRE_PASSWORD = env.str("SIGNING_BSRE_PASSWORD", default="")
SIGNING_BSRE_TIMEOUT = env.float("SIGNING_BSRE_TIMEOUT", default=10.0)
SIGNING_BSRE_TRUST_ROOTS = env.list("SIGNING_BSRE_TRUST_ROOTS", default=[])
# PAdES B-T: an RFC 3161 timestamp from this TSA on every local-CA signature; off when empty. A TSA that does not
# answer within SIGNING_TSA_TIMEOUT seconds leaves that letter B-B (logged) instead of refusing to sign. The
# TSA's root certificate(s) (PEM files) let verify_pdf trust its timestamps.
SIGNING_TSA_URL = env.str("SIGNING_TSA_URL", default="")
SIGNING_TSA_TIMEOUT = env.float("SIGNING_TSA_TIMEOUT", default=5.0)
SIGNING_TSA_TRUST_ROOTS = env.list("SIGNING_TSA_TRUST_ROOTS", default=[])
# --- Monitoring (desa_platform/monitoring): where judol alerts go, and the console's address in mails ---
MONITOR_ALERT_EMAILS = env.list("MONITOR_ALERT_EMAILS", default=[])
MONITOR_CONSOLE_URL = env.str("MONITOR_CONSOLE_URL", default="http://localhost:8000/console/")
