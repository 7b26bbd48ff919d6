import pytest
from django.core.management import call_command
from django.core.management.commands.migrate import Command as MigrateCommand
from django.db import connection

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import upgrade

LAST = ("otp_totp", "0003_add_timestamps")


def roll_back_last_otp_migration(schema):
    """Make a desa genuinely one migration behind (its table loses the columns 0003 adds)."""
    connection.set_schema(schema)
    try:
        call_command(MigrateCommand(), "otp_totp", "0002", verbosity=0, interactive=False, skip_checks=True)
    finally:
        connection.set_schema_to_public()


def forget_last_otp_migration(schema):
    """Break a desa: the record says 0003 is missing although its columns exist, so applying it fails."""
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{schema}".django_migrations WHERE app = %s AND name = %s', list(LAST))


@pytest.mark.django_db
def test_one_query_finds_what_each_desa_is_missing(desa_a, desa_b):
    assert upgrade.behind_schemas() == []
    forget_last_otp_migration(desa_b.schema_name)
    versions = upgrade.schema_versions()
    assert versions["uji_a"].is_current and versions["uji_a"].label == "mutakhir"
    assert versions["uji_b"].missing == ["otp_totp.0003_add_timestamps"]
    assert versions["uji_b"].label == "tertinggal 1 migrasi"


@pytest.mark.django_db
def test_a_desa_whose_migration_fails_is_reported_and_the_others_are_migrated(desa_a, desa_b):
    roll_back_last_otp_migration(desa_a.schema_name)
    forget_last_otp_migration(desa_b.schema_name)
    assert upgrade.behind_schemas() == ["uji_a", "uji_b"]

    report = upgrade.upgrade(workers=0, actor="petugas")

    assert report.behind == ["uji_a", "uji_b"]
    results = {r.schema_name: r for r in report.results}
    assert results["uji_a"].ok
    assert not results["uji_b"].ok and "already exists" in results["uji_b"].error
    assert upgrade.behind_schemas() == ["uji_b"]
    entry = AuditLog.objects.filter(action="upgrade").first()
    assert entry.actor == "petugas" and entry.detail["gagal"] == ["uji_b"]


@pytest.mark.django_db
def test_nothing_to_do_when_every_desa_is_current(desa_a, desa_b):
    report = upgrade.upgrade(workers=0)
    assert (report.behind, report.results, report.checked) == ([], [], 2)


def columns(schema, table="otp_totp_totpdevice") -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = %s AND table_name = %s",
            [schema, table],
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_tenants_at_the_same_point_are_each_migrated_in_their_own_schema(desa_a, desa_b):
    """The state before the plan is built once and shared (tenancy/tenant_migrate.py); the tables are not."""
    for schema in ("uji_a", "uji_b"):
        roll_back_last_otp_migration(schema)
        assert "created_at" not in columns(schema)
    report = upgrade.upgrade(workers=0)
    assert [r.ok for r in report.results] == [True, True]
    assert "created_at" in columns("uji_a") and "created_at" in columns("uji_b")
    assert upgrade.behind_schemas() == []


@pytest.mark.django_db
def test_an_upgrade_runs_what_migrate_runs_after_it_permissions_roles_and_wagtails_handlers(desa_a, desa_b):
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import post_save
    from django_tenants.utils import schema_context
    from wagtail.models import Page
    from wagtail.signal_handlers import update_reference_index_on_save

    roll_back_last_otp_migration("uji_a")
    with schema_context("uji_a"):
        operator = Group.objects.get(name="Operator")
        before = operator.permissions.count()
        Permission.objects.filter(content_type__app_label="berita", codename="view_kategoriberita").delete()
        operator.permissions.clear()
    upgrade.upgrade(workers=0)
    with schema_context("uji_a"):
        assert Permission.objects.filter(content_type__app_label="berita", codename="view_kategoriberita").exists()
        assert Group.objects.get(name="Operator").permissions.count() == before  # roles.sync ran
    # Wagtail's reference index follows saves again, as after `migrate`.
    from sites.berita.models import BeritaPage

    sync_receivers, _async_receivers = post_save._live_receivers(BeritaPage)
    assert update_reference_index_on_save in sync_receivers
    with schema_context("uji_b"):
        assert Page.objects.filter(depth=2).exists()
