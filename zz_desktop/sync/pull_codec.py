"""Pulled rows → database parameters, judged and converted in one pass (built once per entity).

A pulled row is judged against the wire schema (``zz_protocol.validation.stored_value_problem``:
types, ranges, lengths, formats — never code lists, the hub's may be newer) and converted to
the values the driver binds: the Python value of :func:`zz_desktop.store.base.python_value`
passed through the column type's own bind processor for this dialect (so a date or a JSON list
is stored exactly as a Core insert would store it). Applying a page then needs no statement
compilation and no per-row parameter processing: ``sync/apply.py`` hands tuples of these values
to ``executemany`` with plain SQL cached per column list (:func:`insert_sql`, :func:`update_sql`).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import Column, Dialect, Table
from sqlalchemy.types import Integer, String

from zz_desktop.store.base import NOT_WIRED, python_value
from zz_desktop.store.models import SYNCED_MODELS
from zz_protocol.schemas import Change
from zz_protocol.validation import stored_value_problem

#: A converter from a wire value to a bound database value (None: the value is bound as is).
Convert = Callable[[Any], Any] | None

#: The exceptions a conversion can raise for a value the schema let through.
CONVERSION_ERRORS = (TypeError, ValueError, AttributeError)


def _converter(column: Column[Any], dialect: Dialect) -> Convert:
    kind = column.type
    bind = kind.dialect_impl(dialect).bind_processor(dialect)
    plain = isinstance(kind, String | Integer)
    if bind is None and plain:
        return None  # python_value and the driver take the value as it is
    if bind is None:
        return lambda value: python_value(kind, value)
    if plain:
        return bind
    return lambda value: bind(python_value(kind, value))


class EntityCodec:
    """Judging and converting the pulled rows of one entity for one database dialect."""

    def __init__(self, entity: str, dialect: Dialect) -> None:
        model = SYNCED_MODELS[entity]
        self.entity = entity
        self.table: Table = model.__table__  # type: ignore[attr-defined]
        self._all: dict[str, Convert] = {c.key: _converter(c, dialect) for c in self.table.columns}
        #: The columns a pulled row's fields may fill.
        self._convert = {k: fn for k, fn in self._all.items() if k not in NOT_WIRED}

    def decode(self, fields: dict[str, Any]) -> dict[str, Any] | None:
        """The row's bound values of this device's columns (unknown fields dropped), or None when
        a value cannot be stored here (the row is then quarantined, never applied)."""
        if stored_value_problem(self.entity, fields) is not None:
            return None
        convert = self._convert
        out: dict[str, Any] = {}
        try:
            for name, value in fields.items():
                if name in convert:
                    fn = convert[name]
                    out[name] = value if fn is None else fn(value)
        except CONVERSION_ERRORS:
            return None
        return out

    def bind(self, name: str, value: Any) -> Any:
        """``value`` (a Python value of column ``name``) as the driver binds it."""
        fn = self._all[name]
        return value if fn is None else fn(value)


_CODECS: weakref.WeakKeyDictionary[Dialect, dict[str, EntityCodec]] = weakref.WeakKeyDictionary()


def codec(entity: str, dialect: Dialect) -> EntityCodec:
    per_dialect = _CODECS.setdefault(dialect, {})
    found = per_dialect.get(entity)
    if found is None:
        found = per_dialect[entity] = EntityCodec(entity, dialect)
    return found


class Decoded:
    """The bound values of pulled changes, converted once per change (by entity, id and seq)
    and shared by the judging pass (``sync/held.py``) and the writing pass (``sync/apply.py``)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._rows: dict[tuple[str, str, int], dict[str, Any] | None] = {}

    def get(self, ch: Change) -> dict[str, Any] | None:
        key = (ch.entity, ch.entity_id, ch.seq)
        if key in self._rows:
            return self._rows[key]
        row = codec(ch.entity, self.dialect).decode(ch.fields)
        self._rows[key] = row
        return row


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@cache
def insert_sql(table: str, columns: tuple[str, ...]) -> str:
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {_quote(table)} ({', '.join(_quote(c) for c in columns)}) VALUES ({marks})"


@cache
def update_sql(table: str, columns: tuple[str, ...]) -> str:
    """SET ``columns``, WHERE id — the id is the last parameter."""
    sets = ", ".join(f"{_quote(c)} = ?" for c in columns)
    return f"UPDATE {_quote(table)} SET {sets} WHERE id = ?"
