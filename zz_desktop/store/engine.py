"""The SQLAlchemy engine over SQLCipher: raw key, WAL, ``synchronous=FULL``, foreign keys,
temporary tables in memory (so no plaintext temp files), SQLCipher's own logging silenced."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import QueuePool

from zz_desktop.errors import ProfileError
from zz_desktop.i18n import t
from zz_desktop.store.keys import raw_key_literal

BUSY_TIMEOUT_MS = 10_000


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    try:
        # Silence SQLCipher's stderr output: a wrong key must end in one clear message.
        cur.execute("PRAGMA cipher_log_level = NONE")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA temp_store = MEMORY")
        # GDPR erase: deleted cells and freed pages are zeroed, not left in the file.
        cur.execute("PRAGMA secure_delete = ON")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
    finally:
        cur.close()


def make_engine(path: Path, key_hex: str) -> Engine:
    url = URL.create("sqlite+pysqlcipher", password=raw_key_literal(key_hex), database=str(path))
    # A queue pool (not the dialect's one-connection-per-thread default): the GUI thread reads
    # while one worker writes, and connections are reused across the pool's threads.
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
        connect_args={"check_same_thread": False},
        # Errors never carry the statement's values (names, e-mails…) into logs or tracebacks.
        hide_parameters=True,
    )
    event.listen(engine, "connect", _on_connect)

    # pysqlite's own transaction handling is switched off (isolation_level None) and BEGIN is
    # emitted here: IMMEDIATE for writers (``immediate`` execution option), so that a writer takes
    # the lock up front and waits (busy_timeout) instead of failing on a lock upgrade.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    @event.listens_for(engine, "connect")
    def _no_autobegin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    return engine


def check_opens(engine: Engine, path: Path, thorough: bool = False) -> None:
    """Read the schema and compare the file's size with its page count (a truncated file shows
    at once, without reading it all); ``thorough`` adds ``PRAGMA quick_check``, which reads the
    whole file — done after an unclean shutdown, not on every start. SQLCipher's failures become
    one clear line."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM sqlite_master")).scalar()
            page_size = int(conn.execute(text("PRAGMA page_size")).scalar() or 0)
            page_count = int(conn.execute(text("PRAGMA page_count")).scalar() or 0)
            result = conn.execute(text("PRAGMA quick_check")).scalar() if thorough else "ok"
    except (SADatabaseError, OperationalError) as exc:
        raise ProfileError(
            t(
                "The profile database cannot be opened: the key is wrong or the file is "
                "damaged ({detail}).",
                detail=_short(exc),
            )
        ) from None
    size = path.stat().st_size if path.exists() else 0
    wal = Path(str(path) + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    # Pages may live only in the WAL until a checkpoint, so the main file may be shorter then.
    expected = page_size * page_count
    if page_size and (size % page_size or (wal_size == 0 and size != expected) or size > expected):
        result = f"file size {size} does not match {page_count} pages"
    if result != "ok":
        raise ProfileError(
            t("The profile database is damaged ({detail}).", detail=str(result)[:120])
        )


def _short(exc: Exception) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig or exc).splitlines()[0][:120]
