"""A news article as a desa really publishes one, for the serving benchmarks: about 3,000 characters of body
(paragraphs, a heading, a list), a photo (a JPEG through Wagtail's image model, so renditions are made), a
category, two tags, and three other articles of the same category so that "Berita terkait" is filled.

Call `ensure(slug)` inside a desa's schema: it makes the article (and its neighbours) once and gives its path.
"""

import datetime
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

CATEGORY = "pembangunan"
TAGS = ("dana desa", "jalan desa")
RELATED_SLUGS = ("rembug-warga-rencana-kerja", "drainase-dusun-krajan", "lampu-jalan-tenaga-surya")

BODY = [
    (
        "paragraph",
        "<p>Pemerintah desa bersama warga menyelesaikan pengecoran jalan poros dusun sepanjang 850 meter dengan "
        "lebar tiga meter. Pekerjaan yang dibiayai Dana Desa tahap kedua ini dikerjakan secara padat karya oleh "
        "warga setempat selama enam minggu, sehingga upah tenaga kerja ikut berputar di desa sendiri.</p>"
        "<p>Sebelum dicor, jalan tanah di ruas ini berubah menjadi kubangan setiap musim hujan. Anak-anak yang "
        "berangkat ke sekolah harus menuntun sepeda, dan hasil panen jagung petani sering terlambat sampai ke "
        "pengepul karena truk tidak bisa masuk. Kini kendaraan roda empat dapat melintas sampai ke ujung dusun.</p>"
        "<p>Ruas jalan ini menghubungkan tiga RT dengan jalan kabupaten dan menjadi jalur utama menuju "
        "polindes, sekolah dasar dan pasar desa. Warga dari dusun sebelah juga memakainya sebagai jalan pintas "
        "ketika jembatan di jalan utama sedang diperbaiki. Karena itu, ruas ini menjadi usulan pertama dalam "
        "musyawarah perencanaan pembangunan desa dua tahun berturut-turut, dan akhirnya masuk dalam APBDes tahun "
        "ini setelah disepakati bersama Badan Permusyawaratan Desa.</p>"
        "<p>Pengerjaan dibagi menjadi empat segmen agar warga tetap bisa lewat. Setiap segmen ditutup selama "
        "seminggu untuk masa perawatan beton, dan selama itu kendaraan dialihkan melalui jalan lingkungan di "
        "belakang masjid.</p>",
    ),
    ("heading", {"text": "Rincian pekerjaan", "level": "h2"}),
    (
        "paragraph",
        "<p>Tim Pelaksana Kegiatan mencatat pekerjaan yang sudah selesai sebagai berikut:</p>"
        "<ul><li>pengecoran badan jalan 850 meter dengan mutu beton K-250 setebal 15 sentimeter;</li>"
        "<li>pemasangan gorong-gorong di tiga titik yang selama ini tergenang;</li>"
        "<li>pembuatan bahu jalan dari batu kumbung di kedua sisi;</li>"
        "<li>pemasangan papan informasi kegiatan di pangkal ruas jalan.</li></ul>"
        "<p>Seluruh pekerjaan menyerap 46 tenaga kerja dari warga desa, termasuk 12 orang dari keluarga penerima "
        "bantuan langsung tunai. Pengawasan dilakukan oleh Badan Permusyawaratan Desa dan pendamping desa dari "
        "kecamatan, yang memeriksa ketebalan cor pada beberapa titik sebelum serah terima.</p>",
    ),
    ("heading", {"text": "Anggaran dan pertanggungjawaban", "level": "h2"}),
    (
        "paragraph",
        "<p>Kegiatan ini menghabiskan anggaran Rp 412.650.000 dari pagu Rp 425.000.000 yang ditetapkan dalam APBDes. "
        "Sisa anggaran dikembalikan ke kas desa dan akan dibahas penggunaannya dalam musyawarah desa berikutnya. "
        "Rincian belanja material, upah dan sewa alat dapat dilihat di menu Transparansi pada situs ini, dan "
        "salinannya ditempel di papan pengumuman balai desa.</p>"
        "<p>Kepala desa menyampaikan terima kasih kepada warga yang merelakan sebagian pekarangannya untuk "
        "pelebaran tikungan, serta kepada ibu-ibu PKK yang menyiapkan konsumsi selama kerja bakti. Ia meminta "
        "warga ikut merawat jalan, antara lain dengan tidak membiarkan truk bermuatan lebih dari delapan ton "
        "melintas dan segera melapor bila ada retakan.</p>"
        "<p>Warga yang ingin menyampaikan usulan untuk ruas jalan lain dapat datang ke musyawarah dusun bulan "
        "depan, atau menyampaikannya lewat halaman Kontak. Usulan yang masuk akan dirangkum menjadi bahan "
        "Rencana Kerja Pemerintah Desa tahun anggaran berikutnya.</p>",
    ),
]


def photo(title: str, colour=(40, 110, 70)) -> "ImageFile":
    """A 1200×800 JPEG (what a phone photo is reduced to on upload), drawn with Pillow: no download."""
    picture = PILImage.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(picture)
    for y in range(0, 800, 4):
        shade = tuple(min(255, c + y // 8) for c in colour)
        draw.rectangle([(0, y), (1200, y + 3)], fill=shade)
    draw.polygon([(300, 800), (560, 380), (640, 380), (900, 800)], fill=(150, 150, 150))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")[:60]
    return ImageFile(buffer, name=f"{slug}.jpg")


def _article(index, kategori, slug: str, title: str, days_ago: int, body, ringkasan: str = ""):
    from wagtail.images import get_image_model

    from sites.berita.models import BeritaPage

    image = get_image_model()(title=f"Foto: {title}", file=photo(title))
    image.save()
    page = BeritaPage(
        title=title,
        slug=slug,
        tanggal=datetime.date(2026, 11, 30) - datetime.timedelta(days=days_ago),
        penulis="Tim Informasi Desa",
        ringkasan=ringkasan,
        body=body,
        gambar=image,
        keterangan_gambar=f"Dokumentasi: {title}.",
    )
    page.kategori = [kategori]
    page.tags.add(*TAGS[: 1 if slug in RELATED_SLUGS else 2])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure(slug: str) -> str:
    """The real article `slug` under the desa's news list (made once, with three related ones); its URL path."""
    from wagtail.models import Page

    from sites.berita.models import BeritaIndexPage, BeritaPage, KategoriBerita

    index = BeritaIndexPage.objects.get()
    existing = BeritaPage.objects.filter(slug=slug).first()
    if existing is not None and existing.gambar_id and existing.get_parent().pk == index.pk:
        return existing.url_path[len(index.get_parent().url_path) - 1 :]
    # A title-only article of an older bench run, anywhere in the tree.
    for old in Page.objects.filter(slug__in=(slug, *RELATED_SLUGS)):
        old.delete()
    kategori = KategoriBerita.objects.get(slug=CATEGORY)
    titles = ("Rembug Warga Menyusun Rencana Kerja", "Drainase Dusun Krajan Diperbaiki", "Lampu Jalan Tenaga Surya")
    for days_ago, (related_slug, title) in enumerate(zip(RELATED_SLUGS, titles, strict=True), start=3):
        _article(index, kategori, related_slug, title, days_ago, [("paragraph", f"<p>{title}: kabar singkat.</p>")])
    page = _article(
        index,
        kategori,
        slug,
        "Jalan Poros Dusun Sepanjang 850 Meter Selesai Dicor Warga",
        1,
        BODY,
        ringkasan="Jalan yang tiap musim hujan berubah menjadi kubangan kini bisa dilalui kendaraan roda empat.",
    )
    return page.url_path[len(index.get_parent().url_path) - 1 :]
