"""Spare schemas: a create takes a clone made ahead of time and renames it (desa_platform/tenancy/spares.py)."""

import pytest
from django.core.management import CommandError
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Page, Site

from desa_platform.tenancy import spares, template_schema
from desa_platform.tenancy.models import SchemaTemplate, SpareSchema
from desa_platform.tenancy.services import provisioning
from desa_platform.tenancy.services.errors import ServiceError
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa

from .test_cli import run
from .test_provisioning import catalog

DESA = ["desa"]


def spec(slug="baru", kind="desa", **overrides) -> DesaSpec:
    return DesaSpec(slug=slug, name=slug.title(), kind=kind, domains=[f"{slug}.test"], **overrides)


def spare_names(kind="desa") -> list[str]:
    return list(SpareSchema.objects.filter(kind=kind).values_list("schema_name", flat=True))


@pytest.mark.django_db
def test_a_create_renames_a_spare_into_a_working_site_of_its_own():
    made = spares.fill(1, kinds=["desa", "kelurahan"])
    assert made == {"desa": 1, "kelurahan": 1}
    [spare] = spare_names()
    assert schema_exists(spare)

    desa = create_desa(spec())

    assert not schema_exists(spare) and spare_names() == []  # taken: renamed, not copied
    assert spares.counts()["kelurahan"] == 1  # another kind's spare is left for its own kind
    with schema_context(desa.schema_name):
        site = Site.objects.get()
        assert (site.hostname, site.site_name) == ("baru.test", "Desa Baru")
        home = site.root_page.specific
        # the renamed schema's sequences follow it: a new page gets an id
        home.add_child(instance=Page(title="Halaman baru", slug="halaman-baru"))
    response = Client(HTTP_HOST="baru.test").get("/")
    assert response.status_code == 200 and "Baru" in response.content.decode()


@pytest.mark.django_db
def test_a_site_from_a_spare_is_built_exactly_like_one_cloned_now():
    cloned = create_desa(spec("dari-klon"))
    spares.fill(1, kinds=DESA)
    renamed = create_desa(spec("dari-cadangan"))
    assert spare_names() == []
    assert catalog(renamed.schema_name) == catalog(cloned.schema_name)


@pytest.mark.django_db
def test_two_sites_from_spares_do_not_see_each_other():
    spares.fill(2, kinds=DESA)
    a, b = create_desa(spec("desa-satu")), create_desa(spec("desa-dua"))
    with schema_context(a.schema_name):
        home = Site.objects.get().root_page
        home.add_child(instance=Page(title="Rahasia desa satu", slug="rahasia"))
    with schema_context(b.schema_name):
        assert not Page.objects.filter(title="Rahasia desa satu").exists()
        assert Site.objects.get().hostname == "desa-dua.test"
    assert Client(HTTP_HOST="desa-dua.test").get("/rahasia/").status_code == 404


@pytest.mark.django_db
def test_a_spare_of_an_older_template_build_is_never_taken_and_the_next_fill_drops_it():
    spares.fill(1, kinds=DESA)
    [old] = spare_names()
    # The template is rebuilt (a deploy): its build time moves on, the spare copies the old one.
    SchemaTemplate.objects.filter(schema_name=template_schema.TEMPLATE_SCHEMA).update(
        built_at=SpareSchema.objects.get(schema_name=old).template_built_at.replace(year=2030)
    )
    create_desa(spec())
    assert schema_exists(old), "a stale spare must not become a site"

    spares.fill(1, kinds=DESA)
    assert not schema_exists(old) and old not in spare_names()
    assert len(spare_names()) == 1


@pytest.mark.django_db
def test_a_failed_create_gives_its_spare_back(monkeypatch):
    spares.fill(1, kinds=DESA)
    [spare] = spare_names()

    def broken(desa, domain):
        raise RuntimeError("disk full")

    monkeypatch.setattr(provisioning, "personalise", broken)
    with pytest.raises(RuntimeError):
        create_desa(spec())
    assert spare_names() == [spare] and schema_exists(spare)
    assert not schema_exists("baru")


@pytest.mark.django_db
def test_a_spare_dropped_by_hand_is_skipped_not_an_error():
    spares.fill(2, kinds=DESA)
    first, second = spare_names()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA "{first}" CASCADE')
    desa = create_desa(spec())
    assert schema_exists(desa.schema_name) and not schema_exists(second)
    assert spare_names() == []


@pytest.mark.django_db
def test_no_slug_can_name_a_spare():
    spares.fill(1, kinds=DESA)
    [spare] = spare_names()
    with pytest.raises(ServiceError, match="dicadangkan"):
        create_desa(spec(slug=spare.replace("_", "-")))
    assert schema_exists(spare)


@pytest.mark.django_db
def test_the_cli_fills_reports_and_empties_the_spares():
    # One kind: every clone of a test holds its ~900 locks until the test's transaction ends.
    assert "desa 1 (baru 1)" in run("isi-cadangan", "--jumlah", "1", "--jenis", "desa")
    assert "desa 1 (baru 0)" in run("isi-cadangan", "--jumlah", "1", "--jenis", "desa")
    assert "1 skema cadangan dihapus" in run("isi-cadangan", "--hapus")
    assert SpareSchema.objects.count() == 0
    with pytest.raises(CommandError, match="antara 0 dan 50"):
        run("isi-cadangan", "--jumlah", "100000")
    with pytest.raises(CommandError, match="tidak dikenal: kota"):
        run("isi-cadangan", "--jenis", "kota")
