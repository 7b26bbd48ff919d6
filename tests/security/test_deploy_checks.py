"""`manage.py check --deploy` on the production profile is clean, and says so when the backup key is missing."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def check_deploy(django_db_setup, **changes):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "desa_platform.settings.production",
        "SECRET_KEY": "production-check-" + "k" * 50,
        "DESA_BACKUP_KEY": "production-backup-" + "b" * 40,
        "EMBEDDED_PG_DB": db["NAME"],
        **changes,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean(django_db_setup):
    result = check_deploy(django_db_setup)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_a_backup_key(django_db_setup):
    result = check_deploy(django_db_setup, DESA_BACKUP_KEY="")
    assert result.returncode != 0 and "desa.E001" in result.stdout + result.stderr
