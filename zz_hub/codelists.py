"""Code lists the hub reads from the shipped ``resources`` package: topics, WZ sections, Länder.

The hub may not import ``zz_desktop`` (except its domain), so it reads the CSV files itself.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from functools import cache
from importlib.resources import files
from typing import Any

from zz_protocol.schemas import TopicInfo

UNKNOWN = "?"


def _read(name: str) -> str:
    return (files("resources") / "codelists" / name).read_text(encoding="utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    try:
        return list(csv.DictReader(io.StringIO(_read(name))))
    except FileNotFoundError:
        return []


@cache
def versions() -> dict[str, str]:
    try:
        data: dict[str, Any] = json.loads(_read("VERSIONS.json"))
    except FileNotFoundError:
        data = {}
    return {str(k): str(v) for k, v in data.items()}


@cache
def topics() -> tuple[TopicInfo, ...]:
    return tuple(
        TopicInfo(code=r["code"], group=r["group"], label_de=r["label_de"], label_en=r["label_en"])  # type: ignore[arg-type]
        for r in _rows("topics.csv")
        if r.get("code")
    )


def topic_version() -> str:
    """The list's declared version, or a content hash when none is declared."""
    declared = versions().get("topics")
    if declared:
        return declared
    try:
        return hashlib.sha256(_read("topics.csv").encode()).hexdigest()[:12]
    except FileNotFoundError:
        return "none"


@cache
def _sections(version: str) -> dict[str, str]:
    name = "wz2008.csv" if version == "WZ2008" else "wz2025.csv"
    return {r["code"]: r["section"] for r in _rows(name) if r.get("code")}


def sector_section(code: Any, version: Any) -> str:
    """The WZ section letter of a sector code (a class, group, division or section)."""
    if not isinstance(code, str) or not code.strip():
        return UNKNOWN
    code = code.strip().upper()
    if code[0].isalpha():
        return code[0]
    table = _sections(version if isinstance(version, str) else "WZ2025")
    for candidate in (code, code[:5], code[:4], code[:2]):
        if candidate in table:
            return table[candidate]
    return UNKNOWN


@cache
def _laender() -> dict[str, str]:
    return {r["ags"]: r["iso"].removeprefix("DE-") for r in _rows("laender.csv") if r.get("ags")}


def land_of_ags(ags: Any) -> str | None:
    """Land code (e.g. "ST") from the first two digits of an AGS, or None."""
    if isinstance(ags, str) and len(ags) >= 2:
        return _laender().get(ags[:2])
    return None
