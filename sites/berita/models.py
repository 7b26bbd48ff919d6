"""Berita: the desa's news, with categories, tags, a month archive and an RSS feed (see feeds.py).

Kept as one module, over 300 lines on purpose: the index page's routes (category, tag, month archive) and the
article page's related-articles query read each other's fields and are easiest to follow side by side.
"""

import datetime

from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from sites.core import memo, renditions
from sites.core.blocks import BodyBlock
from sites.core.formatting import nama_bulan
from sites.core.models import BasePage, SectionIndexPage, intro_field
from sites.core.pagination import ARTICLES_PER_PAGE, paginate
from sites.core.text import plain_text

RELATED_COUNT = 3
# What berita_page.html and the page's OpenGraph/JSON-LD image ask of the article's picture.
ARTICLE_RENDITIONS = ("max-480x320", "max-800x533", "max-1200x800")


def today() -> datetime.date:
    return timezone.localdate()


class KategoriBerita(models.Model):
    """A news category chosen by the desa (Pemerintahan, Pembangunan, Kesehatan…); a snippet."""

    nama = models.CharField("nama", max_length=60, unique=True, help_text="Mis. 'Pembangunan'.")
    slug = models.SlugField(
        "slug",
        max_length=60,
        unique=True,
        allow_unicode=False,
        help_text="Bagian alamat halaman kategori, huruf kecil dan tanda hubung, mis. 'pembangunan'.",
    )

    panels = [FieldPanel("nama"), FieldPanel("slug")]

    class Meta:
        ordering = ["nama"]
        verbose_name = "kategori berita"
        verbose_name_plural = "kategori berita"

    def __str__(self):
        return self.nama


class BeritaTag(TaggedItemBase):
    content_object = ParentalKey("berita.BeritaPage", related_name="tagged_items", on_delete=models.CASCADE)


class BeritaIndexPage(RoutablePageMixin, SectionIndexPage):
    """The news list: /berita/, /berita/kategori/<slug>/, /berita/tag/<slug>/, /berita/arsip/<yyyy>/<mm>/."""

    intro = intro_field("Teks singkat di atas daftar berita.")

    subpage_types = ["berita.BeritaPage"]

    class Meta:
        verbose_name = "daftar berita"
        verbose_name_plural = "daftar berita"

    @classmethod
    def subpage_path(cls, name: str, *args) -> str:
        """The part of a routed URL below this page, e.g. 'kategori/pembangunan/' (routablepageurl's second half)."""
        return cls.get_resolver().reverse(name, *args)

    def articles(self):
        return (
            BeritaPage.objects.child_of(self)
            .live()
            .public()
            .select_related("gambar")
            .order_by("-tanggal", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = kwargs.get("articles")
        if articles is None:
            articles = self.articles()
        context["articles"] = paginate(request, articles, ARTICLES_PER_PAGE)
        context["page_obj"] = context["articles"]
        context["categories"] = self.categories_in_use()
        context["archive"] = self.archive_months()
        context["tags"] = self.popular_tags()
        return context

    def categories_in_use(self):
        return (
            KategoriBerita.objects.filter(beritapage__in=self.articles())
            .annotate(jumlah=Count("beritapage", distinct=True))
            .order_by("nama")
        )

    def archive_months(self) -> list[dict]:
        months = (
            self.articles()
            .annotate(bulan=TruncMonth("tanggal"))
            .values("bulan")
            .annotate(jumlah=Count("pk"))
            .order_by("-bulan")
        )
        return [
            {
                "year": row["bulan"].year,
                "month": row["bulan"].month,
                "label": f"{nama_bulan(row['bulan'].month)} {row['bulan'].year}",
                "count": row["jumlah"],
                "url": self.url + self.reverse_subpage("archive", args=[row["bulan"].year, row["bulan"].month]),
            }
            for row in months
        ]

    def popular_tags(self, limit: int = 15):
        return (
            Tag.objects.filter(berita_beritatag_items__content_object__in=self.articles())
            .annotate(jumlah=Count("berita_beritatag_items", distinct=True))
            .order_by("-jumlah", "name")[:limit]
        )

    def _list(self, request, articles, heading: str, subpage: str, *args):
        return self.render(
            request,
            articles=articles,
            context_overrides={
                "filter_heading": heading,
                "crumb_current": heading,
                "canonical_path": self.url + self.reverse_subpage(subpage, args=list(args)),
                "filtered": True,
            },
        )

    @path("")
    def index(self, request):
        return self.render(request)

    @path("kategori/<slug:slug>/", name="category")
    def by_category(self, request, slug):
        kategori = get_object_or_404(KategoriBerita, slug=slug)
        articles = self.articles().filter(kategori=kategori)
        return self._list(request, articles, f"Kategori: {kategori.nama}", "category", slug)

    @path("tag/<str:slug>/", name="tag")
    def by_tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        articles = self.articles().filter(tags=tag)
        return self._list(request, articles, f"Topik: {tag.name}", "tag", slug)

    @path("arsip/<int:year>/<int:month>/", name="archive")
    def by_month(self, request, year, month):
        if not (1 <= month <= 12 and 1900 <= year <= 9999):
            raise Http404("Bulan tidak dikenal")
        articles = self.articles().filter(tanggal__year=year, tanggal__month=month)
        return self._list(request, articles, f"Arsip {nama_bulan(month)} {year}", "archive", year, month)


class BeritaPage(BasePage):
    # Its title, date and link go to the public headline index when published (desa_platform/portal/headlines.py).
    portal_headline = True

    tanggal = models.DateField("tanggal", default=today, help_text="Tanggal berita; menentukan urutan dan arsip.")
    penulis = models.CharField(
        "penulis", max_length=100, blank=True, help_text="Nama penulis. Kosongkan untuk memakai nama akun pembuat."
    )
    gambar = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="gambar utama",
        help_text="Foto di atas berita, di daftar berita dan saat dibagikan. Sebaiknya mendatar (3:2).",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    keterangan_gambar = models.CharField(
        "keterangan gambar", max_length=250, blank=True, help_text="Apa/siapa di foto, dan sumber foto."
    )
    ringkasan = models.TextField(
        "ringkasan",
        max_length=400,
        blank=True,
        help_text="Satu-dua kalimat untuk daftar berita dan mesin pencari. Kosongkan untuk memakai awal isi berita.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="isi berita",
        blank=True,
        help_text="Tulis berita dalam paragraf pendek; tambahkan gambar, tabel atau dokumen bila perlu.",
    )
    kategori = ParentalManyToManyField(
        KategoriBerita, verbose_name="kategori", blank=True, help_text="Pilih satu atau beberapa kategori."
    )
    tags = ClusterTaggableManager(
        "topik", through=BeritaTag, blank=True, help_text="Kata kunci, pisahkan dengan koma, mis. 'posyandu, balita'."
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("tanggal"), FieldPanel("penulis"), FieldPanel("kategori"), FieldPanel("tags")],
            heading="Keterangan berita",
        ),
        MultiFieldPanel([FieldPanel("gambar"), FieldPanel("keterangan_gambar")], heading="Gambar utama"),
        FieldPanel("ringkasan"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("ringkasan"),
        index.SearchField("body"),
        index.SearchField("penulis"),
        index.FilterField("tanggal"),
    ]
    parent_page_types = ["berita.BeritaIndexPage"]
    subpage_types = []
    route_select_related = ("gambar",)

    class Meta:
        verbose_name = "berita"
        verbose_name_plural = "berita"

    @property
    def listing_image(self):
        return self.gambar

    @property
    def listing_date(self):
        return self.tanggal

    @property
    def listing_summary(self) -> str:
        if self.ringkasan:
            return self.ringkasan
        words = plain_text(self.body.render_as_block()).split()
        # Not Truncator: it reads '<tingkat kecamatan>' in plain text as a tag and drops it.
        return " ".join(words[:40]) + ("…" if len(words) > 40 else "")

    @property
    def author_name(self) -> str:
        if self.penulis:
            return self.penulis
        owner = self.owner
        return (owner.get_full_name() or owner.get_username()) if owner else ""

    def related(self, categories, tags, limit: int = RELATED_COUNT):
        """Articles sharing one of `categories` or `tags` (this page's), newest first; the latest others when
        none share any."""
        others = BeritaPage.objects.live().public().exclude(pk=self.pk).select_related("gambar")
        category_ids = [category.pk for category in categories]
        tag_ids = [tag.pk for tag in tags]
        shared = others.filter(models.Q(kategori__in=category_ids) | models.Q(tags__in=tag_ids)).distinct()
        related = list(shared.order_by("-tanggal", "-pk")[:limit])
        if len(related) < limit:
            seen = [page.pk for page in related]
            related += list(others.exclude(pk__in=seen).order_by("-tanggal", "-pk")[: limit - len(related)])
        return related

    def labels(self, request=None) -> tuple[list, list]:
        """The article's categories and tags; from the memo as plain rows, built per request (no query)."""

        def load():
            return (
                [(k.pk, k.nama, k.slug) for k in self.kategori.all()],
                [(t.pk, t.name, t.slug) for t in self.tags.all()],
            )

        # A preview shows the editor's unsaved choice, which must never reach what visitors are served.
        if getattr(request, "is_preview", False):
            categories, tags = load()
        else:
            categories, tags = memo.remember_some(f"berita-labels:{self.pk}", load, "berita-labels")
        return (
            [KategoriBerita(pk=pk, nama=nama, slug=slug) for pk, nama, slug in categories],
            [Tag(pk=pk, name=name, slug=slug) for pk, name, slug in tags],
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories, tags = self.labels(request)
        if self.gambar:
            # og_image_url shares a small picture as it is; json_ld() always asks for the 1200×630 one.
            small = ("original",) if self.gambar.width < 600 else ()
            renditions.prefetch(self.gambar, (*ARTICLE_RENDITIONS, "fill-1200x630-c50", *small))
        # Lazy: worked out only when the template's cached fragment of related articles is stale.
        context["related"] = SimpleLazyObject(lambda: self.related(categories, tags))
        context.update(kategori_list=categories, tag_list=tags, **self.label_links(request, categories, tags))
        return context

    def label_links(self, request, categories, tags) -> dict:
        """(name, URL) of the article's categories and tags; from the memo with the labels themselves."""

        def load():
            index_url = self.index_url(request)
            return {
                "kategori_links": [
                    (k.nama, index_url + BeritaIndexPage.subpage_path("category", k.slug)) for k in categories
                ],
                "tag_links": [(t.name, index_url + BeritaIndexPage.subpage_path("tag", t.slug)) for t in tags],
            }

        if getattr(request, "is_preview", False):
            return load()
        return memo.remember_some(f"berita-label-links:{self.pk}", load, "berita-label-links")

    def index_url(self, request=None) -> str:
        """URL of the Berita page above this one (for category and tag links), once per content generation."""
        parent_path = self.path[: -self.steplen]

        def load():
            url = Page.objects.get(path=parent_path).get_url(request)
            return url if url.endswith("/") else url + "/"

        return memo.remember(f"url:{parent_path}", load)

    def json_ld(self, request=None) -> dict:
        from desa_platform.tenancy.current import current_desa

        desa = current_desa()
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.tanggal.isoformat(),
            "url": self.get_full_url(request),
            "inLanguage": "id",
            "description": self.get_meta_description(),
            "publisher": {"@type": "GovernmentOrganization", "name": desa.display_name if desa else ""},
        }
        if self.last_published_at:
            data["dateModified"] = timezone.localtime(self.last_published_at).isoformat()
        if self.author_name:
            data["author"] = {"@type": "Person", "name": self.author_name}
        if self.gambar:
            rendition = renditions.rendition(self.gambar, "fill-1200x630-c50")
            data["image"] = request.build_absolute_uri(rendition.url) if request else rendition.url
        return data


def latest_news(limit: int = 3):
    """The newest live articles of this desa (for the home page)."""
    return list(
        BeritaPage.objects.live().public().select_related("gambar").order_by("-tanggal", "-first_published_at")[:limit]
    )


def news_index() -> Page | None:
    return BeritaIndexPage.objects.live().first()
