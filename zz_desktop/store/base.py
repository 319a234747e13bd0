"""Declarative base, the columns every synced row carries, and conversion to/from wire values."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from zz_desktop.store.ids import new_id

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC timestamp with millisecond precision (stored and sent as ISO 8601)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return now.replace(microsecond=(now.microsecond // 1000) * 1000)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    def __init__(self, **kwargs: Any) -> None:
        # Python-side defaults now, not at INSERT, so change capture sees complete rows.
        for column in self.__table__.columns:
            default = column.default
            if column.key in kwargs or default is None:
                continue
            if getattr(default, "is_scalar", False):
                kwargs[column.key] = default.arg  # type: ignore[attr-defined]
            elif getattr(default, "is_callable", False):
                # SQLAlchemy wraps zero-argument callables to take an execution context.
                kwargs[column.key] = default.arg(None)  # type: ignore[attr-defined]
        cls = type(self)
        for key, value in kwargs.items():
            if not hasattr(cls, key):
                raise TypeError(f"{key!r} is not a field of {cls.__name__}")
            setattr(self, key, value)


class Synced:
    """Columns of every synced row (data-model.md). ``server_seq`` is device bookkeeping."""

    __entity__: ClassVar[str]
    #: Columns whose text goes into the full-text index: (title columns, body columns).
    __search__: ClassVar[tuple[tuple[str, ...], tuple[str, ...]] | None] = None

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    centre_id: Mapped[str | None] = mapped_column(String(36), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=None)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=None)
    created_by: Mapped[str | None] = mapped_column(String(36))
    updated_by: Mapped[str | None] = mapped_column(String(36))
    server_seq: Mapped[int | None] = mapped_column(Integer)
    # No index of its own: a two-valued column misleads the planner (it would pick it over
    # the date index for range scans).
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


#: Columns that never travel in an op's ``fields`` (the id travels as ``entity_id``).
NOT_WIRED = frozenset({"id", "server_seq"})


def wire_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def python_value(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column_type, Boolean):
        return bool(value)
    if isinstance(column_type, JSON | String):
        return value
    return value


def wired_columns(cls: type) -> list[str]:
    table = cls.__table__  # type: ignore[attr-defined]
    return [c.key for c in table.columns if c.key not in NOT_WIRED]


def fill_defaults(obj: Any) -> None:
    """Give unset columns their Python-side default (``default=list`` …), as a flush would.
    Bulk writers insert rows that were never flushed; without this a NOT NULL JSON column went
    out as null and the hub rejected every such row (``invalid_value:checklists:required``)."""
    for column in obj.__table__.columns:
        default = column.default
        if default is None or getattr(obj, column.key) is not None:
            continue
        if default.is_callable:
            setattr(obj, column.key, default.arg(None))
        elif default.is_scalar:
            setattr(obj, column.key, default.arg)


def to_wire(obj: Any, keys: list[str] | None = None) -> dict[str, Any]:
    """The row's synced fields as JSON-able values (all, or just ``keys``)."""
    names = keys if keys is not None else wired_columns(type(obj))
    return {k: wire_value(getattr(obj, k)) for k in names}


def from_wire(cls: type, fields: dict[str, Any]) -> dict[str, Any]:
    """Python values for the known columns of ``cls`` (unknown keys from newer clients dropped)."""
    table = cls.__table__  # type: ignore[attr-defined]
    cols = {c.key: c for c in table.columns if c.key not in NOT_WIRED}
    return {k: python_value(cols[k].type, v) for k, v in fields.items() if k in cols}
