from collections import Counter

import pytest
from django.utils import timezone

from desa_platform.tenancy.models import BulkJob, Desa
from desa_platform.tenancy.services import bulk
from desa_platform.tenancy.services.errors import ServiceError


@pytest.fixture(autouse=True)
def one_worker(settings):
    # Worker threads have their own connections and would not see this test's transaction.
    settings.DESA_BULK_WORKERS = 1


def test_region_data_has_every_desa_and_kelurahan_of_tuban_told_apart_by_code():
    places = bulk.region("Jawa Timur", "Tuban")
    assert len(places) == 328
    assert len({p.kecamatan for p in places}) == 20
    assert Counter(p.kind for p in places) == {"desa": 311, "kelurahan": 17}
    socorejo = next(p for p in places if p.name == "Socorejo")
    assert (socorejo.kecamatan, socorejo.kode_pos, socorejo.kode, socorejo.kind) == (
        "Jenu",
        "62352",
        "35.23.12.2002",
        "desa",
    )
    karang = next(p for p in places if p.kode == "35.23.15.1006")
    assert (karang.name, karang.kecamatan, karang.kind) == ("Karang", "Semanding", "kelurahan")
    with pytest.raises(ServiceError, match="tidak ditemukan"):
        bulk.region("Jawa Timur", "Atlantis")


def test_region_data_knows_the_38_provinces_including_the_newest():
    provinces = bulk.provinsi_list()
    assert len(provinces) == 38
    assert {"Papua Selatan", "Papua Tengah", "Papua Pegunungan", "Papua Barat Daya"} <= set(provinces)
    # Kota Mojokerto: 18 kelurahan and no desa (they were all made "Desa" before)
    mojokerto = bulk.region("Jawa Timur", "Kota Mojokerto")
    assert len(mojokerto) == 18 and {p.kind for p in mojokerto} == {"kelurahan"}


@pytest.mark.django_db
def test_plan_gives_every_place_a_unique_slug_and_domain_following_the_patterns():
    specs = bulk.plan_region("Jawa Timur", "Tuban", domain_patterns=["{slug}.desa.id", "{slug}.localhost"])
    assert len(specs) == 328
    assert not [s for s, n in Counter(s.slug for s in specs).items() if n > 1]
    sugihwaras = sorted(s.slug for s in specs if s.name == "Sugihwaras")
    assert sugihwaras == ["sugihwaras-jenu", "sugihwaras-parengan"]
    latsari = next(s for s in specs if s.kode_wilayah == "35.23.16.1006")
    assert (latsari.kind, latsari.slug) == ("kelurahan", "kelurahan-latsari")
    assert latsari.domains[0] == "kelurahan-latsari.desa.id"  # the given pattern, when no office pattern is given
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


@pytest.mark.django_db
def test_bulk_by_kecamatan_gives_kelurahan_their_own_kind_and_site(desa_a):
    from django_tenants.utils import schema_context
    from wagtail.models import Page

    specs = bulk.plan_region("Jawa Timur", "Tuban", kecamatan="Semanding", kecamatan_tenants=True)
    kinds = Counter(s.kind for s in specs)
    assert kinds == {"desa": 15, "kelurahan": 2, "kecamatan": 1}
    # Office domains by default under the kabupaten's go.id, desa under desa.id.
    karang = next(s for s in specs if s.kode_wilayah == "35.23.15.1006")
    assert karang.domains == ["kelurahan-karang.tubankab.go.id"]
    assert next(s for s in specs if s.name == "Boto").domains == ["boto.desa.id"]
    chosen = [karang, next(s for s in specs if s.name == "Boto"), next(s for s in specs if s.kind == "kecamatan")]
    outcomes = bulk.run(chosen)
    assert [o.state for o in outcomes] == ["dibuat"] * 3, [o.message for o in outcomes]
    kelurahan = Desa.objects.get(kode_wilayah="35.23.15.1006")
    assert (kelurahan.kind, kelurahan.display_name) == ("kelurahan", "Kelurahan Karang")
    assert Desa.objects.get(slug="kecamatan-semanding").kode_wilayah == "35.23.15"
    with schema_context(kelurahan.schema_name):
        titles = set(Page.objects.filter(depth=3).values_list("title", flat=True))
    assert "Struktur Organisasi" in titles and "Dokumen Anggaran" in titles and "Pemerintahan" not in titles
    # a rerun finds them by their code, whatever their slug became
    assert [o.state for o in bulk.run(bulk.plan_places(bulk.places_for_codes(["35.23.15.1006"])))] == ["dilewati"]


def test_a_list_of_codes_takes_villages_and_whole_kecamatan_and_refuses_unknown_codes():
    places = bulk.places_for_codes(["35.23.16.1006", "3523122002", "35.23.18"])
    assert [p.name for p in places[:2]] == ["Latsari", "Socorejo"]
    assert len([p for p in places if p.kecamatan == "Palang"]) > 5
    with pytest.raises(ServiceError, match="99.99.99"):
        bulk.places_for_codes(["35.23.16.1006", "99.99.99"])


CSV_OFFICES = """nama,jenis,kecamatan,kabupaten,provinsi,kode_wilayah,slug,email_admin
Dinas Kesehatan,opd,,Tuban,Jawa Timur,35.23,dinkes,kepala@dinkes.example
Puskesmas Palang,puskesmas,Palang,Tuban,Jawa Timur,35.23.18,puskesmas-palang,
"""


@pytest.mark.django_db
def test_offices_from_csv_get_their_kind_an_office_domain_and_a_mailed_or_sheet_link(desa_a):
    from desa_platform.outbox.models import OutboxMessage
    from desa_platform.tenancy.services import admins

    result = bulk.parse_csv(CSV_OFFICES)
    assert not result.errors
    assert [(s.kind, s.domains) for s in result.specs] == [
        ("opd", ["dinkes.tubankab.go.id"]),
        ("puskesmas", ["puskesmas-palang.tubankab.go.id"]),
    ]
    assert [o.state for o in bulk.run(result.specs)] == ["dibuat", "dibuat"]
    mail = OutboxMessage.objects.get(kind="admin-link")
    assert mail.to == ["kepala@dinkes.example"] and "dinkes.tubankab.go.id" in mail.body
    offices = list(Desa.objects.filter(slug__in=["dinkes", "puskesmas-palang"]).order_by("slug"))
    rows, expires = admins.admin_link_sheet(offices)
    dinkes, palang = rows
    assert dinkes.tautan == "" and "kepala@dinkes.example" in dinkes.keterangan
    assert palang.tautan.startswith(palang.situs.rstrip("/") + "/admin/password_reset/") and palang.jenis == "Puskesmas"
    sheet = admins.sheet_csv(rows)
    assert sheet.startswith("\ufeffnama,jenis") and palang.tautan in sheet and "berlaku sampai" in sheet
    # ... and as a PDF to print: one row per office, the link written out and clickable, the expiry in the heading
    text = pdf_text(admins.sheet_pdf(rows, expires))
    assert "Lembar tautan admin pertama - 2 situs" in text and f"{timezone.localtime(expires):%d-%m-%Y %H:%M}" in text
    assert palang.tautan in text and "Puskesmas Palang" in text and f"({dinkes.jenis})" in text
    assert "(tautan dikirim lewat surel ke kepala@dinkes.example)" in text.replace("\\(", "(").replace("\\)", ")")
    # the link in the sheet opens the set-password form of that office only
    from tests.tenants import DesaClient

    client = DesaClient(offices[1])
    path = palang.tautan.split(palang.situs.rstrip("/"), 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200 and b'name="new_password1"' in response.content
    other = DesaClient(desa_a)
    assert b'name="new_password1"' not in other.get(path, follow=True).content


def pdf_text(data: bytes) -> str:
    """The text operators and link targets of an fpdf2 PDF (its page streams are zlib-compressed)."""
    import re
    import zlib

    assert data.startswith(b"%PDF-")
    parts = [data.decode("latin-1")]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(parts)


def test_worker_threads_create_every_office_once_and_hand_back_a_failure():
    from desa_platform.tenancy.services.bulk import jobs

    made, seen = [], []

    def create(slug):
        made.append(slug)
        return jobs.Outcome(slug, jobs.OutcomeState.CREATED)

    slugs = [f"desa-{n}" for n in range(120)]  # ~40 a thread: past CONNECTION_SPECS, so connections are renewed
    jobs._in_threads(slugs, 3, create, seen.append)
    assert sorted(made) == sorted(slugs) and sorted(o.slug for o in seen) == sorted(slugs)

    def broken(slug):
        raise RuntimeError(f"rusak di {slug}")

    with pytest.raises(RuntimeError, match="rusak di"):
        jobs._in_threads(slugs[:4], 2, broken, seen.append)


@pytest.mark.django_db
def test_a_clone_refused_for_a_passing_reason_is_tried_again(monkeypatch):
    from django.db import OperationalError

    from desa_platform.tenancy.services.bulk import jobs

    class LockTableFull(Exception):
        pgcode = "53200"  # out of shared memory: the lock table was full while other clones ran

    real, calls = jobs.create_desa, []

    def full_once(spec, template=None):
        calls.append(spec.slug)
        if len(calls) == 1:
            raise OperationalError("out of shared memory") from LockTableFull()
        return real(spec, template=template)

    monkeypatch.setattr(jobs, "create_desa", full_once)
    monkeypatch.setattr(jobs.time, "sleep", lambda seconds: None)
    spec = bulk.parse_csv("nama,jenis,slug\nPuskesmas Coba Ulang,puskesmas,puskesmas-coba-ulang\n").specs[0]
    [outcome] = bulk.run([spec])
    assert outcome.state == bulk.OutcomeState.CREATED and calls == [spec.slug, spec.slug]
    assert Desa.objects.get(slug="puskesmas-coba-ulang").kind == "puskesmas"

    def always_broken(spec, template=None):
        raise OperationalError("syntax") from SyntaxError()

    monkeypatch.setattr(jobs, "create_desa", always_broken)
    other = bulk.parse_csv("nama,jenis,slug\nPuskesmas Coba Lagi,puskesmas,puskesmas-coba-lagi\n").specs[0]
    [outcome] = bulk.run([other])
    assert outcome.state == bulk.OutcomeState.FAILED
