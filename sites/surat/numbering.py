"""Letter numbers: OpenSID's format codes, one sequence per desa per year, no duplicate and no gap.

The number is taken inside the transaction that issues the letter, from a counter row locked with
SELECT … FOR UPDATE: a second issuer waits until the first commits (then sees its number) or rolls back
(then the number was never given). The unique (tahun, nomor_urut) constraint on Surat is the safety net."""

import re

from django.db import transaction

from .models import NomorSurat

ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
TOKEN = re.compile(r"\[(\w+)(?:\s*,\s*(\d{1,2}))?\]")


def format_number(template: str, *, nomor: int, kode_klasifikasi: str, kode_desa: str, tanggal) -> str:
    values = {
        "kode_klasifikasi": kode_klasifikasi,
        "kode_surat": kode_klasifikasi,
        "kode_desa": kode_desa,
        "bulan_romawi": ROMAN_MONTHS[tanggal.month - 1],
        "bulan": f"{tanggal.month:02d}",
        "tahun": str(tanggal.year),
    }

    def replace(match):
        name, width = match.group(1), match.group(2)
        if name in ("nomor", "nomor_surat"):
            return str(nomor).zfill(int(width)) if width else str(nomor)
        return values.get(name, match.group(0))

    text = TOKEN.sub(replace, template)
    # An empty code (a service without a classification) must not leave "//" in the number.
    return re.sub(r"/{2,}", "/", text).strip("/")


def next_number(tahun: int) -> int:
    """Take the next number of `tahun`; only inside the issuing transaction (the lock lasts until it ends)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() harus dipanggil di dalam transaksi penerbitan surat")
    # The year's row may not exist yet: create it without racing (ON CONFLICT DO NOTHING), then lock it.
    NomorSurat.objects.bulk_create([NomorSurat(tahun=tahun, terakhir=0)], ignore_conflicts=True)
    counter = NomorSurat.objects.select_for_update().get(tahun=tahun)
    counter.terakhir += 1
    counter.save(update_fields=["terakhir"])
    return counter.terakhir
