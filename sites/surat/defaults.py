"""A letter template for each default service, so a desa only switches "bisa diajukan online" on and adjusts
the wording. Runs once, in the template schema, after sites/layanan/defaults.py (see sites/core/sections.py)."""

from sites.layanan.models import ServicePage

from .models import TemplateSurat

MENERANGKAN = (
    "Yang bertanda tangan di bawah ini Kepala Desa [nama_desa], Kecamatan [kecamatan], Kabupaten [kabupaten], "
    "menerangkan dengan sebenarnya bahwa:"
)
TEMPLATES = {
    "surat-keterangan-domisili": (
        "Surat Keterangan Domisili",
        "Orang tersebut di atas benar bertempat tinggal di [alamat], Kecamatan [kecamatan], Kabupaten [kabupaten]. "
        "Surat keterangan ini diberikan untuk keperluan: [keperluan].",
        90,
    ),
    "surat-keterangan-tidak-mampu": (
        "Surat Keterangan Tidak Mampu",
        "Berdasarkan pengantar Ketua RT [rt] / RW [rw] dan pendataan desa, orang tersebut di atas beserta "
        "keluarganya benar termasuk keluarga kurang mampu secara ekonomi. Surat keterangan ini diberikan untuk "
        "keperluan: [keperluan].",
        90,
    ),
    "pengantar-ktp-el": (
        "Surat Pengantar KTP Elektronik",
        "Orang tersebut di atas adalah penduduk Desa [nama_desa] dan mengajukan permohonan KTP elektronik. Mohon "
        "dapat dilayani sesuai ketentuan yang berlaku. Keterangan: [keperluan].",
        30,
    ),
    "pengantar-kartu-keluarga": (
        "Surat Pengantar Kartu Keluarga",
        "Orang tersebut di atas adalah penduduk Desa [nama_desa] dan mengajukan perubahan/penerbitan Kartu "
        "Keluarga. Mohon dapat dilayani sesuai ketentuan yang berlaku. Keterangan: [keperluan].",
        30,
    ),
    "surat-keterangan-usaha": (
        "Surat Keterangan Usaha",
        "Orang tersebut di atas benar menjalankan usaha di wilayah Desa [nama_desa]. Surat keterangan ini "
        "diberikan untuk keperluan: [keperluan]. Surat ini bukan izin usaha.",
        180,
    ),
    "surat-keterangan-kelahiran": (
        "Surat Keterangan Kelahiran",
        "Orang tersebut di atas melaporkan kelahiran dengan keterangan: [keperluan].",
        60,
    ),
    "surat-keterangan-kematian": (
        "Surat Keterangan Kematian",
        "Orang tersebut di atas melaporkan kematian dengan keterangan: [keperluan].",
        60,
    ),
    "pengantar-pindah": (
        "Surat Pengantar Pindah",
        "Orang tersebut di atas adalah penduduk Desa [nama_desa] yang akan pindah dengan keterangan: [keperluan].",
        30,
    ),
}


def ensure_templates(services) -> int:
    made = 0
    for service in services:
        spec = TEMPLATES.get(service.slug)
        if spec is None or TemplateSurat.objects.filter(layanan=service).exists():
            continue
        judul, isi, days = spec
        TemplateSurat.objects.create(layanan=service, judul=judul, pembuka=MENERANGKAN, isi=isi, masa_berlaku_hari=days)
        made += 1
    return made


def build(home, kind="desa"):
    ensure_templates(ServicePage.objects.descendant_of(home))
