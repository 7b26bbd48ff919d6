"""The arithmetic of an APBDes (Permendagri 20/2018): totals per group, surplus/defisit, net financing and
SiLPA, plus bar widths for the CSS chart. Plain Python over the page's rows, so it is tested without pages."""

from dataclasses import dataclass, field


class Kelompok:
    PENDAPATAN = "pendapatan"
    BELANJA = "belanja"
    PENERIMAAN_PEMBIAYAAN = "penerimaan-pembiayaan"
    PENGELUARAN_PEMBIAYAAN = "pengeluaran-pembiayaan"

    CHOICES = [
        (PENDAPATAN, "Pendapatan"),
        (BELANJA, "Belanja"),
        (PENERIMAAN_PEMBIAYAAN, "Penerimaan pembiayaan"),
        (PENGELUARAN_PEMBIAYAAN, "Pengeluaran pembiayaan"),
    ]
    LABELS = dict(CHOICES)


@dataclass
class Baris:
    uraian: str
    anggaran: int
    realisasi: int | None = None
    porsi: float = 0.0  # share of its group's budget, in percent (bar width)

    @property
    def persen_realisasi(self) -> float | None:
        if self.realisasi is None or not self.anggaran:
            return None
        return round(self.realisasi * 100 / self.anggaran, 1)


@dataclass
class Kelompokan:
    kode: str
    label: str
    baris: list[Baris] = field(default_factory=list)

    @property
    def anggaran(self) -> int:
        return sum(row.anggaran for row in self.baris)

    @property
    def realisasi(self) -> int | None:
        values = [row.realisasi for row in self.baris if row.realisasi is not None]
        return sum(values) if values else None


@dataclass
class Batang:
    """One bar of the chart: a label, an amount and its width relative to the largest bar."""

    label: str
    jumlah: int
    lebar: float


@dataclass
class RingkasanAPBDes:
    kelompok: dict[str, Kelompokan]

    def _total(self, kode: str) -> int:
        return self.kelompok[kode].anggaran

    @property
    def pendapatan(self) -> int:
        return self._total(Kelompok.PENDAPATAN)

    @property
    def belanja(self) -> int:
        return self._total(Kelompok.BELANJA)

    @property
    def surplus_defisit(self) -> int:
        return self.pendapatan - self.belanja

    @property
    def penerimaan_pembiayaan(self) -> int:
        return self._total(Kelompok.PENERIMAAN_PEMBIAYAAN)

    @property
    def pengeluaran_pembiayaan(self) -> int:
        return self._total(Kelompok.PENGELUARAN_PEMBIAYAAN)

    @property
    def pembiayaan_netto(self) -> int:
        return self.penerimaan_pembiayaan - self.pengeluaran_pembiayaan

    @property
    def silpa(self) -> int:
        """Sisa lebih (or, when negative, kurang) pembiayaan anggaran tahun berjalan."""
        return self.surplus_defisit + self.pembiayaan_netto

    @property
    def surplus_defisit_label(self) -> str:
        if self.surplus_defisit == 0:
            return "Seimbang"
        return "Surplus" if self.surplus_defisit > 0 else "Defisit"

    @property
    def silpa_label(self) -> str:
        if self.silpa < 0:
            return "Sisa kurang pembiayaan anggaran"
        return "Sisa lebih pembiayaan anggaran (SiLPA)"

    @property
    def surplus_defisit_abs(self) -> int:
        return abs(self.surplus_defisit)

    @property
    def silpa_abs(self) -> int:
        return abs(self.silpa)

    @property
    def ada_realisasi(self) -> bool:
        return any(group.realisasi is not None for group in self.kelompok.values())

    @property
    def kosong(self) -> bool:
        return not any(group.baris for group in self.kelompok.values())

    def grafik(self) -> list[Batang]:
        """Bars for the four groups, scaled to the largest one."""
        groups = [group for group in self.kelompok.values() if group.baris]
        return bars([(group.label, group.anggaran) for group in groups])


def bars(pairs: list[tuple[str, int]]) -> list[Batang]:
    largest = max((amount for _, amount in pairs), default=0)
    return [Batang(label, amount, round(amount * 100 / largest, 1) if largest > 0 else 0.0) for label, amount in pairs]


def summarise(rows) -> RingkasanAPBDes:
    """`rows`: objects with kelompok, uraian, anggaran and realisasi (None when not yet reported)."""
    groups = {code: Kelompokan(code, label) for code, label in Kelompok.CHOICES}
    for row in rows:
        groups[row.kelompok].baris.append(Baris(row.uraian, row.anggaran or 0, row.realisasi))
    for group in groups.values():
        total = group.anggaran
        for row in group.baris:
            row.porsi = round(row.anggaran * 100 / total, 1) if total > 0 else 0.0
    return RingkasanAPBDes(groups)
