"""Files the console hands out: the desa list as CSV and XLSX, the indicator report as CSV and PDF."""

import csv
import io

from django.utils import timezone

from . import tenant_list
from .indicators import INDICATORS, Period, format_value


def list_csv(rows) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # so spreadsheet programs read UTF-8
    writer = csv.writer(out)
    writer.writerow(tenant_list.COLUMNS)
    for row in rows:
        writer.writerow(tenant_list.export_values(row))
    return out.getvalue().encode("utf-8")


def list_xlsx(rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.active
    sheet.title = "Daftar desa"
    sheet.append(tenant_list.COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # A cell starting with = would be a formula in a spreadsheet: names come from people, so never that.
        sheet.append([f"'{v}" if isinstance(v, str) and v[:1] in "=+-@" else v for v in tenant_list.export_values(row)])
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _indicator_rows(report: dict, compare: dict | None):
    """(level, name, kecamatan, [values of this period], [values of the other]) for every row of the report."""

    def values(row):
        return [value for value, _ in row.values()]

    others = {}
    if compare is not None:
        others = {("desa", r.desa.pk): values(r) for r in compare["desa"]}
        others |= {("kecamatan", r.kecamatan): values(r) for r in compare["kecamatan"]}
        others[("kabupaten", "")] = values(compare["kabupaten"])
    yield "kabupaten", report["kabupaten"].label, "", values(report["kabupaten"]), others.get(("kabupaten", ""))
    for row in report["kecamatan"]:
        yield "kecamatan", row.label, row.kecamatan, values(row), others.get(("kecamatan", row.kecamatan))
    for row in report["desa"]:
        yield "desa", row.label, row.kecamatan, values(row), others.get(("desa", row.desa.pk))


def indicators_csv(period: Period, report: dict, other: Period | None, compare: dict | None) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    header = ["tingkat", "nama", "kecamatan"]
    for code, *_ in INDICATORS:
        header.append(f"{code} {period.code}")
        if other:
            header += [f"{code} {other.code}", f"{code} selisih"]
    writer.writerow(header)
    for level, name, kecamatan, now, before in _indicator_rows(report, compare):
        line = [level, name, kecamatan]
        for index, value in enumerate(now):
            line.append("" if value is None else value)
            if other:
                then = before[index] if before else None
                line += ["" if then is None else then, "" if None in (value, then) else round(value - then, 1)]
        writer.writerow(line)
    return out.getvalue().encode("utf-8")


def latin1(text: str) -> str:
    """The PDF's built-in font has Latin-1 only: dashes and quotes to their plain forms, anything else to '?'."""
    text = str(text).translate(str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "’": "'", "…": "..."}))
    return text.encode("latin-1", "replace").decode("latin-1")


def indicators_pdf(period: Period, report: dict, other: Period | None, compare: dict | None, scope: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_title(latin1(f"Indikator Smart City {period.label}"))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, latin1(f"Laporan Evaluasi Indikator Smart City - {period.label}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 9)
    made = timezone.localtime(report["computed_at"]).strftime("%d-%m-%Y %H.%M")
    line = f"{scope}. Dihitung dari data platform Desa Digital pada {made}."
    if other:
        line += f" Dibandingkan dengan {other.label}."
    pdf.multi_cell(0, 5, latin1(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    pdf.set_font("Helvetica", "B", 10)
    pdf.cell(0, 6, "Definisi dan sumber", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8)
    for number, (_, name, definition, source, unit, _, why) in enumerate(INDICATORS, 1):
        text = f"{number}. {name} ({unit}): {definition} Sumber: {source}"
        if why:
            text += f" Tanpa data: {why}."
        pdf.multi_cell(0, 4, latin1(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)

    widths = [62] + [26] * len(INDICATORS)
    pdf.set_font("Helvetica", "B", 7)
    pdf.set_fill_color(238, 242, 246)
    pdf.cell(widths[0], 6, "Wilayah / desa", border=1, fill=True)
    for number, spec in enumerate(INDICATORS, 1):
        unit = {"per bulan per situs": "/bulan", "set data": "set"}.get(spec[4], spec[4])
        pdf.cell(26, 6, latin1(f"Indikator {number} ({unit})"), border=1, fill=True, align="C")
    pdf.ln()
    for level, name, _, now, before in _indicator_rows(report, compare):
        pdf.set_font("Helvetica", "B" if level != "desa" else "", 7)
        pdf.cell(widths[0], 5, latin1(name[:42]), border=1)
        for index, value in enumerate(now):
            unit = INDICATORS[index][4]
            text = format_value(value, unit if unit in ("%",) else "")
            if other and before is not None:
                then = before[index]
                text += f" ({format_value(then, unit if unit == '%' else '').strip()})"
            pdf.cell(26, 5, latin1(text.strip()), border=1, align="R")
        pdf.ln()
    if other:
        pdf.set_font("Helvetica", "", 7)
        pdf.cell(0, 5, latin1(f"Angka dalam kurung: {other.label}."), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
