"""Hole 2: a stalled mail server took every desa down. Mail now goes through the outbox, sent after commit."""

import datetime
import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tenants.utils import schema_context

from desa_platform.outbox import enqueue_mail, sender
from desa_platform.outbox.models import OutboxMessage
from sites.kontak.models import KontakPage

from . import mail_backends
from .fake_servers import StalledSMTPServer

MESSAGE = {
    "nama": "Siti Aminah",
    "email": "siti@contoh.id",
    "telepon": "0812 3456 7890",
    "jenis": "pengaduan",
    "pesan": "Lampu jalan di depan musala RT 02 mati sejak seminggu yang lalu.",
}


@pytest.fixture
def stalled_smtp():
    server = StalledSMTPServer()
    yield server
    server.close()


def smtp_to(server):
    return override_settings(
        EMAIL_BACKEND="desa_platform.outbox.backend.OutboxEmailBackend",
        OUTBOX_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=server.port,
        EMAIL_TIMEOUT=1,
    )


@pytest.mark.django_db
def test_a_contact_post_never_talks_to_the_mail_server(client_a, stalled_smtp):
    with client_a.schema():
        page = KontakPage.objects.get()
        page.email_pemberitahuan = "sekdes@uji-a.test"
        page.save()
    with smtp_to(stalled_smtp):
        response = client_a.post("/kontak/", MESSAGE, REMOTE_ADDR="36.72.1.7")
        assert response.status_code == 302  # the resident sees "terkirim" at once
        assert stalled_smtp.connections == []  # the request did not even connect
        queued = OutboxMessage.objects.get(kind="kontak")
        assert queued.to == ["sekdes@uji-a.test"] and queued.tenant_schema == client_a.desa.schema_name
        assert queued.status == OutboxMessage.Status.PENDING

        report = sender.send_due()  # the sender meets the stalled server: one timeout, then it stops
    assert len(stalled_smtp.connections) == 1
    queued.refresh_from_db()
    assert report.retried == 1 and queued.status == OutboxMessage.Status.PENDING and queued.attempts == 1
    assert "timed out" in queued.last_error or "Timeout" in queued.last_error
    assert queued.next_attempt_at > timezone.now()  # backoff: not hammered again at once


@pytest.mark.django_db
def test_password_reset_mail_of_a_desa_admin_goes_through_the_outbox(client_a, stalled_smtp):
    from django.contrib.auth import get_user_model

    with client_a.schema():
        get_user_model().objects.create_user("kades", "kades@uji-a.test", "Rahasia-12345")
    with smtp_to(stalled_smtp):
        response = client_a.post("/admin/password_reset/", {"email": "kades@uji-a.test"})
    assert response.status_code == 302 and stalled_smtp.connections == []
    queued = OutboxMessage.objects.get(to=["kades@uji-a.test"])
    assert "/admin/password_reset/confirm/" in queued.body


@pytest.mark.django_db
def test_retries_back_off_then_fail_visibly_and_can_be_sent_again(settings):
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1  # port 9: refused
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = enqueue_mail("sekdes@uji-a.test", "Pesan baru", "Isi")
    waits = []
    for _ in range(3):
        OutboxMessage.objects.filter(pk=message.pk).update(next_attempt_at=timezone.now())
        before = timezone.now()
        sender.send_due()
        message.refresh_from_db()
        waits.append(message.next_attempt_at - before)
    assert message.status == OutboxMessage.Status.FAILED and message.attempts == 3
    assert waits[1] > waits[0] + datetime.timedelta(seconds=30)  # 1 min, then 2 min
    out = io.StringIO()
    call_command("desa", "outbox", stdout=out)
    assert "Gagal" in out.getvalue() and "sekdes@uji-a.test" in out.getvalue()

    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("desa", "outbox", "--retry", str(message.pk), stdout=io.StringIO())
    sender.send_due()
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT and mail.outbox[0].to == ["sekdes@uji-a.test"]


@pytest.mark.django_db
def test_a_message_of_a_rolled_back_transaction_never_leaves():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_mail("sekdes@uji-a.test", "Tidak jadi", "Isi")
        raise RuntimeError
    assert sender.send_due().sent == 0 and mail.outbox == []


@pytest.mark.django_db
def test_a_mail_server_refusal_is_failed_at_once(settings):
    import smtplib

    class Refusing:
        def __init__(self, **kwargs):
            pass

        def open(self):
            pass

        def close(self):
            pass

        def send_messages(self, messages):
            raise smtplib.SMTPRecipientsRefused({"x@uji-a.test": (550, b"no such user")})

    settings.OUTBOX_DELIVERY_BACKEND = f"{__name__}.Refusing"
    globals()["Refusing"] = Refusing
    message = enqueue_mail("x@uji-a.test", "Judul", "Isi")
    assert sender.send_due().failed == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED and "no such user" in message.last_error


def test_two_senders_at_once_send_each_message_exactly_once(django_db_setup, django_db_blocker, settings):
    settings.OUTBOX_DELIVERY_BACKEND = "tests.security.mail_backends.SlowRecordingBackend"
    mail_backends.delivered.clear()
    with django_db_blocker.unblock():
        with schema_context("public"):
            ids = [enqueue_mail(f"warga{i}@uji-a.test", f"Pesan {i}", "Isi", kind="uji-sekali").pk for i in range(30)]
        reports = []

        def run():
            try:
                reports.append(sender.send_due())
            finally:
                connection.close()

        try:
            threads = [threading.Thread(target=run) for _ in range(3)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert sorted(mail_backends.delivered) == sorted(f"<outbox-{pk}@localhost>" for pk in ids)
            assert sum(report.sent for report in reports) == 30
            assert max(report.sent for report in reports) < 30  # they really shared the work
            assert OutboxMessage.objects.filter(pk__in=ids, status="sent").count() == 30
        finally:
            OutboxMessage.objects.filter(kind="uji-sekali").delete()


@pytest.mark.django_db
def test_mail_a_desa_sends_comes_from_the_desa_unless_it_names_its_own_sender(client_a, client_b, settings):
    settings.DEFAULT_FROM_EMAIL = "Desa Digital <noreply@kominfo.test>"
    with client_a.schema():
        unnamed = enqueue_mail("sekdes@uji-a.test", "Pesan baru", "Isi")
        default = enqueue_mail("sekdes@uji-a.test", "Pesan baru", "Isi", from_email=settings.DEFAULT_FROM_EMAIL)
        named = enqueue_mail("sekdes@uji-a.test", "Surat", "Isi", from_email="Sekdes <sekdes@uji-a.test>")
    with client_b.schema():
        of_b = enqueue_mail("sekdes@uji-b.test", "Pesan baru", "Isi")
    platform = enqueue_mail("staf@kominfo.test", "Ringkasan", "Isi")  # the platform's own schema
    assert unnamed.from_email == default.from_email == "Desa Uji A <noreply@uji-a.test>"
    assert named.from_email == "Sekdes <sekdes@uji-a.test>"
    assert of_b.from_email == "Desa Uji B <noreply@uji-b.test>"
    sender.send_due()
    assert [message.from_email for message in mail.outbox if message.to == ["staf@kominfo.test"]] == [
        "Desa Digital <noreply@kominfo.test>"
    ]
    assert platform.from_email == ""
