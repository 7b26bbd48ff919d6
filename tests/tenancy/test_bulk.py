from collections import Counter

import pytest

from desa_platform.tenancy.models import BulkJob, Desa
from desa_platform.tenancy.services import bulk
from desa_platform.tenancy.services.provisioning import ProvisioningError


@pytest.fixture(autouse=True)
def one_worker(settings):
    # Worker threads have their own connections and would not see this test's transaction.
    settings.DESA_BULK_WORKERS = 1


def test_region_data_has_every_desa_and_kelurahan_of_tuban():
    places = bulk.region("Jawa Timur", "Tuban")
    assert len(places) == 328
    assert len({p.kecamatan for p in places}) == 20
    socorejo = next(p for p in places if p.name == "Socorejo")
    assert (socorejo.kecamatan, socorejo.kode_pos) == ("Jenu", "62352")
    with pytest.raises(ProvisioningError, match="tidak ditemukan"):
        bulk.region("Jawa Timur", "Atlantis")


@pytest.mark.django_db
def test_plan_gives_every_place_a_unique_slug_and_domain_following_the_patterns():
    specs = bulk.plan_region("Jawa Timur", "Tuban", domain_patterns=["{slug}.desa.id", "{slug}.localhost"])
    assert len(specs) == 328
    assert not [s for s, n in Counter(s.slug for s in specs).items() if n > 1]
    sugihwaras = sorted(s.slug for s in specs if s.name == "Sugihwaras")
    assert sugihwaras == ["sugihwaras-jenu", "sugihwaras-parengan"]
    jenu = next(s for s in specs if s.slug == "sugihwaras-jenu")
    assert jenu.domains == ["sugihwaras-jenu.desa.id", "sugihwaras-jenu.localhost"]
    assert next(s for s in specs if s.name == "Temaji").domains[0] == "temaji.desa.id"
    with_kecamatan = bulk.plan_region("Jawa Timur", "Tuban", kecamatan_tenants=True)
    kecamatan = [s for s in with_kecamatan if s.kind == Desa.Kind.KECAMATAN]
    assert len(kecamatan) == 20 and kecamatan[0].name.startswith("Kecamatan ")


@pytest.mark.django_db
def test_run_creates_each_desa_once_and_a_rerun_skips_what_exists(desa_a):
    specs = [s for s in bulk.plan_region("Jawa Timur", "Tuban") if s.kecamatan == "Jenu"][:3]
    seen = []
    outcomes = bulk.run(specs, actor="petugas", progress=seen.append)
    assert [o.state for o in outcomes] == ["dibuat"] * 3 and len(seen) == 3
    created = Desa.objects.get(slug=specs[0].slug)
    assert (created.kecamatan, created.kabupaten, created.provinsi) == ("Jenu", "Tuban", "Jawa Timur")
    assert [o.state for o in bulk.run(specs)] == ["dilewati"] * 3


@pytest.mark.django_db
def test_one_failing_desa_does_not_stop_the_others(desa_a):
    good, bad = bulk.plan_region("Jawa Timur", "Tuban")[:2]
    bad.domains = ["uji-a.test"]  # taken by another desa
    outcomes = bulk.run([bad, good])
    assert [o.state for o in outcomes] == ["gagal", "dibuat"]
    assert "sudah dipakai" in outcomes[0].message


CSV_OK = """nama,jenis,kecamatan,kabupaten,provinsi,kode_pos,domain
Mentoso,desa,Jenu,Tuban,Jawa Timur,62352,mentoso.desa.id
Remen,desa,Jenu,Tuban,Jawa Timur,62352,
"""


@pytest.mark.django_db
def test_csv_errors_are_listed_with_line_numbers_and_nothing_is_created(desa_a):
    text = (
        "nama,jenis,kecamatan,kode_pos,domain\n"
        "Mentoso,desa,Jenu,62352,mentoso.desa.id\n"
        ",desa,Jenu,62352,kosong.desa.id\n"
        "Remen,kampung,Jenu,623,remen.desa.id\n"
        "Beji,desa,Jenu,62352,uji-a.test\n"
        "Mentoso Lagi,desa,Jenu,62352,mentoso.desa.id\n"
    )
    result = bulk.parse_csv(text)
    assert [e.split(":")[0] for e in result.errors] == ["Baris 3", "Baris 4", "Baris 5", "Baris 6"]
    assert "Jenis 'kampung' tidak dikenal" in result.errors[1] and "Kode pos '623'" in result.errors[1]
    assert "sudah dipakai desa lain" in result.errors[2]
    assert "sudah dipakai di baris 2" in result.errors[3]
    assert not Desa.objects.filter(slug="mentoso").exists()
    assert bulk.parse_csv("name,kota\nX,Y\n").errors[0].startswith("Baris 1 (judul kolom)")


@pytest.mark.django_db
def test_valid_csv_fills_domains_from_the_pattern_and_skips_existing_rows(desa_a):
    result = bulk.parse_csv(CSV_OK, domain_patterns=["{slug}.desa.id"])
    assert not result.errors
    assert [(s.slug, s.domains) for s in result.specs] == [
        ("mentoso", ["mentoso.desa.id"]),
        ("remen", ["remen.desa.id"]),
    ]
    bulk.run(result.specs)
    again = bulk.parse_csv(CSV_OK)
    assert (again.specs, again.skipped, again.errors) == ([], ["mentoso", "remen"], [])


@pytest.mark.django_db
def test_a_job_records_its_progress_for_the_console(settings, desa_a):
    settings.DESA_BULK_INLINE = True
    specs = bulk.plan_region("Jawa Timur", "Tuban")[:2]
    job = bulk.start_job(specs, "petugas", "Uji")
    job = BulkJob.objects.get(pk=job.pk)
    assert (job.state, job.total, job.done, job.created_count, job.percent) == ("done", 2, 2, 2, 100)
