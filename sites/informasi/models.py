"""Informasi: pengumuman (announcements) and agenda (dated events; past ones stay as an archive)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from sites.core import rich_text
from sites.core.models import BasePage, SectionIndexPage, intro_field
from sites.core.pagination import paginate


def today() -> datetime.date:
    return timezone.localdate()


class PengumumanIndexPage(SectionIndexPage):
    intro = intro_field(features=rich_text.INLINE)

    subpage_types = ["informasi.PengumumanPage"]

    class Meta:
        verbose_name = "daftar pengumuman"
        verbose_name_plural = "daftar pengumuman"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        announcements = PengumumanPage.objects.child_of(self).live().public().order_by("-tanggal", "-pk")
        context["announcements"] = paginate(request, announcements)
        return context


class PengumumanPage(BasePage):
    tanggal = models.DateField("tanggal", default=today, help_text="Tanggal pengumuman diterbitkan.")
    berlaku_sampai = models.DateField(
        "berlaku sampai",
        null=True,
        blank=True,
        help_text="Setelah tanggal ini pengumuman tidak lagi tampil di beranda (tetap ada di daftar). "
        "Kosongkan bila tidak berbatas waktu.",
    )
    ringkasan = models.TextField(
        "ringkasan", blank=True, max_length=300, help_text="Satu kalimat untuk daftar pengumuman dan beranda."
    )
    isi = RichTextField("isi", features=rich_text.BODY_WITH_IMAGES, help_text="Isi pengumuman.")

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("tanggal"), FieldPanel("berlaku_sampai")]),
        FieldPanel("ringkasan"),
        FieldPanel("isi"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("ringkasan"), index.SearchField("isi")]
    parent_page_types = ["informasi.PengumumanIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "pengumuman"
        verbose_name_plural = "pengumuman"

    def clean(self):
        super().clean()
        if self.berlaku_sampai and self.tanggal and self.berlaku_sampai < self.tanggal:
            raise ValidationError({"berlaku_sampai": "Tanggal berlaku tidak boleh sebelum tanggal pengumuman."})

    @property
    def masih_berlaku(self) -> bool:
        return self.berlaku_sampai is None or self.berlaku_sampai >= today()

    @property
    def listing_date(self):
        return self.tanggal

    @property
    def listing_summary(self) -> str:
        return self.ringkasan or self.search_description or ""


class AgendaIndexPage(SectionIndexPage):
    intro = intro_field(features=rich_text.INLINE)

    subpage_types = ["informasi.AgendaPage"]

    class Meta:
        verbose_name = "daftar agenda"
        verbose_name_plural = "daftar agenda"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = AgendaPage.objects.child_of(self).live().public()
        context["upcoming"] = list(upcoming(events))
        context["past"] = paginate(request, past(events))
        return context


class AgendaPage(BasePage):
    tanggal = models.DateField("tanggal", help_text="Hari kegiatan (hari pertama bila lebih dari sehari).")
    tanggal_selesai = models.DateField(
        "tanggal selesai",
        null=True,
        blank=True,
        help_text="Isi hanya bila kegiatan berlangsung lebih dari sehari.",
    )
    waktu_mulai = models.TimeField(
        "jam mulai", null=True, blank=True, help_text="Mis. 19.30; kosongkan bila belum pasti."
    )
    waktu_selesai = models.TimeField(
        "jam selesai", null=True, blank=True, help_text="Kosongkan bila selesainya tidak tentu."
    )
    tempat = models.CharField("tempat", max_length=200, help_text="Mis. “Balai Desa” atau “Lapangan Dusun Krajan”.")
    penyelenggara = models.CharField(
        "penyelenggara", max_length=200, blank=True, help_text="Mis. “Pemerintah Desa” atau “Tim Penggerak PKK”."
    )
    ringkasan = models.TextField(
        "ringkasan", blank=True, max_length=300, help_text="Satu kalimat untuk daftar agenda dan beranda."
    )
    keterangan = RichTextField(
        "keterangan", blank=True, features=rich_text.BODY_WITH_IMAGES, help_text="Susunan acara, undangan, dll."
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tanggal"), FieldPanel("tanggal_selesai")]),
                FieldRowPanel([FieldPanel("waktu_mulai"), FieldPanel("waktu_selesai")]),
                FieldPanel("tempat"),
                FieldPanel("penyelenggara"),
            ],
            heading="Waktu dan tempat",
        ),
        FieldPanel("ringkasan"),
        FieldPanel("keterangan"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("tempat"),
        index.SearchField("ringkasan"),
        index.SearchField("keterangan"),
    ]
    parent_page_types = ["informasi.AgendaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "agenda"
        verbose_name_plural = "agenda"

    def clean(self):
        super().clean()
        errors = {}
        if self.tanggal_selesai and self.tanggal and self.tanggal_selesai < self.tanggal:
            errors["tanggal_selesai"] = "Tanggal selesai tidak boleh sebelum tanggal mulai."
        same_day = not self.tanggal_selesai or self.tanggal_selesai == self.tanggal
        if same_day and self.waktu_mulai and self.waktu_selesai and self.waktu_selesai < self.waktu_mulai:
            errors["waktu_selesai"] = "Jam selesai tidak boleh sebelum jam mulai."
        if errors:
            raise ValidationError(errors)

    @property
    def hari_terakhir(self) -> datetime.date:
        return self.tanggal_selesai or self.tanggal

    @property
    def sudah_lewat(self) -> bool:
        return self.hari_terakhir < today()

    @property
    def listing_date(self):
        return self.tanggal

    @property
    def listing_summary(self) -> str:
        return self.ringkasan or self.search_description or f"Di {self.tempat}."

    def json_ld(self, request=None) -> dict:
        start = self.tanggal.isoformat() + (f"T{self.waktu_mulai:%H:%M}+07:00" if self.waktu_mulai else "")
        end_day = self.hari_terakhir.isoformat()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": start,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": self.tempat, "address": self.tempat},
            "url": self.get_full_url(request),
        }
        if self.waktu_selesai or self.tanggal_selesai:
            data["endDate"] = end_day + (f"T{self.waktu_selesai:%H:%M}+07:00" if self.waktu_selesai else "")
        if self.listing_summary:
            data["description"] = self.listing_summary
        if self.penyelenggara:
            data["organizer"] = {"@type": "Organization", "name": self.penyelenggara}
        return data


def _with_last_day(events):
    return events.annotate(hari_terakhir_db=Coalesce("tanggal_selesai", "tanggal"))


def upcoming(events):
    """Events still to come or running today, soonest first."""
    return _with_last_day(events).filter(hari_terakhir_db__gte=today()).order_by("tanggal", "waktu_mulai", "pk")


def past(events):
    """Finished events, most recent first: the archive."""
    return _with_last_day(events).filter(hari_terakhir_db__lt=today()).order_by("-tanggal", "-waktu_mulai", "-pk")


def upcoming_agenda(limit: int = 3):
    """Live agenda items from today on, soonest first (for sites.home)."""
    return list(upcoming(AgendaPage.objects.live().public())[:limit])


def latest_announcements(limit: int = 3):
    """Live announcements still in force, newest first (for sites.home)."""
    still_valid = Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=today())
    return list(PengumumanPage.objects.live().public().filter(still_valid).order_by("-tanggal", "-pk")[:limit])
