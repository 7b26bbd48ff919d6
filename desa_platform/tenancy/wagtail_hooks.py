"""The kecamatan operator's menu item in a kecamatan's admin, shown only to an operator Diskominfo granted."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class DesaBinaanMenuItem(MenuItem):
    def is_shown(self, request):
        from .services.operators import active_grant

        tenant = getattr(request, "tenant", None)
        return getattr(tenant, "kind", "") == "kecamatan" and active_grant(tenant, request.user.username) is not None


@hooks.register("register_admin_menu_item")
def desa_binaan_menu_item():
    return DesaBinaanMenuItem("Desa binaan", reverse("operator-desa-binaan"), icon_name="group", order=250)
