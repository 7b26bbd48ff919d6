"""The Diskominfo console: every action calls one tenancy service; nothing here writes SQL."""

import csv
import tempfile
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa_platform.tenancy.models import AuditLog, BulkJob, Desa, SupportSession
from desa_platform.tenancy.services import (
    admins,
    appearance,
    audit,
    backup,
    bulk,
    domains,
    lifecycle,
    overview,
    staff,
    support,
    upgrade,
)
from desa_platform.tenancy.services.provisioning import DesaSpec, ProvisioningError, site_root_url
from desa_platform.tenancy.themes import available_themes

from .auth import staff_required, superuser_required
from .forms import (
    CreateDesaForm,
    CsvForm,
    DeleteForm,
    DomainForm,
    RegionForm,
    RestoreNewForm,
    StaffForm,
    SupportForm,
)

PAGE_SIZE = 100
FILTERS = ("q", "kecamatan", "kind", "status", "theme", "perhatian")


# --- tenants list -----------------------------------------------------------------------------------------------


def _filtered(params):
    desas = Desa.objects.prefetch_related("domains").order_by("kecamatan", "name")
    if params.get("q"):
        q = params["q"].strip()
        desas = desas.filter(
            Q(name__icontains=q) | Q(slug__icontains=q) | Q(domains__domain__icontains=q) | Q(kecamatan__icontains=q)
        ).distinct()
    for field in ("kecamatan", "kind", "status", "theme"):
        if params.get(field):
            desas = desas.filter(**{field: params[field]})
    return list(desas)


def _rows(params):
    desas = _filtered(params)
    facts = overview.cached_facts(desas, refresh=params.get("segarkan") == "1")
    versions = upgrade.schema_versions([d.schema_name for d in desas])
    rows = []
    for desa in desas:
        primary = next((d.domain for d in desa.domains.all() if d.is_primary), "")
        row = {"desa": desa, "domain": primary, "facts": facts[desa.schema_name], "version": versions[desa.schema_name]}
        rows.append(row)
    if params.get("perhatian") == "ya":
        rows = [r for r in rows if r["facts"].needs_attention]
    return rows


@staff_required
def index(request):
    rows = _rows(request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    query = request.GET.copy()
    query.pop("halaman", None)
    query.pop("segarkan", None)
    context = {
        "page": page,
        "total": len(rows),
        "attention": sum(1 for r in rows if r["facts"].needs_attention),
        "params": {k: request.GET.get(k, "") for k in FILTERS},
        "query": query.urlencode(),
        "kecamatan_choices": Desa.objects.exclude(kecamatan="").values_list("kecamatan", flat=True).distinct(),
        "kind_choices": Desa.Kind.choices,
        "status_choices": Desa.Status.choices,
        "theme_choices": available_themes(),
    }
    return render(request, "console/index.html", context)


@staff_required
def export_csv(request):
    rows = _rows(request.GET)
    audit.record(request.user, "export", None, jumlah=len(rows), saring={k: v for k, v in request.GET.items() if v})
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="desa-{timezone.localdate():%Y%m%d}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(response)
    writer.writerow(
        [
            "slug",
            "nama",
            "jenis",
            "kecamatan",
            "kabupaten",
            "domain",
            "status",
            "tema",
            "perubahan terakhir",
            "berita 30 hari",
            "berita 90 hari",
            "kelengkapan profil %",
            "perlu perhatian",
            "versi skema",
        ]
    )
    for row in rows:
        desa, facts = row["desa"], row["facts"]
        writer.writerow(
            [
                desa.slug,
                desa.name,
                desa.get_kind_display(),
                desa.kecamatan,
                desa.kabupaten,
                row["domain"],
                desa.get_status_display(),
                desa.theme,
                timezone.localtime(facts.last_change).strftime("%Y-%m-%d %H:%M") if facts.last_change else "",
                "" if facts.news_30 is None else facts.news_30,
                "" if facts.news_90 is None else facts.news_90,
                facts.completeness,
                "; ".join(facts.attention),
                row["version"].label,
            ]
        )
    return response


# --- create one, bulk --------------------------------------------------------------------------------------------


@staff_required
def create(request):
    form = CreateDesaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        spec = DesaSpec(
            slug=data["slug"],
            name=data["name"],
            kind=data["kind"],
            kecamatan=data["kecamatan"],
            kabupaten=data["kabupaten"],
            provinsi=data["provinsi"],
            kode_pos=data["kode_pos"],
            theme=data["theme"],
            domains=[data["domain"]],
            aliases=data["aliases"].split(),
        )
        try:
            desa = lifecycle.create(spec, actor=request.user)
        except ProvisioningError as error:
            form.add_error(None, str(error))
        else:
            user, link, emailed = admins.invite_first_admin(
                desa, email=data["admin_email"], full_name=data["admin_name"], actor=request.user
            )
            # The link is shown here once and never stored (the token inside stops working once it is used).
            context = {"desa": desa, "url": site_root_url(desa), "admin": user, "link": link, "emailed": emailed}
            return render(request, "console/created.html", context)
    return render(request, "console/create.html", {"form": form})


@staff_required
def bulk_region(request):
    provinsi = request.POST.get("provinsi") or request.GET.get("provinsi") or "Jawa Timur"
    form = RegionForm(request.POST or None, provinsi=provinsi, initial={"provinsi": provinsi})
    plan, error = None, None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            specs = bulk.plan_region(
                data["provinsi"],
                data["kabupaten"],
                domain_patterns=form.patterns(),
                repeat_pattern=data["repeat_pattern"],
                kecamatan_tenants=data["kecamatan_tenants"],
                theme=data["theme"],
            )
        except ProvisioningError as problem:
            error = str(problem)
        else:
            if request.POST.get("mulai"):
                job = bulk.start_job(specs, request.user, f"Kabupaten {data['kabupaten']}, {data['provinsi']}")
                return redirect("console:bulk-job", job.pk)
            new = [s for s in specs if not bulk.already_exists(s)]
            plan = {"specs": specs, "new": len(new), "existing": len(specs) - len(new), "sample": specs[:15]}
    context = {"form": form, "csv_form": CsvForm(), "plan": plan, "error": error, "provinsi": provinsi}
    context["jobs"] = BulkJob.objects.all()[:10]
    return render(request, "console/bulk.html", context)


@staff_required
def bulk_csv(request):
    form = CsvForm(request.POST or None, request.FILES or None)
    errors, result = [], None
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            errors = ["Berkas bukan teks UTF-8; simpan ulang sebagai CSV UTF-8."]
        else:
            patterns = [line.strip() for line in form.cleaned_data["domain_patterns"].splitlines() if line.strip()]
            result = bulk.parse_csv(text, domain_patterns=patterns)
            errors = result.errors
            if not errors:
                if not result.specs:
                    messages.info(
                        request, f"Semua {len(result.skipped)} desa di berkas sudah ada; tidak ada yang dibuat."
                    )
                    return redirect("console:bulk")
                job = bulk.start_job(result.specs, request.user, f"Berkas {form.cleaned_data['file'].name}")
                return redirect("console:bulk-job", job.pk)
    context = {"form": RegionForm(provinsi="Jawa Timur"), "csv_form": form, "csv_errors": errors, "provinsi": ""}
    context["jobs"] = BulkJob.objects.all()[:10]
    return render(request, "console/bulk.html", context)


@staff_required
def bulk_job(request, pk):
    job = get_object_or_404(BulkJob, pk=pk)
    if request.method == "POST":  # "Jalankan lagi" on a job whose process ended (a restart)
        try:
            bulk.resume_job(job, request.user)
        except ProvisioningError as problem:
            messages.error(request, str(problem))
        return redirect("console:bulk-job", job.pk)
    return render(request, "console/bulk_job.html", {"job": job})


# --- one desa ----------------------------------------------------------------------------------------------------


def _desa(slug) -> Desa:
    return get_object_or_404(Desa, slug=slug)


@staff_required
def detail(request, slug, extra=None):
    desa = _desa(slug)
    context = {
        "desa": desa,
        "url": site_root_url(desa),
        "domains": desa.domains.order_by("-is_primary", "domain"),
        "facts": overview.facts([desa])[desa.schema_name],
        "version": upgrade.schema_versions([desa.schema_name])[desa.schema_name],
        "backups": backup.list_backups(desa.slug)[:20],
        "sessions": support.sessions_for(desa)[:10],
        "log": AuditLog.objects.filter(desa_slug=desa.slug)[:20],
        "domain_form": DomainForm(),
        "support_form": SupportForm(),
        "themes": available_themes(),
        "now": timezone.now(),
        **(extra or {}),
    }
    return render(request, "console/detail.html", context)


def _act(request, slug, operation, success: str):
    """Run one service operation on a desa; its error (Indonesian) comes back as a message, nothing half-done."""
    desa = _desa(slug)
    try:
        result = operation(desa)
    except ProvisioningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success.format(desa=desa, result=result))
    return redirect("console:detail", slug)


@staff_required
@require_POST
def suspend(request, slug):
    reason = request.POST.get("reason", "")
    return _act(
        request,
        slug,
        lambda d: lifecycle.suspend(d, actor=request.user, reason=reason),
        "{desa.display_name} ditangguhkan: pengunjung melihat halaman pemeliharaan (503).",
    )


@staff_required
@require_POST
def theme(request, slug):
    desa = _desa(slug)
    try:
        desa = appearance.set_theme(desa, request.POST.get("theme", ""), actor=request.user)
    except appearance.AppearanceError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{desa.display_name} kini memakai tema {desa.theme}.")
    return redirect("console:detail", slug)


@staff_required
@require_POST
def resume(request, slug):
    return _act(request, slug, lambda d: lifecycle.resume(d, actor=request.user), "{desa.display_name} aktif kembali.")


@staff_required
@require_POST
def domain_action(request, slug, operation):
    domain = request.POST.get("domain", "")
    operations = {"tambah": domains.add_alias, "hapus": domains.remove_alias, "utama": domains.set_primary}
    if operation not in operations:
        raise Http404
    texts = {
        "tambah": f"Alias {domain} ditambahkan.",
        "hapus": f"Alias {domain} dihapus.",
        "utama": f"{domain} kini domain utama.",
    }
    return _act(request, slug, lambda d: operations[operation](d, domain, actor=request.user), texts[operation])


@staff_required
@require_POST
def backup_now(request, slug):
    return _act(request, slug, lambda d: backup.backup_desa(d, actor=request.user).name, "Cadangan dibuat: {result}.")


@staff_required
@require_POST
def restore_into(request, slug):
    def operation(desa):
        return backup.restore(backup.find_backup(request.POST.get("backup", "")), into=desa, actor=request.user)

    return _act(request, slug, operation, "{desa.display_name} dipulihkan dari cadangan.")


@staff_required
def delete(request, slug):
    desa = _desa(slug)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            path = lifecycle.delete(desa, form.cleaned_data["confirm"], actor=request.user)
        except ProvisioningError as error:
            form.add_error("confirm", str(error))
        else:
            messages.success(request, f"Desa '{slug}' dihapus. Cadangan terakhirnya: {Path(path).name}.")
            return redirect("console:index")
    return render(request, "console/delete.html", {"desa": desa, "form": form})


@staff_required
@require_POST
def support_open(request, slug):
    desa = _desa(slug)
    form = SupportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Isi alasan dan lama akses dukungan (1–240 menit).")
        return redirect("console:detail", slug)
    try:
        session, link = support.open_session(
            desa, request.user, form.cleaned_data["reason"], minutes=form.cleaned_data["minutes"]
        )
    except ProvisioningError as error:
        messages.error(request, str(error))
        return redirect("console:detail", slug)
    # Shown once, in this response only: the token is stored as a hash.
    return detail(request, slug, extra={"support_link": link, "support_session": session})


@staff_required
@require_POST
def support_close(request, slug, pk):
    session = get_object_or_404(SupportSession, pk=pk, desa__slug=slug)
    support.close(session, request.user)
    messages.success(request, "Akses dukungan ditutup.")
    return redirect("console:detail", slug)


# --- backups, versions, audit ------------------------------------------------------------------------------------


@staff_required
def backups(request):
    form = RestoreNewForm(request.POST or None, request.FILES or None, backups=backup.list_backups())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["upload"]:
                with tempfile.NamedTemporaryFile(suffix=".zip") as handle:
                    for chunk in data["upload"].chunks():
                        handle.write(chunk)
                    handle.flush()
                    desa = backup.restore(
                        handle.name, new_slug=data["slug"], new_domain=data["domain"], actor=request.user
                    )
            else:
                path = backup.find_backup(data["backup"])
                desa = backup.restore(path, new_slug=data["slug"], new_domain=data["domain"], actor=request.user)
        except ProvisioningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{desa.display_name} dipulihkan sebagai desa baru.")
            return redirect("console:detail", desa.slug)
    return render(request, "console/backups.html", {"backups": backup.list_backups(), "form": form})


@staff_required
def backup_download(request, name):
    try:
        path = backup.find_backup(name)
    except ProvisioningError:
        raise Http404 from None
    audit.record(request.user, "backup-download", backup.NAME_RE.match(name)["slug"], berkas=name)
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
    context = {"page": page, "labels": audit.ACTION_LABELS, "params": request.GET}
    return render(request, "console/audit.html", context)


def not_found(request, exception=None):
    """404 of the platform's own domain: the desa themes' 404 page needs a desa schema (handler404 of urls_public)."""
    return render(request, "console/not_found.html", status=404)


# --- staff accounts ----------------------------------------------------------------------------------------------


@superuser_required
def staff_list(request):
    form = StaffForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if get_user_model().objects.filter(username=data["username"]).exists():
            form.add_error("username", "Nama pengguna ini sudah dipakai.")
        else:
            user, link = staff.create_staff(data["username"], data["email"], data["full_name"], data["superuser"])
            audit.record(request.user, "staff-create", staf=user.username)
            emailed = staff.send_link(user, link)
            created = {"user": user, "link": link, "emailed": emailed}
            form = StaffForm()
    return render(request, "console/staff.html", {"form": form, "created": created, "people": staff.list_staff()})


@superuser_required
@require_POST
def staff_active(request, username):
    active = request.POST.get("active") == "1"
    try:
        user, link = staff.set_active(username, active, actor=request.user)
    except ProvisioningError as error:
        messages.error(request, str(error))
        return redirect("console:staff")
    if not link:
        messages.success(request, f"Akun {username} {'aktif' if active else 'dinonaktifkan'}.")
        return redirect("console:staff")
    # Switched back on: a new password through a one-time link, shown once (as for a new account).
    created = {"user": user, "link": link, "emailed": staff.send_link(user, link), "again": True}
    return render(
        request, "console/staff.html", {"form": StaffForm(), "created": created, "people": staff.list_staff()}
    )
