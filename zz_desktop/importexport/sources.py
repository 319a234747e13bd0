"""One table read from a file, whatever its format: headers, rows with their position in the
file, and what was detected (encoding, separator). :func:`read_source` picks the reader."""

from __future__ import annotations

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


SUFFIXES = {
    ".csv": "csv",
    ".txt": "csv",
    ".tsv": "csv",
    ".tab": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".vcf": "vcard",
    ".vcard": "vcard",
}


def detect_kind(path: Path, head: bytes) -> str:
    kind = SUFFIXES.get(path.suffix.lower())
    if path.suffix.lower() == ".xls" or head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            t("{name} is an old Excel file (.xls); please save it as .xlsx or CSV.", name=path.name)
        )
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if b"BEGIN:VCARD" in head[:200].upper().replace(b"\x00", b""):
        return "vcard"
    return kind or "csv"


def read_source(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> SourceTable:
    """Read ``path`` (CSV, XLSX or vCard); ``encoding``/``delimiter``/``sheet`` override what
    would be detected. Raises :class:`ImportFileError` with one clear line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(t("The file {path} does not exist.", path=path)) from None
    except OSError as exc:
        raise ImportFileError(
            t("The file {path} cannot be read ({detail}).", path=path, detail=exc.strerror)
        ) from None
    if not data.strip(b"\r\n\t \x00\xef\xbb\xbf\xff\xfe"):
        raise ImportFileError(t("The file {path} is empty.", path=path))
    kind = detect_kind(path, data[:4096])
    if kind == "xlsx":
        from zz_desktop.importexport.xlsx_source import read_xlsx

        table = read_xlsx(data, sheet)
    elif kind == "vcard":
        from zz_desktop.importexport.vcard_source import read_vcard

        table = read_vcard(data, encoding)
    else:
        from zz_desktop.importexport.csv_source import read_csv

        table = read_csv(data, encoding, delimiter)
    table.path = path
    if not table.headers:
        raise ImportFileError(t("The file {path} holds no table.", path=path))
    return table
