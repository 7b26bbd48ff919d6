import re
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import connection, transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.module_loading import import_string
from django_tenants.utils import schema_context, schema_exists

from .. import spares, template_schema
from ..current import facts_for
from ..models import Desa, Domain, kode_pos_validator, kode_wilayah_validator
from ..schemas import public_schema
from ..themes import available_themes
from .errors import ServiceError

SLUG_RE = re.compile(r"^[a-z][a-z0-9-]{1,48}[a-z0-9]$")
DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
RESERVED_SLUGS = {
    "public",
    "information-schema",
    "information_schema",
    "template",
    "desa-template",
    "admin",
    "console",
    "static",
    "media",
    "www",
    "api",
    "postgres",
    "root",
}


@dataclass
class DesaSpec:
    slug: str
    name: str
    domains: list[str]
    kind: str = Desa.Kind.DESA
    kecamatan: str = ""
    kabupaten: str = ""
    provinsi: str = ""
    kode_pos: str = ""
    kode_wilayah: str = ""
    theme: str = ""
    aliases: list[str] = field(default_factory=list)
    # The first admin, when known (bulk CSV): the one-time link goes there by mail instead of the sheet.
    admin_email: str = ""
    admin_name: str = ""


def schema_name_for(slug: str) -> str:
    return slug.replace("-", "_")


def validate(spec: DesaSpec) -> None:
    errors = []
    if not SLUG_RE.match(spec.slug or ""):
        errors.append(
            f"Slug '{spec.slug}' tidak sah: gunakan 3–50 huruf kecil, angka atau tanda hubung, diawali huruf."
        )
    elif spec.slug in RESERVED_SLUGS or spec.slug.startswith("pg-") or schema_name_for(spec.slug) in RESERVED_SLUGS:
        errors.append(f"Slug '{spec.slug}' dicadangkan oleh sistem; pilih nama lain.")
    elif schema_name_for(spec.slug).startswith(template_schema.TEMPLATE_SCHEMA):
        errors.append(f"Slug '{spec.slug}' dicadangkan oleh sistem; pilih nama lain.")
    elif Desa.objects.filter(slug=spec.slug).exists() or schema_exists(schema_name_for(spec.slug)):
        errors.append(f"Slug '{spec.slug}' sudah dipakai.")
    if not (spec.name or "").strip():
        errors.append("Nama desa wajib diisi.")
    if spec.kind not in Desa.Kind.values:
        errors.append(f"Jenis '{spec.kind}' tidak dikenal; pilih salah satu: {', '.join(Desa.Kind.values)}.")
    if spec.kode_pos:
        try:
            kode_pos_validator(spec.kode_pos)
        except Exception:
            errors.append(f"Kode pos '{spec.kode_pos}' harus 5 angka.")
    if spec.kode_wilayah:
        try:
            kode_wilayah_validator(spec.kode_wilayah)
        except Exception:
            errors.append(f"Kode wilayah '{spec.kode_wilayah}' tidak sah: tulis seperti 35.23.12.2002.")
    if spec.theme and spec.theme not in available_themes():
        errors.append(f"Tema '{spec.theme}' tidak ada; pilih salah satu: {', '.join(available_themes())}.")
    domains = [d.strip().lower() for d in spec.domains + spec.aliases]
    if not domains:
        errors.append("Minimal satu domain wajib diisi.")
    for domain in domains:
        if not DOMAIN_RE.match(domain):
            errors.append(f"Domain '{domain}' tidak sah.")
        elif domain in {d.lower() for d in settings.PLATFORM_DOMAINS}:
            errors.append(f"Domain '{domain}' adalah domain platform, bukan domain desa.")
        elif Domain.objects.filter(domain=domain).exists():
            errors.append(f"Domain '{domain}' sudah dipakai desa lain.")
    if len(set(domains)) != len(domains):
        errors.append("Domain yang sama disebut dua kali.")
    if errors:
        raise ServiceError(" ".join(errors))


def create_desa(spec: DesaSpec, template=None) -> Desa:
    """Create a desa (or any kind of office) by cloning its kind's template schema; all or nothing. A bulk run
    passes the template it checked."""
    with public_schema():
        validate(spec)
        # Each kind is cloned from its own template (its own default tree and words).
        if template is None or template.schema_name != template_schema.schema_for(spec.kind):
            template = template_schema.ensure_template(kind=spec.kind)
        domains = [d.strip().lower() for d in spec.domains + spec.aliases]
        with transaction.atomic():
            desa = Desa.objects.create(
                schema_name=schema_name_for(spec.slug),
                slug=spec.slug,
                name=spec.name.strip(),
                kind=spec.kind,
                kecamatan=spec.kecamatan,
                kabupaten=spec.kabupaten,
                provinsi=spec.provinsi,
                kode_pos=spec.kode_pos,
                kode_wilayah=spec.kode_wilayah,
                theme=spec.theme or settings.DESA_DEFAULT_THEME,
            )
            for index, domain in enumerate(domains):
                Domain.objects.create(domain=domain, tenant=desa, is_primary=index == 0)
            # A spare made ahead of time is a rename; without one, the clone is made now.
            if not spares.take(template, desa.schema_name):
                template_schema.clone(template, desa.schema_name)
            personalise(desa, domains[0])
    return desa


def personalise(desa: Desa, primary_domain: str) -> None:
    from wagtail.models import Site

    from desa_platform.pagecache import store

    with schema_context(desa.schema_name):
        Site.objects.update(
            hostname=primary_domain, port=settings.DESA_SITE_PORT, site_name=desa.display_name, is_default_site=True
        )
        # update() sends no signal: a new generation, or every worker would go on with what it remembered of
        # this schema (its Site, a deleted desa of the same slug's pages and settings).
        Site.clear_site_root_paths_cache()
        import_string(settings.DESA_TENANT_PERSONALISER)(facts_for(desa, primary_domain))
        store.bump_now_and_on_commit()


def delete_desa(desa: Desa) -> None:
    with public_schema(), transaction.atomic():
        schema = desa.schema_name
        desa.domains.all().delete()
        desa.delete()
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def site_root_url(desa: Desa) -> str:
    return facts_for(desa).url


def ensure_first_admin(
    desa: Desa, username: str = "admin", email: str = "", full_name: str = ""
) -> tuple[object, str | None]:
    """The desa's first administrator; returns the user and a one-time set-password link while it is unused."""
    User = get_user_model()
    first_name, _, last_name = (full_name or "").strip().partition(" ")
    with schema_context(desa.schema_name):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": email,
                "first_name": first_name[:150],
                "last_name": last_name[:150],
                "is_staff": True,
                # Not a superuser: the Site's domain, workflows and roles' permissions are Diskominfo's.
                "is_superuser": False,
            },
        )
        if created or user.is_superuser:
            if created:
                user.set_unusable_password()
            user.is_superuser = False
            user.save()
        # ... and holds the desa's approving role (groups made in the template schema by sites/desa_admin/roles.py)
        user.groups.add(*user.groups.model.objects.filter(name__in=settings.DESA_FIRST_ADMIN_GROUPS))
        if user.has_usable_password() and user.last_login:
            return user, None
        path = reverse(
            "wagtailadmin_password_reset_confirm",
            urlconf=settings.ROOT_URLCONF,
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
        return user, site_root_url(desa) + path
