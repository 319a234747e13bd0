"""The ``changes`` array of a pull page as JSON text, written directly from the page's rows.

A page of 500 rows is ~650 KB of JSON; going through pydantic models or ``json.dumps`` of dicts
cost more than the query. Each row's stored fields text is passed on unparsed when it is
current (it ends as :func:`zz_hub.tenancy.fields_tail` says), and only the few other parts of a
change are encoded. The text is byte for byte what the route wrote before with ``json.dumps``
per part (``tests/unit/test_pull_json.py`` compares the two).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from zz_hub.tenancy import fields_tail
from zz_protocol.schemas import SYNCED_ENTITIES

# ``encode_basestring`` is what ``json.dumps(text, ensure_ascii=False)`` runs for a str (the C
# encoder when present), without making a JSONEncoder per call as ``json.dumps`` with options
# does.
_ENTITY_JSON: dict[str, str] = {entity: encode_basestring(entity) for entity in SYNCED_ENTITIES}


def changes_json(rows: Iterable[Sequence[Any]]) -> str:
    """``[change, …]`` of rows ``(server_seq, entity, entity_id, deleted, centre_id,
    fields_json)`` as :meth:`zz_hub.tenancy.CentreScope.changes_after` returns them."""
    tails: dict[tuple[str, bool], str] = {}
    parts: list[str] = []
    for seq, entity, entity_id, deleted_value, centre_id, fields in rows:
        deleted = bool(deleted_value)
        tail = tails.get((centre_id, deleted))
        if tail is None:
            tail = tails[(centre_id, deleted)] = fields_tail(centre_id, deleted)
        if not fields.endswith(tail):
            fields = _rebuilt(fields, centre_id, deleted)
        name = _ENTITY_JSON.get(entity) or encode_basestring(entity)
        flag = "true" if deleted else "false"
        parts.append(
            f'{{"seq":{int(seq)},"entity":{name},"entity_id":{encode_basestring(entity_id)},'
            f'"deleted":{flag},"fields":{fields}}}'
        )
    return "[" + ",".join(parts) + "]"


def _rebuilt(fields: str, centre_id: str, deleted: bool) -> str:
    """Fields text not stored as :func:`zz_hub.tenancy.row_fields` writes it (older rows):
    parsed, given the row's centre and deleted flag as the last entries, and written anew."""
    values = {**json.loads(fields), "centre_id": centre_id, "deleted": deleted}
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))
