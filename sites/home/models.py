"""Beranda: the desa's front page, gathering the newest of every section; empty sections are not shown."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from sites.berita.models import BeritaIndexPage, latest_news
from sites.core import rich_text, routing
from sites.core.kinds import current_words
from sites.core.models import BasePage
from sites.informasi.models import AgendaIndexPage, PengumumanIndexPage, latest_announcements, upcoming_agenda
from sites.layanan.models import LayananIndexPage, featured_services
from sites.opd.models import LayananPublikIndexPage
from sites.opd.models import featured_services as opd_services
from sites.pemerintahan.models import kepala_desa
from sites.profil.models import ProfilPage, key_figures
from sites.puskesmas.models import home_hours
from sites.wilayah.models import home_headlines

HOME_NEWS = 3
HOME_AGENDA = 3
HOME_ANNOUNCEMENTS = 3
HOME_SERVICES = 6


def index_url(model, request=None) -> str:
    """URL of the live list page of a section (Berita, Agenda…), '' when the desa has none (or unpublished it)."""
    page = model.objects.live().public().first()
    return page.get_url(request) if page else ""


def lazy(function, *args):
    """Worked out once, on first use in the template."""
    return SimpleLazyObject(lambda: function(*args))


class HomePage(BasePage):
    intro = RichTextField(
        "kalimat sambutan situs",
        blank=True,
        features=rich_text.SIMPLE,
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
        features=rich_text.SIMPLE,
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

    def route(self, request, path_components):
        # The site's root: every URL of the desa starts here (sites/core/routing.py keeps the answers).
        return routing.route(request, path_components, super().route)

    def sambutan(self) -> dict | None:
        """The welcome by the head of the desa, completed from the perangkat list; None until a text is written."""
        if not self.sambutan_teks:
            return None
        kades = kepala_desa()
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
            key_figures=lazy(key_figures),
            latest_news=lazy(latest_news, HOME_NEWS),
            news_url=lazy(index_url, BeritaIndexPage, request),
            agenda=lazy(upcoming_agenda, HOME_AGENDA),
            agenda_url=lazy(index_url, AgendaIndexPage, request),
            announcements=lazy(latest_announcements, HOME_ANNOUNCEMENTS),
            announcements_url=lazy(index_url, PengumumanIndexPage, request),
            # A desa's, kelurahan's or kecamatan's letters, else an OPD's public services (sites/opd).
            services=lazy(lambda: featured_services(HOME_SERVICES) or opd_services(HOME_SERVICES)),
            services_url=lazy(
                lambda: index_url(LayananIndexPage, request) or index_url(LayananPublikIndexPage, request)
            ),
            # A puskesmas's opening hours and polyclinics; a kecamatan's news of its desa (empty elsewhere).
            poli=lazy(home_hours),
            region_news=lazy(home_headlines, HOME_NEWS),
            profil_url=lazy(index_url, ProfilPage, request),
        )
        return context
