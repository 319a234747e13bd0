"""``zz-hub backup`` / ``zz-hub restore``: a consistent copy of the hub database and its way back.

SQLite: the online backup API (``sqlite3.Connection.backup``) copies a consistent snapshot while
the hub keeps serving; restore copies the file back the same way, page by page under the target's
write lock. PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore --clean --single-transaction``
(a failed restore leaves the database as it was). Stop the hub's workers before a restore.
After a restore :func:`zz_hub.restore_hooks.after_restore` runs (migrations and so on).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from zz_hub.admin import AdminError
from zz_hub.db import Database, normalise_url


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite":
        return None
    if not parsed.database or parsed.database == ":memory:":
        raise AdminError("an in-memory database cannot be backed up")
    return Path(parsed.database)


def libpq_url(url: str) -> str:
    """The SQLAlchemy URL as libpq understands it (``postgresql://…``, no driver part)."""
    parsed = make_url(normalise_url(url))
    return parsed.set(drivername="postgresql").render_as_string(hide_password=False)


def pg_tool(name: str) -> str:
    """``pg_dump``/``pg_restore`` from PATH or Debian's versioned directories (newest first)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
        reverse=True,
    )
    if not candidates:
        raise AdminError(f"{name} not found; install the PostgreSQL client (postgresql-client)")
    return candidates[0]


def _run(args: list[str], env: dict[str, str]) -> None:
    # The URL may carry a password: it goes through the environment, never on the command line.
    done = subprocess.run(args, capture_output=True, text=True, env={**os.environ, **env})
    if done.returncode != 0:
        lines = (done.stderr or "").strip().splitlines()
        raise AdminError(f"{Path(args[0]).name} failed: {lines[-1] if lines else done.returncode}")


def _pg_env_args(url: str) -> tuple[dict[str, str], str]:
    parsed = make_url(libpq_url(url))
    env: dict[str, str] = {}
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    return env, parsed.set(password=None).render_as_string(hide_password=False)


def backup(url: str, target: Path) -> Path:
    """Write a backup of the database at ``url`` to ``target`` (a file); returns it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    source = _sqlite_path(url)
    if source is not None:
        if not source.exists():
            raise AdminError(f"no database file {source}")
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        dst.close()
        src.close()
    else:
        env, dsn = _pg_env_args(url)
        _run([pg_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={partial}", dsn], env)
    partial.replace(target)  # only a complete backup carries the final name
    return target


def restore(url: str, source: Path) -> None:
    """Replace the database at ``url`` with the backup ``source``, then run the restore hook."""
    if not source.is_file():
        raise AdminError(f"no backup file {source}")
    target = _sqlite_path(url)
    if target is not None:
        _check_sqlite_backup(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        dst.close()
        src.close()
    else:
        env, dsn = _pg_env_args(url)
        _run(
            [
                pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                f"--dbname={dsn}",
                str(source),
            ],
            env,
        )
    from zz_hub.restore_hooks import after_restore

    database = Database(url)
    try:
        after_restore(database)
    finally:
        database.dispose()


def _check_sqlite_backup(source: Path) -> None:
    """Refuse a file that is not an SQLite hub database before anything is overwritten."""
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise AdminError(f"{source} is not an SQLite backup") from exc
    if "alembic_version" not in names:
        raise AdminError(f"{source} is not a zz-hub backup")
