"""The report of rejected rows: CSV in UTF-8 with BOM and ``;`` (opens correctly in German
Excel), each rejected row as it stood in the file, preceded by its position and the reason."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from zz_desktop.i18n import t
from zz_desktop.importexport.table import ImportFileError


@dataclass(frozen=True)
class Rejected:
    number: int
    raw: Sequence[str]
    reasons: Sequence[str]


def default_report_path(source: Path) -> Path:
    return source.with_name(f"{source.stem}.rejected.csv")


def write_report(path: Path, headers: Sequence[str], rejected: Iterable[Rejected]) -> int:
    """Write the report; returns the number of rows written."""
    count = 0
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", quoting=csv.QUOTE_MINIMAL)
            writer.writerow([t("Line"), t("Reason"), *headers])
            for item in rejected:
                writer.writerow([item.number, " | ".join(item.reasons), *item.raw])
                count += 1
    except OSError as exc:
        raise ImportFileError(
            t("The report {path} cannot be written ({detail}).", path=path, detail=exc.strerror)
        ) from None
    return count
