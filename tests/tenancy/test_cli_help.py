"""`desa --help` and every `desa <perintah> --help` speak Indonesian, argparse's own words included."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from desa_platform.tenancy.management.commands.desa import Command

ROOT = Path(__file__).resolve().parents[2]

# What argparse and Django print in English when nobody sets the words (Python 3.11 … 3.13, Django 5.2).
ARGPARSE_ENGLISH = [
    "usage:",
    "positional arguments",
    "optional arguments",
    "options:",
    "show this help message",
    "show program's version",
    "Verbosity level",
    "settings module",
    "Python path",
    "stack trace",
    "colorize",
    "colorization",
    "system checks",
    "error:",
    "the following arguments",
]
# English words of the help we wrote before it was Indonesian, and their kin; none is an Indonesian word.
ENGLISH_WORDS = set(
    """the and or of to in on at by for from into with without is are be been this that these it its their
    every each one more all only also again after before when new same first default show list send create
    provision print serve back up restore delete remove add change give run keep check migrate recount flush
    fetch mail file files type name code codes account password link message help exit usage positional
    arguments options optional required error invalid choose version number display full stack
    trace skip system checks force latest entries failed waiting worker seconds stop long parallel processes
    process behind schema template page pages published month timer site sites office offices region repeat
    repeatable pattern counters views visits switch kept enrol devices manage other staff reset retry ids
    summary reading lost existing made primary maintenance again grant revoke audited own e.g""".split()
)


def parsers():
    """The `desa` parser and each subcommand's, by name ("" for `desa` itself)."""
    top = Command().create_parser("manage.py", "desa")
    commands = next(action for action in top._actions if action.dest == "action")
    return {"": top, **commands.choices}


def help_of(capsys, *args) -> str:
    """What `manage.py desa <args> --help` prints (the command-line path: run_from_argv)."""
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "desa", *args, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def english_in(text: str, literal: set[str]) -> list[str]:
    """English words outside what a user types: option names, metavars, {choices}, command names."""
    found = [phrase for phrase in ARGPARSE_ENGLISH if phrase.lower() in text.lower()]
    lines = []
    for line in text.splitlines():
        if line.startswith("penggunaan:") or (lines and lines[-1] is None and line.startswith(" ")):
            lines.append(None)  # the usage block: flags and metavars
            continue
        row = re.match(r"^ {2,}(\S+(?: \S+)*?)(?: {2,}|$)(.*)$", line)
        if row and (row.group(1).split(",")[0].strip("{}") in literal or row.group(1).startswith(("-", "{"))):
            line = row.group(2)  # the invocation column of a row: keep only its help
        lines.append(line)
    prose = " ".join(line for line in lines if line)
    prose = re.sub(r"\{[^}]*\}|(?<!\w)--?[\w-]+|\b[A-Z][A-Z0-9_-]+\b|\S+/\S*|\S+\.\S+\.\S+", " ", prose)
    prose = re.sub(r"\b(" + "|".join(map(re.escape, literal)) + r"):", " ", prose)  # "add: tambah alias"
    words = re.findall(r"[A-Za-z][a-z'.]*[a-z]", prose)
    found += sorted({word for word in words if word.lower() in ENGLISH_WORDS})
    return found


def literal_tokens(parser) -> set[str]:
    names = set(parsers()) - {""}
    for action in parser._actions:
        names |= {str(choice) for choice in action.choices or ()}
    return names


def test_every_subcommand_help_is_indonesian(capsys):
    every = parsers()
    assert len(every) > 20  # the whole CLI, not an empty list
    for name, parser in every.items():
        text = help_of(capsys, *([name] if name else []))
        assert text.startswith("penggunaan: manage.py desa"), name
        assert "tampilkan bantuan ini lalu keluar" in text, name
        assert english_in(text, literal_tokens(parser)) == [], f"desa {name} --help"


def test_every_subcommand_and_argument_explains_itself():
    for name, parser in parsers().items():
        assert parser.description, f"desa {name}: no description"
        for action in parser._actions:
            assert action.help, f"desa {name}: {action.dest} has no help"


def test_the_english_check_finds_english():
    assert english_in("penggunaan: x\n\nopsi:\n  --keep N  Keep the newest N backups of each.", set()) == [
        "Keep",
        "each",
        "of",
        "the",
    ]
    found = english_in("usage: desa\n\npositional arguments:\n  slug", set())
    assert found[:2] == ["usage:", "positional arguments"]


def test_argparse_errors_are_indonesian(capsys):
    with pytest.raises(SystemExit) as exit_:
        Command().run_from_argv(["manage.py", "desa", "create", "socorejo"])
    assert exit_.value.code == 2
    error = capsys.readouterr().err
    assert "galat: argumen berikut wajib diisi: --name, --domain" in error
    assert "penggunaan:" in error and "required" not in error and "error" not in error
    with pytest.raises(CommandError, match="Galat: argumen --limit: bukan bilangan bulat: 'banyak'"):
        call_command("desa", "audit", "--limit", "banyak")
    with pytest.raises(CommandError, match="pilihan tidak sah: 'hapus-semua'"):
        call_command("desa", "hapus-semua")


def test_manage_py_desa_help_from_a_shell_is_indonesian():
    result = subprocess.run(
        [sys.executable, "manage.py", "desa", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("penggunaan: manage.py desa")
    assert "perintah:" in result.stdout and "opsi:" in result.stdout
    assert english_in(result.stdout, set(parsers()) - {""}) == []
