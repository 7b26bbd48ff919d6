"""What every page of a desa site shares: the abstract BasePage, the SectionIndexPage of a section's one list
page, and the per-desa settings (PengaturanDesa)."""

import re
import unicodedata

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from desa_platform.tenancy.current import current_desa

from . import memo, rich_text
from .text import plain_text

META_DESCRIPTION_LENGTH = 160


class BasePage(Page):
    """What every page type of a desa site shares.

    Subclasses may override `listing_image` (an Image or None), `listing_date` and `listing_summary` (plain text) so
    that lists, search results, OpenGraph tags and JSON-LD all show the same picture, date and summary.
    """

    # Foreign keys a view of the page shows, joined into the one query that loads it (sites/core/routing.py).
    route_select_related: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def listing_image(self):
        """The image shown for this page in lists and social previews; None when there is none."""
        return None

    @property
    def listing_date(self):
        """The date shown with this page in lists (an article's date, an event's day); None to show none."""
        return None

    @property
    def listing_summary(self) -> str:
        """A plain-text summary for lists and search results."""
        return self.search_description or ""

    def get_view_restrictions(self):
        # Most desa restrict no page at all: then there is nothing to look up for each page view.
        if not memo.remember("any_view_restriction", PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_full_url(self, request=None):
        """Wagtail's, once per content generation (from the memo: it changes with a publish, a move or the
        desa's Site) and once per instance: a view asks for it for the canonical link, the share links and
        the JSON-LD."""
        key = (request, self.pk, self.url_path)
        known = self.__dict__.get("_full_url")
        if known is None or known[0] != key:
            full_url = super().get_full_url
            if self.pk and not getattr(request, "is_preview", False):
                url = memo.remember_some(f"full-url:{self.pk}:{self.url_path}", lambda: full_url(request), "page-urls")
            else:
                url = full_url(request)
            known = self._full_url = (key, url)
        return known[1]

    def get_meta_description(self) -> str:
        """The <meta name=description>: the editor's own text, else the summary, cut to a search-engine length.

        Asked for five times a view (meta and og:description, JSON-LD), and an article without a summary renders
        its body for it: kept on the instance while its text fields (and its body) are the same."""
        key = tuple(value for value in self.__dict__.values() if isinstance(value, str))
        body = getattr(self, "body", None)
        known = self.__dict__.get("_meta_description")
        if known is None or known[0] != key or known[1] is not body:
            known = self._meta_description = (key, body, self._meta_description_text())
        return known[2]

    def _meta_description_text(self) -> str:
        # Both are plain text already ('<' in them is a character, not a tag): only the spaces are tidied.
        text = " ".join((self.search_description or self.listing_summary or "").split())
        if not text:
            # Index pages (/layanan/, /berita/) have no summary: their opening text, else what the page is.
            text = plain_text(str(getattr(self, "intro", "") or ""))
        if not text:
            desa = current_desa()
            text = f"{self.title} — situs resmi {desa.display_name}." if desa else self.title
        if len(text) <= META_DESCRIPTION_LENGTH:  # what Truncator gives for a text this short, without its loop
            return unicodedata.normalize("NFC", text)
        return Truncator(text).chars(META_DESCRIPTION_LENGTH)

    def json_ld(self, request=None) -> dict | None:
        """Extra schema.org data for this page (base.html adds the organisation itself)."""
        return None


def intro_field(help_text: str = "Teks singkat di atas daftar.", features=rich_text.SIMPLE) -> RichTextField:
    """The 'pengantar' above a page's own content; every section page has one."""
    return RichTextField("pengantar", blank=True, features=features, help_text=help_text)


class SectionIndexPage(BasePage):
    """The one page of a section (berita, layanan, galeri…): an intro above what lives below it.

    As news-template's ListingFields/SocialFields mixins do, this declares what the section pages share: the
    `intro` field (a subclass redeclares it for its own help text, which keeps its migration unchanged), one
    per desa, under the home page, in the menu. A section page below another (produk hukum under transparansi)
    sets its own `parent_page_types` and `show_in_menus_default = False`.
    """

    intro = intro_field()

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1
    show_in_menus_default = True

    class Meta:
        abstract = True


phone_validator = RegexValidator(
    r"^\+?[0-9 ()-]{6,20}$", "Nomor hanya boleh berisi angka, spasi, tanda kurung, tanda hubung atau + di depan."
)


@register_setting(icon="home")
class PengaturanDesa(BaseGenericSetting):
    """Per-desa site settings; one row per desa schema (generic setting: each desa has exactly one site)."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        help_text="Lambang desa di kepala situs; sebaiknya persegi, latar transparan.",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagline = models.CharField(
        "semboyan", max_length=150, blank=True, help_text="Kalimat pendek di bawah nama desa, mis. 'Desa Digital'."
    )
    alamat = models.TextField(
        "alamat kantor desa", blank=True, help_text="Alamat balai/kantor desa, boleh beberapa baris."
    )
    telepon = models.CharField(
        "telepon", max_length=30, blank=True, validators=[phone_validator], help_text="Mis. (0356) 123456."
    )
    email = models.EmailField("surel", blank=True, help_text="Alamat surel resmi desa.")
    whatsapp = models.CharField(
        "nomor WhatsApp",
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text="Nomor layanan WhatsApp, mis. 0812 3456 7890; tautan wa.me dibuat otomatis.",
    )
    jam_layanan = models.TextField(
        "jam layanan", blank=True, help_text="Mis. 'Senin–Jumat 08.00–15.00 WIB'; satu baris per hari/kelompok hari."
    )
    facebook = models.URLField("Facebook", blank=True, help_text="Alamat lengkap halaman Facebook desa.")
    instagram = models.URLField("Instagram", blank=True, help_text="Alamat lengkap akun Instagram desa.")
    youtube = models.URLField("YouTube", blank=True, help_text="Alamat lengkap kanal YouTube desa.")
    x_twitter = models.URLField("X (Twitter)", blank=True, help_text="Alamat lengkap akun X desa.")
    tiktok = models.URLField("TikTok", blank=True, help_text="Alamat lengkap akun TikTok desa.")
    latitude = models.DecimalField(
        "lintang",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Lintang kantor desa, mis. -6.812345 (dari OpenStreetMap: klik kanan → 'Tampilkan alamat').",
    )
    longitude = models.DecimalField(
        "bujur",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Bujur kantor desa, mis. 111.987654.",
    )

    panels = [
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("tagline")], heading="Identitas"),
        MultiFieldPanel(
            [
                FieldPanel("alamat"),
                FieldPanel("telepon"),
                FieldPanel("email"),
                FieldPanel("whatsapp"),
                FieldPanel("jam_layanan"),
            ],
            heading="Kontak",
        ),
        MultiFieldPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading="Lokasi di peta"),
        MultiFieldPanel(
            [
                FieldPanel("facebook"),
                FieldPanel("instagram"),
                FieldPanel("youtube"),
                FieldPanel("x_twitter"),
                FieldPanel("tiktok"),
            ],
            heading="Media sosial",
        ),
    ]

    class Meta:
        verbose_name = "Pengaturan situs desa"
        verbose_name_plural = "Pengaturan situs desa"

    def __str__(self):
        return "Pengaturan situs desa"

    @property
    def telepon_uri(self) -> str:
        """tel: link of the phone number, '' when none."""
        digits = re.sub(r"[^0-9+]", "", self.telepon or "")
        return f"tel:{digits}" if digits else ""

    @property
    def whatsapp_url(self) -> str:
        """https://wa.me/62… link (Indonesian numbers written with a leading 0 get the 62 country code)."""
        digits = re.sub(r"[^0-9]", "", self.whatsapp or "")
        if not digits:
            return ""
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}"

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self) -> str:
        """A plain OpenStreetMap link (no third-party script on our pages)."""
        if not self.has_location:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) of the filled-in social accounts, in a fixed order."""
        pairs = [
            ("Facebook", self.facebook),
            ("Instagram", self.instagram),
            ("YouTube", self.youtube),
            ("X", self.x_twitter),
            ("TikTok", self.tiktok),
        ]
        return [(label, url) for label, url in pairs if url]

    @property
    def jam_layanan_lines(self) -> list[str]:
        return [line.strip() for line in (self.jam_layanan or "").splitlines() if line.strip()]

    @property
    def has_contact(self) -> bool:
        return bool(self.alamat or self.telepon or self.email or self.whatsapp or self.jam_layanan)


class DataContoh(models.Model):
    """A piece of the pilot's sample content (figures, names, contact details). Residents never see this mark;
    the admin's dashboard lists what is still sample so the desa replaces it (sites/core/sample.py)."""

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", help_text="Jenis isi yang ditandai."
    )
    object_id = models.CharField(max_length=64, help_text="Nomor isi yang ditandai.")
    keterangan = models.CharField("keterangan", max_length=200, help_text="Apa yang masih contoh, untuk dasbor.")
    # The object's fields when the pilot wrote it (for models without revisions: settings); changed -> not sample.
    sidik = models.CharField(max_length=64, blank=True, help_text="Sidik isi saat ditulis pilot.")

    class Meta:
        unique_together = [("content_type", "object_id")]
        verbose_name = "data contoh"
        verbose_name_plural = "data contoh"

    def __str__(self):
        return self.keterangan

    @property
    def obj(self):
        model = self.content_type.model_class()
        return model.objects.filter(pk=self.object_id).first() if model else None
