#!/usr/bin/env python3
"""Bootstrap for a fresh clone: needs only Python 3.11+.

    python3 run.py up      set up and serve the pilot (Socorejo) on http://socorejo.localhost:8000/
    python3 run.py test    set up and run every test (on every core; `run.py test tests/x.py` runs those alone)
    python3 run.py stop    stop an embedded PostgreSQL left behind (only after a kill -9 or a crash)

It makes `.venv/`, installs the pinned `requirements.txt` there (again only when the file changes),
then runs the command inside that environment. Anything else is passed to `manage.py`.

The command *replaces* this process (exec) instead of running as its child: Ctrl+C, a closed terminal (SIGHUP)
and `kill` (SIGTERM) then reach manage.py itself, which ends cleanly and stops the embedded PostgreSQL when it
is its last user. A parent in between would have to forward each signal and must never kill its child early.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
REQUIREMENTS = ROOT / "requirements.txt"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_environment() -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py is what an older Python meets first
        sys.exit("Desa Digital needs Python 3.11 or newer; this is " + sys.version.split()[0] + ".")
    python = venv_python()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    stamp = VENV / ".requirements.sha256"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text() != digest:
        print("Installing pinned requirements into .venv ...", flush=True)
        subprocess.check_call(
            [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", str(REQUIREMENTS)]
        )
        stamp.write_text(digest)
    return python


def main(argv: list[str]) -> int:
    python = ensure_environment()
    command, *rest = argv or ["up"]
    if command == "test":
        # The whole suite runs on every core (pytest-xdist, one test database a worker); chosen tests (a path, -k,
        # -n) run as asked.
        chosen = any(not arg.startswith("-") or arg in ("-n", "-k", "-x") for arg in rest)
        workers = [] if chosen else ["-n", str(min(4, os.cpu_count() or 1))]
        args = [str(python), "-m", "pytest", *workers, *rest]
    elif command == "stop":
        args = [str(python), "-m", "desa_platform.embedded_db", "stop"]
    else:
        args = [str(python), str(ROOT / "manage.py"), command, *rest]
    os.chdir(ROOT)
    sys.stdout.flush()
    if os.name == "nt":  # no exec there: a child, and Ctrl+C reaches it too
        try:
            return subprocess.call(args)
        except KeyboardInterrupt:
            return 130
    os.execv(args[0], args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
