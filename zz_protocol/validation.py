"""Validating pushed ops against their entity's wire schema (``wire_schema.json``) and the code
lists: types, ranges, lengths, enums, code lists and the shape of ids.

The hub calls :func:`op_problem` for every op before it touches a row; an op with a problem is
answered ``rejected`` with the returned reason and nothing of it is stored, so no malformed value
can ever be served to the devices of a centre or become an aggregate key. Reasons name the field,
never its value (they end up in logs and on screens).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
from functools import cache
from importlib.resources import files
from typing import Any

from zz_protocol.schemas import Op

ID_SHAPE = re.compile(r"^[A-Za-z0-9_-]{1,36}$")
FIELD_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,59}$")
#: A JSON value of a free-form column (conflict values) may not exceed this many characters.
JSON_MAX = 200_000
LIST_MAX = 200
WZ_VERSIONS = ("WZ2008", "WZ2025")
POSTCODE = re.compile(r"^[0-9]{5}$")
AGS = re.compile(r"^[0-9]{5}([0-9]{3})?$")


@cache
def schema() -> dict[str, dict[str, dict[str, Any]]]:
    raw = (files("zz_protocol") / "wire_schema.json").read_text(encoding="utf-8")
    entities: dict[str, dict[str, dict[str, Any]]] = json.loads(raw)["entities"]
    return entities


def _codelist_rows(name: str) -> list[dict[str, str]]:
    text = (files("resources") / "codelists" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def topic_codes() -> frozenset[str]:
    return frozenset(r["code"] for r in _codelist_rows("topics.csv") if r.get("code"))


@cache
def wz_codes() -> frozenset[str]:
    codes: set[str] = set()
    for name in ("wz2008.csv", "wz2025.csv"):
        codes.update(r["code"] for r in _codelist_rows(name) if r.get("code"))
    return frozenset(codes)


@cache
def land_prefixes() -> frozenset[str]:
    return frozenset(r["ags"] for r in _codelist_rows("laender.csv") if r.get("ags"))


def _in_codelist(name: str, value: str) -> bool:
    if name == "topics":
        return value in topic_codes()
    if name == "wz":
        return value.strip().upper() in wz_codes()
    if name == "wz_version":
        return value in WZ_VERSIONS
    if name == "ags":
        return bool(AGS.match(value)) and value[:2] in land_prefixes()
    if name == "land":
        return value in land_prefixes()
    if name == "postcode":
        return bool(POSTCODE.match(value))
    return False


def text_ok(value: str) -> bool:
    """No NUL (PostgreSQL refuses it) and no lone surrogate (not encodable as UTF-8)."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_ok(value: Any) -> bool:
    try:
        dumped = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return len(dumped) <= JSON_MAX and text_ok(dumped)


def value_problem(spec: dict[str, Any], value: Any) -> str | None:
    """Why ``value`` does not fit ``spec`` (a short code), or None."""
    if value is None:
        return None if spec.get("nullable", True) else "required"
    kind = spec["type"]
    if kind == "bool":
        return None if isinstance(value, bool) else "type"
    if kind in ("int", "float"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "type"
        if kind == "int" and not isinstance(value, int):
            return "type"
        if isinstance(value, float) and not math.isfinite(value):
            return "range"
        low, high = spec.get("range", (-(2**53), 2**53))
        return None if low <= value <= high else "range"
    if kind in ("date", "datetime"):
        if not isinstance(value, str) or len(value) > 40 or not text_ok(value):
            return "type"
        try:
            if kind == "date":
                dt.date.fromisoformat(value)
            else:
                dt.datetime.fromisoformat(value)
        except ValueError:
            return "format"
        return None
    if kind == "str":
        if not isinstance(value, str):
            return "type"
        if len(value) > spec.get("max_length", 100_000):
            return "length"
        if not text_ok(value):
            return "characters"
        return _item_problem(spec, value)
    if kind == "str_list":
        if not isinstance(value, list) or len(value) > LIST_MAX:
            return "type"
        for item in value:
            if not isinstance(item, str) or len(item) > 200 or not text_ok(item):
                return "type"
            problem = _item_problem(spec, item)
            if problem:
                return problem
        return None
    if kind == "json":
        return None if _json_ok(value) else "type"
    return "type"


def _item_problem(spec: dict[str, Any], value: str) -> str | None:
    if spec.get("id") and not ID_SHAPE.match(value):
        return "id"
    if "enum" in spec and value not in spec["enum"]:
        return "enum"
    if "codelist" in spec and not _in_codelist(spec["codelist"], value):
        return "codelist"
    return None


def envelope_problem(op: Op) -> str | None:
    """What keeps ``op`` from even being looked up or recorded: an op id, entity or id that no
    database column can hold, or a payload that cannot be encoded (checked before any query;
    such an op is answered ``rejected`` and nothing of it is stored)."""
    if len(op.op_id) > 64 or not text_ok(op.op_id):
        return "invalid_op_id"
    if op.entity not in schema():
        return "unknown_entity"
    if not ID_SHAPE.match(op.entity_id):
        return "invalid_id"
    for name, value in op.fields.items():
        if not text_ok(name):
            return "invalid_field"
        if not _encodable(value):
            return f"invalid_value:{name}:text"
    return None


#: Encodes a value as the envelope check does (built once: ``json.dumps`` with arguments builds
#: an encoder per call).
_ENVELOPE_JSON = json.JSONEncoder(ensure_ascii=False, default=str)
#: Ints of this size and beyond may exceed Python's digit limit for ``str(int)``: judged by
#: encoding them.
_SMALL_INT = 10**18


def _encodable(value: Any) -> bool:
    """Whether ``value`` encodes as JSON text in UTF-8 (``default=str`` for other objects).
    The common shapes — strings, small numbers, flags, None, lists of strings — are decided
    without building the JSON text: for them encoding can fail only on a lone surrogate."""
    kind = type(value)
    if kind is str:
        return _utf8(value)
    if value is None or kind is bool or kind is float:
        return True
    if kind is int:
        if -_SMALL_INT < value < _SMALL_INT:
            return True
    elif kind is list and all(type(item) is str for item in value):
        return all(_utf8(item) for item in value)
    try:
        _ENVELOPE_JSON.encode(value).encode("utf-8")
    except (UnicodeEncodeError, ValueError, TypeError, RecursionError):
        return False
    return True


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def op_problem(op: Op) -> str | None:
    """The reason to reject ``op`` (e.g. ``invalid_value:birth_year:range``), or None."""
    entities = schema()
    fields = entities.get(op.entity)
    if fields is None:
        return "unknown_entity"
    if not ID_SHAPE.match(op.entity_id):
        return "invalid_id"
    if len(op.op_id) > 64 or not text_ok(op.op_id):
        return "invalid_op_id"
    if op.base_seq is not None and not -1 <= op.base_seq < 2**62:
        return "invalid_base_seq"
    for name, value in op.fields.items():
        if not FIELD_NAME.match(name):
            return "invalid_field"
        spec = fields.get(name)
        if spec is None:
            return f"unknown_field:{name}"
        problem = value_problem(spec, value)
        if problem:
            return f"invalid_value:{name}:{problem}"
    return None


@cache
def stored_specs(entity: str) -> dict[str, dict[str, Any]]:
    """The wire schema of ``entity`` without enums and code lists: what a device judges a pulled
    row by (built once per entity; a pulled row is judged field by field against it)."""
    return {
        name: {k: v for k, v in spec.items() if k not in ("enum", "codelist")}
        for name, spec in schema().get(entity, {}).items()
    }


def stored_value_problem(entity: str, fields: dict[str, Any]) -> str | None:
    """For a row served by the hub: why one of its known fields cannot be stored (types, ranges,
    lengths, formats), or None. Unknown fields and code lists are not judged — a hub may know
    newer fields and codes than the device; a row stored before the hub validated may not fit."""
    specs = stored_specs(entity)
    for name, value in fields.items():
        spec = specs.get(name)
        if spec is None:
            continue
        problem = value_problem(spec, value)
        if problem:
            return f"invalid_value:{name}:{problem}"
    return None
