"""How long a request has waited against the service's "waktu penyelesaian", which desa write as free text
("1 hari kerja; paling lama 3 hari kerja bila perlu kunjungan rumah", "hari itu juga")."""

import re

DAYS = re.compile(r"(\d+)\s*hari")


def target_days(waktu_penyelesaian: str) -> int | None:
    text = (waktu_penyelesaian or "").lower()
    found = [int(n) for n in DAYS.findall(text)]
    if found:
        return max(found)
    if "hari itu juga" in text or "hari ini" in text:
        return 1
    return None


def age_days(permohonan) -> float:
    return permohonan.umur.total_seconds() / 86400


def is_late(permohonan) -> bool:
    target = target_days(permohonan.layanan.waktu_penyelesaian if permohonan.layanan else "")
    return bool(target) and permohonan.is_open and age_days(permohonan) > target
