"""House rules that keep the code concern-sized (issue 16): a module over 300 lines says why at its top."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 300
FOLDERS = ("desa_platform", "sites", "themes", "tests", "bench")


def our_modules():
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" not in path.parts and "node_modules" not in path.parts:
                yield path


def test_a_long_module_says_why_it_is_long():
    unexplained = []
    for path in our_modules():
        source = path.read_text()
        if source.count("\n") <= LIMIT:
            continue
        docstring = ast.get_docstring(ast.parse(source)) or ""
        if "over 300 lines on purpose" not in docstring.lower():
            unexplained.append(f"{path.relative_to(ROOT)} ({source.count(chr(10))} lines)")
    assert not unexplained, "Split these modules, or say at their top why they are long: " + ", ".join(unexplained)


def test_the_rule_sees_the_long_modules_it_excuses():
    # The rule must actually look at something: the long benchmark scripts are known to be over the limit.
    assert any(path.read_text().count("\n") > LIMIT for path in our_modules())
