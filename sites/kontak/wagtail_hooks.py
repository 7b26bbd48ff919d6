"""Messages from residents in the admin menu: newest first, filterable by kind and follow-up status."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Pesan


class PesanViewSet(SnippetViewSet):
    model = Pesan
    menu_label = "Pesan warga"
    icon = "mail"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["nomor", "nama", "jenis", "status", "dikirim"]
    list_filter = ["status", "jenis"]
    search_fields = ["nama", "email", "telepon", "pesan"]
    ordering = ["-dikirim"]
    list_per_page = 50


register_snippet(PesanViewSet)
