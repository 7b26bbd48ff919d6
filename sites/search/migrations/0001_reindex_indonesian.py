"""The search index was built with the 'simple' configuration; rebuild it with 'indonesian' (settings)."""

from django.core.management import call_command
from django.db import migrations


def reindex(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    # A fresh schema has only Wagtail's root and welcome page (the default tree is built after migrate, and
    # indexed as it is made): nothing to rebuild there.
    if Page.objects.filter(depth__gt=2).exists():
        call_command("update_index", verbosity=0)


class Migration(migrations.Migration):
    # Every page app at the state of this release: update_index reads today's models, so their tables must
    # already be as the models say (else an upgrade fails on a column a later migration adds or renames).
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("berita", "0002_body_help_text"),
        ("core", "0002_data_contoh"),
        ("dokumen", "0001_initial"),
        ("galeri", "0001_initial"),
        ("home", "0002_homepage_intro_homepage_sambutan_foto_and_more"),
        ("informasi", "0001_initial"),
        ("kontak", "0002_pesan_kode_status"),
        ("layanan", "0002_online_requests"),
        ("opd", "0001_initial"),
        ("pemerintahan", "0002_approval_workflow"),
        ("profil", "0002_body_help_text"),
        ("puskesmas", "0001_initial"),
        ("surat", "0002_role_permissions"),
        ("tampilan", "0001_initial"),
        ("transparansi", "0003_produk_hukum_jenis_for_offices"),
        ("wilayah", "0001_initial"),
    ]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
