"""`python3 run.py up` leaves no PostgreSQL behind, however it is stopped: Ctrl+C (SIGINT to the terminal's
process group), a closed terminal (SIGHUP to the group) or a plain `kill` (SIGTERM to the process run.py became).

A real `up` in a subprocess, on its own data folder under var/ (kept between runs like --reuse-db: the first run
migrates and provisions the pilot, later ones take seconds), serving on a free port until the signal comes.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from desa_platform import embedded_db

ROOT = Path(__file__).resolve().parents[1]
# Kept between the cases (the first one migrates, the others reuse it), one folder per pytest-xdist worker: two
# pilots migrating one data folder at once would trip over each other.
VAR = ROOT / "var" / f"stop-test{os.environ.get('PYTEST_XDIST_WORKER', '')}"


def postgres_of(pgdata: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["name", "cmdline"]):
        if process.info["name"] == "postgres" and str(pgdata) in " ".join(process.info["cmdline"] or []):
            found.append(process)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(process: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + 900  # the first run builds the pilot from nothing
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"`up` ended before serving:\n{log.read_text()[-3000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
            return
        except OSError:
            time.sleep(1)
    pytest.fail("`up` did not serve in time")


@pytest.mark.parametrize(
    "signum, to_group",
    [(signal.SIGINT, True), (signal.SIGHUP, True), (signal.SIGTERM, False)],
    ids=["ctrl-c", "terminal-closed", "kill"],
)
def test_stopping_up_stops_its_postgres(signum, to_group, tmp_path):
    VAR.mkdir(parents=True, exist_ok=True)
    pgdata = VAR / "pgdata"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(DESA_VAR_DIR=str(VAR), EMBEDDED_PG_DATA=str(pgdata), PYTHONUNBUFFERED="1")
    port = free_port()
    log = tmp_path / "up.log"
    with log.open("w") as out:
        # A session of its own, as a shell gives a job: run.py is its process group's leader, like in a terminal.
        up = subprocess.Popen(
            [sys.executable, "run.py", "up", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_until_serving(up, port, log)
        assert postgres_of(pgdata), "the embedded server should run while `up` serves"
        if to_group:
            os.killpg(up.pid, signum)
        else:
            up.send_signal(signum)
        up.wait(timeout=90)
        deadline = time.monotonic() + 30
        while postgres_of(pgdata) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert postgres_of(pgdata) == [], f"postgres left running after {signum.name}:\n{log.read_text()[-2000:]}"
    finally:
        if up.poll() is None:
            os.killpg(up.pid, signal.SIGKILL)
        for process in psutil.process_iter(["cmdline"]):  # children of a failed run
            if f"127.0.0.1:{port}" in " ".join(process.info["cmdline"] or []):
                process.kill()
        if postgres_of(pgdata):
            embedded_db.stop(pgdata)
