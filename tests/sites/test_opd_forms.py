"""An OPD is a dinas, a badan, an inspektorat …: its head's title and its words follow its name, on its pages and
in its admin roles, whether it was cloned on the spot or renamed from a spare (sites/core/kinds.py OPD_FORMS)."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

from desa_platform.tenancy import spares
from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa, ensure_first_admin
from tests.sites import text
from tests.tenants import DesaClient

pytestmark = pytest.mark.django_db
DINAS = re.compile(r"\bdinas\b", re.IGNORECASE)


def opd(slug: str, name: str) -> DesaClient:
    spec = DesaSpec(
        slug=slug, name=name, kind="opd", kabupaten="Tuban", provinsi="Jawa Timur", domains=[f"{slug}.test"]
    )
    return DesaClient(create_desa(spec))


def roles_of(client) -> tuple[set, str]:
    with client.schema():
        return set(Group.objects.values_list("name", flat=True)), Workflow.objects.get().name


def test_a_badan_is_led_by_a_kepala_badan_and_never_called_a_dinas():
    badan = opd("bapperida", "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah")
    assert roles_of(badan) == ({"Operator", "Kepala Badan"}, "Persetujuan Kepala Badan")
    admin, _link = ensure_first_admin(badan.desa)
    with badan.schema():
        assert list(admin.groups.values_list("name", flat=True)) == ["Kepala Badan"]
        urls = [p.url for p in Page.objects.live().filter(depth__gte=2).specific().order_by("path")]
        from sites.pemerintahan.models import PerangkatDesa

        PerangkatDesa.objects.create(nama="Ir. Sulastri", jabatan="Kepala Badan", kelompok="pimpinan")
    assert len(urls) > 8
    for url in urls:
        page = text(badan.get(url))
        assert not DINAS.search(page), (url, page[max(0, DINAS.search(page).start() - 60) :][:120])
    chart = text(badan.get("/struktur-organisasi/"))
    assert "Kepala Badan" in chart and "Kepala Dinas" not in chart


def test_an_inspektorat_is_led_by_an_inspektur_and_a_dinas_keeps_its_kepala_dinas():
    inspektorat = opd("inspektorat", "Inspektorat Daerah")
    dinas = opd("dinkes", "Dinas Kesehatan")
    assert roles_of(inspektorat) == ({"Operator", "Inspektur"}, "Persetujuan Inspektur")
    assert roles_of(dinas) == ({"Operator", "Kepala Dinas"}, "Persetujuan Kepala Dinas")


def test_a_badan_made_from_a_spare_gets_its_own_title_too():
    spares.fill(1, kinds=["opd"])
    badan = opd("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia")
    assert spares.counts()["opd"] == 0
    assert roles_of(badan) == ({"Operator", "Kepala Badan"}, "Persetujuan Kepala Badan")
