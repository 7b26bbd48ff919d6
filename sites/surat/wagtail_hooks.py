"""Permohonan layanan in the desa's admin menu: the inbox, the signing desk, the register; templates as
snippets; PengaturanSurat through register_setting (models/pengaturan.py)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import access, admin_urls
from .models import TemplateSurat


@hooks.register("register_admin_urls")
def register_surat_urls():
    return [path("permohonan/", include(admin_urls, namespace="surat_admin"))]


class PermittedItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def surat_menu():
    return Menu(
        items=[
            PermittedItem(
                "Kotak masuk", reverse("surat_admin:inbox"), icon_name="mail", order=1, permission=access.HANDLE
            ),
            PermittedItem(
                "Meja tanda tangan", reverse("surat_admin:meja"), icon_name="edit", order=2, permission=access.SIGN
            ),
            PermittedItem(
                "Surat terbit", reverse("surat_admin:terbit"), icon_name="doc-full", order=3, permission=access.VIEW
            ),
            PermittedItem(
                "Template surat",
                reverse("wagtailsnippets_surat_templatesurat:list"),
                icon_name="doc-empty",
                order=4,
                permission="surat.change_templatesurat",
            ),
            PermittedItem(
                "Passphrase tanda tangan",
                reverse("surat_admin:passphrase"),
                icon_name="key",
                order=5,
                permission=access.SIGN,
            ),
        ]
    )


@hooks.register("register_admin_menu_item")
def permohonan_menu_item():
    return SubmenuMenuItem("Permohonan layanan", surat_menu(), icon_name="form", name="permohonan-layanan", order=240)


class TemplateSuratViewSet(SnippetViewSet):
    model = TemplateSurat
    menu_label = "Template surat"
    icon = "doc-empty"
    add_to_admin_menu = False
    list_display = ["judul", "layanan", "masa_berlaku_hari"]


register_snippet(TemplateSuratViewSet)
