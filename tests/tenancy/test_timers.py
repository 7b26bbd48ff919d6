"""Platform timers run once per period across app nodes (issue 17): every node fires the same systemd timer, one
does the work, the others skip; a node that died mid-run is taken over; a failure is recorded, not hidden."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from desa_platform.tenancy.models import AuditLog, TimerRun
from desa_platform.tenancy.services import timers

ROOT = Path(__file__).resolve().parents[2]


def node_env(hostname: str) -> dict:
    """A second process on the test database, as another app node would be."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.test",
        "DATABASE_URL": "",
        "EMBEDDED_PG_DB": db["NAME"],
        "FAKE_HOSTNAME": hostname,
    }
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return env


# The work both nodes are asked to do: write one audit row (it must exist once) after a pause long enough for the
# other node to try meanwhile.
NODE = """
import os, socket, sys, time
socket.gethostname = lambda: os.environ["FAKE_HOSTNAME"]
import django
from desa_platform import bootstrap
bootstrap.start()
django.setup()
from desa_platform.tenancy.models import AuditLog
from desa_platform.tenancy.services import timers
import datetime

def work():
    time.sleep(1.5)
    AuditLog.objects.create(actor=os.environ["FAKE_HOSTNAME"], action="create", detail="uji-timer")

outcome = timers.run_once("uji-timer", datetime.timedelta(days=1), work)
print("ran" if outcome.ran else "skipped", outcome.run.node)
"""


def forget(name: str):
    TimerRun.objects.filter(name=name).delete()
    AuditLog.objects.filter(detail=name).delete()


def test_two_nodes_firing_the_same_timer_do_the_work_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        forget("uji-timer")
        try:
            nodes = [
                subprocess.Popen(
                    [sys.executable, "-c", NODE], env=node_env(name), cwd=ROOT, stdout=subprocess.PIPE, text=True
                )
                for name in ("node-a", "node-b")
            ]
            said = sorted(node.communicate(timeout=120)[0].strip() for node in nodes)
            assert [line.split()[0] for line in said] == ["ran", "skipped"]
            winner = said[0].split()[1]
            assert said[1].split()[1] == winner  # the skipping node names who ran it
            assert list(AuditLog.objects.filter(detail="uji-timer").values_list("actor", flat=True)) == [winner]
            run = TimerRun.objects.get(name="uji-timer")
            assert run.ok is True and run.finished_at is not None
        finally:
            forget("uji-timer")


@pytest.mark.django_db
def test_the_next_period_runs_again():
    done = []
    day = datetime.timedelta(days=1)
    assert timers.run_once("uji-periode", day, lambda: done.append(1)).ran
    assert not timers.run_once("uji-periode", day, lambda: done.append(2)).ran
    TimerRun.objects.filter(name="uji-periode").update(period_start=timers.period_start(day) - day)
    assert timers.run_once("uji-periode", day, lambda: done.append(3)).ran
    assert done == [1, 3]


@pytest.mark.django_db
def test_a_run_left_unfinished_by_a_dead_node_is_taken_over_after_the_stall():
    hour = datetime.timedelta(hours=1)
    TimerRun.objects.create(
        name="uji-macet", period_start=timers.period_start(hour), node="node-mati", started_at=timezone.now()
    )
    done = []
    assert not timers.run_once("uji-macet", hour, lambda: done.append(1)).ran  # still within the stall
    TimerRun.objects.filter(name="uji-macet").update(started_at=timezone.now() - timers.STALL * 2)
    outcome = timers.run_once("uji-macet", hour, lambda: done.append(2))
    assert outcome.ran and done == [2] and outcome.run.ok is True and outcome.run.node != "node-mati"


@pytest.mark.django_db
def test_a_failed_run_is_recorded_with_its_error():
    def broken():
        raise RuntimeError("disk penuh")

    with pytest.raises(RuntimeError):
        timers.run_once("uji-gagal", datetime.timedelta(hours=1), broken)
    run = TimerRun.objects.get(name="uji-gagal")
    assert run.ok is False and "disk penuh" in run.error


@pytest.mark.django_db
def test_the_cli_runs_a_command_once_and_says_who_ran_it_when_skipping(capsys):
    from io import StringIO

    first, second = StringIO(), StringIO()
    call_command("desa", "sekali", "uji-cli", "--setiap", "1h", "--", "desa", "list", stdout=first)
    call_command("desa", "sekali", "uji-cli", "--setiap", "1h", "--", "desa", "list", stdout=second)
    assert "uji-a" in first.getvalue() and "selesai" in first.getvalue()
    assert "dilewati" in second.getvalue() and "uji-a" not in second.getvalue()


@pytest.mark.django_db
def test_a_period_it_cannot_read_is_refused_in_indonesian():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak dikenal"):
        call_command("desa", "sekali", "uji-cli", "--setiap", "sebentar", "--", "desa", "list")


PER_NODE = {"certs", "media-map", "monitor-tick", "outbox-sweep", "spares"}  # each names its reason in its unit file


def test_every_shared_timer_of_the_deploy_goes_through_desa_sekali():
    units = sorted((ROOT / "deploy" / "systemd").glob("desa-digital-*.timer"))
    assert len(units) >= 10
    for timer in units:
        task = timer.stem.removeprefix("desa-digital-")
        service = timer.with_suffix(".service").read_text()
        if task in PER_NODE:
            assert "Not through `desa sekali`" in service, task
        else:
            assert " desa sekali " in service, f"{task} would run on every node"
