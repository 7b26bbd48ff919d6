"""Mail leaves through an outbox: a request only stores the message (in its own transaction), and
`manage.py desa outbox-send` delivers it after commit, with a timeout, retries and a visible failed state.

No request waits on a mail server: five contact-form posts to a stalled SMTP server once held every gunicorn
worker and took every desa down.
"""


def enqueue_mail(to, subject, body, *, from_email=None, html=None, tenant_schema=None, kind=""):
    """Store one message to be sent after the caller's transaction commits; returns the OutboxMessage."""
    from .queue import enqueue_mail as enqueue

    return enqueue(to, subject, body, from_email=from_email, html=html, tenant_schema=tenant_schema, kind=kind)
