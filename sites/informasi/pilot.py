"""Socorejo's pilot content: two coming events, one past (so the archive shows), and two announcements.
Idempotent: an item whose slug exists is left alone, so the dates chosen on the first run stay put."""

import datetime

from django.utils import timezone

from .models import AgendaIndexPage, AgendaPage, PengumumanIndexPage, PengumumanPage


def add_once(index, page):
    if not index.get_children().filter(slug=page.slug).exists():
        index.add_child(instance=page)


def load(home):
    today = timezone.localdate()
    year = today.year
    agenda = AgendaIndexPage.objects.descendant_of(home).first()
    if agenda is not None:
        add_once(
            agenda,
            AgendaPage(
                title=f"Musyawarah Desa Penyusunan RKPDes Tahun {year + 1}",
                slug="musdes-rkpdes",
                tanggal=today + datetime.timedelta(days=12),
                waktu_mulai=datetime.time(19, 30),
                waktu_selesai=datetime.time(22, 0),
                tempat="Balai Desa Socorejo",
                penyelenggara="Badan Permusyawaratan Desa (BPD) Socorejo",
                ringkasan="Warga diundang membahas usulan kegiatan pembangunan dan pemberdayaan untuk tahun depan.",
                keterangan="<p>Musyawarah desa membahas dan menyepakati Rencana Kerja Pemerintah Desa (RKPDes) "
                f"Tahun {year + 1}. Usulan dari musyawarah dusun akan dibacakan dan ditetapkan prioritasnya.</p>"
                "<p>Musyawarah terbuka untuk umum. Undangan khusus disampaikan kepada ketua RT/RW, tokoh "
                "masyarakat, perwakilan perempuan, pemuda, dan kelompok tani.</p>",
            ),
        )
        add_once(
            agenda,
            AgendaPage(
                title="Posyandu Balita dan Lansia",
                slug="posyandu-balita-dan-lansia",
                tanggal=today + datetime.timedelta(days=5),
                waktu_mulai=datetime.time(8, 0),
                waktu_selesai=datetime.time(11, 0),
                tempat="Polindes Socorejo",
                penyelenggara="Kader Posyandu dan Bidan Desa",
                ringkasan="Penimbangan balita, imunisasi, dan pemeriksaan tekanan darah lansia. Bawa buku KIA.",
            ),
        )
        add_once(
            agenda,
            AgendaPage(
                title="Kerja Bakti Membersihkan Saluran Air",
                slug="kerja-bakti-saluran-air",
                tanggal=today - datetime.timedelta(days=16),
                waktu_mulai=datetime.time(6, 30),
                tempat="Berkumpul di Balai Desa Socorejo",
                penyelenggara="Pemerintah Desa Socorejo",
                ringkasan="Membersihkan saluran air menjelang musim hujan. Warga membawa cangkul dan sabit.",
            ),
        )
    pengumuman = PengumumanIndexPage.objects.descendant_of(home).first()
    if pengumuman is not None:
        add_once(
            pengumuman,
            PengumumanPage(
                title=f"Pemutakhiran Data Calon Penerima BLT Dana Desa {year}",
                slug="pemutakhiran-data-blt-dd",
                tanggal=today - datetime.timedelta(days=3),
                berlaku_sampai=today + datetime.timedelta(days=25),
                ringkasan="Warga yang merasa berhak tetapi belum terdata dapat melapor ke ketua RT atau kantor desa.",
                isi="<p>Pemerintah Desa Socorejo sedang memutakhirkan data calon keluarga penerima manfaat Bantuan "
                f"Langsung Tunai Dana Desa (BLT-DD) tahun {year}.</p>"
                "<p>Warga yang merasa memenuhi kriteria tetapi belum terdata dapat melapor kepada ketua RT setempat "
                "atau langsung ke kantor desa pada jam layanan dengan membawa KTP-el dan Kartu Keluarga. Daftar "
                "sementara akan ditempel di papan informasi desa dan dibahas dalam musyawarah desa khusus.</p>",
            ),
        )
        add_once(
            pengumuman,
            PengumumanPage(
                title=f"Pembayaran PBB-P2 Tahun {year}",
                slug="pembayaran-pbb-p2",
                tanggal=today - datetime.timedelta(days=9),
                ringkasan="SPPT sudah dibagikan melalui ketua RT. Bayar sebelum jatuh tempo agar tidak terkena denda.",
                isi=f"<p>Surat Pemberitahuan Pajak Terutang (SPPT) PBB-P2 tahun {year} sudah dibagikan melalui ketua "
                "RT. Pembayaran dapat dilakukan melalui petugas pemungut desa, bank, atau kantor pos sebelum tanggal "
                "jatuh tempo yang tertera pada SPPT.</p><p>Bila SPPT belum diterima atau datanya keliru, silakan "
                "melapor ke kantor desa.</p>",
            ),
        )
