"""Socorejo's pilot gallery: one album, so the gallery is not empty on the pilot. Its pictures are drawn by
sites.core.pilot_images (nothing downloaded) and reused when the loader runs again."""

import datetime

from django.utils import timezone

from sites.core.pilot_images import generated_image

from .models import AlbumFoto, AlbumPage, GaleriIndexPage

PHOTOS = [
    ("Berkumpul di balai desa sebelum berangkat", "Berkumpul", "biru"),
    ("Membersihkan saluran air di tepi jalan desa", "Saluran air", "hijau"),
    ("Mengangkut lumpur dan sampah dari saluran", "Angkut sampah", "oranye"),
    ("Istirahat dan makan bersama seusai kerja bakti", "Makan bersama", "abu"),
]


def load(home):
    gallery = GaleriIndexPage.objects.descendant_of(home).first()
    if gallery is None or gallery.get_children().filter(slug="kerja-bakti-saluran-air").exists():
        return
    album = AlbumPage(
        title="Kerja Bakti Membersihkan Saluran Air",
        slug="kerja-bakti-saluran-air",
        tanggal=timezone.localdate() - datetime.timedelta(days=16),
        keterangan="Warga bergotong royong membersihkan saluran air menjelang musim hujan.",
    )
    for order, (caption, label, colour) in enumerate(PHOTOS):
        album.foto.add(
            AlbumFoto(gambar=generated_image(f"Galeri: {caption}", label, colour), keterangan=caption, sort_order=order)
        )
    gallery.add_child(instance=album)
