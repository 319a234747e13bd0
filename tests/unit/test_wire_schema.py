"""The hub validates pushed ops against ``zz_protocol/wire_schema.json``: the file must describe
exactly what the store's models hold, and the validator must refuse what the outside audit sent."""

from __future__ import annotations

import pytest

from zz_desktop.store import wire_schema
from zz_protocol.schemas import Op
from zz_protocol.validation import op_problem


def test_committed_schema_matches_the_models() -> None:
    committed = wire_schema.OUTPUT.read_text(encoding="utf-8")
    assert committed == wire_schema.render(), "run: python -m zz_desktop.store.wire_schema"


def _op(entity: str, **fields: object) -> Op:
    return Op(
        op_id="op-1",
        entity=entity,
        entity_id="0190ffff-0000-7000-8000-000000000001",
        kind="upsert",
        fields=fields,
    )


@pytest.mark.parametrize(
    ("entity", "fields", "reason"),
    [
        ("person", {"birth_year": 2**70}, "invalid_value:birth_year:range"),
        ("organisation", {"name": ["a", "list"]}, "invalid_value:name:type"),
        ("consultation", {"date": "not-a-date"}, "invalid_value:date:format"),
        ("person", {"erased_at": {"an": "object"}}, "invalid_value:erased_at:type"),
        ("consultation", {"topics": ["Freitext"]}, "invalid_value:topics:codelist"),
        ("consultation", {"mode": "telepathy"}, "invalid_value:mode:enum"),
        ("consultation", {"kind": "x"}, "invalid_value:kind:enum"),
        ("organisation", {"sme_class": "gigantic"}, "invalid_value:sme_class:enum"),
        ("person", {"gender": "?"}, "invalid_value:gender:enum"),
        ("organisation", {"sector_code": "99.99.9"}, "invalid_value:sector_code:codelist"),
        ("organisation", {"ags": "99000000"}, "invalid_value:ags:codelist"),
        ("organisation", {"name": "NUL\x00"}, "invalid_value:name:characters"),
        ("organisation", {"name": "\ud800"}, "invalid_value:name:characters"),
        ("organisation", {"name": "x" * 301}, "invalid_value:name:length"),
        ("organisation", {"employees": float("nan")}, "invalid_value:employees:type"),
        ("event", {"hours": float("nan")}, "invalid_value:hours:range"),
        ("organisation", {"works_council": "yes"}, "invalid_value:works_council:type"),
        ("consultation", {"organisation_id": "../../etc"}, "invalid_value:organisation_id:id"),
        ("organisation", {"colour": "blue"}, "unknown_field:colour"),
        ("organisation", {"name": None}, "invalid_value:name:required"),
    ],
)
def test_malformed_values_are_refused(entity: str, fields: dict, reason: str) -> None:
    assert op_problem(_op(entity, **fields)) == reason


def test_good_values_pass() -> None:
    assert (
        op_problem(
            _op(
                "consultation",
                date="2026-03-01",
                topics=["ai_at_work"],
                mode="video",
                duration_min=90,
                advisor_ids=["0190ffff-0000-7000-8000-00000000000a"],
            )
        )
        is None
    )
    assert (
        op_problem(
            _op(
                "organisation",
                name="Müller & Söhne",
                sector_code="62.01",
                sector_version="WZ2008",
                ags="15002000",
                postcode="06108",
            )
        )
        is None
    )


def test_ids_and_op_ids_are_checked() -> None:
    bad_id = Op(op_id="x", entity="organisation", entity_id="a\x00b", kind="upsert")
    assert op_problem(bad_id) == "invalid_id"
    long_op = Op(op_id="o" * 65, entity="organisation", entity_id="abc", kind="upsert")
    assert op_problem(long_op) == "invalid_op_id"
    assert (
        op_problem(Op(op_id="x", entity="nope", entity_id="abc", kind="upsert")) == "unknown_entity"
    )
