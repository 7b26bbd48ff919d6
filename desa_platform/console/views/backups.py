"""Backups across desa (restore as a new desa, download), schema versions and the audit log."""

import tempfile

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import audit, backup, upgrade
from desa_platform.tenancy.services.errors import ServiceError

from ..auth import staff_required
from ..forms import RestoreNewForm
from .outcome import FAILED, attempt_on_form


@staff_required
def backups(request):
    form = RestoreNewForm(request.POST or None, request.FILES or None, backups=backup.list_backups())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def restore_as_new():
            if data["upload"]:
                with tempfile.NamedTemporaryFile(suffix=".zip") as handle:
                    for chunk in data["upload"].chunks():
                        handle.write(chunk)
                    handle.flush()
                    return backup.restore(
                        handle.name, new_slug=data["slug"], new_domain=data["domain"], actor=request.user
                    )
            path = backup.find_backup(data["backup"])
            return backup.restore(path, new_slug=data["slug"], new_domain=data["domain"], actor=request.user)

        desa = attempt_on_form(form, restore_as_new)
        if desa is not FAILED:
            messages.success(request, f"{desa.display_name} dipulihkan sebagai desa baru.")
            return redirect("console:detail", desa.slug)
    return render(request, "console/backups.html", {"backups": backup.list_backups(), "form": form})


@staff_required
def backup_download(request, name):
    try:
        path = backup.find_backup(name)
    except ServiceError:
        raise Http404 from None
    audit.record(request.user, AuditLog.Action.BACKUP_DOWNLOAD, backup.NAME_RE.match(name)["slug"], berkas=name)
    return FileResponse(open(path, "rb"), as_attachment=True, filename=name, content_type="application/zip")


@staff_required
def versions(request):
    desas = list(Desa.objects.order_by("schema_name"))
    found = upgrade.schema_versions([d.schema_name for d in desas])
    rows = [{"desa": d, "version": found[d.schema_name]} for d in desas]
    context = {
        "rows": rows,
        "expected": len(upgrade.expected_migrations()),
        "behind": sum(1 for r in rows if r["version"].missing),
    }
    return render(request, "console/versions.html", context)


@staff_required
def audit_log(request):
    entries = audit.recent(
        desa_slug=request.GET.get("desa", ""),
        actor=request.GET.get("pelaku", ""),
        action=request.GET.get("tindakan", ""),
    )
    page = Paginator(entries, 100).get_page(request.GET.get("halaman"))
    context = {"page": page, "actions": AuditLog.Action.choices, "params": request.GET}
    return render(request, "console/audit.html", context)
