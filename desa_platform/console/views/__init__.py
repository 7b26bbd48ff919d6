"""The Diskominfo console's screens, one module per concern; every action calls one tenancy service and
nothing here writes SQL. urls.py and urls_tenants.py name the views through this package."""

from .backups import audit_log, backup_download, backups, versions
from .bulk import bulk_csv, bulk_job, bulk_job_sheet, bulk_region
from .desa import (
    backup_now,
    create,
    delete,
    detail,
    domain_action,
    restore_into,
    resume,
    suspend,
    theme,
)
from .listing import export_csv, index, not_found
from .sign_in import SetPasswordView, login_view, logout_view, otp_enrol, otp_verify
from .staff import staff_active, staff_list
from .support import enter as support_enter
from .support import support_close, support_open

__all__ = [
    "SetPasswordView",
    "audit_log",
    "backup_download",
    "backup_now",
    "backups",
    "bulk_csv",
    "bulk_job",
    "bulk_job_sheet",
    "bulk_region",
    "create",
    "delete",
    "detail",
    "domain_action",
    "export_csv",
    "index",
    "login_view",
    "logout_view",
    "not_found",
    "otp_enrol",
    "otp_verify",
    "restore_into",
    "resume",
    "staff_active",
    "staff_list",
    "support_close",
    "support_enter",
    "support_open",
    "suspend",
    "theme",
    "versions",
]
