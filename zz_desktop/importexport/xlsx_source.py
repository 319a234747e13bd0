"""Excel workbooks (.xlsx) via openpyxl: the first sheet (or a named one), the first non-empty
row as headers, cell values as text (whole numbers without ".0", dates as ISO dates)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import load_workbook

from zz_desktop.i18n import t
from zz_desktop.importexport.table import (
    ImportFileError,
    SourceRow,
    SourceTable,
    make_row,
    unique_headers,
)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def read_xlsx(data: bytes, sheet: str | None = None) -> SourceTable:
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(
            t("The Excel file cannot be read ({detail}).", detail=str(exc)[:120])
        ) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ImportFileError(
                t(
                    "The workbook has no sheet {sheet} (sheets: {names}).",
                    sheet=sheet,
                    names=", ".join(book.sheetnames),
                )
            )
        ws = book[sheet] if sheet else book.worksheets[0]
        headers: list[str] = []
        rows: list[SourceRow] = []
        empty = pending = 0
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            record = [cell_text(v) for v in values]
            if not any(c.strip() for c in record):
                pending += 1 if headers else 0
                continue
            if not headers:
                while record and not record[-1].strip():
                    record.pop()
                headers = unique_headers(record)
                continue
            rows.append(make_row(number, record, len(headers)))
            empty, pending = empty + pending, 0
        title = ws.title
    finally:
        book.close()
    # Empty rows count only between data rows (not the formatted tail of a sheet).
    return SourceTable("xlsx", headers, rows, sheet=title, empty_lines=empty)
