"""Socorejo's home page and site settings (pilot only). Safe to run again: a text the desa has written is
never overwritten."""

from sites.core.models import PengaturanDesa
from sites.core.sample import mark_sample

SAMBUTAN = (
    "<p>Assalamu'alaikum warahmatullahi wabarakatuh, salam sejahtera untuk kita semua.</p>"
    "<p>Selamat datang di situs resmi Desa Socorejo. Sebagai purwarupa program Desa Digital Kabupaten Tuban, "
    "kami ingin warga dapat mengetahui kabar desa, persyaratan layanan dan penggunaan anggaran desa tanpa harus "
    "datang ke balai desa. Kritik dan saran warga sangat kami harapkan agar pelayanan terus membaik.</p>"
)


def load(home):
    if not home.sambutan_teks:
        home.sambutan_teks = SAMBUTAN
        home.save_revision().publish()
    settings = PengaturanDesa.base_queryset().first() or PengaturanDesa()
    if not settings.tagline:
        settings.tagline = "Purwarupa Desa Digital Kabupaten Tuban"
    sample_contact = not (settings.telepon or settings.whatsapp or settings.email)
    if not settings.alamat or settings.alamat == "Kantor Desa Socorejo":
        settings.alamat = "Kantor Desa Socorejo\nJl. Raya Socorejo No. 1, Dusun Krajan"
    if sample_contact:
        # Believable, not real: marked as sample in the admin until the desa enters its own.
        settings.telepon = "(0356) 711 2025"
        settings.whatsapp = "0812 3000 2025"
        settings.email = "pemdes@socorejo.desa.id"
    if not settings.jam_layanan:
        settings.jam_layanan = "Senin–Kamis 08.00–15.00 WIB\nJumat 08.00–11.00 WIB"
    settings.save()
    if sample_contact:
        mark_sample(settings, "Alamat, telepon, WhatsApp dan surel kantor: contoh dari pilot")
