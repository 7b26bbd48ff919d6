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
