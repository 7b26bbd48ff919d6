import pytest
from django.core.management import call_command

from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import audit


@pytest.mark.django_db
def test_command_line_operations_are_logged_with_the_system_user(desa_a, capsys):
    call_command("desa", "suspend", "uji-a", "--reason", "perbaikan")
    call_command("desa", "resume", "uji-a")
    entries = list(audit.recent(desa_slug="uji-a")[:2])
    assert [e.action for e in entries] == ["resume", "suspend"]
    assert entries[1].actor.startswith("cli") and entries[1].detail == {"alasan": "perbaikan"}
    assert entries[1].get_action_display() == "Menangguhkan"


@pytest.mark.django_db
def test_recent_filters_by_desa_actor_and_action(desa_a, desa_b):
    audit.record("budi", "backup", desa_a, berkas="a.zip")
    audit.record("sari", "backup", desa_b, berkas="b.zip")
    audit.record("budi", "suspend", desa_b)
    assert [e.desa_slug for e in audit.recent(actor="budi", action="backup")] == ["uji-a"]
    assert [e.actor for e in audit.recent(desa_slug="uji-b")] == ["budi", "sari"]
    assert AuditLog.objects.count() >= 3
