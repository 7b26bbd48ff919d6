"""Liveness: each state rule, "perlu perhatian" only for real neglect or residents waiting, and the summary row
kept by what a desa does (publish, message, login) — never by reading another desa."""

from datetime import timedelta

import pytest
from django.utils import timezone

from desa_platform.monitoring import liveness
from desa_platform.monitoring.models import TenantActivity, TenantEvent
from desa_platform.tenancy.models import Desa
from sites.kontak.models import Pesan
from tests.admin.helpers import KEPALA_DESA, PASSWORD, make_user
from tests.monitoring.test_judol import plant

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def row(desa, **values) -> liveness.Liveness:
    TenantActivity.objects.update_or_create(desa=desa, defaults=values)
    return liveness.liveness(Desa.objects.select_related("activity").get(pk=desa.pk), NOW)


@pytest.mark.parametrize(
    "days, state",
    [(0, "aktif"), (30, "aktif"), (31, "melambat"), (90, "melambat"), (91, "tidur"), (400, "tidur")],
)
def test_state_follows_the_last_publish(desa_a, days, state):
    found = row(desa_a, last_publish_at=NOW - timedelta(days=days, hours=1 if days else 0))
    assert found.state == state
    assert found.needs_attention == (state == "tidur")


def test_never_published_is_belum_mulai_and_needs_attention_only_after_the_grace_month(desa_a):
    Desa.objects.filter(pk=desa_a.pk).update(created=NOW - timedelta(days=10))
    assert row(desa_a, last_publish_at=None).state == "belum-mulai"
    assert row(desa_a).attention == []
    Desa.objects.filter(pk=desa_a.pk).update(created=NOW - timedelta(days=45))
    assert row(desa_a).attention == ["belum mulai, situs dibuat 45 hari lalu"]


def test_empty_default_pages_are_not_neglect_but_waiting_residents_are(desa_a):
    active = row(desa_a, last_publish_at=NOW - timedelta(days=2), completeness=40, missing=["ada dokumen"])
    assert active.state == "aktif" and active.attention == []
    waiting = row(desa_a, messages_waiting=3, oldest_message_at=NOW - timedelta(days=5))
    assert waiting.attention == [], "five days is within the week a desa has to answer"
    waiting = row(desa_a, messages_waiting=3, oldest_message_at=NOW - timedelta(days=9))
    assert waiting.attention == ["3 pesan warga menunggu, tertua 9 hari"]
    Desa.objects.filter(pk=desa_a.pk).update(status="suspended")
    assert row(desa_a).attention == [], "a suspended site is already being handled"


def test_a_publish_a_message_and_a_login_update_only_that_desas_row(client_a, desa_a, desa_b):
    TenantActivity.objects.filter(desa__in=[desa_a, desa_b]).delete()
    plant(client_a, "Kerja bakti", "<p>Minggu pagi.</p>")
    a = TenantActivity.objects.get(desa=desa_a)
    assert a.last_publish_at and timezone.now() - a.last_publish_at < timedelta(minutes=1)
    assert not TenantActivity.objects.filter(desa=desa_b, last_publish_at__isnull=False).exists()
    assert TenantEvent.objects.filter(desa=desa_a, kind="publish", title="Kerja bakti").exists()

    with client_a.schema():
        pesan = Pesan.objects.create(nama="Warga", pesan="Lampu jalan mati.")
    a.refresh_from_db()
    assert a.messages_waiting == 1 and a.oldest_message_at == pesan.dikirim
    with client_a.schema():
        pesan.status = "selesai"
        pesan.save()
    a.refresh_from_db()
    assert a.messages_waiting == 0 and a.oldest_message_at is None
    assert TenantEvent.objects.filter(desa=desa_a, kind="answer", title=pesan.nomor).count() == 1

    make_user(client_a, "kades", KEPALA_DESA)
    assert client_a.post("/admin/login/", {"username": "kades", "password": PASSWORD}).status_code == 302
    a.refresh_from_db()
    assert a.last_login_at and TenantEvent.objects.filter(desa=desa_a, kind="login", title="kades").exists()
    assert not TenantEvent.objects.filter(desa=desa_b).exists()


def test_the_timer_refresh_recomputes_from_each_desas_own_content(client_a, desa_a, desa_b):
    plant(client_a, "Posyandu", "<p>Jadwal.</p>")
    TenantActivity.objects.filter(desa=desa_a).update(last_publish_at=None, news_30=0)
    assert liveness.refresh_all() == Desa.objects.count()
    a, b = TenantActivity.objects.get(desa=desa_a), TenantActivity.objects.get(desa=desa_b)
    assert a.last_publish_at is not None and a.news_30 >= 1 and a.refreshed_at
    assert b.news_30 == 0 and b.completeness < 100 and b.missing
