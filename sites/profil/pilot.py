"""Socorejo's sample profile (pilot only). Location facts come from the platform; the figures, dusun and
visi-misi are ILLUSTRATIVE samples that make the pilot look like a working site — the desa replaces them with
its own data (RPJMDes, profil desa) before going live. Safe to run again: a part already published is kept."""

from decimal import Decimal

from wagtail.models import Site

from sites.core.sample import mark_sample

from .models import Dusun, ProfilPage


def figures(title, unit, rows, note=""):
    return (
        "figures",
        {"title": title, "unit": unit, "rows": [{"label": k, "value": v} for k, v in rows], "note": note},
    )


def _publish(page, **fields):
    """Fill a draft part once and publish it; a part that is already live is the desa's and stays as it is.
    Its figures are samples: marked so in the admin (never on the public page)."""
    if page is None or page.live:
        return
    mark_sample(page, f"{page.title}: angka dan isi contoh dari pilot, ganti dengan data desa")
    for name, value in fields.items():
        if name == "dusun":
            page.dusun = [Dusun(**row) for row in value]
        else:
            setattr(page, name, value)
    page.save_revision().publish()


def load(home):
    profil = ProfilPage.objects.child_of(home).first()
    if profil is None:
        return
    # The loader runs in a bare schema context (no tenant facts); provisioning wrote the name into the Site.
    site = Site.objects.filter(root_page=home).first()
    nama = site.site_name if site and site.site_name else "Desa ini"
    if not profil.intro:
        profil.intro = (
            f"<p>{nama} adalah salah satu desa di Kecamatan Jenu, Kabupaten Tuban, Jawa Timur, dan menjadi "
            "purwarupa program Desa Digital dalam penerapan Smart City Kabupaten Tuban.</p>"
        )
        profil.save_revision().publish()
    parts = {page.slug: page.specific for page in profil.get_children()}
    _publish(
        parts.get("visi-misi"),
        visi="Terwujudnya desa yang maju, mandiri, sejahtera dan melayani warganya dengan cepat dan terbuka.",
        misi="\n".join(
            [
                "Meningkatkan mutu pelayanan administrasi kepada warga, termasuk secara digital",
                "Membangun sarana dan prasarana desa secara merata di setiap dusun",
                "Memberdayakan ekonomi warga melalui BUMDes, pertanian dan usaha kecil",
                "Menyelenggarakan pemerintahan desa yang terbuka dan akuntabel",
            ]
        ),
    )
    _publish(
        parts.get("geografi"),
        intro=f"<p>{nama} terletak di Kecamatan Jenu, di pesisir utara Kabupaten Tuban.</p>",
        luas_wilayah=Decimal("512.40"),
        ketinggian="5–25 m di atas permukaan laut",
        dusun=[
            {"nama": "Dusun Krajan", "jumlah_rw": 2, "jumlah_rt": 8},
            {"nama": "Dusun Tegalrejo", "jumlah_rw": 2, "jumlah_rt": 6},
            {"nama": "Dusun Sumberan", "jumlah_rw": 1, "jumlah_rt": 5},
        ],
    )
    _publish(
        parts.get("demografi"),
        keadaan_per="Juni 2024",
        jumlah_penduduk=4512,
        jumlah_kk=1398,
        laki_laki=2247,
        perempuan=2265,
        body=[
            figures(
                "Penduduk menurut kelompok umur",
                "jiwa",
                [
                    ("0–14 tahun", 1021),
                    ("15–24 tahun", 702),
                    ("25–44 tahun", 1350),
                    ("45–64 tahun", 1034),
                    ("65 tahun ke atas", 405),
                ],
            ),
            figures(
                "Penduduk menurut pekerjaan",
                "jiwa",
                [
                    ("Petani dan buruh tani", 812),
                    ("Nelayan", 164),
                    ("Karyawan swasta", 731),
                    ("Wiraswasta / pedagang", 498),
                    ("PNS/TNI/Polri", 57),
                    ("Lainnya / belum bekerja", 2250),
                ],
            ),
            figures(
                "Penduduk menurut pendidikan terakhir",
                "jiwa",
                [
                    ("Tidak / belum sekolah", 903),
                    ("SD/sederajat", 1389),
                    ("SMP/sederajat", 981),
                    ("SMA/sederajat", 1012),
                    ("Diploma/sarjana", 227),
                ],
            ),
        ],
    )
    _publish(
        parts.get("potensi"),
        intro="<p>Potensi utama desa ada di pertanian, perikanan pesisir dan usaha kecil warga.</p>",
        body=[
            ("heading", {"text": "Pertanian", "level": "h2"}),
            ("paragraph", "<p>Sawah tadah hujan dan tegalan ditanami padi, jagung dan kacang tanah.</p>"),
            ("heading", {"text": "Usaha warga", "level": "h2"}),
            ("paragraph", "<p>Warung, bengkel dan olahan makanan rumahan tumbuh di sepanjang jalan desa.</p>"),
        ],
    )
    # Sejarah stays a draft: a history is the desa's to write, not something to make up.
