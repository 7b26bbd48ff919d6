"""The first defaults of five services' classification codes named the wrong rincian of Permendagri 83/2022
(e.g. kematian under 400.12.3.2 Perkawinan dan Perceraian, pindah under 400.12.2.4 Pendataan Penduduk Rentan).
A service still carrying exactly the old default gets the corrected one; a code a desa typed itself is kept. The
page's latest revision is corrected too: the editor opens that, and saving it would bring the old code back."""

from django.db import migrations

FIXES = {
    # slug: (old default, corrected) — see the comment above SERVICES in sites/layanan/defaults.py
    "surat-keterangan-tidak-mampu": ("400.9.5", "400.9.14"),
    "pengantar-ktp-el": ("400.12.2.2", "400.12.2.1"),
    "pengantar-kartu-keluarga": ("400.12.2.3", "400.12.2.1"),
    "surat-keterangan-usaha": ("500.2.1", "500.3"),
    "surat-keterangan-kematian": ("400.12.3.2", "400.12.3.1"),
    "pengantar-pindah": ("400.12.2.4", "400.12.2.2"),
}


def _move(apps, pairs):
    ServicePage = apps.get_model("layanan", "ServicePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for slug, (old, new) in pairs:
        pages = ServicePage.objects.filter(slug=slug, kode_klasifikasi=old)
        for revision in Revision.objects.filter(pk__in=pages.values("latest_revision_id")):
            if (revision.content or {}).get("kode_klasifikasi") == old:
                revision.content["kode_klasifikasi"] = new
                revision.save(update_fields=["content"])
        pages.update(kode_klasifikasi=new)


def forwards(apps, schema_editor):
    _move(apps, FIXES.items())


def backwards(apps, schema_editor):
    _move(apps, [(slug, (new, old)) for slug, (old, new) in FIXES.items()])


class Migration(migrations.Migration):
    dependencies = [("layanan", "0002_online_requests"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(forwards, backwards)]
