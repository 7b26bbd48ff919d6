"""The judol guard's findings: exact page and snippet, karantina in one click, or marked safe."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from desa_platform.monitoring.judol import quarantine, scanner
from desa_platform.monitoring.models import ScanFinding, ScanRun
from desa_platform.tenancy.models import Desa
from desa_platform.tenancy.services.errors import ServiceError

from ..auth import staff_required


@staff_required
def findings(request):
    state = request.GET.get("keadaan", ScanFinding.State.OPEN)
    found = ScanFinding.objects.select_related("desa").prefetch_related("desa__domains")
    if state in ScanFinding.State.values:
        found = found.filter(state=state)
    if request.GET.get("desa"):
        found = found.filter(desa__slug=request.GET["desa"])
    page = Paginator(found, 50).get_page(request.GET.get("halaman"))
    for finding in page:
        finding.host = next((d.domain for d in finding.desa.domains.all() if d.is_primary), "")
    context = {
        "page": page,
        "state": state,
        "states": ScanFinding.State.choices,
        "open_count": ScanFinding.objects.filter(state=ScanFinding.State.OPEN).count(),
        "runs": ScanRun.objects.all()[:5],
    }
    return render(request, "console/judol.html", context)


@staff_required
@require_POST
def act(request, pk, action):
    finding = get_object_or_404(ScanFinding, pk=pk)
    try:
        if action == "karantina":
            done = quarantine.quarantine(finding, request.user)
            messages.success(request, f"Dikarantina: {done}.")
        elif action == "aman":
            quarantine.dismiss(finding, request.user)
            messages.success(request, "Temuan ditandai aman; hal yang sama tidak dilaporkan lagi.")
    except ServiceError as error:
        messages.error(request, str(error))
    back = request.POST.get("kembali", "")
    # Only back to a console page: a posted address must never send staff elsewhere.
    return redirect(back if back.startswith("/console/") and "//" not in back else "console:judol")


@staff_required
@require_POST
def scan_one(request, slug):
    """Scan one desa now: its stored pages and its home page, in this process (no network); every desa and every
    rendered page is the timer's work."""
    desa = get_object_or_404(Desa, slug=slug, status=Desa.Status.ACTIVE)
    run = scanner.scan(Desa.objects.filter(pk=desa.pk), trigger="konsol")
    messages.success(
        request, f"{desa.display_name} dipindai: {run.pages_fetched} pengambilan, {run.new_findings} temuan baru."
    )
    return redirect(f"/console/judol/?desa={desa.slug}&keadaan=terbuka")
