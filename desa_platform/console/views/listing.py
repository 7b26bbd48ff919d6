"""The tenants list: filters, the attention column, the CSV export; and the platform domain's 404 page."""

import csv

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from desa_platform.tenancy.models import AuditLog, Desa
from desa_platform.tenancy.services import audit, overview, upgrade
from desa_platform.tenancy.themes import available_themes

from ..auth import staff_required

PAGE_SIZE = 100
FILTERS = ("q", "kecamatan", "kind", "status", "theme", "perhatian")


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
    audit.record(
        request.user, AuditLog.Action.EXPORT, None, jumlah=len(rows), saring={k: v for k, v in request.GET.items() if v}
    )
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


def not_found(request, exception=None):
    """404 of the platform's own domain: the desa themes' 404 page needs a desa schema (handler404 of urls_public)."""
    return render(request, "console/not_found.html", status=404)
