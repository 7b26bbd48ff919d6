from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


class DesaAdminConfig(AppConfig):
    default = True  # this module holds DesaUsersConfig too
    name = "sites.desa_admin"
    label = "desa_admin"
    verbose_name = "Admin desa"

    def ready(self):
        from . import base_url, media_policy

        base_url.install()
        media_policy.install()
        post_migrate.connect(sync_roles, sender=self)


def sync_roles(**kwargs):
    """After migrate in a desa schema (this app is the last one migrated): today's role rules, see roles.sync."""
    from . import roles

    roles.sync()


class DesaUsersConfig(WagtailUsersAppConfig):
    """wagtail.users with the user forms a Kepala Desa may use: no superuser switch, only the desa's roles."""

    user_viewset = "sites.desa_admin.users.DesaUserViewSet"
