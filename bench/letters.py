"""Letters benchmark: render vs render+sign, verification of an uploaded PDF, and 200 letters issued from
4 processes at once (numbering must have no duplicate and no gap).

    .venv/bin/python bench/letters.py [N_CONCURRENT=200] [PROCESSES=4]   (BENCH_DATABASE_URL to use a server)

Prints medians over 20 runs and the ratio signed/unsigned measured in the same run. Target: a signed
letter (number + render + PAdES signature + stored) under 1 s. Writes bench/out/letter.pdf to look at.
"""

import multiprocessing
import statistics
import sys
import time
from pathlib import Path

from _setup import setup

SLUG = "bench-surat"
PASSPHRASE = "bench-passphrase-123"
OUT = Path(__file__).resolve().parent / "out"


def prepare():
    from django.contrib.auth import get_user_model
    from django_tenants.utils import tenant_context

    from desa_platform.tenancy import template_schema
    from desa_platform.tenancy.models import Desa
    from desa_platform.tenancy.services.provisioning import DesaSpec, create_desa

    template_schema.ensure_template()
    desa = Desa.objects.filter(slug=SLUG).first() or create_desa(
        DesaSpec(
            slug=SLUG,
            name="Bench Surat",
            domains=["bench-surat.localhost"],
            kecamatan="Jenu",
            kabupaten="Tuban",
            provinsi="Jawa Timur",
            kode_pos="62352",
        )
    )
    with tenant_context(desa):
        from sites.layanan.models import ServicePage
        from sites.surat import signing
        from sites.surat.models import NomorSurat, Penandatangan, Permohonan, Surat

        Surat.objects.all().delete()
        Permohonan.objects.all().delete()
        NomorSurat.objects.all().delete()
        service = ServicePage.objects.get(slug="surat-keterangan-tidak-mampu")
        user, _ = get_user_model().objects.get_or_create(username="bench-kades", defaults={"first_name": "Sutrisno"})
        penandatangan, _ = Penandatangan.objects.get_or_create(pengguna=user, defaults={"nama": "Sutrisno"})
        signing.service().set_signing_passphrase(signing.signer_for(penandatangan), PASSPHRASE)
    return desa, service.pk, penandatangan.pk


def new_request(service_pk):
    import datetime

    from sites.layanan.models import ServicePage
    from sites.surat.models import Permohonan

    service = ServicePage.objects.get(pk=service_pk)
    return Permohonan.objects.create(
        layanan=service,
        layanan_judul=service.title,
        nama="Siti Aminah",
        nik="3523126708900001",
        no_kk="3523120101150002",
        jenis_kelamin="P",
        tempat_lahir="Tuban",
        tanggal_lahir=datetime.date(1990, 8, 27),
        alamat="Jl. Masjid No. 12",
        rt="002",
        rw="001",
        dusun="Krajan",
        telepon="081234567890",
        keperluan="Keringanan biaya sekolah anak",
        status=Permohonan.Status.MENUNGGU_TTD,
    )


def median_seconds(fn, runs=20):
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def worker(args):
    pks, penandatangan_pk = args
    setup("desa_bench_letters")
    from django.db import connection
    from django_tenants.utils import tenant_context

    from desa_platform.tenancy.models import Desa
    from sites.surat import issuing
    from sites.surat.models import Penandatangan

    with tenant_context(Desa.objects.get(slug=SLUG)):
        penandatangan = Penandatangan.objects.get(pk=penandatangan_pk)
        for pk in pks:
            issuing.issue_letter(pk, penandatangan, PASSPHRASE)
    connection.close()
    return len(pks)


def main(total: int, processes: int) -> None:
    setup("desa_bench_letters")
    from django.db import connection
    from django.utils import timezone
    from django_tenants.utils import tenant_context

    desa, service_pk, penandatangan_pk = prepare()
    print("desa ready; measuring", flush=True)
    with tenant_context(desa):
        from sites.surat import issuing, signing
        from sites.surat.models import Penandatangan, Surat
        from sites.surat.views.public import judge

        penandatangan = Penandatangan.objects.get(pk=penandatangan_pk)
        sample = new_request(service_pk)
        kind = signing.backend_kind()

        def render_only():
            issuing.render_letter(
                sample,
                penandatangan,
                nomor="400.9.14/001/X/XII/2026",
                tanggal=timezone.localdate(),
                kode="bench",
                kind=kind,
            )

        render = median_seconds(render_only)
        queue = [new_request(service_pk).pk for _ in range(20)]
        signed = median_seconds(lambda: issuing.issue_letter(queue.pop(), penandatangan, PASSPHRASE))
        letter = Surat.objects.order_by("-pk").first()
        data = letter.berkas.read()
        OUT.mkdir(exist_ok=True)
        (OUT / "letter.pdf").write_bytes(data)
        verdict = judge(letter, data)
        assert verdict["sah"], verdict
        verify = median_seconds(lambda: judge(letter, data))
        Surat.objects.all().delete()
        from sites.surat.models import NomorSurat

        NomorSurat.objects.all().delete()
        pks = [new_request(service_pk).pk for _ in range(total)]
    connection.close()

    print(
        f"render {render * 1000:.1f} ms, signed {signed * 1000:.1f} ms; {total} letters from {processes} processes",
        flush=True,
    )
    slices = [(pks[i::processes], penandatangan_pk) for i in range(processes)]
    started = time.perf_counter()
    pool = multiprocessing.get_context("spawn").Pool(processes)
    try:
        done = sum(pool.map(worker, slices))
    finally:
        # close + join, not the context manager's terminate(): a SIGTERM'd worker prints its exit handlers' noise
        pool.close()
        pool.join()
    wall = time.perf_counter() - started

    with tenant_context(desa):
        numbers = sorted(Surat.objects.values_list("nomor_urut", flat=True))
        nomor = list(Surat.objects.values_list("nomor", flat=True))
    duplicates = len(numbers) - len(set(numbers)) + (len(nomor) - len(set(nomor)))
    gaps = (numbers[-1] - numbers[0] + 1 - len(set(numbers))) if numbers else 0
    print(f"backend: {kind}")
    print(f"render only (fpdf2), median of 20:          {render * 1000:7.1f} ms")
    print(
        f"issue signed letter (number+render+sign+store), median of 20: {signed * 1000:7.1f} ms"
        f"  ({signed / render:.1f}x render only)"
    )
    print(f"verify uploaded PDF (hash + pyHanko), median of 20: {verify * 1000:7.1f} ms")
    print(
        f"{done} letters from {processes} processes: {wall:.1f} s wall, {wall / done * 1000:.0f} ms per letter "
        f"({wall / done / render:.1f}x render only); numbers {numbers[0]}..{numbers[-1]}, "
        f"duplicates {duplicates}, gaps {gaps}"
    )
    print(f"target signed letter < 1 s: {'met' if signed < 1 else 'NOT met'}")
    if duplicates or gaps or done != total:
        sys.exit(1)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200, int(sys.argv[2]) if len(sys.argv) > 2 else 4)
