"""Reading one import file, whatever its format: :func:`read_source` recognises the kind (CSV,
XLSX, vCard) and hands the bytes to that reader. The table it returns is a
:class:`~zz_desktop.importexport.table.SourceTable`."""

from __future__ import annotations

from pathlib import Path

from zz_desktop.i18n import t

# The shared row types live in .table, which imports no reader: the readers below import it,
# not this module, so there is no import circle. Callers may keep importing them from here.
from zz_desktop.importexport.table import ImportFileError, SourceRow, SourceTable

__all__ = ["ImportFileError", "SourceRow", "SourceTable", "detect_kind", "read_source"]


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
    # Only the reader of this kind is imported: openpyxl and vobject are slow to import.
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
