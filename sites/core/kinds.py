"""The words each kind of office uses for itself: a kelurahan is led by a lurah (a civil servant; no BPD, no
APBDes), a kecamatan by a camat, an OPD by a kepala dinas (or kepala badan, inspektur …: its name tells), a
puskesmas by a kepala puskesmas.

Templates get them as `kata` (sites/core/context_processors.py); default trees and page apps call `words_for`.
The kind itself comes from the tenant facts (desa_platform/tenancy/current.py), never from a model here.
"""

import functools
import re
from dataclasses import dataclass, field, replace

DESA, KELURAHAN, KECAMATAN, OPD, PUSKESMAS = "desa", "kelurahan", "kecamatan", "opd", "puskesmas"
KINDS = (DESA, KELURAHAN, KECAMATAN, OPD, PUSKESMAS)


@dataclass(frozen=True)
class Words:
    kind: str
    satuan: str  # what the office calls itself in a sentence: "desa", "kelurahan", "kecamatan", "dinas"…
    kepala: str  # "Kepala Desa", "Lurah", "Camat"…
    pemerintah: str  # "pemerintah desa", "pemerintah kecamatan", "dinas"…
    kantor: str  # "kantor desa", "kantor kecamatan", "puskesmas"
    petugas: str  # "petugas desa"…
    struktur: str  # the page and menu name for the organisation: "Pemerintahan" or "Struktur Organisasi"
    susunan: str  # heading of the chart
    lembaga: str  # heading of the community organisations list ("" when the kind has none)
    ada_bpd: bool = False
    ada_apbdes: bool = False
    # Chart groups (keys of pemerintahan.PerangkatDesa.Kelompok) as this kind names them.
    kelompok: dict = field(default_factory=dict)
    sekretaris: str = ""
    awalan: str = "Pemerintah "  # before the office's name: "Pemerintah Desa Socorejo", but "Puskesmas Jenu"
    # How a default text names the head where it must fit every office of the kind ("Sambutan Pimpinan" for an
    # OPD, which may be a dinas, a badan, an inspektorat …); "" means `kepala`.
    pimpinan: str = ""

    @property
    def pemerintah_judul(self) -> str:
        """'Pemerintah Desa' / 'Dinas' — capitalised, for headings."""
        return self.pemerintah[:1].upper() + self.pemerintah[1:]

    @property
    def satuan_judul(self) -> str:
        return self.satuan[:1].upper() + self.satuan[1:]


WORDS = {
    DESA: Words(
        kind=DESA,
        satuan="desa",
        kepala="Kepala Desa",
        pemerintah="pemerintah desa",
        kantor="kantor desa",
        petugas="petugas desa",
        struktur="Pemerintahan",
        susunan="Susunan organisasi pemerintah desa",
        lembaga="Lembaga kemasyarakatan desa",
        ada_bpd=True,
        ada_apbdes=True,
        sekretaris="Sekretaris Desa",
        kelompok={
            "pimpinan": "Kepala Desa",
            "sekretariat": "Sekretariat (Sekretaris Desa dan Kepala Urusan)",
            "teknis": "Pelaksana teknis (Kepala Seksi)",
            "kewilayahan": "Pelaksana kewilayahan (Kepala Dusun)",
        },
    ),
    KELURAHAN: Words(
        kind=KELURAHAN,
        satuan="kelurahan",
        kepala="Lurah",
        pemerintah="pemerintah kelurahan",
        kantor="kantor kelurahan",
        petugas="petugas kelurahan",
        struktur="Struktur Organisasi",
        susunan="Struktur organisasi pemerintah kelurahan",
        lembaga="Lembaga kemasyarakatan kelurahan",
        sekretaris="Sekretaris Kelurahan",
        kelompok={
            "pimpinan": "Lurah",
            "sekretariat": "Sekretariat Kelurahan",
            "teknis": "Kepala Seksi",
            "kewilayahan": "Ketua RW dan lingkungan",
        },
    ),
    KECAMATAN: Words(
        kind=KECAMATAN,
        satuan="kecamatan",
        kepala="Camat",
        pemerintah="pemerintah kecamatan",
        kantor="kantor kecamatan",
        petugas="petugas kecamatan",
        struktur="Struktur Organisasi",
        susunan="Struktur organisasi pemerintah kecamatan",
        lembaga="",
        sekretaris="Sekretaris Kecamatan",
        kelompok={
            "pimpinan": "Camat",
            "sekretariat": "Sekretariat Kecamatan (Sekretaris Kecamatan dan Kepala Subbagian)",
            "teknis": "Kepala Seksi",
            "kewilayahan": "Kelompok jabatan fungsional",
        },
    ),
    OPD: Words(
        kind=OPD,
        satuan="dinas",
        kepala="Kepala Dinas",
        pemerintah="dinas",
        kantor="kantor dinas",
        petugas="petugas dinas",
        struktur="Struktur Organisasi",
        susunan="Struktur organisasi dan pejabat",
        lembaga="",
        sekretaris="Sekretaris Dinas",
        awalan="",
        kelompok={
            "pimpinan": "Kepala Dinas",
            "sekretariat": "Sekretariat (Sekretaris dan Kepala Subbagian)",
            "teknis": "Kepala Bidang dan Kepala Seksi",
            "kewilayahan": "UPT dan kelompok jabatan fungsional",
        },
    ),
    PUSKESMAS: Words(
        kind=PUSKESMAS,
        satuan="puskesmas",
        kepala="Kepala Puskesmas",
        pemerintah="puskesmas",
        kantor="puskesmas",
        petugas="petugas puskesmas",
        struktur="Struktur Organisasi",
        susunan="Struktur organisasi puskesmas",
        lembaga="",
        sekretaris="Kepala Subbagian Tata Usaha",
        awalan="",
        kelompok={
            "pimpinan": "Kepala Puskesmas",
            "sekretariat": "Tata usaha",
            "teknis": "Penanggung jawab upaya kesehatan",
            "kewilayahan": "Jaringan pelayanan (pustu dan poskesdes)",
        },
    ),
}


class ForKinds:
    """Page-type mixin: the type can be added only on the sites of these kinds (a WilayahPage on a kecamatan's,
    an APBDes on a desa's), on top of its parent/subpage rules. The template schemas have no tenant: any kind
    may build there (the default trees choose what each kind gets)."""

    kinds: tuple[str, ...] = KINDS

    @classmethod
    def can_create_at(cls, parent) -> bool:
        from desa_platform.tenancy.current import current_desa

        facts = current_desa()
        return super().can_create_at(parent) and (facts is None or facts.kind in cls.kinds)


# An OPD is named for what it is (Permendagri 90/2019): "Badan Perencanaan …" is led by a Kepala Badan, the
# Inspektorat by an Inspektur. Its words follow the start of its name; "Dinas …" and any other name keep the
# OPD words above. (start of the name, satuan, kepala, sekretaris)
OPD_FORMS = (
    ("Badan", "badan", "Kepala Badan", "Sekretaris Badan"),
    ("Inspektorat", "inspektorat", "Inspektur", "Sekretaris Inspektorat"),
    ("Satuan Polisi Pamong Praja", "satuan", "Kepala Satuan", "Sekretaris Satuan"),
    ("Satpol PP", "satuan", "Kepala Satuan", "Sekretaris Satuan"),
    ("Sekretariat DPRD", "sekretariat DPRD", "Sekretaris DPRD", "Kepala Bagian Umum"),
    ("Sekretariat Daerah", "sekretariat daerah", "Sekretaris Daerah", "Kepala Bagian Umum"),
    ("Kantor", "kantor", "Kepala Kantor", "Kepala Subbagian Tata Usaha"),
)
# The words an OPD's default texts are written in (template schema, no name yet): true of every form above.
OPD_DEFAULTS = replace(
    WORDS[OPD],
    satuan="perangkat daerah",
    pemerintah="perangkat daerah",
    kantor="kantor kami",
    petugas="petugas kami",
    pimpinan="Pimpinan",
)


def words_for(kind: str | None, name: str = "") -> Words:
    """The words of an office of `kind`; an OPD's also follow its `name` (OPD_FORMS). Without a name, an OPD
    gets the words its default texts use (OPD_DEFAULTS)."""
    words = WORDS.get(kind or DESA, WORDS[DESA])
    if words.kind != OPD:
        return words
    return _opd_words(" ".join(name.split())) if name else OPD_DEFAULTS


@functools.cache
def _opd_words(name: str) -> Words:
    for start, satuan, kepala, sekretaris in OPD_FORMS:
        if name.lower() == start.lower() or name.lower().startswith(start.lower() + " "):
            return replace(
                WORDS[OPD],
                satuan=satuan,
                kepala=kepala,
                pemerintah=satuan,
                kantor="kantor" if satuan == "kantor" else f"kantor {satuan}",
                petugas=f"petugas {satuan}",
                sekretaris=sekretaris,
                kelompok={**WORDS[OPD].kelompok, "pimpinan": kepala},
            )
    return WORDS[OPD]


def head_titles() -> tuple[str, ...]:
    """Every title a head of an office may have (the names its approving role may carry)."""
    return tuple(dict.fromkeys([*(WORDS[kind].kepala for kind in KINDS), *(form[2] for form in OPD_FORMS)]))


def current_words() -> Words:
    from desa_platform.tenancy.current import current_desa

    facts = current_desa()
    return words_for(facts.kind, facts.name) if facts else words_for(DESA)


# --- rewording the desa's default texts for a kelurahan ------------------------------------------------------

UU_DESA = "Undang-Undang Nomor 6 Tahun 2014 tentang Desa"
PP_KELURAHAN = "Peraturan Pemerintah Nomor 73 Tahun 2005 tentang Kelurahan"
_PROTECTED = ["desa/kelurahan", "Desa/Kelurahan", "Dana Desa"]
_SWAPS = [
    ("Sekretaris Desa atas nama Kepala Desa", "Sekretaris Kelurahan atas nama Lurah"),
    ("Kepala Desa", "Lurah"),
    ("Sekretaris Desa", "Sekretaris Kelurahan"),
    ("perangkat desa", "petugas kelurahan"),
    ("Perangkat Desa", "Petugas Kelurahan"),
]


def reword(text: str, words: Words) -> str:
    """The desa's wording of a default text in another kind's words (used for kelurahan: same services, other
    signatory, other law); text for a desa comes back unchanged."""
    if words.kind == DESA or not text:
        return text
    text = text.replace(UU_DESA, PP_KELURAHAN)
    kept = {}
    for index, phrase in enumerate(_PROTECTED):
        marker = f"\x00{index}\x00"
        kept[marker] = phrase
        text = text.replace(phrase, marker)
    for old, new in _SWAPS:
        text = text.replace(old, new.replace("Lurah", words.kepala).replace("Kelurahan", words.satuan_judul))
    text = re.sub(r"\bDesa\b", words.satuan_judul, text)
    text = re.sub(r"\bdesa\b", words.satuan, text)
    for marker, phrase in kept.items():
        text = text.replace(marker, phrase)
    return text
