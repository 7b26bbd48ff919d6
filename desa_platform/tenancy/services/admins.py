"""The first administrator of a new desa: a one-time set-password link, shown once and sent by email.

No password is ever chosen, shown or stored by Diskominfo: the admin sets it through the link
(Django's password-reset token, which stops working once the password is set).
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from desa_platform.outbox import enqueue_mail

from ..models import AuditLog, Desa
from . import audit
from .errors import ServiceError
from .provisioning import ensure_first_admin, site_root_url


def invite_first_admin(desa: Desa, username: str = "admin", email: str = "", full_name: str = "", actor=None):
    """Create (or find) the first admin; returns (user, link, emailed). link is None once the admin has logged in."""
    user, link = ensure_first_admin(desa, username=username or "admin", email=email, full_name=full_name)
    if link is None:
        raise ServiceError(f"Admin '{user.username}' sudah memasang kata sandi dan pernah masuk.")
    emailed = False
    address = email or user.email
    if address:
        enqueue_mail(
            [address],
            f"Akun admin situs {desa.display_name}",
            (
                f"Halo {full_name or user.username},\n\n"
                f"Anda ditunjuk sebagai admin situs {desa.display_name}. Nama pengguna Anda: {user.username}.\n"
                f"Pasang kata sandi Anda sendiri lewat tautan sekali pakai ini:\n\n{link}\n\n"
                "Tautan ini tidak berlaku lagi setelah kata sandi dipasang.\n\nDiskominfo"
            ),
            tenant_schema=desa.schema_name,
            kind="admin-link",
        )
        emailed = True
    audit.record(actor, AuditLog.Action.ADMIN_LINK, desa, pengguna=user.username, dikirim_ke=address if emailed else "")
    return user, link, emailed


@dataclass(frozen=True)
class SheetRow:
    nama: str
    jenis: str
    kecamatan: str
    situs: str
    username: str
    tautan: str  # the one-time set-password link; "" when mailed or already used
    keterangan: str


SHEET_COLUMNS = ["nama", "jenis", "kecamatan", "situs", "nama pengguna", "tautan sekali pakai", "keterangan"]


def admin_link_sheet(desas, actor=None) -> tuple[list[SheetRow], datetime.datetime]:
    """One row per office for the training day: its first admin's one-time set-password link, made now (so the
    sheet holds no link older than its expiry; nothing is stored), or why there is none. Returns the rows and
    when the links stop working. An admin with an email address got its link by mail and gets none here."""
    expires = timezone.now() + datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT)
    rows = []
    for desa in desas:
        user, link = ensure_first_admin(desa)
        if link is None:
            tautan, keterangan = "", "admin sudah memasang kata sandi"
        elif user.email:
            tautan, keterangan = "", f"tautan dikirim lewat surel ke {user.email}"
        else:
            tautan, keterangan = link, f"berlaku sampai {timezone.localtime(expires):%d-%m-%Y %H:%M}"
        rows.append(
            SheetRow(
                nama=desa.display_name,
                jenis=desa.get_kind_display(),
                kecamatan=desa.kecamatan,
                situs=site_root_url(desa) + "/",
                username=user.username,
                tautan=tautan,
                keterangan=keterangan,
            )
        )
    audit.record(actor, "admin-sheet", None, jumlah=len(rows), dengan_tautan=sum(1 for r in rows if r.tautan))
    return rows, expires


def sheet_csv(rows: list[SheetRow]) -> str:
    """The sheet as CSV (UTF-8 with BOM so spreadsheet programs read the Indonesian text right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(SHEET_COLUMNS)
    for row in rows:
        writer.writerow([row.nama, row.jenis, row.kecamatan, row.situs, row.username, row.tautan, row.keterangan])
    return "\ufeff" + out.getvalue()


def _latin1(text: str) -> str:
    """The PDF's built-in font has Latin-1 only: dashes and quotes to their plain forms, anything else to '?'."""
    text = str(text).translate(str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "’": "'", "…": "..."}))
    return text.encode("latin-1", "replace").decode("latin-1")


def sheet_pdf(rows: list[SheetRow], expires: datetime.datetime) -> bytes:
    """The sheet as a PDF to print for the training day: one row per office (kind, name, site, user name, its
    link or why there is none), the links' expiry once in the heading (they share it), A4 landscape."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    until = f"{timezone.localtime(expires):%d-%m-%Y %H:%M}"
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_margins(10, 10, 10)
    pdf.set_auto_page_break(True, margin=12)
    pdf.set_title("Lembar tautan admin pertama")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, _latin1(f"Lembar tautan admin pertama - {len(rows)} situs"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 8.5)
    note = (
        f"Setiap tautan berlaku sekali, sampai {until}, dan membuka akun admin situsnya: serahkan langsung kepada "
        "admin yang bersangkutan, jangan disebar. Admin membuka tautan, memasang kata sandinya sendiri, lalu masuk "
        "dengan nama pengguna di lembar ini."
    )
    pdf.multi_cell(0, 4.5, _latin1(note), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", 7)
    heading = FontFace(emphasis="BOLD", fill_color=(238, 242, 246))
    widths = (8, 18, 50, 24, 50, 17, 110)
    with pdf.table(col_widths=widths, headings_style=heading, line_height=3.6, first_row_as_headings=True) as table:
        header = table.row()
        for title in ("No", "Jenis", "Nama", "Kecamatan", "Situs", "Pengguna", "Tautan sekali pakai"):
            header.cell(title)
        for number, row in enumerate(rows, 1):
            line = table.row()
            for text in (str(number), row.jenis, row.nama, row.kecamatan, row.situs, row.username):
                line.cell(_latin1(text))
            if row.tautan:
                line.cell(_latin1(row.tautan), link=row.tautan)
            else:
                line.cell(_latin1(f"({row.keterangan})"))
    return bytes(pdf.output())
