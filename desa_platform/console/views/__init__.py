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
from .guidance import digest, guidance_detail, guidance_list, timeline
from .judol import act as judol_act
from .judol import findings as judol_findings
from .judol import scan_one as judol_scan_one
from .listing import export_csv, export_xlsx, index, not_found, refresh
from .operators import operator_list, operator_revoke
from .outbox import outbox_list, outbox_retry
from .reports import indicator_report
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
    "digest",
    "export_csv",
    "export_xlsx",
    "guidance_detail",
    "guidance_list",
    "indicator_report",
    "judol_act",
    "judol_findings",
    "judol_scan_one",
    "index",
    "login_view",
    "logout_view",
    "not_found",
    "operator_list",
    "operator_revoke",
    "otp_enrol",
    "otp_verify",
    "outbox_list",
    "outbox_retry",
    "refresh",
    "restore_into",
    "resume",
    "staff_active",
    "staff_list",
    "support_close",
    "support_enter",
    "support_open",
    "suspend",
    "theme",
    "timeline",
    "versions",
]
