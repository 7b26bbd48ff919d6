"""Many desa at once: a kabupaten from region data, or a CSV file; both become a background job."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa_platform.tenancy.models import BulkJob
from desa_platform.tenancy.services import admins, bulk
from desa_platform.tenancy.services.provisioning import DesaSpec

from ..auth import staff_required
from ..forms import CsvForm, RegionForm
from .outcome import FAILED, attempt, attempt_on_form


@staff_required
def bulk_region(request):
    provinsi = request.POST.get("provinsi") or request.GET.get("provinsi") or "Jawa Timur"
    form = RegionForm(request.POST or None, provinsi=provinsi, initial={"provinsi": provinsi})
    plan = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        specs = attempt_on_form(
            form,
            lambda: bulk.plan_region(
                data["provinsi"],
                data["kabupaten"],
                domain_patterns=form.patterns(),
                repeat_pattern=data["repeat_pattern"],
                kecamatan_tenants=data["kecamatan_tenants"],
                theme=data["theme"],
                kecamatan=data["kecamatan"],
            ),
        )
        if specs is not FAILED:
            if request.POST.get("mulai"):
                where = f"Kecamatan {data['kecamatan']}, " if data["kecamatan"] else ""
                job = bulk.start_job(specs, request.user, f"{where}Kabupaten {data['kabupaten']}, {data['provinsi']}")
                return redirect("console:bulk-job", job.pk)
            new = [s for s in specs if not bulk.already_exists(s)]
            plan = {"specs": specs, "new": len(new), "existing": len(specs) - len(new), "sample": specs[:15]}
    context = {"form": form, "csv_form": CsvForm(), "plan": plan, "provinsi": provinsi}
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
        attempt(request, lambda: bulk.resume_job(job, request.user))
        return redirect("console:bulk-job", job.pk)
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    return render(request, "console/bulk_job.html", {"job": job, "sheet_hours": hours})


@staff_required
@require_POST
def bulk_job_sheet(request, pk):
    """The first admins' one-time links of every office of a job, as a CSV or (format=pdf) a PDF to print for the
    training day (made now, never stored; the download is audited)."""
    job = get_object_or_404(BulkJob, pk=pk)
    offices = bulk.plan_offices([DesaSpec(**values) for values in job.specs])
    rows, expires = admins.admin_link_sheet(offices, actor=request.user)
    if request.POST.get("format") == "pdf":
        response = HttpResponse(admins.sheet_pdf(rows, expires), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="tautan-admin-{job.pk}.pdf"'
    else:
        response = HttpResponse(admins.sheet_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="tautan-admin-{job.pk}.csv"'
    response["Cache-Control"] = "no-store"
    return response
