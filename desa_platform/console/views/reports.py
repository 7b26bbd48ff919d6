"""The Smart City indicator report: HTML to read and print, PDF and CSV, one period or two side by side."""

from django.http import HttpResponse
from django.shortcuts import render

from desa_platform.monitoring import exports, indicators, tenant_list
from desa_platform.monitoring.indicators import INDICATORS, Period
from desa_platform.tenancy.services import audit

from ..auth import staff_required


@staff_required
def indicator_report(request):
    period = Period.parse(request.GET.get("periode"))
    other = Period.parse(request.GET["banding"]) if request.GET.get("banding") else None
    if other == period:
        other = None
    names = tenant_list.kecamatan_choices()
    kecamatan = request.GET.get("kecamatan", "")
    kecamatan = kecamatan if kecamatan in names else ""
    refresh = request.GET.get("hitung") == "1"
    report = indicators.report(period, kecamatan, refresh=refresh)
    compare = indicators.report(other, kecamatan, refresh=refresh) if other else None
    scope = f"Kecamatan {kecamatan}" if kecamatan else "Seluruh desa dan kelurahan di platform"
    stem = f"indikator-{period.code}" + (f"-banding-{other.code}" if other else "")
    output = request.GET.get("format", "")
    if output in ("csv", "pdf"):
        audit.record(request.user, "export", None, laporan="indikator", periode=period.code, format=output)
    if output == "csv":
        response = HttpResponse(exports.indicators_csv(period, report, other, compare), content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        return response
    if output == "pdf":
        content = exports.indicators_pdf(period, report, other, compare, scope)
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{stem}.pdf"'
        return response

    def table(row, before=None):
        values = row.values()
        then = before.values() if before else [(None, "")] * len(values)
        cells = []
        for (value, why), (old, _), spec in zip(values, then, INDICATORS, strict=True):
            unit = spec[4]
            delta = None if value is None or old is None else round(value - old, 1)
            cells.append(
                {
                    "value": indicators.format_value(value, unit),
                    "why": why if value is None else "",
                    "old": indicators.format_value(old, unit) if before else "",
                    "delta": delta,
                }
            )
        return cells

    others = {}
    if compare:
        others = {("desa", r.desa.pk): r for r in compare["desa"]}
        others |= {("kecamatan", r.kecamatan): r for r in compare["kecamatan"]}
    context = {
        "period": period,
        "other": other,
        "choices": period.choices(8),
        "kecamatan": kecamatan,
        "names": names,
        "scope": scope,
        "indicators": INDICATORS,
        "computed_at": report["computed_at"],
        "total": table(report["kabupaten"], compare["kabupaten"] if compare else None),
        "kecamatan_rows": [(r, table(r, others.get(("kecamatan", r.kecamatan)))) for r in report["kecamatan"]],
        "desa_rows": [(r, table(r, others.get(("desa", r.desa.pk)))) for r in report["desa"]],
        "query": request.GET.urlencode(),
    }
    return render(request, "console/indicators.html", context)
