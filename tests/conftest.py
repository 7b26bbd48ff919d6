"""Shared fixtures: one template schema and two desa per test database, reused across tests and runs."""

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.files.storage import storages
from django.db import connection

from desa_platform import bootstrap
from desa_platform.pagecache import memo
from desa_platform.tenancy import routing, template_schema
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.provisioning import create_desa, delete_desa

from .tenants import DESA_A, DESA_B, DesaClient


def pytest_configure(config):
    """pytest is an entry point like manage.py: it starts the embedded server (settings start nothing)."""
    bootstrap.start()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's database setup, but always for `default` (tests that talk to a live server over HTTP
    carry no django_db mark yet need the database), without serializing its contents (no test asks for it).
    django_db_modify_db_settings gives each pytest-xdist worker its own test database."""
    from django.test.utils import setup_databases, teardown_databases

    keepdb = django_db_keepdb and not django_db_createdb
    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases={"default"},
            serialized_aliases=set(),
            keepdb=keepdb,
        )
        prepare_desa()
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(config, verbosity=request.config.option.verbose)


def prepare_desa():
    if not all(template_schema.current(kind) for kind in template_schema.kinds()):
        # The templates are about to be rebuilt: desa cloned from the old ones are stale.
        for desa in Desa.objects.all():
            delete_desa(desa)
    template_schema.ensure_all()
    for spec in (DESA_A, DESA_B):
        if not Desa.objects.filter(slug=spec.slug).exists():
            create_desa(spec)


@pytest.fixture(autouse=True)
def public_schema_after_test():
    yield
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with cold caches: database rows are rolled back after a test, cached pages are not."""
    for alias in settings.CACHES:
        caches[alias].clear()
    memo.clear()
    # A domain or theme change is rolled back with its test's transaction; the routing table built meanwhile
    # in this process is not.
    routing.forget_local()


@pytest.fixture
def folders(settings, tmp_path):
    """Backups and uploads in this test's own folder (the path is returned), never in var/."""
    settings.DESA_BACKUP_DIR = tmp_path / "backups"
    settings.MEDIA_ROOT = tmp_path / "media"
    # django-tenants' storage caches the media root and misses the setting change (its signal handler is broken).
    storages["default"].__dict__.pop("relative_media_root", None)
    yield tmp_path
    storages["default"].__dict__.pop("relative_media_root", None)


@pytest.fixture
def desa_a(db) -> Desa:
    return Desa.objects.get(slug=DESA_A.slug)


@pytest.fixture
def desa_b(db) -> Desa:
    return Desa.objects.get(slug=DESA_B.slug)


@pytest.fixture
def client_a(desa_a) -> DesaClient:
    return DesaClient(desa_a)


@pytest.fixture
def client_b(desa_b) -> DesaClient:
    return DesaClient(desa_b)
