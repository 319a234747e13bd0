"""Tabular exports: CSV as German Excel opens it (UTF-8 with BOM, ``;``) and XLSX (openpyxl).

Used for the whole profile (``export --format csv|xlsx``) and for what a list view shows.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from zz_desktop.domain import roles
from zz_desktop.services import permissions
from zz_desktop.store.base import to_wire, wired_columns
from zz_desktop.store.database import Store
from zz_desktop.store.models import SYNCED_MODELS


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return value


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if v is None else _cell(v) for v in row])
            count += 1
    return count


def write_xlsx(
    path_or_store: Any,
    out: Path | None = None,
    sheets: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]] | None = None,
) -> int:
    """Write sheets to an XLSX file. Called as ``write_xlsx(store, out)`` for a whole profile or
    ``write_xlsx(path, sheets=...)`` for given tables."""
    from openpyxl import Workbook

    if isinstance(path_or_store, Store):
        assert out is not None
        sheets = _profile_tables(path_or_store)
        path = out
    else:
        path = Path(path_or_store)
    assert sheets is not None
    wb = Workbook(write_only=True)
    count = 0
    for name, (header, rows) in sheets.items():
        ws = wb.create_sheet(title=name[:31])
        ws.append(list(header))
        for row in rows:
            ws.append([_cell(v) for v in row])
            count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return count


def _profile_tables(store: Store) -> dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]]:
    permissions.require(store, roles.EXPORT_RECORDS)
    tables: dict[str, tuple[Sequence[str], Iterable[Sequence[Any]]]] = {}
    with store.read() as session:
        for name in sorted(SYNCED_MODELS):
            model = SYNCED_MODELS[name]
            objs = session.scalars(select(model).order_by(model.id)).all()  # type: ignore[attr-defined]
            header = ["id", *wired_columns(model)]
            rows = [[o.id, *to_wire(o, header[1:]).values()] for o in objs]
            tables[name] = (header, rows)
    return tables


def write_csv_folder(store: Store, folder: Path) -> int:
    count = 0
    for name, (header, rows) in _profile_tables(store).items():
        count += write_csv(folder / f"{name}.csv", header, rows)
    return count
