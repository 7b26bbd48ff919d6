"""Page apps reach the platform through one door: tenancy.current (who the desa is), tenancy.themes (its look),
and the per-generation memo only through sites/core/memo.py, which takes plain values only."""

import ast
from pathlib import Path

import pytest

from sites.core import memo

SITES = Path(__file__).resolve().parents[2] / "sites"
OPEN_DOORS = ("desa_platform.tenancy.current", "desa_platform.tenancy.themes")


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def test_page_apps_import_nothing_of_tenancy_but_current_and_themes():
    wrong = []
    for path in SITES.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for module in imported_modules(path):
            if module.startswith("desa_platform.tenancy") and not module.startswith(OPEN_DOORS):
                wrong.append(f"{path.relative_to(SITES.parent)}: {module}")
            if module.startswith("desa_platform.pagecache") and path != SITES / "core" / "memo.py":
                wrong.append(f"{path.relative_to(SITES.parent)}: {module} (use sites.core.memo)")
    assert wrong == []


def test_the_memo_refuses_model_instances_and_keeps_plain_values(client_a):
    from wagtail.models import Page

    with client_a.schema():
        page = Page.objects.filter(depth=2).first()
        with pytest.raises(TypeError, match="values, not the instance"):
            memo.remember("uji:page", lambda: page)
        with pytest.raises(TypeError, match="values, not the instance"):
            memo.remember("uji:pages", lambda: [("judul", page)])
        assert memo.remember("uji:plain", lambda: [("Beranda", "/", 2)]) == [("Beranda", "/", 2)]
