"""Putting mail into the outbox. The row is written in the caller's transaction: a message for a contact
post that rolls back never leaves, and the sender (another process) sees it only once it is committed."""

import base64
import threading
from email.utils import formataddr

from django.conf import settings
from django.db import close_old_connections, connection, transaction

from desa_platform.tenancy.current import current_desa

from .models import OutboxMessage

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


def _addresses(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(address) for address in value]


def _current_schema() -> str:
    schema = getattr(connection, "schema_name", "public")
    return "" if schema == "public" else schema


def desa_sender() -> str:
    """Who mail sent while serving a desa comes from: "Desa Socorejo <noreply@socorejo.desa.id>" (a clerk trusts
    it; "webmaster@localhost" looks like spam), or "" on the platform's own schema."""
    desa = current_desa()
    if desa is None or not desa.domain:
        return ""
    return formataddr((desa.display_name, f"noreply@{desa.domain}"))


def _sender(from_email) -> str:
    """The From to store, decided now while the caller is still in its desa. Wagtail's workflow and comment
    mail and Django's password reset name no sender of their own (Django fills in DEFAULT_FROM_EMAIL): a desa's
    mail then comes from the desa. `str()` also freezes a lazy value here, never where the row is read."""
    sender = str(from_email or "")
    if not sender or sender == settings.DEFAULT_FROM_EMAIL:
        return desa_sender() or sender
    return sender


def enqueue_mail(to, subject, body, *, from_email=None, html=None, tenant_schema=None, kind="", **fields):
    recipients = _addresses(to)
    if not recipients and not fields.get("cc") and not fields.get("bcc"):
        raise ValueError("Surel tanpa penerima.")
    message = OutboxMessage.objects.create(
        to=recipients,
        subject=subject,
        body=body,
        html=html or "",
        from_email=_sender(from_email),
        tenant_schema=_current_schema() if tenant_schema is None else tenant_schema,
        kind=kind[:40],
        **fields,
    )
    if settings.OUTBOX_SEND_AFTER_COMMIT:
        # Development only: the person running `up` sees the mail in the terminal without a sender running.
        transaction.on_commit(_send_in_background)
    return message


def enqueue_message(email) -> OutboxMessage:
    """A Django EmailMessage (Wagtail's workflow mail, password reset…) into the outbox."""
    html = ""
    for alternative in getattr(email, "alternatives", []) or []:
        content, mimetype = alternative[0], alternative[1]
        if mimetype == "text/html":
            html = content
    attachments, total = [], 0
    for attachment in email.attachments:
        if not isinstance(attachment, tuple):
            raise ValueError("Lampiran MIME mentah tidak didukung oleh antrean surel.")
        filename, content, mimetype = attachment[0], attachment[1], attachment[2]
        raw = content.encode() if isinstance(content, str) else bytes(content)
        total += len(raw)
        if total > MAX_ATTACHMENT_BYTES:
            raise ValueError("Lampiran surel terlalu besar.")
        attachments.append(
            {"filename": filename, "mimetype": mimetype or "", "content_b64": base64.b64encode(raw).decode()}
        )
    return enqueue_mail(
        email.to,
        email.subject,
        email.body,
        from_email=email.from_email,
        html=html,
        kind="django",
        cc=_addresses(email.cc),
        bcc=_addresses(email.bcc),
        reply_to=_addresses(email.reply_to),
        headers={str(key): str(value) for key, value in (email.extra_headers or {}).items()},
        attachments=attachments,
    )


def _send_in_background():
    def run():
        from .sender import send_due

        try:
            send_due(limit=20)
        finally:
            close_old_connections()
            connection.close()

    threading.Thread(target=run, daemon=True, name="outbox-dev").start()
