"""Acting on a finding: karantina (unpublish the page, keep its content as a revision for review) or mark safe."""

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import audit, lifecycle
from desa_platform.tenancy.services.errors import ServiceError

from .. import guidance
from ..models import KnownLinkDomain, ScanFinding


def quarantine(finding: ScanFinding, actor) -> str:
    """Take the page off the site; returns what was done, in Indonesian.

    The home page cannot be unpublished without taking the whole site down with a 404, so a finding there
    suspends the desa instead (visitors see the maintenance page; the admin stays reachable by support).
    """
    from wagtail.models import Page

    if finding.state == ScanFinding.State.QUARANTINED:
        raise ServiceError("Temuan ini sudah dikarantina.")
    desa = finding.desa
    with transaction.atomic():
        with schema_context(desa.schema_name):
            page = Page.objects.filter(pk=finding.page_id, depth__gt=2).first() if finding.page_id else None
            if page is not None:
                page = page.specific
                # The content as it was seen stays as the latest revision, for review before publishing again.
                page.save_revision(log_action=False, clean=False)
                page.unpublish(log_action=True)
                done = f"halaman “{page.title}” tidak lagi terbit; isinya disimpan sebagai revisi"
        if page is None:
            lifecycle.suspend(desa, actor=actor, reason=f"karantina judol: temuan #{finding.pk}")
            done = "temuan di beranda atau di seluruh situs: situs ditangguhkan (halaman pemeliharaan)"
        same_page = ScanFinding.objects.filter(desa=desa, state=ScanFinding.State.OPEN)
        same_page = same_page.filter(page_id=finding.page_id) if finding.page_id else same_page.filter(pk=finding.pk)
        same_page.update(state=ScanFinding.State.QUARANTINED, handled_by=_name(actor), handled_at=timezone.now())
        audit.record(actor, AuditLog.Action.QUARANTINE, desa, temuan=finding.pk, halaman=finding.url, hasil=done)
        guidance.notify(
            desa,
            actor,
            "Halaman dikarantina: dugaan konten judi online",
            f"Penjaga judol Diskominfo menemukan {finding.get_kind_display().lower()} di {finding.url}"
            f"{f' (“{finding.page_title}”)' if finding.page_title else ''}: {finding.detail}.\n\n"
            f"Tindakan: {done}. Periksa revisi terakhir halaman itu, hapus isi yang disisipkan, ganti kata sandi "
            "semua akun admin, lalu hubungi Diskominfo sebelum menerbitkannya lagi.",
        )
    return done


def dismiss(finding: ScanFinding, actor) -> None:
    """A false alarm: kept as 'aman' (the same thing is not reported again); a new domain becomes known."""
    with transaction.atomic():
        finding.state, finding.handled_by, finding.handled_at = (
            ScanFinding.State.DISMISSED,
            _name(actor),
            timezone.now(),
        )
        finding.save()
        if finding.kind == ScanFinding.Kind.NEW_DOMAIN:
            host = finding.detail.rsplit(" ", 1)[-1]
            KnownLinkDomain.objects.get_or_create(desa=finding.desa, domain=host)
        audit.record(actor, AuditLog.Action.JUDOL_SAFE, finding.desa, temuan=finding.pk, halaman=finding.url)


def _name(actor) -> str:
    return getattr(actor, "username", None) or str(actor or "cli")
