"""The search index was built with the 'simple' configuration; rebuild it with 'indonesian' (settings)."""

from django.core.management import call_command
from django.db import migrations


def reindex(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    # A fresh schema has no pages yet (the default tree is built after migrate, and indexed as it is made).
    if Page.objects.filter(depth__gt=1).exists():
        call_command("update_index", verbosity=0)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0098_apitoken"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("berita", "0002_body_help_text"),
        ("core", "0002_data_contoh"),
        ("galeri", "0001_initial"),
        ("home", "0002_homepage_intro_homepage_sambutan_foto_and_more"),
        ("informasi", "0001_initial"),
        ("kontak", "0001_initial"),
        ("layanan", "0001_initial"),
        ("pemerintahan", "0002_approval_workflow"),
        ("profil", "0002_body_help_text"),
        ("transparansi", "0001_initial"),
    ]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
