"""The push path's faster screening decides exactly as the reference code did (issue 16, B10):
``envelope_problem`` (its encodability check has fast paths for common value shapes), the
payload hash (one shared encoder instead of ``json.dumps`` per op) and the audit entries' ops
(built without re-validation). The references below are the code as it was before."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zz_hub.push import AUDIT_ENTITY, audit_ops, payload_hash
from zz_protocol.schemas import Op
from zz_protocol.validation import envelope_problem, schema, text_ok


class _Odd:
    def __str__(self) -> str:
        return "odd\ud800"


class _Str(str):
    pass


#: Values at the edges of every kind, each tried in every field of every entity.
EDGES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    2**53,
    10**18 - 1,
    10**18,
    -(10**18),
    10**5000,
    -(10**5000),
    0.5,
    float("nan"),
    float("inf"),
    "",
    "\x00",
    "a\ud800b",
    "\udfff",
    "Weißenfels",
    "x" * 100_001,
    _Str("sub\ud800"),
    _Str("fine"),
    [],
    ["ai_at_work"],
    ["ok", "a\ud800"],
    ["ok", 1],
    [None, "\ud800"],
    [[1, "\ud800"]],
    {"a": 1},
    {"a": "\ud800"},
    {"\ud800": 1},
    {1: "x"},
    (1, 2),
    {1, 2},
    _Odd(),
    object(),
    b"bytes",
]


def reference_envelope(op: Op) -> str | None:
    if len(op.op_id) > 64 or not text_ok(op.op_id):
        return "invalid_op_id"
    if op.entity not in schema():
        return "unknown_entity"
    from zz_protocol.validation import ID_SHAPE

    if not ID_SHAPE.match(op.entity_id):
        return "invalid_id"
    for name, value in op.fields.items():
        if not text_ok(name):
            return "invalid_field"
        try:
            json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
        except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
            return f"invalid_value:{name}:text"
    return None


def reference_hash(op: Op) -> str:
    parts: list[Any] = [op.entity, op.entity_id, op.kind, op.base_seq, op.fields]
    if op.audit:
        parts.append(op.audit)
    canonical = json.dumps(
        parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _op(entity: str, fields: dict[str, Any], **extra: Any) -> Op:
    return Op.model_construct(
        op_id="o1", entity=entity, entity_id="e1", kind="upsert", fields=fields, **extra
    )


def _same_hash(op: Op) -> None:
    try:
        expected: str | Exception = reference_hash(op)
    except Exception as exc:  # the same failure, if any
        expected = exc
    if isinstance(expected, Exception):
        try:
            payload_hash(op)
        except type(expected):
            return
        raise AssertionError("payload_hash did not fail as the reference did")
    assert payload_hash(op) == expected


def test_envelope_and_hash_decide_as_before_on_every_field_of_every_entity() -> None:
    for entity, specs in schema().items():
        for name in [*specs, "unknown_field", "bad\x00name"]:
            for value in EDGES:
                op = _op(entity, {name: value})
                assert envelope_problem(op) == reference_envelope(op), (entity, name, value)
                _same_hash(op)


def test_envelope_checks_fields_in_order_and_the_id_parts_first() -> None:
    fields = {"a": "fine", "b": "x\ud800", "c": 10**5000}
    assert envelope_problem(_op("person", fields)) == reference_envelope(_op("person", fields))
    for op in (
        Op.model_construct(op_id="x" * 65, entity="person", entity_id="e", kind="upsert"),
        Op.model_construct(op_id="o", entity="nope", entity_id="e", kind="upsert"),
        Op.model_construct(op_id="o", entity="person", entity_id="bad id", kind="upsert"),
    ):
        op.fields = {"a": "\ud800"}
        assert envelope_problem(op) == reference_envelope(op)


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**20), max_value=10**20),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=12),
    ),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=10,
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.sampled_from(sorted(schema())),
    st.dictionaries(st.text(max_size=8), json_values, max_size=5),
    st.lists(st.dictionaries(st.text(max_size=4), json_values, max_size=3), max_size=2),
    st.one_of(st.none(), st.integers(min_value=-1, max_value=2**40)),
)
def test_envelope_and_hash_decide_as_before_on_generated_values(
    entity: str, fields: dict[str, Any], audit: list[dict[str, Any]], base: int | None
) -> None:
    op = _op(entity, fields, audit=audit, base_seq=base)
    assert envelope_problem(op) == reference_envelope(op)
    _same_hash(op)


def test_audit_ops_are_the_ops_validation_would_build() -> None:
    op = Op(
        op_id="p" * 64,
        entity="person",
        entity_id="e1",
        kind="upsert",
        fields={"last_name": "A"},
        audit=[
            {"id": "a1", "action": "create", "detail": {"k": [1, "ü"]}},
            {"id": 5, "action": "x"},
            {"action": "no id"},
            {"id": "bad id!", "action": "x"},
            {"id": "a2", "note": "a\ud800"},
        ],
    )
    built = audit_ops(op)
    expected: list[Op | None] = []
    for i, entry in enumerate(op.audit):
        if not isinstance(entry.get("id"), str):
            expected.append(None)
            continue
        sub = Op(
            op_id=f"{op.op_id[:56]}/a{i}",
            entity=AUDIT_ENTITY,
            entity_id=entry["id"],
            kind="upsert",
            fields={k: v for k, v in entry.items() if k != "id"},
        )
        expected.append(None if reference_envelope(sub) is not None else sub)
    assert built == expected
    assert [b is None for b in built] == [False, True, True, True, True]
    first = built[0]
    assert first is not None
    assert first.model_dump() == expected[0].model_dump()  # type: ignore[union-attr]
    assert payload_hash(first) == reference_hash(first)
