"""CSV files as exported by Excel, Outlook, Thunderbird, CRM and event tools: the encoding
(UTF-8 with or without BOM, UTF-16, Windows-1252, ISO-8859-1) and the separator (``;`` ``,`` tab
``|``) are detected; quoted fields with separators and line breaks, and empty lines, are handled."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from typing import Any

from zz_desktop.i18n import t
from zz_desktop.importexport.table import (
    ImportFileError,
    SourceRow,
    SourceTable,
    make_row,
    unique_headers,
)

DELIMITERS = (";", ",", "\t", "|")
#: Bytes that Windows-1252 leaves undefined: a file holding them is ISO-8859-1 (C1 controls).
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)
SAMPLE_LINES = 60


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding name)``; ``encoding`` forces one."""
    if encoding:
        try:
            codecs.lookup(encoding)
            return data.decode(encoding), encoding
        except LookupError:
            raise ImportFileError(t("Unknown encoding {name}.", name=encoding)) from None
        except UnicodeDecodeError:
            raise ImportFileError(t("The file is not encoded in {name}.", name=encoding)) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:2000]:
        raise ImportFileError(t("The file is not a text file."))
    if any(b in _CP1252_UNDEFINED for b in data):
        return data.decode("iso-8859-1"), "iso-8859-1"
    # Without bytes 0x80–0x9F both read the same; Windows-1252 is what German Excel writes.
    return data.decode("cp1252"), "windows-1252"


def _records(text: str, delimiter: str) -> Any:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')


def detect_delimiter(text: str) -> str:
    """The separator that splits the first lines into the most consistent number of fields."""
    sample = "\n".join(text.splitlines()[:SAMPLE_LINES])
    best, best_score = ";", (-1, -1, 0)
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            rows = [r for r in _records(sample, delimiter) if any(c.strip() for c in r)]
        except csv.Error:
            continue
        if not rows:
            continue
        counts = Counter(len(r) for r in rows)
        width, consistent = counts.most_common(1)[0]
        if width < 2:
            continue
        score = (consistent, width, -rank)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes, encoding: str | None = None, delimiter: str | None = None) -> SourceTable:
    text, used = decode(data, encoding)
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    if match := _SEP_LINE.match(first_line):
        # Excel's "sep=;" hint line.
        delimiter = delimiter or match.group(1)
        text = text.split("\n", 1)[1] if "\n" in text else ""
    delimiter = delimiter or detect_delimiter(text)
    reader = _records(text, delimiter)
    headers: list[str] = []
    rows: list[SourceRow] = []
    empty = pending = 0
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in record):
                pending += 1 if headers else 0
                continue
            if not headers:
                headers = unique_headers(record)
                continue
            rows.append(make_row(start, record, len(headers)))
            empty, pending = empty + pending, 0
    except csv.Error as exc:
        raise ImportFileError(
            t("The CSV file is damaged near line {line} ({detail}).", line=line, detail=exc)
        ) from None
    return SourceTable("csv", headers, rows, encoding=used, delimiter=delimiter, empty_lines=empty)
