"""The pull page's ``changes`` text is byte for byte what the route wrote before it was made
fast (session 6): the reference below is that code, unchanged."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from zz_hub.pull_json import changes_json
from zz_hub.tenancy import PROGRAMME, row_fields

CENTRE = "01a23801-22e8-72f2-a4e0-a6cebc88a222"


def reference_is_current(text: str, centre_id: str, deleted: bool) -> bool:
    """``zz_hub/tenancy.py: fields_text_is_current`` as of b603cd8."""
    tail = f'"centre_id": {json.dumps(centre_id)}, "deleted": {"true" if deleted else "false"}}}'
    return text.endswith(tail)


def reference_change_json(row: Any) -> str:
    """``zz_hub/api/routes/sync.py: _change_json`` as of b603cd8."""
    server_seq, entity, entity_id, deleted, centre_id, fields = row
    if not reference_is_current(fields, centre_id, bool(deleted)):
        values = {**json.loads(fields), "centre_id": centre_id, "deleted": bool(deleted)}
        fields = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return (
        f'{{"seq":{int(server_seq)},"entity":{json.dumps(entity, ensure_ascii=False)},'
        f'"entity_id":{json.dumps(entity_id, ensure_ascii=False)},'
        f'"deleted":{"true" if deleted else "false"},"fields":{fields}}}'
    )


def reference(rows: list[tuple[Any, ...]]) -> str:
    return "[" + ",".join(reference_change_json(row) for row in rows) + "]"


def stored(values: dict[str, Any], centre_id: str = CENTRE, deleted: bool = False) -> str:
    """Fields text as the row store writes it (``json.dumps`` defaults)."""
    return json.dumps(row_fields(values, centre_id, deleted))


ROWS: list[tuple[Any, ...]] = [
    (1, "organisation", "o-1", False, CENTRE, stored({"name": 'Bäckerei "Zur Ecke"\n\\'})),
    (2, "person", "p-1", True, CENTRE, stored({"last_name": "Łukasz 😀"}, deleted=True)),
    # SQLite gives the flag as 0/1.
    (3, "person", "p-2", 1, CENTRE, stored({"notes": None}, deleted=True)),
    (4, "consultation", "c-1", 0, CENTRE, stored({"topics": ["a", {"b": [1, 2.5]}]})),
    (5, "partner_offer", "po-1", False, PROGRAMME, stored({"name": "Förderbank"}, PROGRAMME)),
    # Stored text not current: older spacing, centre not last, a stale deleted flag, nested
    # object at the end, no centre at all.
    (6, "organisation", "o-2", False, CENTRE, json.dumps({"name": "x"}, separators=(",", ":"))),
    (7, "organisation", "o-3", False, CENTRE, json.dumps({"centre_id": CENTRE, "name": "Ä"})),
    (8, "organisation", "o-4", True, CENTRE, stored({"name": "gelöscht"}, deleted=False)),
    (9, "organisation", "o-5", False, CENTRE, json.dumps({"meta": {"deleted": False}})),
    (10, "organisation", "o-6", False, "other", stored({"name": "fremd"})),
    # Names outside the fixed set and ids that need escaping.
    (11, "not_an_entity", 'id-"ä"\t', False, CENTRE, stored({})),
    (12, "conflict", "k-1", False, CENTRE, stored({"subject_id": "o-1"})),
]


def test_rows_of_every_kind_give_the_same_text() -> None:
    assert changes_json(ROWS) == reference(ROWS)
    assert changes_json([]) == reference([]) == "[]"
    json.loads(changes_json(ROWS))  # and it is JSON


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=2**40),
            st.sampled_from(["organisation", "person", "partner_offer", "conflict", 'x"y']),
            st.text(max_size=12),
            st.booleans(),
            st.sampled_from([CENTRE, PROGRAMME, 'c"ä']),
            st.dictionaries(st.text(max_size=6), json_values, max_size=4),
            st.sampled_from(["current", "compact", "stale_flag"]),
        ),
        max_size=6,
    )
)
def test_generated_rows_give_the_same_text(drawn: list[tuple[Any, ...]]) -> None:
    rows = []
    for seq, entity, entity_id, deleted, centre_id, values, how in drawn:
        if how == "current":
            text = stored(values, centre_id, deleted)
        elif how == "compact":
            text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        else:
            text = stored(values, centre_id, not deleted)
        rows.append((seq, entity, entity_id, deleted, centre_id, text))
    assert changes_json(rows) == reference(rows)
