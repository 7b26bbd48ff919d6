"""The tenants list: liveness per desa with the rules on the page, filters, sorting, CSV/XLSX export; and the
platform domain's 404 page. Reads the summary rows only (desa_platform/monitoring/tenant_list.py)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from desa_platform.monitoring import exports, liveness, tenant_list
from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import audit
from desa_platform.tenancy.themes import available_themes

from ..auth import staff_required

PAGE_SIZE = 50  # rendering the rows is most of the page: 50 keep 400 desa well under a second
HEADERS = [
    ("nama", "Desa"),
    ("kecamatan", "Kecamatan"),
    ("keadaan", "Keadaan"),
    ("masuk", "Admin terakhir masuk"),
    ("terbit", "Terakhir terbit"),
    ("berita", "Berita 30 / 90 hari"),
    ("pesan", "Pesan warga menunggu"),
    ("permohonan", "Permohonan surat menunggu"),
    ("kelengkapan", "Kelengkapan"),
    ("kunjungan", "Kunjungan 30 hari"),
    ("perhatian", "Perlu perhatian"),
]


def _headers(params) -> list[dict]:
    current = params.get("urut", tenant_list.DEFAULT_SORT)
    query = params.copy()
    query.pop("halaman", None)
    found = []
    for key, label in HEADERS:
        # First click sorts the way a reader wants first: newest, most, worst at the top.
        first = key if key in ("nama", "kecamatan", "keadaan") else f"-{key}"
        if current.lstrip("-") == key:
            query["urut"] = key if current.startswith("-") else f"-{key}"
            arrow = " ↓" if current.startswith("-") else " ↑"
        else:
            query["urut"], arrow = first, ""
        found.append({"label": label, "url": "?" + query.urlencode(), "arrow": arrow, "key": key})
    return found


@staff_required
def index(request):
    rows = tenant_list.rows(request.GET)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("halaman"))
    # The schema version only for the rows on this page (kept a few minutes: a UNION ALL over their schemas).
    versions = tenant_list.schema_versions([row.desa.schema_name for row in page])
    for row in page:
        row.version = versions[row.desa.schema_name]
    query = request.GET.copy()
    query.pop("halaman", None)
    counts = {state: 0 for state in liveness.State.values}
    for row in rows:
        counts[row.live.state] += 1
    context = {
        "page": page,
        "total": len(rows),
        "attention": sum(1 for r in rows if r.live.needs_attention),
        "counts": [(liveness.State(s), n) for s, n in counts.items()],
        "params": {k: request.GET.get(k, "") for k in tenant_list.FILTERS},
        "query": query.urlencode(),
        "headers": _headers(request.GET),
        "state_rules": liveness.STATE_RULES,
        "attention_rules": liveness.ATTENTION_RULES,
        "state_choices": liveness.State.choices,
        "kecamatan_choices": tenant_list.kecamatan_choices(),
        "kind_choices": Desa.Kind.choices,
        "status_choices": Desa.Status.choices,
        "theme_choices": available_themes(),
        "oldest_refresh": min((r.activity.refreshed_at for r in rows if r.activity.refreshed_at), default=None),
    }
    return render(request, "console/index.html", context)


def _export(request, kind: str, content: bytes, content_type: str, rows) -> HttpResponse:
    audit.record(
        request.user, AuditLog.Action.EXPORT, None, jumlah=len(rows), format=kind, saring=dict(request.GET.items())
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="desa-{timezone.localdate():%Y%m%d}.{kind}"'
    return response


@staff_required
def export_csv(request):
    rows = tenant_list.rows(request.GET)
    return _export(request, "csv", exports.list_csv(rows), "text/csv; charset=utf-8", rows)


@staff_required
def export_xlsx(request):
    rows = tenant_list.rows(request.GET)
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _export(request, "xlsx", exports.list_xlsx(rows), kind, rows)


@staff_required
@require_POST
def refresh(request):
    """Recount every summary row now (the timer does it every few minutes; this is for right after a change)."""
    count = liveness.refresh_all()
    tenant_list.schema_versions(list(Desa.objects.values_list("schema_name", flat=True)), refresh=True)
    messages.success(request, f"Ringkasan {count} desa dihitung ulang.")
    return redirect("console:index")


def not_found(request, exception=None):
    """404 of the platform's own domain: the desa themes' 404 page needs a desa schema (handler404 of urls_public)."""
    return render(request, "console/not_found.html", status=404)
