"""The canonical JSON dump: every synced entity, rows sorted by id, keys sorted, no device-local
bookkeeping. Two profiles that have converged export byte-identical files."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import select

from zz_desktop.domain import roles
from zz_desktop.services import permissions
from zz_desktop.store.base import to_wire
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS

FORMAT = "zz-desktop-export"
VERSION = 1


def canonical_dump(store: Store) -> dict[str, Any]:
    entities: dict[str, list[dict[str, Any]]] = {}
    with store.read() as session:
        for name in sorted(SYNCED_MODELS):
            model = SYNCED_MODELS[name]
            rows = []
            for obj in session.scalars(select(model).order_by(model.id)):  # type: ignore[attr-defined]
                row = to_wire(obj)
                row["id"] = obj.id
                rows.append(row)
            entities[name] = rows
    return {"format": FORMAT, "version": VERSION, "entities": entities}


def write_json(store: Store, out: Path) -> int:
    """Write the canonical dump atomically; returns the number of rows."""
    permissions.require(store, roles.EXPORT_RECORDS)
    data = canonical_dump(store)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, separators=(",", ": "))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.write("\n")
        fh.flush()
        os.fsync(fh.fileno())
    tmp.replace(out)
    return sum(len(rows) for rows in data["entities"].values())
