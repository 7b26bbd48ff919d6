"""Upgrade: migrate the public schema, rebuild the template if it is stale, then migrate every desa that is
behind — found with ONE query over every schema's django_migrations — in parallel worker processes.

Why: `migrate_schemas` opens every schema and loads the migration graph each time (133 s for 401 up-to-date
schemas). Here an up-to-date platform costs one migrate of the public schema and one query.
A desa whose migration fails is reported and the others go on.
"""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from .. import spares, template_schema, tenant_migrate
from ..models import AuditLog, Desa
from ..schemas import public_schema
from . import audit, upgrade_worker


@dataclass
class SchemaVersion:
    schema_name: str
    applied: int
    expected: int
    missing: list[str] = field(default_factory=list)
    last_applied: object = None

    @property
    def is_current(self) -> bool:
        return not self.missing

    @property
    def label(self) -> str:
        return "mutakhir" if self.is_current else f"tertinggal {len(self.missing)} migrasi"


@dataclass
class TenantResult:
    schema_name: str
    ok: bool
    seconds: float
    error: str = ""


@dataclass
class UpgradeReport:
    behind: list[str] = field(default_factory=list)
    results: list[TenantResult] = field(default_factory=list)
    checked: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> list[TenantResult]:
        return [r for r in self.results if not r.ok]


def expected_migrations() -> set[tuple[str, str]]:
    """Every migration of a tenant app in the migration graph: what an up-to-date desa schema has applied."""
    labels = template_schema.tenant_app_labels()
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    return {node for node in graph.nodes if node[0] in labels}


def schema_versions(schemas: list[str] | None = None) -> dict[str, SchemaVersion]:
    """The migration state of many schemas in ONE query (a UNION ALL over their django_migrations)."""
    with public_schema():
        if schemas is None:
            schemas = list(Desa.objects.order_by("schema_name").values_list("schema_name", flat=True))
        expected = sorted(expected_migrations())
        if not schemas:
            return {}
        with connection.cursor() as cursor:
            # A schema without a migration table (half-made) counts as missing everything.
            cursor.execute(
                "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relname = 'django_migrations' AND c.relkind = 'r' AND n.nspname = ANY(%s)",
                [schemas],
            )
            with_table = {row[0] for row in cursor.fetchall()}
            branches = [
                f"SELECT %s, array_agg(e.app || '.' || e.name ORDER BY e.app, e.name) FILTER (WHERE m.id IS NULL), "
                f'max(m.applied) FROM expected e LEFT JOIN "{schema}".django_migrations m '
                f"ON m.app = e.app AND m.name = e.name"
                for schema in schemas
                if schema in with_table
            ]
            rows = []
            if branches:
                cursor.execute(
                    "WITH expected(app, name) AS (SELECT * FROM unnest(%s::text[], %s::text[])) "
                    + " UNION ALL ".join(branches),
                    [[a for a, _ in expected], [n for _, n in expected]] + [s for s in schemas if s in with_table],
                )
                rows = cursor.fetchall()
    versions = {}
    for schema, missing, last in rows:
        missing = missing or []
        versions[schema] = SchemaVersion(schema, len(expected) - len(missing), len(expected), missing, last)
    for schema in schemas:
        if schema not in versions:
            versions[schema] = SchemaVersion(schema, 0, len(expected), [f"{a}.{n}" for a, n in expected])
    return versions


def behind_schemas(schemas: list[str] | None = None) -> list[str]:
    return sorted(s for s, v in schema_versions(schemas).items() if not v.is_current)


def migrate_public() -> None:
    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)


def ensure_template_current() -> None:
    """Rebuild the template when its migrations are behind the graph, even if its fingerprint says otherwise
    (a migration file that appeared while it was being built)."""
    from ..models import SchemaTemplate

    template_schema.ensure_all()
    name = template_schema.TEMPLATE_SCHEMA
    if not schema_versions([name])[name].is_current:
        with public_schema():
            SchemaTemplate.objects.filter(schema_name=name).update(fingerprint="stale")
        template_schema.ensure_all()


def upgrade(
    workers: int | None = None, actor=None, progress=None, schemas: list[str] | None = None, fill_spares: bool = True
) -> UpgradeReport:
    """Migrate public, the template, and every desa that is behind. workers=0 migrates in this process."""
    started = time.perf_counter()
    migrate_public()
    ensure_template_current()
    versions = schema_versions(schemas)
    report = UpgradeReport(checked=len(versions), behind=sorted(s for s, v in versions.items() if not v.is_current))
    if report.behind:
        report.results = migrate_tenants(report.behind, workers=workers, progress=progress)
    # Spares copy the template as it was: a rebuilt one makes them stale (dropped, made again from the new one).
    if fill_spares:
        spares.fill()
    report.seconds = time.perf_counter() - started
    audit.record(
        actor,
        AuditLog.Action.UPGRADE,
        None,
        diperiksa=report.checked,
        tertinggal=len(report.behind),
        gagal=[r.schema_name for r in report.failed],
    )
    return report


def migrate_tenants(schemas: list[str], workers: int | None = None, progress=None) -> list[TenantResult]:
    if workers is None:
        workers = min(len(schemas), os.cpu_count() or 1, 8)
    results = []
    if workers == 0:
        for schema in schemas:
            result = migrate_here(schema)
            results.append(result)
            if progress:
                progress(result)
        return results
    # spawn, not fork: a forked child would share (and on exit close) the parent's database socket.
    context = multiprocessing.get_context("spawn")
    database = dict(settings.DATABASES["default"])
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=upgrade_worker.setup,
        initargs=(settings.SETTINGS_MODULE, database),
    ) as pool:
        futures = {pool.submit(upgrade_worker.migrate, schema): schema for schema in schemas}
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as error:  # the worker itself died
                result = TenantResult(futures[future], False, 0.0, f"{type(error).__name__}: {error}")
            results.append(result)
            if progress:
                progress(result)
    return sorted(results, key=lambda r: r.schema_name)


def migrate_here(schema: str) -> TenantResult:
    started = time.perf_counter()
    try:
        tenant_migrate.migrate(schema)
        return TenantResult(schema, True, time.perf_counter() - started)
    except Exception as error:  # reported per desa; the others are still migrated
        connection.set_schema_to_public()
        return TenantResult(schema, False, time.perf_counter() - started, f"{type(error).__name__}: {error}")
