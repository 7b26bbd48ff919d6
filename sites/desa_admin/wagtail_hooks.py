"""How the desa admin is put together: dashboard panels, two-step verification and its phone stylesheet."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks

from . import page_creation
from .otp import urls as otp_urls
from .panels import LatestMessagesPanel, OnboardingPanel, SampleDataPanel


@hooks.register("construct_homepage_panels")
def add_desa_panels(request, panels):
    panels[:0] = [OnboardingPanel(), SampleDataPanel(request.user), LatestMessagesPanel(request.user)]


@hooks.register("register_admin_urls")
def register_otp_urls():
    return [path("akun/", include(otp_urls))]


@hooks.register("register_account_menu_item")
def otp_account_menu_item(request):
    return {
        "url": reverse("desa_admin_otp_setup"),
        "label": "Verifikasi dua langkah",
        "help_text": "Lindungi akun dengan kode dari aplikasi autentikator di ponsel.",
    }


@hooks.register("before_create_page")
def one_page_per_create_form(request, parent_page, page_class):
    return page_creation.before_create(request, parent_page, page_class)


@hooks.register("after_create_page")
def remember_created_page(request, page):
    page_creation.after_create(request, page)


@hooks.register("insert_global_admin_css")
def phone_css():
    """The admin on a 360 px phone (listings as cards, fields within the screen): static/desa_admin/admin.css."""
    return format_html('<link rel="stylesheet" href="{}">', static("desa_admin/admin.css"))
