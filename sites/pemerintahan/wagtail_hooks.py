from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from sites.desa_admin.columns import YaTidakColumn

from .models import AnggotaBPD, Lembaga, PerangkatDesa


class PerangkatDesaViewSet(SnippetViewSet):
    model = PerangkatDesa
    icon = "user"
    menu_label = "Perangkat desa"
    list_display = ["nama", "jabatan", "kelompok", "urutan", YaTidakColumn("aktif", "Masih menjabat")]
    list_filter = ["kelompok", "aktif"]
    search_fields = ["nama", "jabatan"]
    ordering = ["urutan", "nama"]


class AnggotaBPDViewSet(SnippetViewSet):
    model = AnggotaBPD
    icon = "group"
    menu_label = "Anggota BPD"
    list_display = ["nama", "jabatan", "urutan", YaTidakColumn("aktif", "Masih menjabat")]
    list_filter = ["aktif"]
    search_fields = ["nama", "jabatan"]
    ordering = ["urutan", "nama"]


class LembagaViewSet(SnippetViewSet):
    model = Lembaga
    icon = "site"
    menu_label = "Lembaga kemasyarakatan"
    list_display = ["nama", "singkatan", "ketua", "urutan"]
    search_fields = ["nama", "singkatan", "ketua"]
    ordering = ["urutan", "nama"]


class PemerintahanGroup(SnippetViewSetGroup):
    menu_label = "Pemerintahan"
    menu_icon = "user"
    menu_order = 250
    items = (PerangkatDesaViewSet, AnggotaBPDViewSet, LembagaViewSet)


register_snippet(PemerintahanGroup)
