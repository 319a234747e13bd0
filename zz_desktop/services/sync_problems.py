"""What did not make it through sync, for the user to see and act on: ops the hub refused (with
the hub's reason) and pulled rows held back on this device (waiting for their parent, or set
aside because they cannot be stored). Nothing is dropped silently (sync-protocol.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from zz_desktop.i18n import t
from zz_desktop.store.database import Store
from zz_desktop.sync import held


@dataclass(frozen=True)
class RejectedOp:
    op_id: str
    entity: str
    entity_id: str
    kind: str
    fields: dict[str, Any]
    reason: str
    at: str

    def reason_text(self) -> str:
        """The hub's reason in plain words (the reason names the field, never the value)."""
        parts = self.reason.split(":")
        if parts[0] == "invalid_value" and len(parts) >= 3:
            return t(
                "The value of the field '{field}' was refused ({problem}).",
                field=parts[1],
                problem=parts[2],
            )
        if parts[0] == "unknown_field" and len(parts) >= 2:
            return t("The hub does not know the field '{field}'.", field=parts[1])
        if parts[0] == "forbidden":
            return t("Your role may not make this change.")
        return t("Refused by the hub ({reason}).", reason=self.reason)


def rejected_ops(store: Store) -> list[RejectedOp]:
    with store.read() as session:
        rows = session.connection().execute(
            text(
                "SELECT op_id, entity, entity_id, kind, fields, reason, at FROM sync_rejected "
                "ORDER BY at"
            )
        )
        return [
            RejectedOp(
                op_id=r[0],
                entity=r[1],
                entity_id=r[2],
                kind=r[3],
                fields=json.loads(r[4]) if isinstance(r[4], str) else dict(r[4] or {}),
                reason=r[5],
                at=str(r[6]),
            )
            for r in rows
        ]


def dismiss_rejected(store: Store, op_id: str) -> None:
    """The user has seen a refused op and taken care of it."""
    with store.write(remote=True) as session:
        session.connection().execute(
            text("DELETE FROM sync_rejected WHERE op_id = :op"), {"op": op_id}
        )


def held_rows(store: Store) -> list[dict[str, object]]:
    with store.read() as session:
        return held.held_rows(session.connection())
