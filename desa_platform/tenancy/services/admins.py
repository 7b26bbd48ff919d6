"""The first administrator of a new desa: a one-time set-password link, shown once and sent by email.

No password is ever chosen, shown or stored by Diskominfo: the admin sets it through the link
(Django's password-reset token, which stops working once the password is set).
"""

from desa_platform.outbox import enqueue_mail

from ..models import Desa
from . import audit
from .provisioning import ProvisioningError, ensure_first_admin


def invite_first_admin(desa: Desa, username: str = "admin", email: str = "", full_name: str = "", actor=None):
    """Create (or find) the first admin; returns (user, link, emailed). link is None once the admin has logged in."""
    user, link = ensure_first_admin(desa, username=username or "admin", email=email, full_name=full_name)
    if link is None:
        raise ProvisioningError(f"Admin '{user.username}' sudah memasang kata sandi dan pernah masuk.")
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
    audit.record(actor, "admin-link", desa, pengguna=user.username, dikirim_ke=address if emailed else "")
    return user, link, emailed
