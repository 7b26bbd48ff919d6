"""Snowball 'indonesian' (PostgreSQL) against Sastrawi on the pilot's own words: which one finds more of what
a resident means, and what each costs. Sastrawi is not a dependency: point SASTRAWI_PATH at an unpacked wheel
(pip download Sastrawi==1.0.1; python -m zipfile -e Sastrawi-1.0.1-*.whl DIR).

    SASTRAWI_PATH=/tmp/sastrawi/pkg .venv/bin/python bench/search_stemmers.py postgres://postgres@127.0.0.1/postgres

Prints, for the affixed words of sites/*/pilot.py and defaults.py: how many stems each makes, the words where
they differ, the word families of a hand-made list each conflates correctly, and the stemming time per word.
"""

import os
import pathlib
import re
import sys
import time

import psycopg2

ROOT = pathlib.Path(__file__).resolve().parents[1]
AFFIXED = re.compile(r"^(?:me|pe|di|ke|ber|ter|se)[a-z]{3,}|[a-z]{4,}(?:kan|an|nya|i)$")
# What a resident types and what the page says: a stemmer "finds" the pair when both get one stem.
FAMILIES = [
    ("pembangunan", "membangun", "bangun", "dibangun", "bangunan"),
    ("pelayanan", "layanan", "melayani", "dilayani"),
    ("kesehatan", "sehat"),
    ("pengumuman", "diumumkan", "mengumumkan"),
    ("pembersihan", "membersihkan", "dibersihkan", "bersih"),
    ("perbaikan", "memperbaiki", "diperbaiki", "baik"),
    ("penimbangan", "menimbang", "ditimbang", "timbang"),
    ("pendaftaran", "mendaftar", "daftar", "didaftarkan"),
    ("pengaduan", "mengadu", "aduan"),
    ("persyaratan", "syarat"),
]
# Different words that must stay apart (a shared stem makes a wrong result).
APART = [("perangkat", "angkat"), ("pemerintahan", "perintah"), ("peraturan", "atur"), ("bermain", "main")]


def pilot_words(limit: int) -> list[str]:
    text = "".join(p.read_text() for pattern in ("*/pilot.py", "*/defaults.py") for p in (ROOT / "sites").glob(pattern))
    words = sorted({w for w in re.findall(r"[a-z]{5,}", text.lower()) if AFFIXED.match(w)})
    return words[:limit]


def snowball(conn, words: list[str]) -> dict[str, str]:
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT w, coalesce((ts_lexize('indonesian_stem', w))[1], w) FROM unnest(%s::text[]) AS w", [words]
        )
        return dict(cursor.fetchall())


def main(dsn: str, limit: int = 150) -> None:
    sys.path.insert(0, os.environ.get("SASTRAWI_PATH", ""))
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    sastrawi_stemmer = StemmerFactory().create_stemmer()
    words = pilot_words(limit)
    family_words = sorted({w for family in FAMILIES for w in family} | {w for pair in APART for w in pair})
    everything = sorted(set(words) | set(family_words))
    conn = psycopg2.connect(dsn)
    started = time.perf_counter()
    snow = snowball(conn, everything)
    snow_seconds = time.perf_counter() - started
    conn.close()
    started = time.perf_counter()
    sas = {w: sastrawi_stemmer.stem(w) for w in everything}
    sas_seconds = time.perf_counter() - started

    print(
        f"{len(words)} affixed pilot words: Snowball {len({snow[w] for w in words})} stems, "
        f"Sastrawi {len({sas[w] for w in words})} stems"
    )
    differ = [w for w in words if snow[w] != sas[w]]
    print(f"they differ on {len(differ)}:")
    for w in differ:
        print(f"  {w:<22} snowball={snow[w]:<16} sastrawi={sas[w]}")
    for name, stems in (("Snowball", snow), ("Sastrawi", sas)):
        joined = sum(len({stems[w] for w in family}) == 1 for family in FAMILIES)
        kept = sum(stems[a] != stems[b] for a, b in APART)
        print(f"{name}: {joined}/{len(FAMILIES)} word families joined, {kept}/{len(APART)} different words kept apart")
        for family in FAMILIES:
            if len({stems[w] for w in family}) != 1:
                print(f"    not joined: {', '.join(f'{w}={stems[w]}' for w in family)}")
        for a, b in APART:
            if stems[a] == stems[b]:
                print(f"    wrongly joined: {a}={stems[a]} {b}={stems[b]}")
    per_word = len(everything)
    print(
        f"time per word: Snowball {snow_seconds / per_word * 1000:.3f} ms (one SQL round trip for all), "
        f"Sastrawi {sas_seconds / per_word * 1000:.1f} ms; ratio {sas_seconds / max(snow_seconds, 1e-9):.0f}x"
    )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "postgres://postgres@127.0.0.1/postgres")
