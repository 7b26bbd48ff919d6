"""Facts about every desa's content for the console's list, from ONE UNION ALL query over their schemas.

Page apps are read defensively, by what the app registry says exists: a news article is a leaf page type of
the `berita` app; a required transparency page is a leaf page of the `transparansi` app that came with the
template. A page "has not been touched" when its latest revision is not newer than the desa's creation.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.db import connection
from django.utils import timezone

from ..models import Desa
from ..schemas import public_schema

STALE_DAYS = 90


def leaf_page_models(app_label: str) -> list[str]:
    """Model names (lower case, as in django_content_type) of an app's page types that take no children."""
    from wagtail.models import Page

    try:
        config = apps.get_app_config(app_label)
    except LookupError:
        return []
    return [
        model._meta.model_name
        for model in config.get_models()
        if issubclass(model, Page) and getattr(model, "subpage_types", None) == []
    ]


@dataclass
class ContentFacts:
    """How a desa's site is kept: its last change, recent news, profile completeness, what needs attention.
    (Who the desa is, its name and place, is tenancy.current.DesaFacts.)"""

    last_change: datetime | None = None
    news_30: int | None = None
    news_90: int | None = None
    completeness: int = 0
    missing: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)

    @property
    def needs_attention(self) -> bool:
        return bool(self.attention)


def _branch(schema: str) -> str:
    s = f'"{schema}"'
    cts = f"(SELECT id FROM {s}.django_content_type WHERE app_label = %s AND model = ANY(%s))"
    edited = "p.latest_revision_created_at > %s"
    return (
        f"SELECT %s, "
        f"(SELECT max(greatest(p.last_published_at, p.latest_revision_created_at)) FROM {s}.wagtailcore_page p), "
        f"(SELECT count(*) FROM {s}.wagtailcore_page p WHERE p.live AND p.content_type_id IN {cts} "
        f"AND p.first_published_at >= now() - interval '30 days'), "
        f"(SELECT count(*) FROM {s}.wagtailcore_page p WHERE p.live AND p.content_type_id IN {cts} "
        f"AND p.first_published_at >= now() - interval '90 days'), "
        f"(SELECT count(*) FROM {s}.wagtailcore_page p WHERE p.live AND p.content_type_id IN {cts}), "
        f"EXISTS (SELECT 1 FROM {s}.wagtailcore_page p WHERE p.depth = 2 AND {edited}), "
        f"EXISTS (SELECT 1 FROM {s}.wagtailcore_page p JOIN {s}.django_content_type c ON c.id = p.content_type_id "
        f"WHERE c.app_label = 'profil' AND {edited}), "
        f"(SELECT count(*) FROM {s}.wagtailcore_page p WHERE p.numchild = 0 AND p.content_type_id IN {cts} "
        f"AND NOT COALESCE({edited}, false)), "
        f"EXISTS (SELECT 1 FROM {s}.wagtailimages_image), "
        f"EXISTS (SELECT 1 FROM {s}.wagtaildocs_document)"
    )


def _params(desa: Desa, news: list[str], required: list[str]) -> list:
    created = desa.created
    return [
        desa.schema_name,
        "berita",
        news,
        "berita",
        news,
        "berita",
        news,
        created,
        created,
        "transparansi",
        required,
        created,
    ]


CACHE_KEY = "tenancy:overview:v2"  # v2: the kept values are ContentFacts (pickled by class name)
CACHE_SECONDS = 300


def cached_facts(desas: list[Desa], refresh: bool = False) -> dict[str, ContentFacts]:
    """facts() for the console's list: kept for CACHE_SECONDS (the UNION ALL over 400 schemas takes seconds);
    a desa not in the kept summary yet (new, restored) is computed at once."""
    from django.core.cache import cache

    with public_schema():
        kept = {} if refresh else (cache.get(CACHE_KEY) or {})
        stamp = {d.schema_name: (d.pk, d.created) for d in desas}
        missing = [d for d in desas if kept.get(d.schema_name, (None,))[0] != stamp[d.schema_name]]
        if missing:
            fresh = facts(missing)
            kept.update({d.schema_name: (stamp[d.schema_name], fresh[d.schema_name]) for d in missing})
            cache.set(CACHE_KEY, kept, CACHE_SECONDS)
    return {d.schema_name: kept[d.schema_name][1] for d in desas}


def facts(desas: list[Desa]) -> dict[str, ContentFacts]:
    """schema_name → ContentFacts for every given desa, in one query."""
    if not desas:
        return {}
    news = leaf_page_models("berita")
    required = leaf_page_models("transparansi")
    with public_schema(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT n.nspname FROM pg_namespace n WHERE n.nspname = ANY(%s) AND EXISTS (SELECT 1 FROM pg_class c "
            "WHERE c.relnamespace = n.oid AND c.relname = 'wagtailcore_page')",
            [[d.schema_name for d in desas]],
        )
        ready = {row[0] for row in cursor.fetchall()}
        present = [d for d in desas if d.schema_name in ready]
        rows = []
        if present:
            params = []
            for desa in present:
                params += _params(desa, news, required)
            cursor.execute(" UNION ALL ".join(_branch(d.schema_name) for d in present), params)
            rows = cursor.fetchall()
    by_schema = {desa.schema_name: desa for desa in desas}
    result = {desa.schema_name: ContentFacts(attention=["skema tidak ditemukan"]) for desa in desas}
    now = timezone.now()
    for schema, last, n30, n90, n_all, home, profil, empty_required, images, documents in rows:
        desa = by_schema[schema]
        item = ContentFacts()
        item.last_change = last if last and last > desa.created else None
        if news:
            item.news_30, item.news_90 = n30, n90
        checks = {
            "kode pos": bool(desa.kode_pos),
            "wilayah (kecamatan, kabupaten, provinsi)": all([desa.kecamatan, desa.kabupaten, desa.provinsi]),
            "beranda disunting": home,
            "profil desa disunting": profil,
            "ada foto": images,
            "ada dokumen": documents,
        }
        if news:
            checks["ada berita"] = n_all > 0
        if required:
            checks["halaman transparansi terisi"] = empty_required == 0
        item.missing = [name for name, ok in checks.items() if not ok]
        item.completeness = round(100 * sum(checks.values()) / len(checks))
        since = item.last_change or desa.created
        if now - since > timedelta(days=STALE_DAYS):
            item.attention.append(f"tidak ada pembaruan {STALE_DAYS} hari")
        if required and empty_required:
            item.attention.append(f"{empty_required} halaman transparansi wajib masih kosong")
        result[schema] = item
    return result
