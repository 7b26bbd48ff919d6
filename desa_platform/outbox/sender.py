"""Delivering the outbox: `manage.py desa outbox-send` (a systemd timer, or `--loop` as a worker).

Exactly once across processes: each message is taken with SELECT … FOR UPDATE SKIP LOCKED and kept locked
while it is handed to the mail server, then marked sent in the same transaction; a second sender skips it.
A sender that dies mid-send leaves it pending (at least once); the Message-ID is fixed per message, so a mail
server or reader can recognise the rare repeat.
"""

import base64
import datetime
import logging
import smtplib
import socket
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.utils import timezone

from .models import OutboxMessage

log = logging.getLogger(__name__)

# Answers about this one message; the server itself is fine.
MESSAGE_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def is_permanent(error: Exception) -> bool:
    """A refusal that will not change by waiting (5xx, bad data): give up at once and show it."""
    if isinstance(error, (ValueError, UnicodeError, ImproperlyConfigured)):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def is_connection_error(error: Exception) -> bool:
    """The server is unreachable, stalled or hung up: stop this run rather than wait the timeout per message.
    (smtplib's errors are OSErrors too; those about one message are not.)"""
    return isinstance(error, (OSError, socket.timeout)) and not isinstance(error, MESSAGE_ERRORS)


@dataclass
class SendReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4 … minutes after each failed attempt, at most an hour."""
    return datetime.timedelta(seconds=min(60 * 2 ** max(attempts - 1, 0), 3600))


def _mail_connection():
    backend = settings.OUTBOX_DELIVERY_BACKEND
    if backend == "desa_platform.outbox.backend.OutboxEmailBackend":
        raise ImproperlyConfigured("OUTBOX_DELIVERY_BACKEND must be a real mail backend, not the outbox.")
    return get_connection(backend, timeout=settings.EMAIL_TIMEOUT)


def _email(message: OutboxMessage) -> EmailMultiAlternatives:
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "localhost"
    headers = {**message.headers, "Message-ID": f"<outbox-{message.pk}@{domain}>"}
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body,
        from_email=message.from_email or None,
        to=message.to,
        cc=message.cc,
        bcc=message.bcc,
        reply_to=message.reply_to,
        headers=headers,
    )
    if message.html:
        email.attach_alternative(message.html, "text/html")
    for item in message.attachments:
        email.attach(item["filename"], base64.b64decode(item["content_b64"]), item["mimetype"] or None)
    return email


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:1000]


def send_due(limit: int = 200) -> SendReport:
    """Send what is due, one locked row at a time; returns what happened."""
    db_connection.set_schema_to_public()
    report = SendReport()
    mail = None
    try:
        for _ in range(limit):
            with transaction.atomic():
                message = (
                    OutboxMessage.objects.select_for_update(skip_locked=True)
                    .filter(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=timezone.now())
                    .order_by("next_attempt_at", "id")
                    .first()
                )
                if message is None:
                    break
                message.attempts += 1
                try:
                    if mail is None:
                        mail = _mail_connection()
                        mail.open()
                    if mail.send_messages([_email(message)]) != 1:
                        raise smtplib.SMTPException("server menolak pesan")
                except Exception as error:  # noqa: BLE001 - every failure is recorded on the message
                    message.last_error = _describe(error)
                    gave_up = is_permanent(error) or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
                    if gave_up:
                        message.status = OutboxMessage.Status.FAILED
                        report.failed += 1
                        log.error("outbox: message %s failed for good: %s", message.pk, message.last_error)
                    else:
                        message.next_attempt_at = timezone.now() + backoff(message.attempts)
                        report.retried += 1
                    message.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
                    if is_connection_error(error):
                        mail = None
                        break
                else:
                    message.status = OutboxMessage.Status.SENT
                    message.sent_at = timezone.now()
                    message.last_error = ""
                    message.save(update_fields=["attempts", "last_error", "status", "sent_at"])
                    report.sent += 1
    finally:
        if mail is not None:
            try:
                mail.close()
            except Exception:  # noqa: BLE001 - closing a broken connection must not hide the report
                pass
    return report


def purge_sent(days: int | None = None) -> int:
    """Sent mail holds residents' messages and one-time links: keep it only as long as it helps answer
    'was it sent?'."""
    days = settings.OUTBOX_KEEP_SENT_DAYS if days is None else days
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT, sent_at__lt=cutoff).delete()
    return deleted


def retry(message_ids) -> int:
    """A failed message sent again on the next run (console and CLI)."""
    return OutboxMessage.objects.filter(pk__in=message_ids, status=OutboxMessage.Status.FAILED).update(
        status=OutboxMessage.Status.PENDING, attempts=0, next_attempt_at=timezone.now()
    )


def run_loop(poll_seconds: float, stop_after: float | None = None, on_report=None) -> None:
    """The worker: send, sleep, repeat (systemd restarts it; the timer covers the gaps)."""
    started = time.monotonic()
    while stop_after is None or time.monotonic() - started < stop_after:
        report = send_due()
        if on_report and (report.sent or report.retried or report.failed):
            on_report(report)
        db_connection.close()  # no idle connection held between polls
        time.sleep(poll_seconds)
