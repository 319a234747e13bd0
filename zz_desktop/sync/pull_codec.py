"""Pulled rows → database parameters, judged and converted in one pass (built once per entity).

A pulled row is judged against the wire schema (``zz_protocol.validation.stored_specs`` with
``value_problem``, as ``stored_value_problem`` judges it: types, ranges, lengths, formats — never
code lists, the hub's may be newer) and converted to
the values the driver binds: the Python value of :func:`zz_desktop.store.base.python_value`
passed through the column type's own bind processor for this dialect (so a date or a JSON list
is stored exactly as a Core insert would store it). Applying a page then needs no statement
compilation and no per-row parameter processing: ``sync/apply.py`` hands tuples of these values
to ``executemany`` with plain SQL cached per column list (:func:`insert_sql`, :func:`update_sql`).
"""

from __future__ import annotations

import datetime as dt
import re
import weakref
from collections.abc import Callable
from functools import cache
from typing import Any

from sqlalchemy import Column, Dialect, Table
from sqlalchemy.types import Boolean, Date, DateTime, Integer, String

from zz_desktop.store.base import NOT_WIRED, python_value
from zz_desktop.store.models import SYNCED_MODELS
from zz_protocol.schemas import Change
from zz_protocol.validation import ID_SHAPE, stored_specs, text_ok, value_problem

#: Turns a wire value into the bound value of its column; raises :class:`Refused`.
Column_ = Callable[[Any], Any]

#: The exceptions a conversion can raise for a value the schema let through.
CONVERSION_ERRORS = (TypeError, ValueError, AttributeError)
#: The shapes this device writes (``store.base.wire_value``): for these, the stored text is
#: spliced from the wire text instead of parsing and formatting it again.
DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
DATETIME_SHAPE = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}", re.ASCII
)
#: The spec keys the fast judges below understand (``stored_specs`` drops enums, code lists).
FAST_KEYS = frozenset({"type", "nullable", "max_length", "id", "range"})


class Refused(Exception):
    """A pulled value that cannot be stored in its column."""


def _column(spec: dict[str, Any] | None, column: Column[Any], dialect: Dialect) -> Column_:
    """Judge and convert one column's wire values: :func:`value_problem` against ``spec`` (None:
    a column the wire schema does not name, not judged), then the column type's conversion and
    bind processor. The common kinds get a fast path that decides exactly as
    :func:`value_problem` does, without its dispatch on the spec."""
    kind = column.type
    bind = kind.dialect_impl(dialect).bind_processor(dialect)

    def slow(value: Any) -> Any:
        if spec is not None and value_problem(spec, value) is not None:
            raise Refused
        try:
            python = python_value(kind, value)
            return python if bind is None else bind(python)
        except CONVERSION_ERRORS:
            raise Refused from None

    if spec is None or not set(spec) <= FAST_KEYS:
        return slow
    return _fast(spec, kind, bind, slow) or slow


def _fast(
    spec: dict[str, Any], kind: Any, bind: Callable[[Any], Any] | None, slow: Column_
) -> Column_ | None:
    """The fast path of a column, or None where the kind has none (then ``slow`` does it all)."""
    nullable = spec.get("nullable", True)
    none = slow(None) if nullable else None

    def absent(value: Any) -> Any:
        if value is None and nullable:
            return none
        return slow(value)

    wire = spec["type"]
    if wire == "str" and isinstance(kind, String) and bind is None:
        longest, ident = spec.get("max_length", 100_000), bool(spec.get("id"))

        def text(value: Any) -> Any:
            fits = type(value) is str and len(value) <= longest and text_ok(value)
            if fits and (not ident or ID_SHAPE.match(value)):
                return value
            return absent(value)

        return text
    if wire == "int" and isinstance(kind, Integer) and bind is None:
        low, high = spec.get("range", (-(2**53), 2**53))

        def whole(value: Any) -> Any:
            if type(value) is int and low <= value <= high:
                return value
            return absent(value)

        return whole
    if wire == "bool" and isinstance(kind, Boolean) and bind is not None:
        flags = {True: bind(True), False: bind(False)}

        def flag(value: Any) -> Any:
            return flags[value] if type(value) is bool else absent(value)

        return flag
    if wire == "date" and isinstance(kind, Date) and bind is not None:
        if bind(dt.date(987, 6, 5)) != "0987-06-05":
            return None  # not the storage format the splice below assumes

        def day(value: Any) -> Any:
            if type(value) is str and len(value) == 10 and DATE_SHAPE.fullmatch(value):
                dt.date.fromisoformat(value)  # a real day (raises, judged by slow)
                return value
            return absent(value)

        return _parsed(day, slow)
    if wire == "datetime" and isinstance(kind, DateTime) and bind is not None:
        if bind(dt.datetime(987, 6, 5, 4, 3, 2, 1000)) != "0987-06-05 04:03:02.001000":
            return None

        def moment(value: Any) -> Any:
            if type(value) is str and len(value) == 23 and DATETIME_SHAPE.fullmatch(value):
                dt.datetime.fromisoformat(value)
                return f"{value[:10]} {value[11:]}000"
            return absent(value)

        return _parsed(moment, slow)
    return None


def _parsed(fast: Column_, slow: Column_) -> Column_:
    """``fast``, with a value its parse refuses handed to ``slow`` (which refuses it, or not)."""

    def run(value: Any) -> Any:
        try:
            return fast(value)
        except ValueError:
            return slow(value)

    return run


class EntityCodec:
    """Judging and converting the pulled rows of one entity for one database dialect."""

    def __init__(self, entity: str, dialect: Dialect) -> None:
        model = SYNCED_MODELS[entity]
        self.entity = entity
        self.table: Table = model.__table__  # type: ignore[attr-defined]
        self._specs = stored_specs(entity)
        self._all = {c.key: _column(None, c, dialect) for c in self.table.columns}
        #: The columns a pulled row's fields may fill, judged by the wire schema.
        self._columns = {
            c.key: _column(self._specs.get(c.key), c, dialect)
            for c in self.table.columns
            if c.key not in NOT_WIRED
        }

    def decode(self, fields: dict[str, Any]) -> dict[str, Any] | None:
        """The row's bound values of this device's columns, or None when a value cannot be
        stored here (the row is then quarantined, never applied). Fields this device has no
        column for are judged (if the schema knows them) and dropped."""
        columns, specs = self._columns, self._specs
        out: dict[str, Any] = {}
        try:
            for name, value in fields.items():
                column = columns.get(name)
                if column is not None:
                    out[name] = column(value)
                elif name in specs and value_problem(specs[name], value) is not None:
                    return None
        except Refused:
            return None
        return out

    def bind(self, name: str, value: Any) -> Any:
        """``value`` (a Python value of column ``name``) as the driver binds it."""
        return self._all[name](value)


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
