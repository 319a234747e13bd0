"""Engine and sessions for SQLite (embedded default) and PostgreSQL (production).

Write transactions that change synced rows serialise on the server-sequence counter (see
``zz_hub.seq``). On PostgreSQL the counter's row lock does that; a lock not granted within
``lock_timeout_ms`` ends the statement with an error that the app answers with 503 (the client
retries). On SQLite a deferred ``BEGIN`` would let two writers start as readers and fail with
SQLITE_BUSY on upgrade, so writes begin ``IMMEDIATE``; and since SQLite has one writer anyway,
writers of one process queue on a lock in Python first (fair and without the busy handler's
sleep-and-poll), giving up with :class:`Busy` after ``pool_timeout`` seconds.

Every request uses at most one connection at a time, and only while it runs in a worker thread;
the pool is as large as the thread limit (``pool_size``), so threads never wait for connections.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

#: Execution option that marks a connection as a writer (only SQLite needs to know).
WRITE_OPTION = "zz_write"


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` as psycopg 3 URLs."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


class Busy(RuntimeError):
    """The hub is overloaded (no turn to write within the wait limit): answered with 503."""


#: PostgreSQL errors that mean "too busy / try again": lock_not_available (lock_timeout),
#: deadlock_detected, serialization_failure, too_many_connections, cannot_connect_now.
RETRYABLE_SQLSTATES = frozenset({"55P03", "40P01", "40001", "53300", "57P03"})


def is_overload(exc: BaseException) -> bool:
    """A pool, lock or busy timeout, or a connection the server dropped: the request may
    succeed when retried a little later."""
    if isinstance(exc, Busy | PoolTimeout):
        return True
    if isinstance(exc, DBAPIError):
        if exc.connection_invalidated:  # the server closed it (restart): retry on a new one
            return True
        orig = exc.orig
        if getattr(orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
            return True
        text = str(orig).lower() if orig is not None else ""
        return "database is locked" in text or "database table is locked" in text
    return False


def make_engine(
    url: str, *, pool_size: int = 32, pool_timeout: float = 10.0, lock_timeout_ms: int = 15_000
) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    # A core pool kept open plus overflow up to ``pool_size`` connections in all.
    core = max(1, pool_size // 2)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": lock_timeout_ms / 1000},
            pool_size=core,
            max_overflow=pool_size - core,
            pool_timeout=pool_timeout,
            hide_parameters=True,
        )
        _configure_sqlite(engine, lock_timeout_ms)
        return _multi_row_inserts(engine)
    if parsed.get_backend_name() == "postgresql":
        return _pipelined_inserts(
            create_engine(
                url,
                # Every connection kept once opened: with a smaller core, connections beyond it
                # were closed on return and opened again for the next request (a backend
                # started each time — ~100 in a B3 run). No ping before each checkout either:
                # it was a round trip per request's session; a connection the server dropped
                # (a restart) fails its request with 503, the client retries, and SQLAlchemy
                # then replaces every connection of the pool (``is_overload``).
                pool_size=pool_size,
                max_overflow=0,
                pool_timeout=pool_timeout,
                hide_parameters=True,
                # plan_cache_mode: psycopg prepares a statement after its fifth run, and the
                # generic plan PostgreSQL then chose for the key look-ups of a push
                # (``entity_id = ANY(array)`` of up to ~1,000 ids) scanned the centre's rows:
                # 1–2 s a statement once a centre held ~100k rows (B10 at full size). A plan for
                # the actual values costs a fraction of a millisecond.
                connect_args={
                    "options": f"-c lock_timeout={int(lock_timeout_ms)} "
                    "-c plan_cache_mode=force_custom_plan"
                },
            )
        )
    raise ValueError(f"unsupported database URL scheme: {parsed.drivername}")


def _multi_row_inserts(engine: Engine) -> Engine:
    """Batched INSERTs (a push writes hundreds of rows) go out as multi-row ``INSERT … VALUES``
    statements rather than one statement per row."""
    engine.dialect.use_insertmanyvalues_wo_returning = True
    return engine


def _pipelined_inserts(engine: Engine) -> Engine:
    """PostgreSQL: batched statements go out through psycopg's ``executemany`` (one short
    statement, parameters pipelined) instead of multi-row ``INSERT … VALUES`` texts. psycopg
    parses every query text it has not cached, and a multi-row text of a push batch (thousands
    of placeholders) is too long for its cache: that parse took about a quarter of a batch."""
    engine.dialect.use_insertmanyvalues_wo_returning = False
    return engine


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control away from the driver so that BEGIN is ours to emit.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        # Overwrite freed pages so that erased personal data does not linger in the file.
        cur.execute("PRAGMA secure_delete=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


#: PostgreSQL connections ``zz-hub serve`` leaves free for admin commands, backups, migrations
#: and monitoring next to its workers' pools.
SPARE_CONNECTIONS = 10
#: Fewer threads per worker than this would serve too few requests at once to be worth a worker.
MIN_THREADS = 4


def threads_per_worker(wanted: int, workers: int, max_connections: int, reserved: int) -> int:
    """Threads (= pool connections) per worker so that ``workers`` pools fit the server's
    ``max_connections`` less its reserved slots and :data:`SPARE_CONNECTIONS`: a pool larger
    than the server allows fails requests with "too many clients" exactly under peak load."""
    fit = (max_connections - reserved - SPARE_CONNECTIONS) // max(1, workers)
    if fit < MIN_THREADS:
        raise ValueError(
            f"PostgreSQL allows {max_connections} connections ({reserved} reserved): too few "
            f"for {workers} workers of at least {MIN_THREADS} connections each plus "
            f"{SPARE_CONNECTIONS} spare; raise max_connections or start fewer workers"
        )
    return min(wanted, fit)


def connection_limit(engine: Engine) -> tuple[int, int] | None:
    """``(max_connections, reserved slots)`` of a PostgreSQL server; None for SQLite."""
    if is_sqlite(engine):
        return None
    with engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT current_setting('max_connections')::int, "
            "current_setting('superuser_reserved_connections')::int "
            "+ coalesce(current_setting('reserved_connections', true)::int, 0)"
        ).one()
    return int(row[0]), int(row[1])


class Database:
    """One engine plus a reader and a writer session factory."""

    def __init__(
        self,
        url: str,
        *,
        pool_size: int = 32,
        pool_timeout: float = 10.0,
        lock_timeout_ms: int = 15_000,
    ) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(
            self.url,
            pool_size=pool_size,
            pool_timeout=pool_timeout,
            lock_timeout_ms=lock_timeout_ms,
        )
        self.pool_timeout = pool_timeout
        #: SQLite: one writer at a time per process, queued here rather than in the busy handler.
        self._write_lock = threading.Lock() if is_sqlite(self.engine) else None
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(**{WRITE_OPTION: True}), expire_on_commit=False
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any exception."""
        lock = self._write_lock
        if lock is not None and not lock.acquire(timeout=self.pool_timeout):
            raise Busy("no turn to write")
        try:
            with self._writer() as session, session.begin():
                yield session
        finally:
            if lock is not None:
                lock.release()

    def scrub_wal(self) -> None:
        """After a GDPR erase on SQLite: fold the WAL into the database and truncate it, so that
        the log holds no earlier page images with the erased values (secure_delete covers the
        main file). Best effort: a long reader can delay it to the next erase."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def dispose(self) -> None:
        self.engine.dispose()
