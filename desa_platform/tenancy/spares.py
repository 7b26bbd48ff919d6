"""Spare schemas: clones of each kind's template made ahead of time, so creating an office is a rename.

A clone replays ~720 relations (about 0.4 s of PostgreSQL CPU, 0.6 s on a busy machine), and an operator who
creates one office in the console waits for it. A spare is that same clone made earlier — by the
`desa isi-cadangan` timer, after `desa upgrade`, at `run.py up` — and a create takes one under a row lock
(SKIP LOCKED: two creates never take the same) and renames it with ALTER SCHEMA … RENAME, one catalog row:
tables, sequences and identity defaults follow by OID. The rename is part of the create's transaction, so a
failed create gives the spare back. A spare copies one build of its template (fingerprint and build time); one
of an older build is never taken and the next fill drops it. Spares are named under the template prefix, which
no slug may take, and have no Desa row, so migrations, backups and monitoring never see them.
"""

import secrets

from django.conf import settings
from django.db import connection, transaction
from django_tenants.utils import schema_exists

from . import template_schema
from .models import SchemaTemplate, SpareSchema
from .schemas import public_schema

PREFIX = f"{template_schema.TEMPLATE_SCHEMA}_cadangan_"
FILL_LOCK_ID = 4_212_022  # pg_advisory lock: one filler at a time across nodes


def _current(template: SchemaTemplate):
    return SpareSchema.objects.filter(
        kind=_kind_of(template), fingerprint=template.fingerprint, template_built_at=template.built_at
    )


def _kind_of(template: SchemaTemplate) -> str:
    return next(kind for kind in template_schema.kinds() if template_schema.schema_for(kind) == template.schema_name)


def take(template: SchemaTemplate, schema_name: str) -> bool:
    """Inside the create's transaction: turn a spare of `template` into `schema_name`; False when none is left."""
    with public_schema():
        for spare in _current(template).select_for_update(skip_locked=True)[:3]:
            spare.delete()
            if not schema_exists(spare.schema_name):
                continue  # dropped by hand: the row goes, try the next
            with connection.cursor() as cursor:
                cursor.execute(f'ALTER SCHEMA "{spare.schema_name}" RENAME TO "{schema_name}"')
            return True
    return False


def fill(per_kind: int | None = None, kinds: list[str] | None = None) -> dict[str, int]:
    """Make spares until every kind (or those of `kinds`) has `per_kind` of its current template
    (DESA_SPARE_SCHEMAS), and drop the stale ones. Returns how many were made per kind; {} at once when another
    node is filling."""
    per_kind = settings.DESA_SPARE_SCHEMAS if per_kind is None else per_kind
    made: dict[str, int] = {}
    with public_schema():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [FILL_LOCK_ID])
            if not cursor.fetchone()[0]:
                return made
        try:
            drop_stale()
            for kind in kinds or template_schema.kinds():
                template = template_schema.ensure_template(kind=kind)
                made[kind] = 0
                while _current(template).count() < per_kind:
                    name = f"{PREFIX}{secrets.token_hex(6)}"
                    with transaction.atomic():
                        template_schema.clone(template, name)
                        SpareSchema.objects.create(
                            schema_name=name,
                            kind=kind,
                            fingerprint=template.fingerprint,
                            template_built_at=template.built_at,
                        )
                    made[kind] += 1
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [FILL_LOCK_ID])
    return made


def drop_stale() -> int:
    """Drop every spare that no current template would hand out (an older build, a kind's template gone)."""
    with public_schema():
        keep = set()
        for kind in template_schema.kinds():
            template = template_schema.current(kind)
            if template is not None:
                keep |= set(_current(template).values_list("pk", flat=True))
        dropped = 0
        for spare in SpareSchema.objects.exclude(pk__in=keep):
            with transaction.atomic():
                # SKIP LOCKED: a spare a create is taking right now is not dropped under it.
                if not SpareSchema.objects.select_for_update(skip_locked=True).filter(pk=spare.pk).exists():
                    continue
                with connection.cursor() as cursor:
                    cursor.execute(f'DROP SCHEMA IF EXISTS "{spare.schema_name}" CASCADE')
                spare.delete()
                dropped += 1
        return dropped


def drop_all() -> int:
    """Drop every spare (a test, or Diskominfo reclaiming the space)."""
    with public_schema():
        dropped = 0
        for spare in SpareSchema.objects.all():
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{spare.schema_name}" CASCADE')
                spare.delete()
                dropped += 1
        return dropped


def counts() -> dict[str, int]:
    """Current spares per kind (what the next creates will take)."""
    with public_schema():
        result = {}
        for kind in template_schema.kinds():
            template = template_schema.current(kind)
            result[kind] = _current(template).count() if template else 0
        return result
