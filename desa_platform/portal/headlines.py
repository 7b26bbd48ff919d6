"""The headline index: the one narrow channel by which a tenant's published news reaches the public schema.

Written by Wagtail's publish/unpublish/delete signals inside the tenant (only for page types that say
`portal_headline = True`), read by a kecamatan's list of its desa and kelurahan (through tenancy/current.py).
A change bumps the page cache of the kecamatan that shows it, after the commit.
"""

import datetime

from django.db import connection, transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import Desa

from .models import Headline

VILLAGE_KINDS = (Desa.Kind.DESA, Desa.Kind.KELURAHAN)


def _is_headline(page) -> bool:
    return bool(getattr(page.specific_class, "portal_headline", False))


def _tenant() -> Desa | None:
    schema = getattr(connection, "schema_name", "public")
    if schema == "public":
        return None
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Desa):
        return tenant
    return Desa.objects.filter(schema_name=schema).first()


def publish(page) -> None:
    desa = _tenant()
    if desa is None or not _is_headline(page):
        return
    page = page.specific
    date = getattr(page, "tanggal", None) or (page.first_published_at or datetime.datetime.now()).date()
    summary = Truncator(strip_tags(getattr(page, "listing_summary", "") or "")).chars(290)
    try:
        url = page.get_full_url() or page.url_path
    except Exception:  # a page outside the site's tree: better no link than no headline
        url = ""
    Headline.objects.update_or_create(
        desa=desa,
        page_id=page.pk,
        defaults={"title": page.title[:255], "url": url[:500], "tanggal": date, "summary": summary},
    )
    _refresh_readers(desa)


def withdraw(page) -> None:
    desa = _tenant()
    if desa is None or not _is_headline(page):
        return
    if Headline.objects.filter(desa=desa, page_id=page.pk).delete()[0]:
        _refresh_readers(desa)


def _refresh_readers(desa: Desa) -> None:
    """The kecamatan whose page lists this desa's headlines shows fresh ones on its next request."""
    from desa_platform.pagecache import store

    readers = list(
        Desa.objects.filter(
            kind=Desa.Kind.KECAMATAN, kabupaten__iexact=desa.kabupaten, kecamatan__iexact=desa.kecamatan
        ).values_list("schema_name", flat=True)
    )

    def bump():
        for schema in readers:
            with schema_context(schema):
                store.bump()

    transaction.on_commit(bump)


def latest_in_kecamatan(kabupaten: str, kecamatan: str, limit: int = 6) -> list[Headline]:
    return list(
        Headline.objects.filter(
            desa__kabupaten__iexact=kabupaten,
            desa__kecamatan__iexact=kecamatan,
            desa__kind__in=VILLAGE_KINDS,
            desa__status=Desa.Status.ACTIVE,
        )
        .select_related("desa")
        .order_by("-tanggal", "-pk")[:limit]
    )


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(lambda sender, instance, **kw: publish(instance), weak=False, dispatch_uid="headline-pub")
    page_unpublished.connect(
        lambda sender, instance, **kw: withdraw(instance), weak=False, dispatch_uid="headline-unpub"
    )

    def deleted(sender, instance, **kw):
        if isinstance(instance, Page):
            withdraw(instance)

    post_delete.connect(deleted, weak=False, dispatch_uid="headline-delete")

    def office_changed(sender, instance, **kw):
        # A desa made, suspended, resumed or deleted: its kecamatan's list shows it on the next request.
        if instance.kind in VILLAGE_KINDS:
            _refresh_readers(instance)

    post_save.connect(office_changed, sender=Desa, weak=False, dispatch_uid="headline-office-saved")
    post_delete.connect(office_changed, sender=Desa, weak=False, dispatch_uid="headline-office-deleted")
