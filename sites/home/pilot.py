"""Socorejo's home page and site settings (pilot only). Safe to run again: a text the desa has written is
never overwritten."""

from sites.core.models import PengaturanDesa

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
    if not settings.alamat:
        settings.alamat = "Kantor Desa Socorejo"
    if not settings.jam_layanan:
        settings.jam_layanan = "Senin–Kamis 08.00–15.00 WIB\nJumat 08.00–11.00 WIB"
    settings.save()
