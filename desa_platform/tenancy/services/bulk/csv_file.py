"""A CSV file of desa to create: every line read and checked (with its line number) before anything is made."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.text import slugify

from ...models import Desa
from ..provisioning import DesaSpec, ProvisioningError, validate
from .region import DEFAULT_DOMAIN_PATTERNS, already_exists, domains_for

CSV_COLUMNS = ["nama", "jenis", "kecamatan", "kabupaten", "provinsi", "kode_pos", "slug", "domain", "alias", "tema"]


# --- CSV -------------------------------------------------------------------------------------------------------


@dataclass
class CsvResult:
    specs: list[DesaSpec] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_csv(text: str, domain_patterns: list[str] | None = None, defaults: dict | None = None) -> CsvResult:
    """Read and check every line; `errors` lists each problem with its line number. Nothing is created here."""
    result = CsvResult()
    patterns = domain_patterns or DEFAULT_DOMAIN_PATTERNS
    defaults = defaults or {}
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=_delimiter(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = {"nama"} - set(header)
    unknown = set(header) - set(CSV_COLUMNS)
    if missing or unknown:
        parts = []
        if missing:
            parts.append("kolom wajib tidak ada: " + ", ".join(sorted(missing)))
        if unknown:
            parts.append("kolom tidak dikenal: " + ", ".join(sorted(unknown)))
        result.errors.append(
            f"Baris 1 (judul kolom): {'; '.join(parts)}. Kolom yang dikenal: {', '.join(CSV_COLUMNS)}."
        )
        return result
    seen_slugs, seen_domains = {}, {}
    for number, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            result.errors.append(f"Baris {number}: kolomnya lebih banyak dari judul kolom.")
            continue
        if not any(row.values()):
            continue
        values = {**defaults, **{k: v for k, v in row.items() if v}}
        slug = values.get("slug") or slugify(values.get("nama", ""))
        domains = [values["domain"].lower()] if values.get("domain") else None
        if domains is None and slug:
            domains = domains_for(slug, values.get("kecamatan", ""), values.get("kabupaten", ""), patterns)
        spec = DesaSpec(
            slug=slug,
            name=values.get("nama", ""),
            kind=(values.get("jenis") or Desa.Kind.DESA).lower(),
            kecamatan=values.get("kecamatan", ""),
            kabupaten=values.get("kabupaten", ""),
            provinsi=values.get("provinsi", ""),
            kode_pos=values.get("kode_pos", ""),
            theme=values.get("tema", ""),
            domains=domains or [],
            aliases=[a.lower() for a in values.get("alias", "").replace(",", " ").split()],
        )
        problems = []
        if slug in seen_slugs:
            problems.append(f"slug '{slug}' sudah dipakai di baris {seen_slugs[slug]}")
        for domain in spec.domains + spec.aliases:
            if domain in seen_domains:
                problems.append(f"domain '{domain}' sudah dipakai di baris {seen_domains[domain]}")
        if not problems and already_exists(spec):
            result.skipped.append(spec.slug)
            seen_slugs[slug] = number
            continue
        try:
            validate(spec)
        except ProvisioningError as error:
            problems.append(str(error))
        if problems:
            result.errors.append(f"Baris {number}: " + "; ".join(problems))
        else:
            result.specs.append(spec)
        seen_slugs.setdefault(slug, number)
        for domain in spec.domains + spec.aliases:
            seen_domains.setdefault(domain, number)
    if not result.specs and not result.skipped and not result.errors:
        result.errors.append("Berkas tidak memuat satu baris data pun.")
    return result


def _delimiter(text: str) -> str:
    first = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    return ";" if first.count(";") > first.count(",") else ","
