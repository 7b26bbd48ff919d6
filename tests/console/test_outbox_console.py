"""The console's outbox page: Diskominfo sees what waits and what failed (addresses masked) and sends failed mail
again; the retry is audited and touches only failed mail."""

import pytest
from django.test import Client

from desa_platform.outbox.models import OutboxMessage
from desa_platform.outbox.queue import enqueue_mail
from desa_platform.tenancy.models import AuditLog

pytestmark = pytest.mark.django_db


def failed(to: str, subject: str, schema: str = "uji_a") -> OutboxMessage:
    message = enqueue_mail(to, subject, "Isi", kind="uji")
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.FAILED, attempts=8, last_error="550 mailbox unavailable", tenant_schema=schema
    )
    return message


def test_failed_mail_is_listed_with_its_desa_and_error_but_no_whole_address(console, desa_a):
    failed("siti.aminah@gmail.com", "Permohonan SKTM diterima", desa_a.schema_name)
    page = console.get("/console/surel/").content.decode()
    assert "Permohonan SKTM diterima" in page and "550 mailbox unavailable" in page
    assert desa_a.name in page
    assert "s•••@gmail.com" in page and "siti.aminah" not in page


def test_retry_sends_failed_mail_again_and_is_audited(console):
    one, two = failed("a@desa.test", "Satu"), failed("b@desa.test", "Dua")
    sent = enqueue_mail("c@desa.test", "Tiga", "Isi", kind="uji")
    OutboxMessage.objects.filter(pk=sent.pk).update(status=OutboxMessage.Status.SENT)
    console.post("/console/surel/kirim-ulang/", {"id": [str(one.pk)]})
    assert OutboxMessage.objects.get(pk=one.pk).status == OutboxMessage.Status.PENDING
    assert OutboxMessage.objects.get(pk=two.pk).status == OutboxMessage.Status.FAILED
    console.post("/console/surel/kirim-ulang/")
    assert OutboxMessage.objects.get(pk=two.pk).status == OutboxMessage.Status.PENDING
    assert OutboxMessage.objects.get(pk=sent.pk).status == OutboxMessage.Status.SENT  # sent mail is never resent
    assert AuditLog.objects.filter(action=AuditLog.Action.OUTBOX_RETRY).count() == 2


def test_the_outbox_page_is_for_console_staff_only(desa_a):
    failed("warga@desa.test", "Rahasia")
    assert "Rahasia" not in Client().get("/console/surel/", follow=True).content.decode()
    assert Client().post("/console/surel/kirim-ulang/").status_code in (302, 403)
    assert OutboxMessage.objects.get(subject="Rahasia").status == OutboxMessage.Status.FAILED
    # a desa's domain has no console at all
    assert Client(HTTP_HOST="uji-a.test").get("/console/surel/").status_code == 404


def test_retry_with_ids_that_are_not_ours_touches_nothing(console):
    one = failed("a@desa.test", "Satu")
    for junk in (["abc", "-1", "1; DROP TABLE x", "\x00"], ["9" * 40]):
        response = console.post("/console/surel/kirim-ulang/", {"id": junk})
        assert response.status_code in (302, 400)
    # Ids that are no number are dropped before the query; a request naming none of ours retries none of ours
    # (an empty choice means "all failed", so junk alone must not widen to that).
    assert OutboxMessage.objects.get(pk=one.pk).status == OutboxMessage.Status.FAILED
