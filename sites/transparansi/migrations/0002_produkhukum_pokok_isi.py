"""ProdukHukumPage.ringkasan → pokok_isi: the name `ringkasan` meant a plain summary elsewhere (berita, layanan,
informasi) and a method on APBDesPage. Saved revisions carry field names too: a draft written before this rename
keeps its text when published after it."""

from django.db import migrations


def rename_in_revisions(apps, schema_editor, old="ringkasan", new="pokok_isi"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="transparansi", model="produkhukumpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        if old in revision.content:
            revision.content[new] = revision.content.pop(old)
            revision.save(update_fields=["content"])


def rename_back_in_revisions(apps, schema_editor):
    rename_in_revisions(apps, schema_editor, old="pokok_isi", new="ringkasan")


class Migration(migrations.Migration):
    dependencies = [
        ("transparansi", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(model_name="produkhukumpage", old_name="ringkasan", new_name="pokok_isi"),
        migrations.RunPython(rename_in_revisions, rename_back_in_revisions),
    ]
