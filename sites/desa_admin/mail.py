"""Who the admin's notification mail (workflow, comments, password) comes from: the desa itself.

A clerk trusts "Desa Socorejo <noreply@socorejo.desa.id>"; "webmaster@localhost" looks like spam. The value
is asked for each mail (settings.WAGTAILADMIN_NOTIFICATION_FROM_EMAIL is a lazy string), so it follows the
desa whose request or schema sends it.
"""

from email.utils import formataddr

from django.conf import settings

from desa_platform.tenancy.current import current_desa


def notification_from() -> str:
    desa = current_desa()
    if desa is None or not desa.domain:
        return settings.DEFAULT_FROM_EMAIL
    return formataddr((desa.display_name, f"noreply@{desa.domain}"))
