"""The template schemas: migrated once, filled with the default page tree, cloned for every new desa.

One template per kind of office (desa, kelurahan, kecamatan, OPD, puskesmas), each with its own default tree:
the desa template is migrated, the others start from a replay of its freshly migrated state (before any page
was added), so one build costs one `migrate` whatever the number of kinds, and every kind clones as fast.

Cloning replays SQL generated once from the template's catalog (clone_sql.py: tables, constraints and indexes
under their original names, then the template's rows), so a clone costs one round trip instead of a full
`migrate`; spares.py makes clones ahead of time. The template is rebuilt whenever a tenant app's migrations or
the default-tree builder change.
"""

import functools
import hashlib
import inspect

from django.conf import settings
from django.core.management import call_command
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.module_loading import import_string
from django_tenants.utils import schema_context, schema_exists

from .clone_sql import SCHEMA_PLACEHOLDER, _referenced_first, _structure_and_rows, generate_clone_sql
from .models import SchemaTemplate
from .schemas import public_schema

TEMPLATE_SCHEMA = "desa_template"  # the desa's template; the other kinds' are desa_template_<kind>
BUILD_LOCK_ID = 4_212_021  # pg_advisory lock: one template build at a time


def kinds() -> list[str]:
    from .models import Desa

    return list(Desa.Kind.values)


def schema_for(kind: str) -> str:
    return TEMPLATE_SCHEMA if kind == "desa" else f"{TEMPLATE_SCHEMA}_{kind}"


def tenant_app_labels() -> set[str]:
    from django.apps import apps

    return {config.label for config in apps.get_app_configs() if config.name in settings.TENANT_APPS}


def fingerprint() -> str:
    return _code_fingerprint()


@functools.cache
def _code_fingerprint() -> str:
    # Migrations and builder code only change with a deploy, which starts new processes.
    labels = tenant_app_labels()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    leaves = sorted(node for node in loader.graph.leaf_nodes() if node[0] in labels)
    builder = import_string(settings.DESA_TEMPLATE_BUILDER)
    sources = [inspect.getsource(module) for module in _builder_modules(builder)]
    # The clone SQL is stored with the template: a change in how it is made rebuilds it.
    sources += [inspect.getsource(each) for each in (generate_clone_sql, _structure_and_rows, _referenced_first)]
    return hashlib.sha256(repr((leaves, sources)).encode()).hexdigest()


def _builder_modules(builder):
    """The builder's module and every `defaults` module it may call for any kind (see sites/core/sections.py)."""
    module = inspect.getmodule(builder)
    each_section = getattr(module, "each_section", None)
    kinds_module = getattr(module, "kinds", None)
    extra = [kinds_module] if inspect.ismodule(kinds_module) else []
    modules = [module, *extra, *(each_section("defaults") if each_section else [])]
    # ... and the modules of their own app they build with (sites/desa_admin/defaults.py calls roles.py).
    for each in list(modules):
        package = each.__name__.rpartition(".")[0] + "."
        modules += [
            used
            for used in vars(each).values()
            if inspect.ismodule(used) and used.__name__.startswith(package) and used not in modules
        ]
    return modules


def current(kind: str = "desa") -> SchemaTemplate | None:
    name = schema_for(kind)
    with public_schema():
        template = SchemaTemplate.objects.filter(schema_name=name).first()
    if template and template.fingerprint == fingerprint() and schema_exists(name):
        return template
    return None


def ensure_template(stdout=None, kind: str = "desa") -> SchemaTemplate:
    return current(kind) or build(stdout=stdout, kind=kind)


def ensure_all(stdout=None) -> None:
    """Every kind's template current (an upgrade, a test run): built now rather than on a first create."""
    if not all(current(each) for each in kinds()):
        build(stdout=stdout)


def build(stdout=None, kind: str = "desa") -> SchemaTemplate:
    """Build every kind's template (they share one migrate) and return `kind`'s."""
    with public_schema():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [BUILD_LOCK_ID])
        try:
            if all(current(each) for each in kinds()):
                return current(kind)
            if stdout:
                stdout.write("Building the template schemas (migrate + default pages of every kind) ...")
            # Taken before migrating: a migration file that appears mid-build makes the template stale, not current.
            built_from = fingerprint()
            with connection.cursor() as cursor:
                for each in kinds():
                    cursor.execute(f'DROP SCHEMA IF EXISTS "{schema_for(each)}" CASCADE')
                cursor.execute(f'CREATE SCHEMA "{TEMPLATE_SCHEMA}"')
            migrate_schema(TEMPLATE_SCHEMA)
            # Every other kind starts from a copy of the freshly migrated schema, taken before any page is added
            # (the replayed SQL copies the rows the source holds when it runs).
            migrated_sql = generate_clone_sql(TEMPLATE_SCHEMA)
            with transaction.atomic(), connection.cursor() as cursor:
                for each in kinds():
                    if schema_for(each) != TEMPLATE_SCHEMA:
                        cursor.execute(migrated_sql.replace(SCHEMA_PLACEHOLDER, schema_for(each)))
            connection.search_path_set_schemas = None
            builder = import_string(settings.DESA_TEMPLATE_BUILDER)
            built = {}
            for each in kinds():
                name = schema_for(each)
                with schema_context(name), transaction.atomic():
                    builder(each)
                built[each], _ = SchemaTemplate.objects.update_or_create(
                    schema_name=name, defaults={"fingerprint": built_from, "clone_sql": generate_clone_sql(name)}
                )
            return built[kind]
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [BUILD_LOCK_ID])


def migrate_schema(schema_name: str, verbosity: int = 0) -> None:
    """Django's own migrate, run inside one schema (what django-tenants does per tenant)."""
    # The migration table must be made in the schema itself, not found on the public path.
    connection.set_schema(schema_name, include_public=False)
    MigrationRecorder(connection).ensure_schema()
    connection.set_schema(schema_name)
    try:
        call_command(MigrateCommand(), verbosity=verbosity, interactive=False, skip_checks=True)
    finally:
        connection.set_schema_to_public()


def clone(template: SchemaTemplate, schema_name: str) -> None:
    """Create `schema_name` as a copy of the template; call inside a transaction."""
    with connection.cursor() as cursor:
        cursor.execute(template.clone_sql.replace(SCHEMA_PLACEHOLDER, schema_name))
    # The replayed SQL moved the search path behind django-tenants' back: make it set the path again.
    connection.search_path_set_schemas = None


def structure_sql(schema_name: str) -> str:
    """SQL that creates `schema_name` with the template's structure and no rows (a backup restores into it)."""
    with public_schema():
        return generate_clone_sql(TEMPLATE_SCHEMA, rows=False).replace(SCHEMA_PLACEHOLDER, schema_name)


def applied_migrations(schema_name: str) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema_name}".django_migrations')
        return set(cursor.fetchall())
