"""What each Smart City indicator is: its code, name, definition, source and unit, and how its figure follows
from a desa's raw counts (`Measures`). indicators.py gathers the counts; this module only defines and computes.
"""

import statistics
from dataclasses import dataclass, field


@dataclass
class Measures:
    """The raw counts of one desa (or several, pooled) for one period."""

    desa_count: int = 0
    services: int = 0
    services_online: int = 0
    letters_installed: bool = False
    durations: list[float] = field(default_factory=list)
    messages_in: int = 0
    messages_answered: int = 0
    publishes: int = 0
    months: int = 1
    public_info_required: int = 0
    public_info_published: int = 0
    open_data: int = 0
    checks: int = 0
    checks_up: int = 0

    def __add__(self, other: "Measures") -> "Measures":
        return Measures(
            desa_count=self.desa_count + other.desa_count,
            services=self.services + other.services,
            services_online=self.services_online + other.services_online,
            letters_installed=self.letters_installed or other.letters_installed,
            durations=self.durations + other.durations,
            messages_in=self.messages_in + other.messages_in,
            messages_answered=self.messages_answered + other.messages_answered,
            publishes=self.publishes + other.publishes,
            months=max(self.months, other.months),
            public_info_required=self.public_info_required + other.public_info_required,
            public_info_published=self.public_info_published + other.public_info_published,
            open_data=self.open_data + other.open_data,
            checks=self.checks + other.checks,
            checks_up=self.checks_up + other.checks_up,
        )


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 1)


# (code, name, definition, source, unit, function of Measures → value or None, why None)
INDICATORS = [
    (
        "layanan-daring",
        "Layanan yang dapat diajukan dan diselesaikan daring",
        "Jumlah layanan yang bisa diajukan warga lewat situs dan selesai sebagai surat elektronik bertanda "
        "tangan, dibagi jumlah layanan yang tercantum di halaman Layanan (ISO 37122, 10.x).",
        "Halaman Layanan; permohonan surat daring (aplikasi surat).",
        "%",
        lambda m: _share(m.services_online, m.services) if m.letters_installed else (0.0 if m.services else None),
        "aplikasi surat daring belum terpasang: 0 sampai ada",
    ),
    (
        "waktu-surat-median",
        "Median waktu dari permohonan sampai surat terbit",
        "Nilai tengah lama (jam) dari warga mengajukan permohonan sampai suratnya terbit, untuk surat yang "
        "terbit dalam periode.",
        "Permohonan surat daring (aplikasi surat).",
        "jam",
        lambda m: _percentile(m.durations, 50),
        "belum ada surat terbit lewat situs",
    ),
    (
        "waktu-surat-p90",
        "Persentil ke-90 waktu dari permohonan sampai surat terbit",
        "Sembilan dari sepuluh surat terbit dalam waktu ini (jam) atau kurang.",
        "Permohonan surat daring (aplikasi surat).",
        "jam",
        lambda m: _percentile(m.durations, 90),
        "belum ada surat terbit lewat situs",
    ),
    (
        "pesan-ditanggapi",
        "Pesan warga yang ditanggapi",
        "Pesan dan pengaduan warga yang masuk dalam periode dan sudah ditindaklanjuti atau selesai, dibagi "
        "seluruh pesan yang masuk dalam periode.",
        "Formulir Kontak (menu Pesan warga).",
        "%",
        lambda m: _share(m.messages_answered, m.messages_in),
        "tidak ada pesan masuk",
    ),
    (
        "frekuensi-pembaruan",
        "Frekuensi pembaruan situs",
        "Jumlah halaman yang diterbitkan (termasuk terbit ulang setelah disunting) dalam periode, dibagi "
        "jumlah bulan periode yang sudah berjalan, rata-rata per situs.",
        "Catatan terbit Wagtail tiap situs.",
        "per bulan per situs",
        lambda m: round(m.publishes / m.months / m.desa_count, 1) if m.desa_count else None,
        "",
    ),
    (
        "informasi-publik",
        "Informasi publik wajib yang diterbitkan",
        "Butir daftar informasi publik PPID (Perki 1/2018) yang menunjuk ke dokumen, tautan, atau halaman yang "
        "sudah diisi desa, ditambah APBDes tahun periode (Permendagri 20/2018), dibagi jumlah butir wajib.",
        "Halaman PPID dan APBDes tiap situs.",
        "%",
        lambda m: _share(m.public_info_published, m.public_info_required),
        "tidak ada halaman PPID",
    ),
    (
        "data-terbuka",
        "Set data terbuka yang diterbitkan",
        "Dokumen berformat data (CSV, XLS, XLSX, ODS, JSON) yang terbit sampai akhir periode.",
        "Dokumen tiap situs.",
        "set data",
        lambda m: m.open_data,
        "",
    ),
    (
        "ketersediaan",
        "Ketersediaan situs",
        "Pemeriksaan beranda oleh penjaga judol (setiap jam) yang dijawab dengan baik, dibagi seluruh pemeriksaan "
        "dalam periode.",
        "Pemeriksaan kesehatan (pemindaian terjadwal).",
        "%",
        lambda m: _share(m.checks_up, m.checks),
        "belum ada pemeriksaan dalam periode",
    ),
]
