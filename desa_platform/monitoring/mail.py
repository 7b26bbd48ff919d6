"""Mail from the monitoring app goes through the outbox (sent after the transaction, by its own timer)."""


def enqueue(to, subject: str, body: str, *, kind: str, tenant_schema: str | None = None) -> None:
    if not to:
        return
    from desa_platform.outbox import enqueue_mail

    enqueue_mail(to, subject, body, kind=kind, tenant_schema=tenant_schema)
