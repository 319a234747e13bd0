"""The pull codec (zz_desktop/sync/pull_codec.py) decides and converts exactly as the reference
path does: ``stored_value_problem`` to judge a pulled row, ``from_wire`` and the column types'
own bind processors to convert it — and a row it writes reads back as a Core insert's does."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, insert, select

from zz_desktop.store.base import Base, from_wire, to_wire
from zz_desktop.store.models import SYNCED_MODELS, Consultation, Organisation, Person
from zz_desktop.sync.pull_codec import Decoded, codec, insert_sql
from zz_protocol.schemas import Change
from zz_protocol.validation import stored_value_problem

ENGINE = create_engine("sqlite://")
DIALECT = ENGINE.dialect

#: Every wired column of every synced entity (entity, column).
COLUMNS = [
    (entity, c.key)
    for entity, model in SYNCED_MODELS.items()
    for c in model.__table__.columns  # type: ignore[attr-defined]
    if c.key not in ("id", "server_seq")
]

texts = st.text(max_size=40)
#: Values at the edges of every kind: each column is tried with all of them.
EDGES: list[Any] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2**53,
    2**53 + 1,
    -(2**53) - 1,
    2**63,
    2**70,
    0.5,
    float("nan"),
    float("inf"),
    "",
    "\x00",
    "a\ud800b",
    "Weißenfels",
    "x" * 301,
    "x" * 100_001,
    "2025-01-31",
    "2025-02-30",
    "20250131",
    "2025-W05-1",
    "0987-06-05",
    "2025-01-31T09:15:00.123",
    "2025-01-31T09:15:00",
    "2025-01-31 09:15:00.123",
    "2025-01-31T24:00:00.000",
    "2025-01-31T09:15:00.123+01:00",
    "2025-13-01T00:00:00.000",
    "２０２５-01-31",
    "01a23569-7988-7f52-b3df-a7957df970c6",
    "not an id!",
    "ai_at_work",
    [],
    ["ai_at_work"],
    ["01a23569-7988"],
    ["\x00"],
    ["y" * 201],
    [1, None],
    {"a": 1},
]
values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.lists(st.one_of(st.text(max_size=10), st.integers(), st.none()), max_size=4),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def reference(entity: str, fields: dict[str, Any]) -> dict[str, Any] | None:
    """What the pull path did before the codec: judge, from_wire, then the type processors."""
    if stored_value_problem(entity, fields) is not None:
        return None
    model = SYNCED_MODELS[entity]
    table = model.__table__  # type: ignore[attr-defined]
    try:
        python = from_wire(model, fields)
        out = {}
        for key, value in python.items():
            kind = table.c[key].type
            bind = kind.dialect_impl(DIALECT).bind_processor(DIALECT)
            out[key] = value if bind is None else bind(value)
    except (TypeError, ValueError, AttributeError):
        return None
    return out


@pytest.mark.parametrize(("entity", "column"), COLUMNS)
def test_each_column_decides_and_converts_edges_as_the_reference(entity: str, column: str) -> None:
    coder = codec(entity, DIALECT)
    for value in EDGES:
        fields = {column: value}
        assert coder.decode(fields) == reference(entity, fields), value


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(where=st.sampled_from(COLUMNS), value=values)
def test_any_value_is_decided_and_converted_as_the_reference(
    where: tuple[str, str], value: Any
) -> None:
    entity, column = where
    fields = {column: value}
    assert codec(entity, DIALECT).decode(fields) == reference(entity, fields)


def test_unknown_fields_are_dropped_and_known_wire_fields_still_judged() -> None:
    coder = codec("organisation", DIALECT)
    assert coder.decode({"name": "A", "field_of_a_newer_schema": object()}) == {"name": "A"}
    assert coder.decode({"name": "A\x00"}) is None


def _rows() -> list[tuple[str, str, dict[str, Any]]]:
    now = dt.datetime(2026, 1, 5, 9, 0, 0, 123000)
    stamp = {"created_at": now, "updated_at": now, "created_by": "u1", "updated_by": None}
    org = Organisation(id="org-1", name="Betrieb Weißenfels", employees=12, **stamp)
    person = Person(id="p-1", first_name="Anna", last_name="Groß", **stamp)
    cons = Consultation(
        id="c-1",
        date=dt.date(2025, 3, 4),
        organisation_id="org-1",
        person_id="p-1",
        title="Beratung",
        topics=["ai_at_work"],
        next_appointment=None,
        **stamp,
    )
    return [(o.__entity__, o.id, to_wire(o)) for o in (org, person, cons)]


def test_a_written_row_reads_back_as_a_core_insert_writes_it() -> None:
    Base.metadata.create_all(ENGINE)
    with ENGINE.begin() as conn:
        decoded = Decoded(conn.dialect)
        for entity, rid, fields in _rows():
            table = SYNCED_MODELS[entity].__table__  # type: ignore[attr-defined]
            conn.execute(insert(table), {**from_wire(SYNCED_MODELS[entity], fields), "id": rid})
            bound = decoded.get(Change(seq=1, entity=entity, entity_id=rid, fields=fields))
            assert bound is not None
            row = {**bound, "id": rid + "-fast"}
            conn.exec_driver_sql(insert_sql(table.name, tuple(row)), [tuple(row.values())])
            core, fast = (
                dict(
                    conn.exec_driver_sql(f"SELECT * FROM {table.name} WHERE id = ?", (i,))
                    .one()
                    ._mapping
                )
                for i in (rid, rid + "-fast")
            )
            assert core.pop("id") + "-fast" == fast.pop("id")
            assert core == fast, entity
            typed = conn.execute(select(table).where(table.c.id == rid + "-fast")).one()
            assert typed._mapping["created_at"] == dt.datetime(2026, 1, 5, 9, 0, 0, 123000)
