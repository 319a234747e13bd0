"""What did not make it through sync, for the user to see and act on: ops the hub refused (with
the hub's reason) and pulled rows held back on this device (waiting for their parent, or set
aside because they cannot be stored). Nothing is dropped silently (sync-protocol.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from zz_desktop.i18n import t
from zz_desktop.store import search
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
    #: The record's title as the search shows it ("" when it is not stored here).
    record_title: str = ""

    def reason_text(self, label: Callable[[str], str] = str) -> str:
        """The hub's reason in plain words (the reason names the field, never the value);
        ``label`` names a field as the screen does."""
        parts = self.reason.split(":")
        if parts[0] == "invalid_value" and len(parts) >= 3:
            return t(
                "The value of the field '{field}' {problem}.",
                field=label(parts[1]),
                problem=problem_text(parts[2]),
            )
        if parts[0] == "unknown_field" and len(parts) >= 2:
            return t("The hub does not know the field '{field}'.", field=label(parts[1]))
        if parts[0] == "forbidden":
            return t("Your role may not make this change.")
        return t("Refused by the hub ({reason}).", reason=self.reason)


def problem_text(code: str) -> str:
    """What is wrong with a value, from the short code of ``zz_protocol.validation``."""
    texts = {
        "enum": t("is not one of the allowed values"),
        "codelist": t("is not in the code list"),
        "range": t("is outside the allowed range"),
        "type": t("has the wrong type"),
        "length": t("is too long"),
        "format": t("has the wrong format"),
        "characters": t("contains characters that are not allowed"),
        "required": t("is missing"),
        "id": t("is not a valid reference"),
    }
    return texts.get(code, t("was refused ({problem})", problem=code))


def rejected_ops(store: Store) -> list[RejectedOp]:
    with store.read() as session:
        rows = (
            session.connection()
            .execute(
                text(
                    "SELECT op_id, entity, entity_id, kind, fields, reason, at FROM sync_rejected "
                    "ORDER BY at"
                )
            )
            .all()
        )
        titles = search.titles(session, [r[2] for r in rows])
        return [
            RejectedOp(
                op_id=r[0],
                entity=r[1],
                entity_id=r[2],
                kind=r[3],
                fields=json.loads(r[4]) if isinstance(r[4], str) else dict(r[4] or {}),
                reason=r[5],
                at=str(r[6]),
                record_title=titles.get(r[2], ""),
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


@dataclass(frozen=True)
class HeldRow:
    entity: str
    entity_id: str
    reason: str
    at: str

    def reason_text(self) -> str:
        if self.reason == held.MISSING_PARENT:
            return t("Waits for a record it refers to; it is stored as soon as that arrives.")
        return t("Could not be stored on this device and was set aside.")


def held_views(store: Store) -> list[HeldRow]:
    """Rows held back on this device, with a reason in plain words (no values)."""
    return [
        HeldRow(str(r["entity"]), str(r["id"]), str(r["reason"]), str(r["at"]))
        for r in held_rows(store)
    ]


def summary(rejected: int, set_aside: int) -> str | None:
    """One line for the status bar and the command line, or None when there is nothing."""
    if not rejected and not set_aside:
        return None
    return t(
        "{rejected} changes refused by the hub, {held} received records set aside — "
        "see Sync problems.",
        rejected=rejected,
        held=set_aside,
    )
