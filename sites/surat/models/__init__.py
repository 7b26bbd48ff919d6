"""Residents' requests (permohonan) and the letters issued for them (surat), in the desa's own schema."""

from .pengaturan import PengaturanSurat, TemplateSurat
from .permohonan import AksesDataPribadi, Lampiran, Permohonan, Riwayat
from .surat import NomorSurat, Penandatangan, Surat

__all__ = [
    "AksesDataPribadi",
    "Lampiran",
    "NomorSurat",
    "Penandatangan",
    "PengaturanSurat",
    "Permohonan",
    "Riwayat",
    "Surat",
    "TemplateSurat",
]
