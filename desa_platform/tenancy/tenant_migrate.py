"""One tenant's migrations as Django's `migrate` runs them, without the work that is the same for every tenant.

`migrate` in each schema rebuilds the project state of every applied migration and renders all models twice
(before, for pre_migrate; after, for post_migrate): in a profile of a tenant one migration behind, about half of
its 1.2 s, and identical for every tenant at the same point. Here the state before is built once per set of
applied migrations and cloned, rendered models and all, for each tenant (an upgrade finds hundreds at the same
point); post_migrate gets the installed apps, which is what the models are once the tenant stands at the
graph's leaves (Django's `flush` sends it the same way). The migrations themselves, pre_migrate and every
post_migrate receiver (content types, permissions, our roles) run as under `migrate`; Wagtail's receiver that
takes no sender runs once, not once per app.
"""

from importlib import import_module

from django.apps import apps as installed_apps
from django.core.management.sql import emit_post_migrate_signal, emit_pre_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.db.models.signals import post_migrate
from django.utils.module_loading import module_has_submodule

_states: dict[frozenset, object] = {}  # applied migrations -> the rendered ProjectState before the plan


def migrate(schema_name: str) -> None:
    """Migrate `schema_name` to the leaves of the migration graph."""
    _register_management_receivers()
    # The migration table must be made in the schema itself, not found on the public path.
    connection.set_schema(schema_name, include_public=False)
    MigrationRecorder(connection).ensure_schema()
    connection.set_schema(schema_name)
    try:
        executor = MigrationExecutor(connection)
        executor.loader.check_consistent_history(connection)
        conflicts = executor.loader.detect_conflicts()
        if conflicts:
            raise RuntimeError(f"migrasi bercabang, jalankan makemigrations --merge: {conflicts}")
        targets = executor.loader.graph.leaf_nodes()
        plan = executor.migration_plan(targets)
        state = _state_before(executor).clone()
        emit_pre_migrate_signal(0, False, connection.alias, apps=state.apps, plan=plan)
        executor.migrate(targets, plan=plan, state=state)
        _emit_post_migrate(plan)
    finally:
        connection.set_schema_to_public()


def _emit_post_migrate(plan) -> None:
    """post_migrate to every app, as `migrate` sends it, except that Wagtail's receiver reconnecting its
    reference-index handlers runs once instead of once per app (it has no sender: ~45 times the same ~90
    connects, a quarter of a tenant's post_migrate in a profile)."""
    from wagtail.signal_handlers import connect_reference_index_signal_handlers

    disconnected = post_migrate.disconnect(connect_reference_index_signal_handlers)
    try:
        emit_post_migrate_signal(0, False, connection.alias, apps=installed_apps, plan=plan)
    finally:
        if disconnected:
            post_migrate.connect(connect_reference_index_signal_handlers)
            connect_reference_index_signal_handlers()


def _state_before(executor):
    key = frozenset(executor.loader.applied_migrations)
    if key not in _states:
        state = executor._create_project_state(with_applied_migrations=True)
        state.apps  # noqa: B018 -- rendered once here, then cloned per tenant
        _states.clear()  # one point at a time: an upgrade's tenants stand where the last release left them
        _states[key] = state
    return _states[key]


_registered = False


def _register_management_receivers() -> None:
    """What `migrate` does first: import each app's `management` module, where post_migrate receivers live."""
    global _registered
    if _registered:
        return
    for app_config in installed_apps.get_app_configs():
        if module_has_submodule(app_config.module, "management"):
            import_module(".management", app_config.name)
    _registered = True
