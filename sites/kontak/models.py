"""Kontak: the desa's contact details, a map link, and a contact/complaint form stored in the desa's schema."""

from urllib.parse import urlencode

from django.db import models
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from desa_platform.outbox import enqueue_mail
from desa_platform.tenancy.current import current_desa
from sites.core import rich_text
from sites.core.models import SectionIndexPage, intro_field

from . import ratelimit

SESSION_KEY = "kontak_terkirim"


class KontakPage(RoutablePageMixin, SectionIndexPage):
    intro = intro_field(
        "Teks di atas alamat dan formulir. Alamat, telepon dan jam layanan diisi di Pengaturan situs desa."
    )
    terima_kasih = RichTextField(
        "teks setelah pesan terkirim",
        blank=True,
        features=rich_text.SIMPLE,
        help_text="Mis. kapan pesan biasanya dibalas. Kosongkan untuk memakai teks bawaan.",
    )
    email_pemberitahuan = models.EmailField(
        "kirim pemberitahuan ke",
        blank=True,
        help_text="Alamat surel yang diberi tahu setiap ada pesan baru (boleh dikosongkan; "
        "pesan selalu tersimpan di menu Pesan warga).",
    )

    content_panels = SectionIndexPage.content_panels + [
        MultiFieldPanel([FieldPanel("terima_kasih"), FieldPanel("email_pemberitahuan")], heading="Formulir pesan"),
    ]
    subpage_types = []

    class Meta:
        verbose_name = "kontak"
        verbose_name_plural = "kontak"

    @path("")
    def form_view(self, request):
        from .forms import PesanForm  # forms.py builds on the Pesan model below

        status = 200
        if request.method == "POST":
            form = PesanForm(request.POST)
            ip = ratelimit.client_ip(request)
            if ratelimit.is_limited(ip):
                form.add_error(
                    None,
                    "Terlalu banyak pesan terkirim dari sambungan Anda dalam satu jam terakhir. Pesan Anda belum "
                    "terkirim; tulisan Anda masih ada di bawah. Silakan coba lagi nanti atau hubungi kami lewat "
                    "telepon/WhatsApp.",
                )
                status = 429
            elif form.is_bot:
                # Answer a bot exactly like a person so it learns nothing; store nothing.
                ratelimit.record(ip)
                return redirect(self.sent_url(request))
            elif form.is_valid():
                ratelimit.record(ip)
                pesan = form.save()
                self.notify(pesan)
                request.session[SESSION_KEY] = pesan.nomor
                return redirect(self.sent_url(request))
            else:
                status = 400
        else:
            form = PesanForm()
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return self.private(response)

    @path("terkirim/", name="terkirim")
    def sent_view(self, request):
        nomor = request.session.pop(SESSION_KEY, None)
        response = self.render(
            request,
            template="kontak/kontak_page_terkirim.html",
            context_overrides={"nomor": nomor, "crumb_current": "Pesan terkirim", "canonical_path": self.url},
        )
        return self.private(response)

    def sent_url(self, request) -> str:
        return self.get_url(request) + self.reverse_subpage("terkirim")

    @staticmethod
    def private(response):
        # A form page carries a CSRF token: neither our page cache nor nginx may share it between visitors.
        patch_cache_control(response, private=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["kontak"] = contact_details(request)
        return context

    def notify(self, pesan):
        if not self.email_pemberitahuan:
            return
        desa = current_desa()
        # Into the outbox, sent after the response: a stalled mail server must not hold this request.
        enqueue_mail(
            [self.email_pemberitahuan],
            f"[{desa.display_name if desa else 'Situs desa'}] Pesan baru: {pesan.get_jenis_display()}",
            f"Dari: {pesan.nama}\nSurel: {pesan.email or '-'}\nTelepon: {pesan.telepon or '-'}\n\n"
            f"{pesan.pesan}\n\nBaca dan tindak lanjuti di menu Pesan warga pada halaman admin.",
            kind="kontak",
        )


def contact_details(request) -> dict:
    """What the contact page shows, from the desa's settings (read defensively) and the facts the platform knows."""
    pengaturan = None
    try:
        from sites.core.models import PengaturanDesa

        pengaturan = PengaturanDesa.load(request_or_site=request)
    except Exception:  # settings are decoration here: the page must show even without them
        pengaturan = None
    desa = current_desa()
    place = ", ".join(
        part
        for part in (
            f"Kecamatan {desa.kecamatan}" if desa and desa.kecamatan else "",
            f"Kabupaten {desa.kabupaten}" if desa and desa.kabupaten else "",
            desa.provinsi if desa else "",
        )
        if part
    )
    alamat = getattr(pengaturan, "alamat", "") or ""
    default_address = f"Kantor {desa.display_name}\n{place}" + (f" {desa.kode_pos}" if desa and desa.kode_pos else "")
    map_url = getattr(pengaturan, "map_url", "") if pengaturan is not None else ""
    if not map_url and desa:
        query = ", ".join(part for part in (f"{desa.kind_label} {desa.name}", desa.kecamatan, desa.kabupaten) if part)
        map_url = "https://www.openstreetmap.org/search?" + urlencode({"query": query})
    return {
        "alamat_lines": [
            line.strip() for line in (alamat or (default_address if desa else "")).splitlines() if line.strip()
        ],
        "telepon": getattr(pengaturan, "telepon", ""),
        "telepon_uri": getattr(pengaturan, "telepon_uri", ""),
        "email": getattr(pengaturan, "email", ""),
        "whatsapp": getattr(pengaturan, "whatsapp", ""),
        "whatsapp_url": getattr(pengaturan, "whatsapp_url", ""),
        "jam_layanan": getattr(pengaturan, "jam_layanan_lines", []),
        "map_url": map_url,
        "map_exact": bool(getattr(pengaturan, "has_location", False)),
    }


class Pesan(models.Model):
    """A message or complaint a resident sent through the contact page; lives in the desa's own schema."""

    class Jenis(models.TextChoices):
        PERTANYAAN = "pertanyaan", "Pertanyaan"
        PENGADUAN = "pengaduan", "Pengaduan"
        SARAN = "saran", "Saran"
        PERMOHONAN_INFORMASI = "permohonan-informasi", "Permohonan informasi publik"

    class Status(models.TextChoices):
        BARU = "baru", "Baru"
        DIPROSES = "diproses", "Sedang ditindaklanjuti"
        SELESAI = "selesai", "Selesai"

    nama = models.CharField("nama", max_length=120, help_text="Nama pengirim.")
    email = models.EmailField("surel", blank=True, help_text="Alamat surel pengirim untuk balasan.")
    telepon = models.CharField("telepon/WhatsApp", max_length=30, blank=True, help_text="Nomor pengirim untuk balasan.")
    jenis = models.CharField(
        "jenis pesan", max_length=30, choices=Jenis.choices, default=Jenis.PERTANYAAN, help_text="Apa maksud pesan ini."
    )
    pesan = models.TextField("pesan", max_length=5000, help_text="Isi pesan dari warga.")
    dikirim = models.DateTimeField("dikirim", auto_now_add=True, help_text="Waktu pesan masuk.")
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.BARU,
        help_text="Ubah saat pesan mulai ditindaklanjuti dan saat selesai.",
    )
    catatan = models.TextField(
        "catatan tindak lanjut", blank=True, help_text="Catatan internal petugas; tidak tampil bagi warga."
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("nama"), FieldPanel("email"), FieldPanel("telepon"), FieldPanel("jenis"), FieldPanel("pesan")],
            heading="Pesan dari warga",
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("catatan")], heading="Tindak lanjut"),
    ]

    class Meta:
        verbose_name = "pesan warga"
        verbose_name_plural = "pesan warga"
        ordering = ["-dikirim", "-pk"]

    def __str__(self):
        return f"{self.nomor} · {self.get_jenis_display()} dari {self.nama}"

    @property
    def nomor(self) -> str:
        """The reference a resident quotes when asking about their message."""
        return f"P-{self.pk:05d}" if self.pk else ""


def latest_messages(limit: int = 5):
    """The newest messages of the current desa, newest first (for the admin dashboard)."""
    return list(Pesan.objects.order_by("-dikirim", "-pk")[:limit])
