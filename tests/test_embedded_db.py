"""When the embedded server cannot start, the user reads one sentence that says what to do."""

import os
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest

from desa_platform import embedded_db

ROOT = Path(__file__).resolve().parents[1]


def test_data_folder_from_another_postgres_version_is_explained(tmp_path):
    (tmp_path / "pgdata").mkdir()
    (tmp_path / "pgdata" / "PG_VERSION").write_text("12\n")
    with pytest.raises(embedded_db.EmbeddedDatabaseError, match="made by PostgreSQL 12.*move that folder away"):
        embedded_db._check_folder(tmp_path / "pgdata")


def test_full_disk_is_explained_before_starting(tmp_path, monkeypatch):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(embedded_db.shutil, "disk_usage", lambda path: usage(10**9, 10**9, 10**6))
    with pytest.raises(embedded_db.EmbeddedDatabaseError, match="less than 200 MB is free"):
        embedded_db._check_folder(tmp_path / "pgdata")


@pytest.mark.parametrize(
    "log, advice",
    [
        ("FATAL:  could not create lock file: Address already in use", "held by another server"),
        ("PANIC:  could not write to file: No space left on device", "is full"),
        ("FATAL:  data directory has wrong ownership: Permission denied", "permissions"),
        ("FATAL:  something unexpected", "set DATABASE_URL"),
    ],
)
def test_start_failures_become_advice(tmp_path, log, advice):
    (tmp_path / "log").write_text(log)
    assert advice in embedded_db._explain(tmp_path, RuntimeError("boom"))


def test_manage_py_prints_one_sentence_and_no_traceback(tmp_path):
    (tmp_path / "pgdata").mkdir()
    (tmp_path / "pgdata" / "PG_VERSION").write_text("12\n")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(EMBEDDED_PG_DATA=str(tmp_path / "pgdata"), DJANGO_SETTINGS_MODULE="desa_platform.settings.dev")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and "PostgreSQL 12" in result.stderr
