"""Beranda: the desa's front page, gathering the newest of every section; empty sections are not shown."""

import logging
from importlib import import_module

from django.apps import apps
from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from sites.core.blocks import SIMPLE_RICH_TEXT_FEATURES
from sites.core.kinds import current_words
from sites.core.models import BasePage

logger = logging.getLogger(__name__)

HOME_NEWS = 3
HOME_AGENDA = 3
HOME_ANNOUNCEMENTS = 3
HOME_SERVICES = 6


def from_section(module_path: str, function: str, *args):
    """Ask a content app for its home-page items; an app that is missing or broken hides its section only."""
    try:
        return getattr(import_module(module_path), function)(*args)
    except (ImportError, AttributeError, LookupError):
        return []
    except Exception:  # one section's bug must not take the whole front page down
        logger.exception("Beranda: bagian %s.%s gagal dimuat", module_path, function)
        return []


def index_url(app_label: str, model_name: str, request=None) -> str:
    """URL of the live list page of a section (Berita, Agenda…), '' when it is not there."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return ""
    page = model.objects.live().public().first()
    return page.get_url(request) if page else ""


def lazy(function, *args):
    """Worked out once, on first use in the template."""
    return SimpleLazyObject(lambda: function(*args))


class HomePage(BasePage):
    intro = RichTextField(
        "kalimat sambutan situs",
        blank=True,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text="Satu-dua kalimat di bawah judul beranda. Kosongkan untuk memakai kalimat bawaan.",
    )
    sambutan_judul = models.CharField(
        "judul sambutan", max_length=100, default="Sambutan Kepala Desa", help_text="Judul bagian sambutan."
    )
    sambutan_nama = models.CharField(
        "nama kepala desa",
        max_length=100,
        blank=True,
        help_text="Kosongkan untuk memakai nama Kepala Desa dari menu Pemerintahan → Perangkat desa.",
    )
    sambutan_foto = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="foto kepala desa",
        help_text="Kosongkan untuk memakai foto Kepala Desa dari data perangkat desa.",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sambutan_teks = RichTextField(
        "teks sambutan",
        blank=True,
        features=SIMPLE_RICH_TEXT_FEATURES,
        help_text="Sambutan Kepala Desa. Bagian sambutan hanya tampil bila teks ini diisi.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("sambutan_judul"),
                FieldPanel("sambutan_nama"),
                FieldPanel("sambutan_foto"),
                FieldPanel("sambutan_teks"),
            ],
            heading="Sambutan Kepala Desa",
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "beranda"
        verbose_name_plural = "beranda"

    def sambutan(self) -> dict | None:
        """The welcome by the head of the desa, completed from the perangkat list; None until a text is written."""
        if not self.sambutan_teks:
            return None
        kades = from_section("sites.pemerintahan.models", "kepala_desa") or None
        return {
            "judul": self.sambutan_judul,
            "teks": self.sambutan_teks,
            "nama": self.sambutan_nama or (kades.nama if kades else ""),
            "jabatan": kades.jabatan if kades and not self.sambutan_nama else current_words().kepala,
            "foto": self.sambutan_foto or (kades.foto if kades else None),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: each is queried once, and only when the template's cached fragment is stale (home/home_page.html).
        context.update(
            sambutan=lazy(self.sambutan),
            key_figures=lazy(from_section, "sites.profil.models", "key_figures"),
            latest_news=lazy(from_section, "sites.berita.models", "latest_news", HOME_NEWS),
            news_url=lazy(index_url, "berita", "BeritaIndexPage", request),
            agenda=lazy(from_section, "sites.informasi.models", "upcoming_agenda", HOME_AGENDA),
            agenda_url=lazy(index_url, "informasi", "AgendaIndexPage", request),
            announcements=SimpleLazyObject(
                lambda: from_section("sites.informasi.models", "latest_announcements", HOME_ANNOUNCEMENTS)
            ),
            announcements_url=lazy(index_url, "informasi", "PengumumanIndexPage", request),
            # A desa's, kelurahan's or kecamatan's letters, else an OPD's public services (sites/opd).
            services=lazy(
                lambda: (
                    from_section("sites.layanan.models", "featured_services", HOME_SERVICES)
                    or from_section("sites.opd.models", "featured_services", HOME_SERVICES)
                )
            ),
            services_url=lazy(
                lambda: (
                    index_url("layanan", "LayananIndexPage", request)
                    or index_url("opd", "LayananPublikIndexPage", request)
                )
            ),
            # A puskesmas's opening hours and polyclinics; a kecamatan's news of its desa (empty elsewhere).
            poli=lazy(from_section, "sites.puskesmas.models", "home_hours"),
            region_news=lazy(from_section, "sites.wilayah.models", "home_headlines", HOME_NEWS),
            profil_url=lazy(index_url, "profil", "ProfilPage", request),
        )
        return context
