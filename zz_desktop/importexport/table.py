"""The row types every reader of an import file shares: one table with its headers and rows
(with their position in the file), the one error a reader raises, and the two helpers that make
headers unique and rows as wide as the header.

This module imports no reader, so the readers (CSV, XLSX, vCard) and :mod:`.sources`, which
picks the reader, can all import it without importing each other in a circle."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from zz_desktop.errors import UserError
from zz_desktop.i18n import t


class ImportFileError(UserError):
    """The file cannot be read at all (missing, empty, damaged, unknown format)."""

    exit_code = 5


@dataclass
class SourceRow:
    #: Where the row starts: the line of a CSV file, the row of a sheet, the card of a vCard file.
    number: int
    cells: list[str]
    #: The row as it stood in the file (for the report of rejected rows).
    raw: list[str]
    #: A structural problem found while reading (e.g. too many fields).
    problem: str | None = None


@dataclass
class SourceTable:
    kind: str  # "csv" | "xlsx" | "vcard"
    headers: list[str]
    rows: list[SourceRow]
    path: Path | None = None
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    #: Lines that held nothing (skipped, shown in the preview's summary).
    empty_lines: int = 0
    notes: list[str] = field(default_factory=list)

    def preview(self, limit: int = 20) -> list[list[str]]:
        return [r.cells for r in self.rows[:limit]]


def unique_headers(headers: list[str]) -> list[str]:
    """Header names as the mapping shows them: blanks named by position, repeats numbered."""
    seen: Counter[str] = Counter()
    out = []
    for i, raw in enumerate(headers):
        name = raw.strip().lstrip("\ufeff").strip() or t("Column {n}", n=i + 1)
        seen[name] += 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def make_row(number: int, record: list[str], width: int) -> SourceRow:
    """A row cut or padded to the header's ``width``; extra non-empty fields are a problem."""
    cells = [c.strip() for c in record]
    problem = None
    if len(cells) > width:
        extra = cells[width:]
        if any(extra):
            problem = t(
                "The row has {found} fields but the header has {expected} (a separator inside "
                "an unquoted value?).",
                found=len(cells),
                expected=width,
            )
        cells = cells[:width]
    cells += [""] * (width - len(cells))
    return SourceRow(number, cells, list(record), problem)
