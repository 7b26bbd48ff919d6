from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KategoriBerita


class KategoriBeritaViewSet(SnippetViewSet):
    model = KategoriBerita
    icon = "tag"
    menu_label = "Kategori berita"
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["nama", "slug"]
    search_fields = ["nama"]


register_snippet(KategoriBeritaViewSet)
