"""Running a plan: create each spec through `create_desa` (the one way in), skip what exists so a rerun is safe,
report progress after each desa; as a BulkJob row run by its own process (`manage.py desa run-job`)."""

import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import DatabaseError, connection, models
from django.utils import timezone

from ... import template_schema
from ...models import BULK_JOB_STALL, AuditLog, BulkJob, Desa
from ...schemas import public_schema
from .. import audit
from ..admins import invite_first_admin
from ..errors import ServiceError
from ..provisioning import DesaSpec, create_desa
from .region import already_exists

# A worker keeps its connection for this many tenants: a new PostgreSQL backend first reads the catalog entries
# of the template's ~450 relations (~0.2 s, as much as half a clone), while one that has created hundreds of
# schemas carries every one of them in its caches and slows down (docs/scale.md). 25 keeps both costs small.
CONNECTION_SPECS = 25
# Refusals that pass: out of shared memory (lock table), deadlock, serialization failure, lock not available.
TRANSIENT_PGCODES = {"53200", "40P01", "40001", "55P03"}
TRANSIENT_ATTEMPTS = 3

# --- running ---------------------------------------------------------------------------------------------------


class OutcomeState(models.TextChoices):
    """What became of one spec; the values are the words the CLI prints and the audit detail counts."""

    CREATED = "dibuat", "Dibuat"
    SKIPPED = "dilewati", "Dilewati (sudah ada)"
    FAILED = "gagal", "Gagal"


@dataclass
class Outcome:
    slug: str
    state: OutcomeState
    message: str = ""


def run(specs: list[DesaSpec], actor=None, progress=None, workers: int | None = None) -> list[Outcome]:
    """Create every spec that does not exist yet; one failure is reported and does not stop the others.

    With workers > 1 the clones run in that many threads, each on its own database connection (PostgreSQL does
    most of a clone's work, so two connections keep both cores busy). Tests use one: they see their own
    uncommitted transaction only from the calling thread. Outcomes come in the order they finish.
    """
    workers = workers or settings.DESA_BULK_WORKERS
    # Once per kind, not once per desa (the first builds every kind's template if they are stale).
    kinds = sorted({spec.kind for spec in specs} & set(template_schema.kinds()))
    templates = {kind: template_schema.ensure_template(kind=kind) for kind in kinds}
    outcomes = []

    def report(outcome):
        outcomes.append(outcome)
        if progress:
            progress(outcome)

    if workers <= 1:
        for spec in specs:
            report(_create_one(spec, templates))
    else:
        _in_threads(specs, workers, lambda spec: _create_one(spec, templates), report)
    counts = Counter(o.state for o in outcomes)
    audit.record(
        actor,
        AuditLog.Action.BULK,
        None,
        dibuat=counts[OutcomeState.CREATED],
        dilewati=counts[OutcomeState.SKIPPED],
        gagal=counts[OutcomeState.FAILED],
        contoh=[o.slug for o in outcomes if o.state == OutcomeState.CREATED][:5],
    )
    return outcomes


def _in_threads(specs, workers: int, create, report) -> None:
    """create(spec) for every spec in `workers` threads, each on its own connection; report(outcome) one at a time."""
    queue = iter(specs)
    lock = threading.Lock()
    errors = []

    def worker():
        try:
            done = 0
            while True:
                with lock:
                    spec = next(queue, None)
                if spec is None:
                    return
                outcome = create(spec)
                with lock:  # progress writes the job row and counts: one thread at a time
                    report(outcome)
                done += 1
                if done % CONNECTION_SPECS == 0:
                    connection.close()
        except BaseException as error:  # raised in the caller's thread below, as a single run would
            errors.append(error)
        finally:
            connection.close()  # this worker thread's own connection

    threads = [threading.Thread(target=worker, name=f"bulk-{n}") for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def _create_one(spec: DesaSpec, templates: dict) -> Outcome:
    with public_schema():
        if already_exists(spec):
            return Outcome(spec.slug, OutcomeState.SKIPPED)
        try:
            desa = _create_retrying(spec, templates.get(spec.kind))
            if spec.admin_email:  # the first admin's one-time link goes by mail (the outbox, after commit)
                invite_first_admin(desa, email=spec.admin_email, full_name=spec.admin_name)
            return Outcome(spec.slug, OutcomeState.CREATED)
        except Exception as error:  # reported with the slug; the rest still run
            return Outcome(spec.slug, OutcomeState.FAILED, str(error) or type(error).__name__)


def _create_retrying(spec: DesaSpec, template):
    """create_desa, tried again after a pause when PostgreSQL refused for a passing reason. A clone holds a lock on
    each of its ~600 new relations until it commits, and the server's shared lock table (max_locks_per_transaction
    × max_connections, 6,400 slots by default) can run out while other clones run at once: "out of shared
    memory", two Tuban desa of 414 in a measured run. The clone is all or nothing, so trying again is safe."""
    for attempt in range(1, TRANSIENT_ATTEMPTS + 1):
        try:
            return create_desa(spec, template=template)
        except DatabaseError as error:
            if getattr(error.__cause__, "pgcode", None) not in TRANSIENT_PGCODES or attempt == TRANSIENT_ATTEMPTS:
                raise
            time.sleep(attempt)


def plan_offices(specs: list[DesaSpec]) -> list:
    """The tenants a plan made or found already there (for the admin-link sheet), in a stable order."""
    from .region import existing_place

    found = [existing_place(spec) or Desa.objects.filter(slug=spec.slug).first() for spec in specs]
    unique = {office.pk: office for office in found if office is not None}
    return sorted(unique.values(), key=lambda o: (o.kind, o.kecamatan, o.name))


def start_job(specs: list[DesaSpec], actor, title: str) -> BulkJob:
    """Record a bulk job and run it in a background thread; the console polls the job's row for progress."""
    with public_schema():
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
    with public_schema():
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
        raise ServiceError("Pekerjaan ini masih berjalan atau sudah selesai.")
    audit.record(actor, AuditLog.Action.BULK_RESUME, job=job.pk, done=job.done, total=job.total)
    job.refresh_from_db()
    _launch(job)
    job.refresh_from_db()
    return job


def _launch(job: BulkJob) -> None:
    """Run the job in its own process (`manage.py desa run-job`): a gunicorn worker is recycled after
    GUNICORN_MAX_REQUESTS and would take a thread of its own down with it, halfway through a kabupaten."""
    if settings.DESA_BULK_INLINE:
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
    with public_schema():
        job = BulkJob.objects.get(pk=job_id)
        job.state = BulkJob.State.RUNNING
        # Every run goes over the whole plan (what exists is skipped): counting starts again.
        job.done = job.created_count = job.skipped_count = job.failed_count = 0
        job.save(update_fields=["state", "done", "created_count", "skipped_count", "failed_count", "updated_at"])
        specs = [DesaSpec(**values) for values in job.specs]

        def progress(outcome: Outcome):
            job.done += 1
            if outcome.state == OutcomeState.CREATED:
                job.created_count += 1
            elif outcome.state == OutcomeState.SKIPPED:
                job.skipped_count += 1
            else:
                job.failed_count += 1
                job.messages = [*job.messages, f"{outcome.slug}: {outcome.message}"]
            with public_schema():
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
