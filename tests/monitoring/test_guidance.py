"""Guidance: Diskominfo's message reaches the right desa's dashboard until read, the console sees who read it, a
desa cannot mark another's copy, mail goes through the outbox, and the timeline shows what followed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from desa_platform.monitoring import guidance
from desa_platform.monitoring.models import GuidanceDelivery, TenantActivity
from desa_platform.outbox.models import OutboxMessage
from desa_platform.tenancy.services.errors import ServiceError
from tests.admin.helpers import KEPALA_DESA, login
from tests.monitoring.test_judol import plant

pytestmark = pytest.mark.django_db


def test_a_kecamatan_message_shows_on_each_dashboard_until_read(client_a, client_b, desa_a, desa_b):
    sent = guidance.send("budi", "Perbarui berita", "Mohon unggah kegiatan bulan ini.", "kecamatan", "Jenu")
    assert sent.audience == "Kecamatan Jenu" and sent.deliveries.count() == 2
    login(client_a, "kades", KEPALA_DESA)
    login(client_b, "kades", KEPALA_DESA)
    assert "Mohon unggah kegiatan bulan ini." in client_a.get("/admin/").content.decode()
    mine = GuidanceDelivery.objects.get(guidance=sent, desa=desa_a)
    theirs = GuidanceDelivery.objects.get(guidance=sent, desa=desa_b)

    assert client_a.post(f"/admin/pesan-diskominfo/{theirs.pk}/dibaca/").status_code == 302
    theirs.refresh_from_db()
    assert theirs.read_at is None, "a desa cannot mark another desa's copy as read"
    client_a.post(f"/admin/pesan-diskominfo/{mine.pk}/dibaca/")
    mine.refresh_from_db()
    assert mine.read_at and mine.read_by == "kades"
    assert "Mohon unggah kegiatan bulan ini." not in client_a.get("/admin/").content.decode()
    assert "Mohon unggah kegiatan bulan ini." in client_b.get("/admin/").content.decode()
    assert guidance.read_counts([sent]) == {sent.pk: (1, 2)}


def test_a_state_audience_reaches_only_those_desa_and_mail_goes_to_their_admins(client_a, desa_a, desa_b):
    now = timezone.now()
    TenantActivity.objects.update_or_create(desa=desa_a, defaults={"last_publish_at": now - timedelta(days=120)})
    TenantActivity.objects.update_or_create(desa=desa_b, defaults={"last_publish_at": now - timedelta(days=1)})
    login(client_a, "kades", KEPALA_DESA, email="kades@uji-a.test")
    sent = guidance.send("budi", "Situs tidur", "Sudah 90 hari tanpa berita.", "keadaan", "tidur", mail=True)
    assert [d.desa for d in sent.deliveries.all()] == [desa_a] and sent.audience == "Desa yang tidur"
    mail = OutboxMessage.objects.get(kind="bimbingan")
    assert mail.to == ["kades@uji-a.test"] and mail.tenant_schema == desa_a.schema_name
    assert sent.mailed == 1
    with pytest.raises(ServiceError):
        guidance.send("budi", "Kosong", "Tidak ada sasaran.", "kecamatan", "Tidak Ada")


def test_the_timeline_shows_the_message_the_reading_and_what_the_desa_did_after(client_a, desa_a):
    sent = guidance.send("budi", "Ayo menulis", "Tulis satu berita.", "desa", desa_a.slug)
    guidance.mark_read(desa_a, sent.deliveries.get().pk, "kades")
    plant(client_a, "Berita sesudah pesan", "<p>Isi.</p>")
    entries = guidance.timeline(desa_a)
    labels = [e.label for e in entries]
    assert labels[:3] == ["Menerbitkan", "Pesan dibaca", "Pesan dari budi: Ayo menulis"]
    assert entries[0].text == "Berita sesudah pesan"
    assert entries[2].note == "30 hari sesudahnya: 0 kali masuk admin, 1 terbitan"
