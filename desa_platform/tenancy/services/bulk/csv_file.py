"""A CSV file of desa to create: every line read and checked (with its line number) before anything is made."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.text import slugify

from ...models import Desa
from ..errors import ServiceError
from ..provisioning import DesaSpec, validate
from .region import DEFAULT_DOMAIN_PATTERNS, DEFAULT_OFFICE_PATTERNS, already_exists, domains_for

CSV_COLUMNS = [
    "nama",
    "jenis",
    "kecamatan",
    "kabupaten",
    "provinsi",
    "kode_pos",
    "kode_wilayah",
    "slug",
    "domain",
    "alias",
    "tema",
    "email_admin",
    "nama_admin",
]


# --- CSV -------------------------------------------------------------------------------------------------------


@dataclass
class CsvResult:
    specs: list[DesaSpec] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_csv(
    text: str,
    domain_patterns: list[str] | None = None,
    defaults: dict | None = None,
    office_patterns: list[str] | None = None,
) -> CsvResult:
    """Read and check every line; `errors` lists each problem with its line number. Nothing is created here.
    A desa's domain follows `domain_patterns`, any other kind's `office_patterns` (by default the desa's when
    those were given, else '{slug}.<kabupaten>kab.go.id'), unless the line names its domain."""
    result = CsvResult()
    patterns = domain_patterns or DEFAULT_DOMAIN_PATTERNS
    offices = office_patterns or domain_patterns or DEFAULT_OFFICE_PATTERNS
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
        kind = (values.get("jenis") or Desa.Kind.DESA).lower()
        if domains is None and slug:
            chosen = patterns if kind == Desa.Kind.DESA else offices
            domains = domains_for(slug, values.get("kecamatan", ""), values.get("kabupaten", ""), chosen)
        spec = DesaSpec(
            slug=slug,
            name=values.get("nama", ""),
            kind=kind,
            kecamatan=values.get("kecamatan", ""),
            kabupaten=values.get("kabupaten", ""),
            provinsi=values.get("provinsi", ""),
            kode_pos=values.get("kode_pos", ""),
            kode_wilayah=values.get("kode_wilayah", ""),
            theme=values.get("tema", ""),
            admin_email=values.get("email_admin", "").lower(),
            admin_name=values.get("nama_admin", ""),
            domains=domains or [],
            aliases=[a.lower() for a in values.get("alias", "").replace(",", " ").split()],
        )
        problems = []
        if spec.admin_email:
            try:
                validate_email(spec.admin_email)
            except ValidationError:
                problems.append(f"email admin '{spec.admin_email}' tidak sah")
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
        except ServiceError as error:
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
