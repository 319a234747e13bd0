"""Core statements compiled once per dialect and run on the DB-API cursor, for the hot reads.

SQLAlchemy compiles a Core statement on every execution unless its cache key matches, and even
a cache hit costs the key's computation plus the result's row processing; for a pull page of
500 rows that was half of the query's time in the hub process (session 5 notes). A
:class:`Precompiled` statement is built once (with :func:`sqlalchemy.bindparam` for what varies
per call), compiled once per dialect, and run with the session's own connection — inside its
transaction — as plain SQL text with bound values (``exec_driver_sql``: errors are still wrapped
as SQLAlchemy's, so overload answers stay 503). No type processing happens on either way, so
use it only for values the driver takes and gives as wanted (integers, strings, booleans —
SQLite gives booleans as 0/1). Running it on the raw DB-API cursor instead was measured: no
faster.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable


@dataclass(frozen=True)
class _Compiled:
    text: str
    #: The positional slots in order (name per slot), or None for a named paramstyle.
    slots: tuple[str, ...] | None
    #: Values of the statement's own literals (bound parameters that have a value).
    fixed: Mapping[str, Any]


class Precompiled:
    """One statement whose bound parameters without a value are given per call by name."""

    def __init__(self, statement: Executable) -> None:
        self._statement = statement
        self._compiled: dict[tuple[str, str, str], _Compiled] = {}
        self._lock = threading.Lock()

    def _for(self, dialect: Dialect) -> _Compiled:
        # By dialect, driver and paramstyle: those are what the text depends on (a new engine
        # of the same kind, as every test makes, reuses it).
        key = (dialect.name, dialect.driver, dialect.paramstyle)
        found = self._compiled.get(key)
        if found is None:
            with self._lock:
                compiled = self._statement.compile(dialect=dialect)  # type: ignore[attr-defined]
                slots = tuple(compiled.positiontup) if compiled.positional else None
                # A bindparam made without a value is "required": given per call.
                fixed = {n: b.effective_value for n, b in compiled.binds.items() if not b.required}
                found = self._compiled[key] = _Compiled(compiled.string, slots, fixed)
        return found

    def rows(self, session: Session, **values: Any) -> Sequence[Sequence[Any]]:
        """All rows of the statement with ``values`` bound, in the session's transaction."""
        connection = session.connection()
        compiled = self._for(connection.dialect)
        bound = {**compiled.fixed, **values}
        params: Any = bound if compiled.slots is None else tuple(bound[n] for n in compiled.slots)
        return connection.exec_driver_sql(compiled.text, params).all()
