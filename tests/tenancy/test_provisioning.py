import pytest
from django.db import connection
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Page, Site

from desa_platform.tenancy import template_schema
from desa_platform.tenancy.models import Desa, Domain
from desa_platform.tenancy.services import provisioning
from desa_platform.tenancy.services.errors import ServiceError
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa


def spec(**overrides) -> DesaSpec:
    values = {"slug": "baru", "name": "Baru", "domains": ["baru.test"], "kecamatan": "Jenu", "kabupaten": "Tuban"}
    return DesaSpec(**{**values, **overrides})


def assert_nothing_left(slug="baru", domain="baru.test"):
    assert not Desa.objects.filter(slug=slug).exists()
    assert not Domain.objects.filter(domain=domain).exists()
    assert not schema_exists(provisioning.schema_name_for(slug))


@pytest.mark.django_db
def test_new_desa_gets_default_tree_and_its_own_site_hostname():
    desa = create_desa(spec(domains=["baru.test", "baru-lama.test"]))
    with schema_context(desa.schema_name):
        site = Site.objects.get()
        assert (site.hostname, site.is_default_site) == ("baru.test", True)
        assert site.site_name == "Desa Baru"
        home = site.root_page.specific
        assert type(home).__name__ == "HomePage"
        assert Page.objects.filter(depth=2).count() == 1
    assert list(desa.domains.order_by("-is_primary").values_list("domain", "is_primary")) == [
        ("baru.test", True),
        ("baru-lama.test", False),
    ]


def catalog(schema: str) -> dict:
    """What a schema is made of, by name: tables, columns, constraints, indexes, migration records."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, data_type, is_nullable, is_identity FROM information_schema.columns "
            "WHERE table_schema = %s ORDER BY 1, 2",
            [schema],
        )
        columns = cursor.fetchall()
        cursor.execute(
            "SELECT conname, contype, regexp_replace(pg_get_constraintdef(c.oid), %s, '', 'g') FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = %s AND contype <> 'n' ORDER BY 1",
            [f"{schema}\\.", schema],
        )
        constraints = cursor.fetchall()
        cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = %s ORDER BY 1", [schema])
        indexes = cursor.fetchall()
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations ORDER BY 1, 2')
        migrations = cursor.fetchall()
    return {"columns": columns, "constraints": constraints, "indexes": indexes, "migrations": migrations}


@pytest.mark.django_db
def test_clone_is_as_complete_as_the_migrated_template(desa_a):
    template = catalog(template_schema.TEMPLATE_SCHEMA)
    clone = catalog(desa_a.schema_name)
    assert len(template["columns"]) > 250 and len(template["migrations"]) > 50
    for part in template:
        assert clone[part] == template[part], part


@pytest.mark.django_db
def test_clone_continues_ids_after_the_template_rows(desa_a):
    with schema_context(desa_a.schema_name):
        home = Page.objects.get(depth=2)
        child = home.add_child(instance=Page(title="Baru", slug="baru"))
        assert child.pk > home.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    "bad, message",
    [
        ({"slug": "public"}, "dicadangkan"),
        ({"slug": "Bad Slug!"}, "tidak sah"),
        ({"slug": "uji-a"}, "sudah dipakai"),
        ({"domains": ["uji-a.test"]}, "sudah dipakai desa lain"),
        ({"domains": ["not a domain"]}, "tidak sah"),
        ({"domains": []}, "Minimal satu domain"),
        ({"kode_pos": "6235"}, "5 angka"),
        ({"theme": "tidak-ada"}, "Tema"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_leaves_nothing(desa_a, bad, message):
    with pytest.raises(ServiceError, match=message):
        create_desa(spec(**bad))
    if bad.get("slug") not in ("uji-a", "public"):
        assert_nothing_left(bad.get("slug", "baru"))


@pytest.mark.django_db
def test_failure_midway_rolls_everything_back(monkeypatch):
    def broken(*args):
        raise RuntimeError("disk full")

    monkeypatch.setattr(provisioning, "personalise", broken)
    with pytest.raises(RuntimeError):
        create_desa(spec())
    assert_nothing_left()


@pytest.mark.django_db
def test_template_is_rebuilt_when_its_fingerprint_changes(monkeypatch):
    built = template_schema.ensure_template()
    assert template_schema.current() == built
    monkeypatch.setattr(template_schema, "fingerprint", lambda: "changed")
    assert template_schema.current() is None


def test_the_template_fingerprint_covers_the_role_rules_the_default_tree_is_built_with():
    """A change to sites/desa_admin/roles.py (what each role may do) must rebuild the templates, or new offices
    would be cloned with the old permissions."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    names = {
        module.__name__ for module in template_schema._builder_modules(import_string(settings.DESA_TEMPLATE_BUILDER))
    }
    assert {"sites.desa_admin.defaults", "sites.desa_admin.roles", "sites.core.kinds"} <= names
