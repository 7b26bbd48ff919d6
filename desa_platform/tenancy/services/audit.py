"""Who did what to which desa, and when: every console action, CLI operation and support access."""

import getpass

from ..models import AuditLog
from ..schemas import public_schema


def cli_actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except Exception:  # no login name in some containers
        return "cli"


def record(actor, action: AuditLog.Action | str, desa=None, **detail) -> AuditLog:
    """Log one operation (`AuditLog.Action`); `actor` is a staff user, a username, or None for the command line."""
    if actor is None:
        name = cli_actor()
    else:
        name = getattr(actor, "username", None) or str(actor)
    slug = getattr(desa, "slug", desa) or ""
    with public_schema():
        return AuditLog.objects.create(actor=name, action=action, desa_slug=slug, detail=detail)


def recent(desa_slug: str = "", actor: str = "", action: str = ""):
    entries = AuditLog.objects.all()
    if desa_slug:
        entries = entries.filter(desa_slug=desa_slug)
    if actor:
        entries = entries.filter(actor__icontains=actor)
    if action:
        entries = entries.filter(action=action)
    return entries
