"""Links in admin emails (moderation, password reset) point at the desa's own domain.

Wagtail 8 builds every absolute admin link outside a request (notification emails, the password reset
email, `absolute_static`) from `wagtail.admin.utils.get_admin_base_url()`, which returns the one global
WAGTAILADMIN_BASE_URL; the `{% base_url_setting %}` tag and the userbar import that function by name.
One install serves many desa, so we answer with the current desa's root URL and keep the global value for
the platform's own schema (the console).
"""

from django.conf import settings

from desa_platform.tenancy.current import current_desa


def desa_admin_base_url() -> str | None:
    desa = current_desa()
    if desa is not None and desa.domain:
        return desa.url
    return settings.WAGTAILADMIN_BASE_URL


def install() -> None:
    """Point Wagtail's lookups at desa_admin_base_url (called once from AppConfig.ready)."""
    import wagtail.admin.templatetags.wagtailadmin_tags as admin_tags
    import wagtail.admin.userbar as userbar
    import wagtail.admin.utils as admin_utils

    for module in (admin_utils, admin_tags, userbar):
        module.get_admin_base_url = desa_admin_base_url
