"""Stored ``field_meta`` is compacted (the common writer once) and expands to exactly what the
planner had: the merge rules read it per field."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zz_hub.rowstate import COMMON_META, compact_meta, expand_meta

WRITER = {"author": "u1", "device": "d1", "at": "2026-03-02T09:30:00.000"}
OTHER = {"author": "u2", "device": "d2", "at": "2026-03-03T10:00:00.000"}

entries = st.sampled_from(
    [WRITER, OTHER, {**WRITER, "scrubbed": True}, {"author": "u3", "device": "d1", "at": "x"}]
)
names = st.lists(st.text("abcdefghij_", min_size=1, max_size=8), unique=True, max_size=30)


@given(names, st.data())
def test_compacted_meta_expands_to_the_same(field_names: list[str], data: st.DataObject) -> None:
    meta = {name: data.draw(entries) for name in field_names}
    seq = dict.fromkeys(field_names, 7)
    stored = compact_meta(meta, seq)
    assert expand_meta(stored, seq) == meta


def test_a_created_row_stores_its_writer_once() -> None:
    fields = [f"f{i}" for i in range(25)]
    meta = {**dict.fromkeys(fields, WRITER), "f3": OTHER}
    stored = compact_meta(meta, dict.fromkeys(fields, 1))
    assert stored == {COMMON_META: WRITER, "f3": OTHER}


def test_rows_stored_before_and_irregular_ones_stay_as_they_are() -> None:
    full = {"a": WRITER, "b": WRITER}
    assert expand_meta(full, {"a": 1, "b": 1}) == full  # stored before compaction
    uneven = {"a": WRITER, "b": WRITER}
    assert compact_meta(uneven, {"a": 1, "b": 1, "c": 2}) is uneven  # fields differ
    assert compact_meta({}, {}) == {}


def _compact_by_counting(meta: dict, seq: dict) -> dict:
    """compact_meta without its shortcut for one shared entry object (the general rule)."""
    copies = {
        name: (dict(entry) if isinstance(entry, dict) else entry) for name, entry in meta.items()
    }
    return compact_meta(copies, seq) if len(copies) >= 2 else compact_meta(meta, seq)


@given(
    names,
    st.one_of(
        entries,
        st.just({"author": "u1", "tags": ["a"]}),  # unhashable value: stored as it is
        st.just("not a dict"),
    ),
)
def test_one_shared_entry_compacts_as_the_general_rule(
    field_names: list[str], entry: object
) -> None:
    meta = dict.fromkeys(field_names, entry)  # what RowWriter gives a created row
    seq = dict.fromkeys(field_names, 1)
    fast = compact_meta(meta, seq)
    slow = _compact_by_counting(meta, seq)
    assert fast == slow
    assert list(fast) == list(slow)
    for key in fast:
        if isinstance(fast[key], dict):
            assert list(fast[key]) == list(slow[key])  # same stored JSON text, key order too
