"""Socorejo's sample news (pilot only; `python manage.py load_pilot_content`). Safe to run again: an article
whose slug exists is left as the desa may have edited it.

The first two retell public news about Tuban (see /work/shared/seeds/); the others are typical desa items,
dated relative to the day of loading so the pilot looks current.
"""

import datetime

from django.utils import timezone

from sites.core.pilot_images import generated_image

from .models import BeritaIndexPage, BeritaPage, KategoriBerita


def paragraph(*texts):
    return [("paragraph", "".join(f"<p>{text}</p>" for text in texts))]


ARTICLES = [
    {
        "slug": "socorejo-purwarupa-desa-digital-tuban",
        "title": "Socorejo Menjadi Purwarupa Program Desa Digital Kabupaten Tuban",
        "tanggal": datetime.date(2021, 10, 20),
        "penulis": "Tim Informasi Desa",
        "kategori": ["pemerintahan"],
        "tags": ["desa digital", "smart city"],
        "ringkasan": "Pemerintah Desa Socorejo ditetapkan sebagai purwarupa program Desa Digital dalam penerapan "
        "Smart City Kabupaten Tuban.",
        "image": ("Purwarupa Desa Digital", "biru"),
        "body": [
            *paragraph(
                "Kabupaten Tuban dinobatkan Kementerian Komunikasi dan Informatika sebagai salah satu kabupaten "
                "Smart City di Indonesia. Dalam evaluasi program unggulan Smart City, Pemerintah Desa Socorejo "
                "menjadi sasaran bersama Diskominfo serta Dispemasdes dan KB, sebagai <b>purwarupa program Desa "
                "Digital</b>.",
                "Penerapan Smart City di Tuban membuat surat-menyurat tidak harus dilakukan dengan tatap muka: "
                "surat ditandatangani dan didisposisi secara elektronik tanpa kertas. Evaluasi dilakukan dua kali "
                "setahun dengan survei kepada koordinator program, dan penilaiannya memakai Indikator Kota Cerdas "
                "SNI ISO 37122:2019.",
            ),
            ("heading", {"text": "Apa artinya bagi warga", "level": "h2"}),
            *paragraph(
                "Bagi warga Socorejo, Desa Digital berarti informasi desa — berita, pengumuman, agenda, "
                "persyaratan layanan surat, dan laporan keuangan desa — dapat dibaca dari rumah melalui situs ini, "
                "sehingga tidak ada lagi perjalanan sia-sia ke balai desa karena berkas kurang lengkap.",
            ),
        ],
    },
    {
        "slug": "tuban-raih-penghargaan-domain-pemerintah-terbanyak",
        "title": "Tuban Raih Penghargaan Pendaftar Domain Pemerintah Terbanyak, 311 Desa Ikut Berperan",
        "tanggal": datetime.date(2019, 11, 7),
        "penulis": "Tim Informasi Desa",
        "kategori": ["pemerintahan"],
        "tags": ["domain desa", "smart city"],
        "ringkasan": "Kabupaten Tuban menerima penghargaan sebagai pendaftar dan pemanfaat domain pemerintah "
        "terbanyak di Indonesia; sebagian besar domain itu milik desa.",
        "image": ("Domain desa.id", "ungu"),
        "body": paragraph(
            "Dalam Gerakan Menuju 100 Smart City di Jakarta, 4–5 November 2019, Kabupaten Tuban menerima "
            "penghargaan kategori pendaftar dan pemanfaatan domain pemerintah terbanyak di Indonesia. Sekitar 381 "
            "domain terdaftar: 33 OPD, 20 kecamatan, 17 kelurahan dan 311 desa.",
            "Menurut Diskominfo Tuban, biaya operasional situs desa dibiayai dari dana desa melalui koordinasi "
            "dengan Dispemas dan KB. Diskominfo terus memantau dan membimbing desa agar dapat mengelola domainnya "
            "dengan baik.",
        ),
    },
    {
        "slug": "situs-resmi-desa-socorejo-diluncurkan",
        "title": "Situs Resmi Desa Socorejo Diluncurkan: Cek Syarat Surat dari Rumah",
        "days_ago": 3,
        "penulis": "Tim Informasi Desa",
        "kategori": ["pemerintahan"],
        "tags": ["desa digital", "layanan"],
        "ringkasan": "Warga kini dapat membaca persyaratan layanan surat, pengumuman dan agenda desa sebelum "
        "datang ke kantor desa.",
        "image": ("Situs resmi desa", "hijau"),
        "body": paragraph(
            "Pemerintah Desa Socorejo meluncurkan situs resminya. Di menu Layanan, warga dapat melihat "
            "persyaratan, langkah, lama penyelesaian dan biaya setiap surat — misalnya surat keterangan "
            "domisili, SKTM, atau pengantar KTP-el — sebelum datang ke kantor desa.",
            "Pengumuman dan agenda kegiatan desa juga dimuat di situs ini. Warga yang punya pertanyaan atau "
            "pengaduan dapat menghubungi kantor desa lewat halaman Kontak.",
        ),
    },
    {
        "slug": "posyandu-balita-dan-lansia-di-setiap-dusun",
        "title": "Posyandu Balita dan Lansia Digelar di Setiap Dusun",
        "days_ago": 10,
        "penulis": "Kader Posyandu",
        "kategori": ["kesehatan"],
        "tags": ["posyandu", "kesehatan"],
        "ringkasan": "Penimbangan balita, imunisasi dan pemeriksaan kesehatan lansia berlangsung rutin bersama "
        "bidan desa dan kader PKK.",
        "image": ("Posyandu", "oranye"),
        "body": paragraph(
            "Kegiatan posyandu balita dan lansia kembali digelar di setiap dusun bersama bidan desa dan kader "
            "PKK. Balita ditimbang dan diukur tinggi badannya, sedangkan warga lanjut usia mendapat pemeriksaan "
            "tekanan darah.",
            "Orang tua diminta membawa buku KIA setiap kali datang ke posyandu. Jadwal posyandu berikutnya "
            "diumumkan di menu Agenda.",
        ),
    },
    {
        "slug": "kerja-bakti-bersihkan-saluran-air",
        "title": "Warga Kerja Bakti Membersihkan Saluran Air Menjelang Musim Hujan",
        "days_ago": 17,
        "penulis": "Tim Informasi Desa",
        "kategori": ["kemasyarakatan", "pembangunan"],
        "tags": ["kerja bakti", "lingkungan"],
        "ringkasan": "Warga bergotong royong membersihkan saluran air dan gorong-gorong agar tidak tersumbat "
        "saat hujan deras.",
        "image": ("Kerja bakti", "abu"),
        "body": paragraph(
            "Menjelang musim hujan, warga bersama perangkat desa bergotong royong membersihkan saluran air, "
            "gorong-gorong dan selokan di lingkungan masing-masing.",
            "Kepala dusun mengajak warga tidak membuang sampah ke saluran air, supaya air hujan mengalir lancar "
            "dan genangan tidak terjadi.",
        ),
    },
]


def load(home):
    index = BeritaIndexPage.objects.child_of(home).first()
    if index is None:
        return
    today = timezone.localdate()
    for spec in ARTICLES:
        if BeritaPage.objects.filter(slug=spec["slug"]).exists():
            continue
        title, colour = spec["image"]
        article = BeritaPage(
            title=spec["title"],
            slug=spec["slug"],
            tanggal=spec.get("tanggal") or today - datetime.timedelta(days=spec["days_ago"]),
            penulis=spec["penulis"],
            ringkasan=spec["ringkasan"],
            body=spec["body"],
            gambar=generated_image(f"Berita: {title}", title, colour),
            keterangan_gambar=f"Ilustrasi: {title}.",
        )
        article.kategori = list(KategoriBerita.objects.filter(slug__in=spec["kategori"]))
        article.tags.add(*spec["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
