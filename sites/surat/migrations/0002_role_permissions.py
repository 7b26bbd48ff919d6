"""Give the two roles of an existing desa their letter permissions (a new desa gets them from
sites/desa_admin/roles.py when its template is built): Operator handles requests; Kepala Desa also signs."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

HANDLE = ["add_permohonan", "change_permohonan", "view_permohonan", "view_lampiran", "view_surat",
          "add_templatesurat", "change_templatesurat", "view_templatesurat"]
SIGN = ["tandatangani_surat", "change_pengaturansurat", "view_pengaturansurat", "delete_templatesurat"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations (post_migrate); this one needs them now.
    app_config = apps.get_app_config("surat")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Operator", HANDLE), ("Kepala Desa", HANDLE + SIGN)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(content_type__app_label="surat", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("surat", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
