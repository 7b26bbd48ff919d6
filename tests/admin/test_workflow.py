"""Operator submits → Kepala Desa approves (or rejects with a comment) → the change is live; mails point home,
come from the desa itself and speak Indonesian."""

from datetime import timedelta
from html import escape

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.admin.mail import send_notification
from wagtail.models import Page, Revision

from desa_platform.outbox import sender

from .english import english_on
from .helpers import KEPALA_DESA, OPERATOR, as_request_in, login, make_user

pytestmark = pytest.mark.django_db

FROM_A = "Desa Uji A <noreply@uji-a.test>"
FROM_B = "Desa Uji B <noreply@uji-b.test>"


@pytest.fixture(autouse=True)
def through_the_outbox(settings):
    """Mail takes the product's path: Django's test runner swaps EMAIL_BACKEND for its locmem box, which keeps
    the message object and lets a test read it only after the request left its desa."""
    settings.EMAIL_BACKEND = "desa_platform.outbox.backend.OutboxEmailBackend"
    mail.outbox.clear()


def delivered(to: str) -> list:
    """What the outbox sender hands the mail server for `to` (django.core.mail.outbox in tests)."""
    sender.send_due()
    return [message for message in mail.outbox if message.to == [to]]


def english_in(message) -> list[str]:
    lines = [message.subject, *message.body.splitlines()]
    return english_on("".join(f"<p>{escape(line)}</p>" for line in lines))


@pytest.fixture
def people(client_a):
    operator = make_user(client_a, "operator", OPERATOR, email="operator@uji-a.test")
    kepala = make_user(client_a, "kades", KEPALA_DESA, email="kades@uji-a.test")
    return operator, kepala


def submit_new_title(desa, operator, title: str):
    """What 'Kirim untuk persetujuan' on the edit screen does: save a revision and start the workflow."""
    with as_request_in(desa):
        home = Page.objects.get(depth=2).specific
        home.title = title
        home.save_revision(user=operator)
        workflow_state = home.get_workflow().start(home, operator)
        return home.pk, workflow_state.current_task_state.pk


def live_title(client, page_id: int) -> str:
    with client.schema():
        return Page.objects.get(pk=page_id).title


def test_operator_submits_and_kepala_desa_approval_publishes(client_a, desa_a, people):
    operator, _kepala = people
    with client_a.schema():
        old_title = Page.objects.get(depth=2).title
    page_id, task_state_id = submit_new_title(desa_a, operator, "Beranda Desa Uji A")
    assert live_title(client_a, page_id) == old_title  # nothing public before the approval

    login(client_a, "kades", KEPALA_DESA)
    response = client_a.post(
        f"/admin/pages/workflow/action/{page_id}/approve/{task_state_id}/", {"comment": "Sudah benar, terbitkan."}
    )
    assert response.status_code == 302
    assert live_title(client_a, page_id) == "Beranda Desa Uji A"
    to_operator = delivered("operator@uji-a.test")
    assert len(to_operator) == 1
    assert to_operator[0].from_email == FROM_A
    assert to_operator[0].subject.startswith('Halaman "Beranda Desa Uji A" telah disetujui')
    assert "http://uji-a.test/" in to_operator[0].body
    assert english_in(to_operator[0]) == []


def test_operator_cannot_approve_own_submission(client_a, desa_a, people):
    operator, _kepala = people
    with client_a.schema():
        old_title = Page.objects.get(depth=2).title
    page_id, task_state_id = submit_new_title(desa_a, operator, "Judul yang belum disetujui")
    login(client_a, "operator", OPERATOR)
    response = client_a.post(f"/admin/pages/workflow/action/{page_id}/approve/{task_state_id}/", {"comment": ""})
    assert response.status_code in (302, 403)
    assert live_title(client_a, page_id) == old_title


def test_rejection_reaches_the_operator_with_the_comment_and_a_link_on_the_desa_domain(client_a, desa_a, people):
    operator, _kepala = people
    with client_a.schema():
        old_title = Page.objects.get(depth=2).title
    page_id, task_state_id = submit_new_title(desa_a, operator, "Judul salah ketik")

    login(client_a, "kades", KEPALA_DESA)
    client_a.post(
        f"/admin/pages/workflow/action/{page_id}/reject/{task_state_id}/", {"comment": "Judulnya salah ketik."}
    )
    assert live_title(client_a, page_id) == old_title
    to_operator = delivered("operator@uji-a.test")
    assert len(to_operator) == 1
    assert to_operator[0].from_email == FROM_A
    assert to_operator[0].subject.startswith('Halaman "Judul salah ketik" dikembalikan untuk diperbaiki')
    assert english_in(to_operator[0]) == []
    body = to_operator[0].body
    assert "Judulnya salah ketik." in body
    assert f"http://uji-a.test/admin/pages/{page_id}/edit/" in body
    assert "localhost:8000" not in body


def test_submission_mail_to_kepala_desa_comes_from_the_desa_and_links_to_its_domain(client_a, desa_a, people):
    operator, _kepala = people
    submit_new_title(desa_a, operator, "Mohon diperiksa")
    to_kepala = delivered("kades@uji-a.test")
    assert len(to_kepala) == 1
    assert to_kepala[0].from_email == FROM_A
    assert to_kepala[0].message()["From"] == FROM_A  # the header the mail program shows
    assert to_kepala[0].subject.startswith('Halaman "Mohon diperiksa" diajukan untuk disetujui')
    assert to_kepala[0].body.startswith("Halo kades,")
    assert "http://uji-a.test/admin/" in to_kepala[0].body
    assert "localhost:8000" not in to_kepala[0].body
    assert english_in(to_kepala[0]) == []


def test_submission_mail_of_a_second_desa_comes_from_the_second_desa(client_a, client_b, desa_b, people):
    operator_b = make_user(client_b, "operator", OPERATOR, email="operator@uji-b.test")
    make_user(client_b, "kades", KEPALA_DESA, email="kades@uji-b.test")
    submit_new_title(desa_b, operator_b, "Berita Desa B")
    to_kepala_b = delivered("kades@uji-b.test")
    assert len(to_kepala_b) == 1
    assert to_kepala_b[0].from_email == FROM_B
    assert "http://uji-b.test/admin/" in to_kepala_b[0].body
    assert all("Uji A" not in message.from_email and "uji-a" not in message.body for message in mail.outbox)
    assert delivered("kades@uji-a.test") == []  # desa A's kepala desa hears nothing of desa B


def test_comment_notification_comes_from_the_desa_in_indonesian(client_a, desa_a, people):
    operator, kepala = people
    with as_request_in(desa_a):  # what the edit view does after a save with new comments
        home = Page.objects.get(depth=2).specific
        send_notification(
            [kepala],
            "updated_comments",
            {
                "page": home,
                "editor": operator,
                "new_comments": [],
                "resolved_comments": [],
                "deleted_comments": [],
                "replied_comments": [],
            },
        )
    to_kepala = delivered("kades@uji-a.test")
    assert len(to_kepala) == 1
    assert to_kepala[0].from_email == FROM_A
    assert f"http://uji-a.test/admin/pages/{home.pk}/edit/" in to_kepala[0].body
    assert english_in(to_kepala[0]) == []


def test_password_reset_mail_comes_from_the_desa_with_a_link_on_its_domain(client_a, people):
    response = client_a.post("/admin/password_reset/", {"email": "operator@uji-a.test"})
    assert response.status_code == 302
    to_operator = delivered("operator@uji-a.test")
    assert len(to_operator) == 1
    assert to_operator[0].from_email == FROM_A
    assert "http://uji-a.test/admin/password_reset/confirm/" in to_operator[0].body


def test_password_reset_of_desa_b_never_mails_a_user_of_desa_a(client_b, people):
    client_b.post("/admin/password_reset/", {"email": "operator@uji-a.test"})
    assert delivered("operator@uji-a.test") == []


def test_scheduled_publishing_goes_live_when_the_command_runs(client_a, client_b, desa_a, people):
    _operator, kepala = people
    with as_request_in(desa_a):
        home = Page.objects.get(depth=2).specific
        home.save_revision(user=kepala).publish(user=kepala)  # live through a revision, as after any edit
        home = Page.objects.get(depth=2).specific  # as the next edit screen loads it
        old_title = home.title
        home.title = "Pengumuman terjadwal"
        home.go_live_at = timezone.now() + timedelta(hours=1)
        revision = home.save_revision(user=kepala)
        revision.publish(user=kepala)
        page_id = home.pk
    assert live_title(client_a, page_id) == old_title  # scheduled, not yet live

    with client_a.schema():  # an hour passes: the scheduled moment is now in the past
        past = timezone.now() - timedelta(minutes=1)
        revision = Revision.objects.get(pk=revision.pk)
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("all_tenants_command", "publish_scheduled")

    assert live_title(client_a, page_id) == "Pengumuman terjadwal"
    with client_b.schema():
        assert Page.objects.get(depth=2).title != "Pengumuman terjadwal"
