"""A puskesmas's default site: its polyclinics with a weekly schedule and opening hours (the usual hours of a
Puskesmas in Kabupaten Tuban, to be adjusted), tariffs, the patient path and the posyandu schedule."""

import datetime

from .models import (
    AlurPelayananPage,
    Hari,
    JadwalPoli,
    JamBuka,
    LangkahAlur,
    PoliIndexPage,
    PoliPage,
    PosyanduPage,
    TarifPage,
)

T = datetime.time
JAM_BUKA = [(hari, T(7, 30), T(14, 0)) for hari in (Hari.SENIN, Hari.SELASA, Hari.RABU, Hari.KAMIS)] + [
    (Hari.JUMAT, T(7, 30), T(11, 0)),
    (Hari.SABTU, T(7, 30), T(12, 30)),
    (Hari.MINGGU, None, None),
]
WEEKDAYS = [Hari.SENIN, Hari.SELASA, Hari.RABU, Hari.KAMIS, Hari.JUMAT, Hari.SABTU]
POLI = [
    ("Poli Umum", "poli-umum", "Pemeriksaan dan pengobatan penyakit umum untuk semua umur.", WEEKDAYS, "Dokter umum"),
    ("Poli Gigi", "poli-gigi", "Pemeriksaan, penambalan dan pencabutan gigi.", WEEKDAYS[:5], "Dokter gigi"),
    (
        "Poli KIA dan KB",
        "poli-kia-kb",
        "Pemeriksaan ibu hamil, imunisasi bayi dan balita, dan layanan keluarga berencana.",
        WEEKDAYS,
        "Bidan",
    ),
    (
        "Poli Lansia",
        "poli-lansia",
        "Pemeriksaan kesehatan warga berusia 60 tahun ke atas.",
        [Hari.SELASA, Hari.KAMIS],
        "",
    ),
]
ALUR = [
    ("Pendaftaran", "Ambil nomor antrean dan daftar di loket dengan KTP-el atau KK; peserta JKN membawa kartu JKN."),
    ("Pemeriksaan awal", "Petugas mengukur tekanan darah, suhu dan berat badan, lalu mengarahkan ke poli."),
    ("Pemeriksaan di poli", "Dokter, dokter gigi atau bidan memeriksa dan memberi resep atau rujukan."),
    ("Laboratorium", "Bila diminta dokter: pemeriksaan darah, urine atau dahak."),
    ("Apotek", "Serahkan resep dan terima obat beserta penjelasan cara minumnya."),
    ("Kasir", "Pasien umum membayar sesuai tarif; peserta JKN tidak membayar untuk layanan yang dijamin."),
]


def build(home, kind="puskesmas"):
    index = home.add_child(
        instance=PoliIndexPage(
            title="Layanan dan Poli",
            slug="layanan",
            show_in_menus=True,
            intro="<p>Poli dan jadwalnya, serta jam buka pendaftaran.</p>",
            catatan_jam="Unit Gawat Darurat dan persalinan melayani 24 jam.",
            jam_buka=[JamBuka(hari=h, buka=b, tutup=t, sort_order=i) for i, (h, b, t) in enumerate(JAM_BUKA)],
        )
    )
    for title, slug, ringkasan, days, petugas in POLI:
        index.add_child(
            instance=PoliPage(
                title=title,
                slug=slug,
                ringkasan=ringkasan,
                jadwal=[
                    JadwalPoli(
                        hari=day, mulai=T(8, 0), selesai=T(11, 0) if day == Hari.JUMAT else T(13, 0), petugas=petugas
                    )
                    for day in days
                ],
            )
        )
    home.add_child(
        instance=TarifPage(
            title="Tarif Layanan",
            slug="tarif",
            show_in_menus=True,
            intro="<p>Tarif retribusi pelayanan kesehatan bagi pasien umum. Peserta Jaminan Kesehatan Nasional (JKN) "
            "tidak dipungut biaya untuk layanan yang dijamin.</p>",
            dasar_hukum="Peraturan Daerah tentang Pajak Daerah dan Retribusi Daerah",
        )
    )
    home.add_child(
        instance=AlurPelayananPage(
            title="Alur Pelayanan",
            slug="alur-pelayanan",
            show_in_menus=True,
            intro="<p>Langkah yang dilalui pasien rawat jalan dari datang sampai pulang.</p>",
            langkah=[LangkahAlur(judul=j, keterangan=k, sort_order=i) for i, (j, k) in enumerate(ALUR)],
        )
    )
    home.add_child(
        instance=PosyanduPage(
            title="Jadwal Posyandu",
            slug="posyandu",
            show_in_menus=True,
            intro="<p>Posyandu balita dan lansia di wilayah kerja kami: datang membawa buku KIA.</p>",
        )
    )
